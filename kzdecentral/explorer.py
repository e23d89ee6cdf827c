"""The ipywidgets explorer of the survey intervals, for Jupyter (it needs a live kernel).

The book's HTML offers the same choices through the bound controls of its survey figure
(:func:`kzdecentral.charts.survey.shares`), which run without a kernel.
"""

from __future__ import annotations

import pandas as pd

from . import charts, stats


def survey_intervals(answers: pd.DataFrame, n: int):
    """An ipywidgets explorer of the survey intervals, for Jupyter (needs a live kernel).

    Controls: a confidence level slider (80-99 %), an interval method dropdown and an answer
    to highlight. The output shows the chart (static SVG, so it needs no JavaScript) and the
    table of intervals (:func:`view`); the box keeps what it shows last as ``box.view``.
    The book's HTML offers the same choices through the Altair controls
    of its survey figure, which run without a kernel.
    """
    import ipywidgets as w
    from IPython.display import display

    level = w.FloatSlider(
        value=0.95,
        min=0.80,
        max=0.99,
        step=0.01,
        description="Confidence level",
        readout_format=".0%",
        style={"description_width": "initial"},
        continuous_update=False,
    )
    method = w.Dropdown(
        options=[(stats.METHODS[m], m) for m in (*stats.BINOMIAL_METHODS, *stats.SIMULTANEOUS_METHODS)],
        value="wilson",
        description="Interval method",
        style={"description_width": "initial"},
    )
    labels = answers.sort_values("answer_id")["answer_label"].tolist()
    highlight = w.Dropdown(
        options=[("none", "")] + [(lab, lab) for lab in labels],
        value="",
        description="Highlight answer",
        style={"description_width": "initial"},
    )
    out = w.Output()
    box = w.VBox([w.HBox([level, method, highlight]), out])

    def redraw(*_):
        box.view = view(answers, n, level=level.value, method=method.value, highlight=highlight.value or None)
        with out:
            out.clear_output(wait=True)
            display(box.view["chart"])
            display(box.view["table"])

    for control in (level, method, highlight):
        control.observe(redraw, names="value")
    redraw()
    return box


def view(
    answers: pd.DataFrame, n: int, level: float = 0.95, method: str = "wilson", highlight: str | None = None
) -> dict:
    """What the explorer shows for one choice of its controls: ``chart`` and ``table``.

    The chart is :func:`kzdecentral.charts.survey.intervals_at`; the table gives each answer's
    count, share and interval (per cent, one decimal). The explorer keeps the last one as
    ``box.view``.
    """
    labels = answers.sort_values("answer_id")["answer_label"].tolist()
    chart = charts.survey.intervals_at(answers, n, level=level, method=method, highlight=highlight)
    ci = stats.intervals(answers.sort_values("answer_id")["count"], n, level=level, method=method)
    ci.insert(0, "answer", labels)
    return {"chart": chart, "table": ci[["answer", "count", "share", "low", "high"]].round(1)}
