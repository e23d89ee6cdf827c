"""Findings about lists and labels the article prints: numbering gaps, lists printed twice, unit labels."""

from __future__ import annotations

import re

import pandas as pd

from ..cells import optional_int


def _unit_label(label: object) -> str:
    """The name of a unit kind in a printed label: counts, names and level phrases removed."""
    t = re.sub(r"\([^)]*\)", " ", str(label))
    t = re.sub(r"\b(of )?the (first|second|third|fourth) level\b", " ", t, flags=re.I)
    t = re.sub(r"^[\s\-–—:]+|[\s\-–—:,]+$", "", re.sub(r"\s+", " ", t))
    return t.lower()


def unit_labels_across_levels(admin_units: pd.DataFrame) -> dict:
    """Unit names that the article prints at more than one level, with the counts at each."""
    df = admin_units.copy()
    df["label_key"] = df["label_as_printed"].map(_unit_label)
    levels = df.groupby("label_key")["level"].nunique()
    keys = sorted(levels[levels > 1].index)
    table = df.loc[df["label_key"].isin(keys), ["label_key", "label_as_printed", "level", "count", "unit_type"]]
    return {
        "labels": keys,
        "table": table.sort_values(["label_key", "level"]).reset_index(drop=True),
        "holds": len(table) > 0,
    }


def numbering_gaps(df: pd.DataFrame, column: str = "number_printed") -> dict:
    """Numbers missing from a printed numbered list (e.g. 1, 2, 4: 3 is missing)."""
    nums = sorted({int(x) for x in df[column].map(optional_int).dropna()})
    gaps = [k for k in range(1, (max(nums) if nums else 0) + 1) if k not in nums]
    return {"numbers": nums, "gaps": gaps, "holds": bool(gaps)}


def problems_lists_differ(problems: pd.DataFrame) -> dict:
    """The problems listed with the results against those in the conclusion.

    Items are paired through ``counterpart`` (the edition's pairing); an item without a
    counterpart in the other list is reported as found in one list only.
    """
    ids = set(problems["problem_id"])
    only: dict[str, list[str]] = {}
    paired = 0
    for r in problems.itertuples():
        cp = getattr(r, "counterpart", None)
        has = cp is not None and not (isinstance(cp, float) and pd.isna(cp)) and str(cp).strip() in ids
        if has:
            paired += 1
        else:
            only.setdefault(r.listed_in, []).append(r.problem)
    places = sorted(problems["listed_in"].dropna().unique())
    for p in places:
        only.setdefault(p, [])
    return {
        "places": places,
        "sizes": {p: int((problems["listed_in"] == p).sum()) for p in places},
        "paired": paired // 2,
        "only_in": only,
        "holds": any(only.values()),
    }


def keyword_lists_differ(keywords: pd.DataFrame) -> dict:
    """Keywords per language, and the English keywords with no counterpart in another language."""
    sizes = keywords.groupby("lang").size().to_dict()
    en = keywords.loc[keywords["lang"] == "en"]
    missing = {}
    for lang in sorted(set(keywords["lang"]) - {"en"}):
        have = set(keywords.loc[keywords["lang"] == lang, "en_position"].map(optional_int).dropna())
        missing[lang] = en.loc[~en["position"].map(optional_int).isin(have), "keyword"].tolist()
    return {
        "sizes": {k: int(v) for k, v in sizes.items()},
        "missing": missing,
        "holds": len(set(sizes.values())) > 1 or any(missing.values()),
    }
