"""Helpers for single cells of the data tables: a cell as an optional integer, a text cell
shortened or wrapped into lines for a chart label."""

from __future__ import annotations

import textwrap

import pandas as pd


def optional_int(value) -> int | None:
    """A cell as an ``int``, or None when it is empty (None, NaN, ``pd.NA`` or blank text).

    Numbers and numeric text (``3``, ``3.0``, ``"3"``) give the whole number; anything else
    raises ``ValueError`` naming the value, so a bad cell is never read as an empty one.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # a list or other non-scalar: not a cell value
        pass
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError(f"not a whole number: {value!r}") from None
    if not number.is_integer():
        raise ValueError(f"not a whole number: {value!r}")
    return int(number)


def shorten(text: object, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, ending in an ellipsis."""
    return textwrap.shorten(str(text), width=width, placeholder="…")


def wrap_lines(text: object, width: int) -> str:
    """``text`` on lines of at most ``width`` characters joined by newlines (Vega ``lineBreak``).

    Words are never broken: a word longer than ``width`` stands on a line of its own.
    """
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)
