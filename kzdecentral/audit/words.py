"""Words of a printed text, compared without case, spacing or small function words."""

from __future__ import annotations

import re

import pandas as pd


def normalised(text: object) -> str:
    """``text`` in lower case with runs of white space as one space; empty for a missing cell."""
    return re.sub(r"\s+", " ", str(text if text is not None and not pd.isna(text) else "")).strip().lower()


_STOP = {"a", "an", "and", "in", "of", "on", "the", "to"}


def content_words(text: object) -> set[str]:
    """Content words of a title (lower case, small function words left out)."""
    return set(re.findall(r"[a-z]+", normalised(text))) - _STOP
