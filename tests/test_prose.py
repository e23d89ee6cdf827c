"""The prose helpers of the chapters (kzdecentral.prose) and the cell helpers (kzdecentral.cells)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from myst_nb.ext import glue as nb_glue

from kzdecentral import cells, data, prose
from kzdecentral.lookup import plain


def test_glue_many_glues_every_value_hidden(monkeypatch):
    shown = []
    monkeypatch.setattr(nb_glue, "ipy_display", lambda bundle, raw, metadata: shown.append((bundle, metadata)))
    prose.glue_many(m_n=69, m_period=plain("February 2024"), m_share=18.8)
    assert [m["scrapbook"]["name"] for _, m in shown] == ["m_n", "m_period", "m_share"]
    # display=False: every bundle carries myst-nb's hidden prefix, so nothing shows at the cell
    assert all(m["scrapbook"]["mime_prefix"] == nb_glue.GLUE_PREFIX for _, m in shown)
    texts = [b[nb_glue.GLUE_PREFIX + "text/plain"] for b, _ in shown]
    assert texts == ["69", "February 2024", "18.8"]


def test_glue_many_with_nothing_glues_nothing(monkeypatch):
    shown = []
    monkeypatch.setattr(nb_glue, "ipy_display", lambda *a, **k: shown.append(a))
    prose.glue_many()
    assert shown == []


@pytest.mark.parametrize(
    "items,kwargs,expected",
    [
        ([], {}, "none"),
        (["a"], {}, "a"),
        (["a", "b"], {}, "a and b"),
        (["a", "b", "c"], {"conj": "or"}, "a, b or c"),
        (["x", "y"], {"quote": True}, "\u201cx\u201d and \u201cy\u201d"),
    ],
)
def test_listing(items, kwargs, expected):
    assert prose.listing(items, **kwargs) == expected


def test_month_year():
    assert prose.month_year("2024-02") == "February 2024"
    assert prose.month_year(pd.Timestamp("2023-11-30")) == "November 2023"


def test_akimat_powers_keep_printed_numbers():
    powers = data.load("akimat_powers")
    md = prose.akimat_powers_list(powers).data
    numbers = sorted(int(x) for x in powers["number_printed"].dropna())
    for k in numbers:
        assert f"- **{k})** " in md
    assert md.count("- **") == len(numbers)


def test_levels_bodies_table_has_one_row_per_level():
    levels = data.load("gov_levels")
    table = prose.levels_bodies_table(levels).data
    assert len(table) == levels["level"].nunique()


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, None),
        (np.nan, None),
        (pd.NA, None),
        ("", None),
        ("  ", None),
        (3, 3),
        (np.int64(4), 4),
        (5.0, 5),
        ("6", 6),
        (" 7.0 ", 7),
    ],
)
def test_optional_int(value, expected):
    assert cells.optional_int(value) == expected


@pytest.mark.parametrize("value", ["abc", "3.5", 2.5])
def test_optional_int_rejects_what_is_not_a_whole_number(value):
    with pytest.raises(ValueError, match="not a whole number"):
        cells.optional_int(value)


def test_wrap_lines_never_breaks_a_word():
    assert cells.wrap_lines("one two three", 7) == "one two\nthree"
    assert cells.wrap_lines("decentralization of power", 8) == "decentralization\nof power"
    assert cells.wrap_lines("", 8) == ""


def test_shorten():
    assert cells.shorten("the stages of decentralization", 20) == "the stages of…"
    assert cells.shorten("short", 20) == "short"
