"""Prose helpers for the chapters: lists worded as English, dates as words, tables and
Markdown made from the data, and glueing several values at once.

Chapters glue every number the data hold into their sentences (myst-nb ``glue``);
:func:`glue_many` glues several values in one call. :func:`levels_bodies_table` and
:func:`akimat_powers_list` turn a table of the data package into what a page shows.
"""

from __future__ import annotations

import pandas as pd

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
    kinds = {"executive": "Executive (akim)", "representative": "Representative (maslikhat)",
             "community": "Local community"}
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
        "(a dash: the article names no body of that kind on that level)")


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
