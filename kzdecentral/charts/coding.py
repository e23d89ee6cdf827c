"""This edition's coding of which problem each recommendation answers, as a matrix."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..cells import shorten
from .core import PRIMARY, ChartHTML, show


def matrix(coding: pd.DataFrame, recommendations: pd.DataFrame, problems: pd.DataFrame) -> ChartHTML:
    """Which problem each recommendation answers, as coded by this edition.

    ``coding`` has one row per (rec_id, problem_id) pair that the edition codes as answered,
    with the ``basis`` (the words of the recommendation the coding rests on). Every pair of a
    recommendation and a problem is drawn: coded pairs get a filled dot and the word "yes",
    the rest stay empty, so the answer is read from marks and text, not from colour.
    """
    recs = recommendations.sort_values("rec_id")
    probs = problems.copy()
    probs["list_order"] = probs["listed_in"].map({"results": 0, "conclusion": 1})
    probs = probs.sort_values(["list_order", "position"] if "position" in probs else ["list_order", "problem_id"])
    grid = probs.merge(recs, how="cross")
    grid = grid.merge(coding[["rec_id", "problem_id", "basis"]], on=["rec_id", "problem_id"], how="left")
    grid["answered"] = grid["basis"].notna()
    grid["answer_text"] = grid["answered"].map({True: "yes", False: ""})
    grid["basis"] = grid["basis"].fillna("no explicit link in the recommendation's wording")
    grid["rec_label"] = [
        f"Recommendation {int(i)}: {shorten(t, 46)}"
        for i, t in zip(grid["rec_id"], grid["recommendation"], strict=True)
    ]
    grid["problem_label"] = [
        f"{pid} ({lst}): {shorten(p, 58)}"
        for pid, lst, p in zip(grid["problem_id"], grid["listed_in"], grid["problem"], strict=True)
    ]
    rec_order = list(dict.fromkeys(grid.sort_values("rec_id")["rec_label"]))
    prob_order = [
        lab for pid in probs["problem_id"] for lab in dict.fromkeys(grid[grid["problem_id"] == pid]["problem_label"])
    ]
    tooltip = [
        alt.Tooltip("rec_label:N", title="Recommendation"),
        alt.Tooltip("problem_label:N", title="Problem"),
        alt.Tooltip("answer_text:N", title="Answered (this edition's coding)"),
        alt.Tooltip("basis:N", title="Basis of the coding"),
    ]
    base = alt.Chart(grid).encode(
        x=alt.X(
            "rec_label:N",
            sort=rec_order,
            title="Recommendation of the conclusion",
            axis=alt.Axis(labelAngle=0, labelLimit=170, orient="top", labelExpr="split(datum.label, ': ')[0]"),
        ),
        y=alt.Y("problem_label:N", sort=prob_order, title=None, axis=alt.Axis(labelLimit=460)),
        tooltip=tooltip,
    )
    frame = base.mark_rect(fill="white", stroke="#bbbbbb")
    dots = base.transform_filter(alt.datum.answered).mark_circle(size=260, opacity=1, color=PRIMARY)
    text = base.transform_filter(alt.datum.answered).mark_text(dx=22, align="left").encode(text="answer_text:N")
    chart = (frame + dots + text).properties(
        title=alt.Title(
            "Which problems do the recommendations answer? (this edition's coding)",
            subtitle=[
                "Rows: problems as listed in the results (r) and in the conclusion (c)",
                "Dot and 'yes': the recommendation's wording addresses the problem",
            ],
        ),
        width=alt.Step(130),
        height=alt.Step(30),
    )
    parts = []
    for r in recs.itertuples():
        hit = grid[(grid["rec_id"] == r.rec_id) & grid["answered"]]["problem_id"].tolist()
        parts.append(f"recommendation {int(r.rec_id)} answers {', '.join(hit) if hit else 'none'}")
    unanswered = [p for p in probs["problem_id"] if not grid[(grid["problem_id"] == p) & grid["answered"]].shape[0]]
    desc = (
        "Matrix of the article's recommendations against the problems it lists, coded by this edition: "
        + "; ".join(parts)
        + ". Problems no recommendation answers: "
        + (", ".join(unanswered) if unanswered else "none")
        + "."
    )
    data = grid[["rec_id", "problem_id", "listed_in", "answered", "basis"]].sort_values(["rec_id", "problem_id"])
    return show(chart, name="rec-problem-coding", description=desc, data=data)
