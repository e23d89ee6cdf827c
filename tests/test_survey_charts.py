"""The survey figures: bound controls with clear names, data for every level and method."""

from __future__ import annotations

import json

from kzdecentral import charts, data, stats


def _bindings(chart) -> dict[str, dict]:
    spec = chart.vegalite()
    return {p["name"]: p["bind"] for p in spec.get("params", []) if "bind" in p}


def test_figure_1_controls_and_data():
    answers = data.load("survey_answers")
    n = int(data.load("survey")["sample_size"].iloc[0])
    c = charts.survey_shares(answers, n)
    binds = _bindings(c)
    assert set(binds) == {"shares_shown", "conf_level", "ci_method", "answer_order"}
    names = {b["name"].strip() for b in binds.values()}
    assert names == set(charts.SURVEY_CONTROLS.values())
    assert binds["conf_level"]["options"] == [80, 90, 95, 99]
    df = c.data
    assert len(df) == len(answers) * 2 * len(stats.LEVELS) * 2
    # the interval in the chart data is the one stats.intervals gives
    row = df[(df.version == "recomputed") & (df.level_pct == 90) & (df.method == "beta") & (df.answer_id == 4)].iloc[0]
    ci = stats.intervals([15], n, 0.90, "beta").iloc[0]
    assert row["low"] == ci["low"] and row["high"] == ci["high"]
    # the printed row of the unattainable share carries the note and the gap
    printed = df[(df.version == "printed") & (df.answer_id == 4)].iloc[0]
    assert printed["share"] == 21.4 and printed["gap"] == -0.3 and "no count" in printed["note"]
    json.dumps(c.vega())  # compiles


def test_differences_chart():
    answers = data.load("survey_answers")
    c = charts.survey_differences(answers, 69)
    assert "diff_level" in _bindings(c)
    d95 = c.data[c.data.level_pct == 95]
    assert len(d95) == 6 and (d95["verdict"] == "not supported").all()
    assert "Differences supported at 95%: 0" in c.description


def test_notebook_explorer_reacts_to_its_controls():
    answers = data.load("survey_answers")
    box = stats.explorer(answers, 69)
    level, method, highlight = box.children[0].children
    assert (level.description, method.description, highlight.description) == (
        "Confidence level", "Interval method", "Highlight answer")
    assert {v for _, v in method.options} == set(stats.METHODS)
    for change in (lambda: setattr(level, "value", 0.9), lambda: setattr(method, "value", "beta"),
                   lambda: setattr(highlight, "value", "Hard to say"),
                   lambda: setattr(method, "value", "sison-glaz")):
        change()  # each redraws without error
