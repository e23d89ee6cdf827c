"""Findings about places and their classification: survey regions, levels of bodies and units, unit labels."""

from __future__ import annotations

import re

import pandas as pd

from .words import normalised


def survey_regions(regions: pd.DataFrame, admin_units: pd.DataFrame) -> dict:
    """The survey's places: their order in the two descriptions, and places called regions that are not.

    ``order``: the places in each description's order; ``not_regions``: survey places that
    the units table counts as a unit of another type (Astana: the capital).
    """
    order = {
        col.removeprefix("order_"): regions.sort_values(col)["region"].tolist()
        for col in ("order_methodology", "order_results")
    }
    named = []
    for u in admin_units.itertuples():
        for n in str(u.names_printed if isinstance(u.names_printed, str) else "").split(";"):
            named.append((normalised(n), u.unit_type))
    not_regions = [
        {"place": r.region, "unit_type": t}
        for r in regions.itertuples()
        for n, t in named
        if n and n == normalised(r.region) and "region" not in t
    ]
    orders_differ = len({tuple(v) for v in order.values()}) > 1
    return {
        "order": order,
        "orders_differ": orders_differ,
        "not_regions": not_regions,
        "holds": orders_differ or bool(not_regions),
    }


def village_level(gov_levels: pd.DataFrame, admin_units: pd.DataFrame) -> dict:
    """Bodies printed at one level whose unit (the edition's ``unit_id``) is counted at another."""
    units = admin_units.set_index("unit_id")
    rows = []
    for b in gov_levels.itertuples():
        uid = b.unit_id if isinstance(b.unit_id, str) else ""
        if uid and uid in units.index and int(units.loc[uid, "level"]) != int(b.level):
            rows.append(
                {
                    "body": b.body,
                    "body_level": int(b.level),
                    "unit": units.loc[uid, "label_as_printed"],
                    "unit_level": int(units.loc[uid, "level"]),
                }
            )
    table = pd.DataFrame(rows, columns=["body", "body_level", "unit", "unit_level"])
    return {"table": table, "holds": len(table) > 0}


_REPEAT = re.compile(r"\b(\w+), \1\b", re.I)


def repeated_unit_words(admin_units: pd.DataFrame) -> dict:
    """Unit labels that print the same word twice for one count ('villages, villages (82)')."""
    rows = [
        {"label": u.label_as_printed, "word": m.group(1), "count": int(u.count), "level": int(u.level)}
        for u in admin_units.itertuples()
        if (m := _REPEAT.search(str(u.label_as_printed)))
    ]
    table = pd.DataFrame(rows, columns=["label", "word", "count", "level"])
    return {"table": table, "holds": len(table) > 0}


def shared_functions(functions: pd.DataFrame) -> dict:
    """Functions of one tier whose words all recur in a function of another tier of the same country.

    ``secondary education`` (gmina) is contained in ``secondary vocational education`` (powiat).
    """
    rows = []
    for country, df in functions.groupby("country"):
        items = [(r.unit, r.function, set(re.findall(r"[a-z]+", normalised(r.function)))) for r in df.itertuples()]
        for ua, fa, wa in items:
            for ub, fb, wb in items:
                if ua != ub and len(wa) > 1 and wa < wb:
                    rows.append(
                        {"country": country, "unit": ua, "function": fa, "other_unit": ub, "other_function": fb}
                    )
    table = pd.DataFrame(rows, columns=["country", "unit", "function", "other_unit", "other_function"])
    return {"table": table, "holds": len(table) > 0}
