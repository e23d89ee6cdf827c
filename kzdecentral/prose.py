"""Prose helpers for the chapters: lists worded as English, dates as words, tables and
Markdown made from the data, and glueing several values at once.

Chapters glue every number the data hold into their sentences (myst-nb ``glue``);
:func:`glue_many` glues several values in one call. :func:`levels_bodies_table` and
:func:`akimat_powers_list` turn a table of the data package into what a page shows;
:func:`describe` and :func:`describe_checks` describe the data package for the data chapter.
"""

from __future__ import annotations

import re

import pandas as pd

from . import data
from .shaping import LEVEL_NAMES


def glue_many(**values) -> None:
    """Glue each value under its keyword's name, without displaying it.

    ``glue_many(m_n=69, m_start="February 2024")`` is ``glue("m_n", 69, display=False)``
    followed by ``glue("m_start", "February 2024", display=False)``.
    """
    from myst_nb import glue

    for name, value in values.items():
        glue(name, value, display=False)


def listing(items, conj: str = "and", quote: bool = False) -> str:
    """``a, b and c`` (optionally each in double quotes); ``none`` for an empty list."""
    items = [f"\u201c{i}\u201d" if quote else str(i) for i in items]
    if not items:
        return "none"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]


def month_year(value) -> str:
    """'2024-02' (or a date) as 'February 2024'."""
    return pd.Period(str(value)[:7], freq="M").strftime("%B %Y")


def levels_bodies_table(levels: pd.DataFrame):
    """The levels of local government and their bodies, one row per level, as a table.

    Columns are the kinds of body (executive, representative, community); a cell lists the
    bodies of that kind the article places on that level, a dash when it names none.
    """
    kinds = {
        "executive": "Executive (akim)",
        "representative": "Representative (maslikhat)",
        "community": "Local community",
    }
    df = levels.copy()
    rows = []
    for level, grp in df.sort_values(["level", "body_id"]).groupby("level", sort=True):
        row = {"Level": LEVEL_NAMES.get(int(level), f"Level {level}")}
        for kind, head in kinds.items():
            bodies = grp.loc[grp["body_kind"] == kind, "body"].tolist()
            row[head] = "; ".join(bodies) if bodies else "—"
        rows.append(row)
    table = pd.DataFrame(rows)
    return table.style.hide(axis="index").set_caption(
        "Levels of local government and their bodies, grouped as printed in the article "
        "(a dash: the article names no body of that kind on that level)"
    )


def akimat_powers_list(powers: pd.DataFrame):
    """The akimats' powers as a list that keeps the article's own item numbers.

    Rows without a printed number form the lead-in; numbered rows keep their printed number
    (a Markdown ordered list would renumber 1, 2, 4 as 1, 2, 3, so the numbers are text).
    """
    from IPython.display import Markdown

    lead = powers[powers["number_printed"].isna()]["power"].tolist()
    items = powers.dropna(subset=["number_printed"]).copy()
    items["n"] = items["number_printed"].astype(int)
    lines = []
    if lead:
        lines.append("In addition to the tasks below, akimats " + "; ".join(lead) + ".\n")
    for r in items.sort_values("n").itertuples():
        lines.append(f"- **{r.n})** {r.power[0].upper()}{r.power[1:]}")
    return Markdown("\n".join(lines))


# ---------------------------------------------------------------- the data chapter: the package described

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text) -> str:
    """Text for Markdown that shows as itself: every ASCII punctuation sign backslash-escaped."""
    return _PUNCT.sub(r"\\\1", " ".join(str(text).split()))


def _constraints(field: dict, schema: dict) -> str:
    c = dict(field.get("constraints", {}))
    c.pop("required", None)
    if field["name"] == data.names(schema.get("primaryKey")):
        c["primary key"] = True
    parts = [k if v is True else f"{k} {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in c.items()]
    return "; ".join(parts)


def describe(tables: dict[str, pd.DataFrame]) -> str:
    """MyST Markdown describing every table of the package (rows counted in ``tables``).

    For each table: title, description, download link, row count, keys, the article's sections
    it draws on and a table of its fields (the rows themselves are one click away, in the CSV).
    All text from the files is escaped, so a stray tag shows as text.
    """
    out = ["| Table | Title | Rows | Fields | File |", "|---|---|---|---|---|"]
    resources = data.package()["resources"]
    for res in resources:
        out.append(
            f"| {md_escape(res['name'])} | {md_escape(res.get('title', ''))} | "
            f"{len(tables[res['name']])} | {len(res['schema']['fields'])} | "
            f"{{download}}`{res['path']} <../data/{res['path']}>` |"
        )
    for res in resources:
        schema, df = res["schema"], tables[res["name"]]
        title = f"{res['name']}: {res['title']}" if res.get("title") else res["name"]
        out += ["", f"```{{rubric}} {md_escape(title)}", "```", ""]
        if res.get("description"):
            out += [md_escape(res["description"]), ""]
        facts = [f"{{download}}`{res['path']} <../data/{res['path']}>`", f"{len(df)} row{'s' if len(df) != 1 else ''}"]
        if schema.get("primaryKey"):
            facts.append("primary key " + md_escape(data.names(schema["primaryKey"])))
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            target = f"{ref.get('resource') or res['name']}.{data.names(ref['fields'])}"
            facts.append(f"foreign key {md_escape(data.names(fk['fields']))} → {md_escape(target)}")
        if "section" in df:
            facts.append(
                "drawn from the article's "
                + "; ".join(f"“{md_escape(s)}”" for s in dict.fromkeys(df["section"].dropna()))
            )
        out += [" · ".join(facts), ""]
        out += ["| Field | Type | Rules | Description |", "|---|---|---|---|"]
        for f in schema["fields"]:
            rules = (
                (["required"] if f.get("constraints", {}).get("required") else [])
                + ([_constraints(f, schema)] if _constraints(f, schema) else [])
                + ([f"unit: {f['unit']}"] if f.get("unit") else [])
            )
            cells = [f["name"], f.get("type", "string"), "; ".join(rules) or "–", f.get("description", "–")]
            out.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def describe_checks() -> str:
    """MyST Markdown listing what the loader checks: the schema's rules, then :data:`kzdecentral.data.CHECKS`."""
    used: dict[str, int] = {}
    for res in data.package()["resources"]:
        schema = res["schema"]
        for f in schema["fields"]:
            used["type"] = used.get("type", 0) + 1
            for k in f.get("constraints", {}):
                used[k] = used.get(k, 0) + 1
        for k in ("primaryKey", "foreignKeys"):
            if schema.get(k):
                used[k] = used.get(k, 0) + 1
    names = {"primaryKey": "primary key", "foreignKeys": "foreign keys"}
    schema_part = ", ".join(f"{md_escape(names.get(k, k))} ({v})" for k, v in used.items())
    lines = [
        f"- From the schemas in datapackage.json, applied by Frictionless (rule and how "
        f"many fields or tables use it): {schema_part}; plus the header, which must name "
        f"the fields in order, and rows that must all have as many cells as the header."
    ]
    lines += [f"- {md_escape(k)}: {md_escape(v)}" for k, v in data.CHECKS.items()]
    return "\n".join(lines) + "\n"
