"""The survey figures: bound controls with clear names, data for every level and method."""

from __future__ import annotations

import json

from kzdecentral import charts, data, explorer, stats


def _bindings(chart) -> dict[str, dict]:
    spec = chart.vegalite()
    return {p["name"]: p["bind"] for p in spec.get("params", []) if "bind" in p}


def test_figure_1_controls_and_data():
    answers = data.load("survey_answers")
    n = int(data.load("survey")["sample_size"].iloc[0])
    c = charts.survey.shares(answers, n)
    binds = _bindings(c)
    assert set(binds) == {"shares_shown", "conf_level", "ci_method", "answer_order"}
    names = {b["name"].strip() for b in binds.values()}
    assert names == set(charts.survey.CONTROLS.values())
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
    c = charts.survey.differences(answers, 69)
    assert "diff_level" in _bindings(c)
    d95 = c.data[c.data.level_pct == 95]
    assert len(d95) == 6 and (d95["verdict"] == "not supported").all()
    assert "Differences supported at 95%: 0" in c.description


def _interval_rows(view) -> list[tuple[float, float]]:
    return [(r.low, r.high) for r in view["table"].itertuples()]


def test_notebook_explorer_reacts_to_its_controls():
    answers = data.load("survey_answers")
    box = explorer.survey_intervals(answers, 69)
    level, method, highlight = box.children[0].children
    assert (level.description, method.description, highlight.description) == (
        "Confidence level",
        "Interval method",
        "Highlight answer",
    )
    assert {v for _, v in method.options} == set(stats.METHODS)
    counts = answers.sort_values("answer_id")["count"]

    def expected(lv, m):
        ci = stats.intervals(counts, 69, level=lv, method=m).round(1)
        return list(zip(ci["low"], ci["high"], strict=True))

    # at first: 95 % Wilson, nothing highlighted
    assert _interval_rows(box.view) == expected(0.95, "wilson")
    assert set(box.view["chart"].data["highlight"]) == {"other"}
    assert "95% Wilson score interval" in json.dumps(box.view["chart"].vegalite())
    wide = box.view["table"]["high"] - box.view["table"]["low"]

    level.value = 0.9  # a lower level: the table and chart follow, every interval narrower
    assert _interval_rows(box.view) == expected(0.9, "wilson")
    assert ((box.view["table"]["high"] - box.view["table"]["low"]) < wide).all()
    assert list(box.view["chart"].data["low"].round(1)) == [lo for lo, _ in expected(0.9, "wilson")]

    method.value = "beta"  # another method: Clopper-Pearson intervals at the level chosen
    assert _interval_rows(box.view) == expected(0.9, "beta")
    assert "90% Clopper-Pearson (exact) interval" in json.dumps(box.view["chart"].vegalite())

    highlight.value = "Hard to say"  # one answer highlighted, the others dimmed
    marks = box.view["chart"].data.set_index("answer_label")["highlight"]
    assert marks["Hard to say"] == "highlighted" and (marks.drop("Hard to say") == "other").all()

    method.value = "sison-glaz"  # simultaneous intervals for all answers
    assert _interval_rows(box.view) == expected(0.9, "sison-glaz")
    assert box.view["table"]["count"].tolist() == counts.tolist()
