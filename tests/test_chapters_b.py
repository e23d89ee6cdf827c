"""Tests of the builders and helpers added for the history, international, problems and
recommendations chapters."""

import pandas as pd
import pytest

from kzdecentral import charts, coding, data, lookup, shaping


def test_timeline_spans_keep_printed_precision():
    spans = shaping.timeline_spans(data.load("timeline")).set_index("event_id")
    for event_id, r in spans.iterrows():
        start, end = pd.Timestamp(r["start"]), pd.Timestamp(r["end"])
        if r["precision"] == "day":
            assert start == end
        elif r["precision"] == "year":
            assert (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
            assert start.year == end.year
        else:
            assert end > start


def test_history_timeline_names_every_kazakh_event():
    timeline = data.load("timeline")
    chart = charts.timeline.stages(timeline)
    kz = timeline[timeline["country"] == "Kazakhstan"]
    assert len(chart.data) == len(kz)
    for printed in kz["date_printed"]:
        assert str(printed) in chart.description


def test_tier_grid_invents_no_turkish_tier_names():
    grid = shaping.tier_grid(data.load("intl_tiers"), data.load("intl_facts"),
                            data.load("admin_units"), data.load("gov_levels"))
    turkey = grid[grid["country"] == "Turkey"]
    facts = data.load("intl_facts").set_index("fact_id")
    assert len(turkey) == int(facts.loc["tr_tiers", "value"])
    assert (turkey["tier"] == "").all()
    chart = charts.tiers.side_by_side(grid)
    assert "not named" in chart.description


def test_coding_refers_to_existing_rows_and_renders():
    recs, probs = data.load("recommendations"), data.load("problems")
    table = coding.rec_problem_coding()
    coding.check(table, recs, probs)
    assert not table.duplicated(["rec_id", "problem_id"]).any()
    assert (table["coded_by"] == "this edition").all()
    chart = charts.coding.matrix(table, recs, probs)
    assert "coded by this edition" in chart.description
    assert len(chart.data) == len(recs) * len(probs)


def test_problem_lists_keep_every_problem():
    probs = data.load("problems")
    paired = lookup.problem_lists(probs)
    cells = [c for c in pd.concat([paired["Results list"], paired["Conclusion list"]]) if c != "(not listed)"]
    assert len(cells) == len(probs)


@pytest.mark.parametrize("value,qualifier,unit,expected", [
    (8500, "more than", "functions", "more than 8,500 functions"),
    (40, "up to", "percent", "up to 40%"),
    (2000000, "over", "inhabitants", "over 2 million inhabitants"),
])
def test_figure_wording(value, qualifier, unit, expected):
    assert lookup.figure(value, qualifier, unit) == expected


def test_plain_has_no_quotes():
    assert repr(lookup.plain("2022-2024")) == "2022-2024"
