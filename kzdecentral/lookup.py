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
