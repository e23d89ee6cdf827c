"""The survey charts (Figure 1 rebuilt, the differences between answers, the explorer's view).

* :func:`shares`: printed and recomputed shares with intervals, bound controls;
* :func:`differences`: every difference between two answer shares, with intervals;
* :func:`intervals_at`: recomputed shares with intervals for one level and method (the
  notebook explorer's static view).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import stats
from ..shaping import SHARE_VERSIONS, survey_figure_data
from .core import MUTED, PALETTE, PRIMARY, ChartHTML, show

#: Names of the bound controls of the survey figure (the HTML shows them as labels; the
#: browser test finds the controls by them).
CONTROLS = {
    "shown": "Shares shown",
    "level": "Confidence level (%)",
    "method": "Interval method",
    "order": "Order of answers",
}
PLOT_WIDTH = 300


def shares(answers: pd.DataFrame, n: int) -> ChartHTML:
    """Figure 1 rebuilt: printed and recomputed shares of each answer, with intervals.

    Controls (Vega bindings, work without a kernel): which shares are shown, the confidence
    level (80/90/95/99 %, precomputed), the interval method (Wilson or Clopper-Pearson) and
    the order of the answers. Defaults: both shares, 95 %, Wilson, article order.
    """
    df = survey_figure_data(answers, n)
    shown = alt.param(
        name="shares_shown",
        value="both",
        bind=alt.binding_radio(
            options=["both", "printed", "recomputed"],
            labels=["both", "as printed", "recomputed from counts"],
            name=CONTROLS["shown"] + " ",
        ),
    )
    level = alt.param(
        name="conf_level",
        value=95,
        bind=alt.binding_select(
            options=list(int(round(lv * 100)) for lv in stats.LEVELS),
            labels=[f"{int(round(lv * 100))} %" for lv in stats.LEVELS],
            name=CONTROLS["level"] + " ",
        ),
    )
    method = alt.param(
        name="ci_method",
        value="wilson",
        bind=alt.binding_radio(
            options=["wilson", "beta"],
            labels=[stats.METHODS["wilson"], stats.METHODS["beta"]],
            name=CONTROLS["method"] + " ",
        ),
    )
    order = alt.param(
        name="answer_order",
        value="article",
        bind=alt.binding_select(
            options=["article", "desc", "asc"],
            labels=["as in the article", "largest share first", "smallest share first"],
            name=CONTROLS["order"] + " ",
        ),
    )

    versions = list(SHARE_VERSIONS.values())
    y = alt.Y(
        "answer_label:N",
        title=None,
        sort=alt.EncodingSortField(field="sort_key", op="min", order="ascending"),
        axis=alt.Axis(labelLimit=200, labelExpr="split(datum.label, '; ')"),
    )
    rows = [versions[0], "interval", versions[1]]  # diamond above, interval line, circle below
    y_offset = alt.YOffset("row:N", sort=rows, scale=alt.Scale(domain=rows, paddingOuter=0.4))
    x_scale = alt.Scale(domain=[0, 60])
    # every layer: the chosen level and method; the sort key follows the order control
    base = (
        alt.Chart(df)
        .transform_filter((alt.datum.level_pct == level) & (alt.datum.method == method))
        .transform_calculate(
            sort_key=alt.expr.if_(
                order == "desc",
                -alt.datum.share_sort,
                alt.expr.if_(order == "asc", alt.datum.share_sort, alt.datum.answer_id),
            ),
            label=alt.expr.format(alt.datum.share, ".1f") + "%",
            interval=alt.expr.format(alt.datum.low, ".1f") + "-" + alt.expr.format(alt.datum.high, ".1f"),
            row=alt.datum.version_label,
        )
    )
    tooltip = [
        alt.Tooltip("answer_label:N", title="Answer"),
        alt.Tooltip("version_label:N", title="Share"),
        alt.Tooltip("share:Q", title="Share (%)", format=".1f"),
        alt.Tooltip("count:Q", title="Count (edition's reconstruction)"),
        alt.Tooltip("low:Q", title="Interval, low (%)", format=".1f"),
        alt.Tooltip("high:Q", title="Interval, high (%)", format=".1f"),
        alt.Tooltip("method_label:N", title="Method"),
        alt.Tooltip("note:N", title="Note"),
    ]
    shape = alt.Shape(
        "version_label:N", title="Share", sort=versions, scale=alt.Scale(domain=versions, range=["diamond", "circle"])
    )
    colour = alt.Color(
        "version_label:N",
        title="Share",
        sort=versions,
        scale=alt.Scale(domain=versions, range=[PALETTE[1], PALETTE[0]]),
    )
    # the interval belongs to the answer (it comes from the count): one line per answer,
    # drawn whichever shares are shown
    whisker = (
        base.transform_filter(alt.datum.version == "recomputed")
        .transform_calculate(row="'interval'")
        .mark_rule(color="#1a1a1a", strokeWidth=1.5)
        .encode(
            y=y,
            yOffset=y_offset,
            x=alt.X("low:Q", title="Share of the experts (%)", scale=x_scale),
            x2="high:Q",
            tooltip=tooltip,
        )
    )
    shown_rows = base.transform_filter((shown == "both") | (alt.datum.version == shown))
    points = shown_rows.mark_point(filled=True, size=90, opacity=1).encode(
        y=y, yOffset=y_offset, x=alt.X("share:Q", scale=x_scale), shape=shape, color=colour, tooltip=tooltip
    )
    # labels in a column right of the plot, so they never cross an interval line
    labels = (
        shown_rows.mark_text(align="left", dx=10, fontSize=11)
        .encode(y=y, yOffset=y_offset, x=alt.value(PLOT_WIDTH), text=alt.Text("label_text:N"))
        .transform_calculate(
            label_text=alt.expr.if_(
                alt.datum.version == "printed",
                alt.datum.label
                + " printed"
                + alt.expr.if_(alt.datum.gap != 0, " (not k/" + alt.expr.toString(alt.datum.n) + ")", ""),
                alt.datum.label + " = " + alt.expr.toString(alt.datum["count"]) + "/" + alt.expr.toString(alt.datum.n),
            ),
        )
    )
    chart = (
        alt.layer(whisker, points, labels)
        .add_params(shown, level, method, order)
        .properties(
            title=alt.Title(
                "How experts assess decentralization of power in Kazakhstan",
                subtitle=[
                    f"Expert survey, n = {n}. Diamonds: shares as printed;",
                    f"circles: count / {n}; line: confidence interval from the count.",
                ],
            ),
            width=PLOT_WIDTH,
            height=300,
            autosize=alt.AutoSizeParams(type="pad", resize=True),
        )
    )
    rec = stats.reconstruction(answers, n)
    ci95 = stats.intervals(rec["count"], n, 0.95, "wilson")
    parts = []
    for r, c in zip(rec.itertuples(), ci95.itertuples(), strict=True):
        parts.append(
            f"{r.answer_label}: printed {r.share_printed:.1f}%, recomputed {r.share_recomputed:.1f}% "
            f"({r.count} of {n}), 95% Wilson interval {c.low:.1f} to {c.high:.1f}%"
        )
    gaps = rec.loc[~rec["reproduces"]]
    gap_txt = "".join(
        f" No count out of {n} gives the printed {g.share_printed:.1f}% for '{g.answer_label}'; "
        f"the nearest attainable share is {g.nearest_share:.1f}%."
        for g in gaps.itertuples()
    )
    desc = "Dot plot of the four answers to the survey question. " + "; ".join(parts) + "." + gap_txt
    return show(chart, name="survey-shares", description=desc, data=df)


def intervals_at(
    answers: pd.DataFrame, n: int, level: float = 0.95, method: str = "wilson", highlight: str | None = None
) -> ChartHTML:
    """Recomputed shares with intervals for one level and method (used by the notebook explorer)."""
    base = answers.sort_values("answer_id").reset_index(drop=True)
    ci = stats.intervals(base["count"], n, level=level, method=method)
    ci["answer_label"] = base["answer_label"]
    ci["highlight"] = [("highlighted" if lab == highlight else "other") for lab in ci["answer_label"]]
    order = ci["answer_label"].tolist()
    enc = {"y": alt.Y("answer_label:N", sort=order, title=None)}
    opacity = (
        alt.condition(alt.datum.highlight == "highlighted", alt.value(1), alt.value(0.35))
        if highlight
        else alt.value(1)
    )
    rule = (
        alt.Chart(ci)
        .mark_rule(strokeWidth=2, color="#1a1a1a")
        .encode(
            x=alt.X(
                "low:Q",
                title=f"Share of the experts (%), {level:.0%} {stats.METHODS[method]} interval",
                scale=alt.Scale(domain=[0, 60]),
            ),
            x2="high:Q",
            opacity=opacity,
            **enc,
        )
    )
    pts = alt.Chart(ci).mark_point(filled=True, size=90).encode(x="share:Q", opacity=opacity, **enc)
    txt = (
        alt.Chart(ci)
        .mark_text(align="left", dx=8)
        .encode(x="high:Q", text=alt.Text("share:Q", format=".1f"), opacity=opacity, **enc)
    )
    chart = (rule + pts + txt).properties(
        title=f"Survey shares (count / {n}) with {level:.0%} intervals", width=460, height=alt.Step(34)
    )
    desc = "; ".join(f"{r.answer_label}: {r.share:.1f}% ({r.low:.1f} to {r.high:.1f})" for r in ci.itertuples())
    return show(chart, name="survey-intervals", description=desc, data=ci)


def differences(answers: pd.DataFrame, n: int) -> ChartHTML:
    """Differences between every two answer shares, with intervals (this edition's analysis).

    Wald intervals with the multinomial covariance, one per pair, for 80/90/95/99 % (bound
    select, default 95 %); the label gives McNemar's exact p-value after Holm's correction.
    A line at zero marks "no difference".
    """
    base = answers.sort_values("answer_id").reset_index(drop=True)
    frames = []
    for level in stats.LEVELS:
        pairs = stats.pairwise_differences(base["count"], n, base["answer_label"], level=level)
        pairs["level_pct"] = int(round(level * 100))
        frames.append(pairs)
    df = pd.concat(frames, ignore_index=True)
    short = lambda s: s.str.split(";").str[0]  # noqa: E731  (the label's part before a semicolon)
    df["pair"] = short(df["answer_a"]) + "|minus " + short(df["answer_b"])
    df["verdict"] = df["supported"].map({True: "supported", False: "not supported"})
    df = df[
        [
            "pair",
            "answer_a",
            "answer_b",
            "count_a",
            "count_b",
            "diff",
            "diff_low",
            "diff_high",
            "p_value",
            "p_adjusted",
            "verdict",
            "level_pct",
        ]
    ]
    order = df.loc[df["level_pct"] == 95].sort_values("diff", ascending=False)["pair"].tolist()
    level = alt.param(
        name="diff_level",
        value=95,
        bind=alt.binding_select(
            options=[int(round(lv * 100)) for lv in stats.LEVELS],
            labels=[f"{int(round(lv * 100))} %" for lv in stats.LEVELS],
            name="Confidence level of the differences (%) ",
        ),
    )
    x_scale = alt.Scale(domain=[-30, 50])
    y = alt.Y("pair:N", sort=order, title=None, axis=alt.Axis(labelLimit=220, labelExpr="split(datum.label, '|')"))
    chart_base = alt.Chart(df).transform_filter(alt.datum.level_pct == level)
    tooltip = [
        alt.Tooltip("answer_a:N", title="Answer A"),
        alt.Tooltip("answer_b:N", title="Answer B"),
        alt.Tooltip("diff:Q", title="Difference (points)", format=".1f"),
        alt.Tooltip("diff_low:Q", title="Interval, low", format=".1f"),
        alt.Tooltip("diff_high:Q", title="Interval, high", format=".1f"),
        alt.Tooltip("p_value:Q", title="Exact p", format=".3f"),
        alt.Tooltip("p_adjusted:Q", title="Holm-adjusted p", format=".3f"),
        alt.Tooltip("verdict:N", title="Difference"),
    ]
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=MUTED, strokeDash=[4, 3]).encode(x="x:Q")
    rule = chart_base.mark_rule(color="#1a1a1a", strokeWidth=1.5).encode(
        y=y,
        x=alt.X("diff_low:Q", scale=x_scale, title="Difference between two shares (percentage points)"),
        x2="diff_high:Q",
        tooltip=tooltip,
    )
    pts = chart_base.mark_point(filled=True, size=70, color=PRIMARY).encode(
        y=y, x=alt.X("diff:Q", scale=x_scale), tooltip=tooltip
    )
    txt = (
        chart_base.mark_text(align="left", dx=10, fontSize=11)
        .encode(y=y, x=alt.value(300), text="label:N")
        .transform_calculate(label="'Holm p ' + format(datum.p_adjusted, '.2f') + ', ' + datum.verdict")
    )
    chart = (
        alt.layer(zero, rule, pts, txt)
        .add_params(level)
        .properties(
            title=alt.Title(
                "Which differences between answers can 69 experts show?".replace("69", str(n)),
                subtitle=[
                    "Line: interval of each difference, not adjusted for the number of pairs;",
                    "verdict: McNemar's exact test with Holm's correction.",
                ],
            ),
            width=300,
            height=alt.Step(40),
            autosize=alt.AutoSizeParams(type="pad", resize=True),
        )
    )
    d95 = df.loc[df["level_pct"] == 95]
    n_sup = int((d95["verdict"] == "supported").sum())
    desc = (
        f"Interval plot of the {len(d95)} differences between two answer shares, 95% level. "
        + "; ".join(
            f"{r.answer_a} minus {r.answer_b}: {r.diff:.1f} points ({r.diff_low:.1f} to {r.diff_high:.1f}), "
            f"Holm-adjusted p {r.p_adjusted:.2f}"
            for r in d95.itertuples()
        )
        + f". Differences supported at 95%: {n_sup}."
    )
    return show(chart, name="survey-differences", description=desc, data=df)
