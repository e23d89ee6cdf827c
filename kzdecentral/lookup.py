"""Small helpers the chapters use to pick a row of a table and to word a printed figure.

Chapters glue numbers into prose from the data; these helpers keep that plumbing short and
fail loudly when a pattern matches no row or several rows (so a changed table is noticed).
"""

from __future__ import annotations

import pandas as pd


def row(df: pd.DataFrame, column: str, pattern: str) -> pd.Series:
    """The one row of ``df`` whose ``column`` matches the regular expression ``pattern``."""
    hit = df[df[column].astype(str).str.contains(pattern, case=False, regex=True, na=False)]
    if len(hit) != 1:
        raise LookupError(f"{len(hit)} rows of column {column!r} match {pattern!r}, expected exactly 1")
    return hit.iloc[0]


def number(value: float) -> str:
    """A printed figure with thousands separators and no spurious decimals (8500 -> '8,500')."""
    v = float(value)
    if v >= 1_000_000 and (v / 1_000_000) * 10 == int((v / 1_000_000) * 10):
        m = v / 1_000_000
        return f"{int(m) if m.is_integer() else m} million"
    return f"{int(v):,}" if v.is_integer() else f"{v:,}"


def figure(value: float, qualifier: str | None = "", unit: str | None = "") -> str:
    """A figure worded as printed: qualifier, number, unit ('more than 8,500 functions')."""
    q = "" if qualifier is None or pd.isna(qualifier) else str(qualifier).strip()
    u = "" if unit is None or pd.isna(unit) else str(unit).strip()
    num = number(value)
    if u in ("%", "percent"):
        num, u = num + "%", ""
    return " ".join(p for p in (q, num, u) if p)


def problem_lists(problems: pd.DataFrame) -> pd.DataFrame:
    """The article's two lists of problems side by side, matched by the ``counterpart`` column.

    One row per position in the results list, plus a row for each conclusion item that has no
    counterpart there; an empty cell means the problem is absent from that list.
    """
    res = problems[problems["listed_in"] == "results"].sort_values("position")
    con = problems[problems["listed_in"] == "conclusion"].sort_values("position").set_index("problem_id")
    rows, used = [], set()
    for r in res.itertuples(index=False):
        cp = r.counterpart if isinstance(r.counterpart, str) and r.counterpart in con.index else None
        if cp:
            used.add(cp)
        rows.append(
            {
                "Results list": f"{int(r.position)}. {r.problem}",
                "Conclusion list": f"{int(con.loc[cp, 'position'])}. {con.loc[cp, 'problem']}"
                if cp
                else "(not listed)",
                "Matched in the other list": "yes" if cp else "no",
            }
        )
    for pid, c in con.iterrows():
        if pid not in used:
            rows.append(
                {
                    "Results list": "(not listed)",
                    "Conclusion list": f"{int(c['position'])}. {c['problem']}",
                    "Matched in the other list": "no",
                }
            )
    return pd.DataFrame(rows)


def table(df: pd.DataFrame):
    """A data frame styled for the book: no index column, text left-aligned."""
    return (
        df.style.hide(axis="index")
        .set_properties(**{"text-align": "left", "vertical-align": "top"})
        .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
    )


class Plain:
    """A string that displays without quotation marks when glued into prose.

    ``glue("name", "text")`` would show ``'text'`` (the repr of a str); ``glue("name",
    plain("text"))`` shows ``text``.
    """

    def __init__(self, text: object):
        self.text = str(text)

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def _repr_pretty_(self, p, cycle) -> None:
        p.text(self.text)


def plain(text: object) -> Plain:
    """Wrap ``text`` for glueing into prose without quotation marks."""
    return Plain(text)


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def words(n) -> str:
    """A count as prose writes it: a word up to ten, digits (with thousands commas) above."""
    n = int(n)
    return _WORDS.get(n, f"{n:,}")


def list_items(lists: pd.DataFrame, list_id: str) -> pd.DataFrame:
    """The items of one list of the ``lists`` table, in printed order."""
    return lists[lists["list_id"] == list_id].sort_values("position")
