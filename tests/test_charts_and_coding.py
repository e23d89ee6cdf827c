"""The chart builders of the history, international and recommendations chapters (timeline,
tiers of government, the recommendation-problem coding) and this edition's coding itself."""

import pandas as pd

from kzdecentral import charts, coding, data, shaping


def test_timeline_spans_keep_printed_precision():
    spans = shaping.timeline_spans(data.load("timeline")).set_index("event_id")
    for _, r in spans.iterrows():
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
    grid = shaping.tier_grid(
        data.load("intl_tiers"), data.load("intl_facts"), data.load("admin_units"), data.load("gov_levels")
    )
    turkey = grid[grid["country"] == "Turkey"]
    facts = data.load("intl_facts").set_index("fact_id")
    assert len(turkey) == int(facts.loc["tr_tiers", "value"])
    assert (turkey["tier"] == "").all()
    chart = charts.tiers.side_by_side(grid)
    assert "not named" in chart.description


def test_coding_refers_to_existing_rows_and_renders():
    recs, probs = data.load("recommendations"), data.load("problems")
    table = coding.rec_problem_coding()
    coding.check_refs(table, recs, probs)
    assert not table.duplicated(["rec_id", "problem_id"]).any()
    assert (table["coded_by"] == "this edition").all()
    chart = charts.coding.matrix(table, recs, probs)
    assert "coded by this edition" in chart.description
    assert len(chart.data) == len(recs) * len(probs)
