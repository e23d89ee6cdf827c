"""The chapters' small helpers (``kzdecentral.lookup``): the paired problem lists and the
wording of a printed figure."""

import pandas as pd
import pytest

from kzdecentral import data, lookup


def test_problem_lists_keep_every_problem():
    probs = data.load("problems")
    paired = lookup.problem_lists(probs)
    cells = [c for c in pd.concat([paired["Results list"], paired["Conclusion list"]]) if c != "(not listed)"]
    assert len(cells) == len(probs)


@pytest.mark.parametrize(
    "value,qualifier,unit,expected",
    [
        (8500, "more than", "functions", "more than 8,500 functions"),
        (40, "up to", "percent", "up to 40%"),
        (2000000, "over", "inhabitants", "over 2 million inhabitants"),
    ],
)
def test_figure_wording(value, qualifier, unit, expected):
    assert lookup.figure(value, qualifier, unit) == expected


def test_plain_has_no_quotes():
    assert repr(lookup.plain("2022-2024")) == "2022-2024"
