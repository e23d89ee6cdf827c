"""The timeline chart of the history chapter: every printed date only as precise as printed."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..shaping import PRECISION_LABELS, timeline_spans
from .core import ChartHTML, show


def stages(timeline: pd.DataFrame, country: str = "Kazakhstan") -> ChartHTML:
    """The stages of decentralization on a time axis, each date only as precise as printed.

    Day-precise dates are diamonds; a year-only (or month-only) date is a pale, outlined bar over
    its whole year (or month), a period a solid bar over its years. Shape and fill say which is
    which, as do the legend and the label text (which repeats the printed date): colour is never
    the only cue.
    """
    if "country" in timeline.columns:
        timeline = timeline[timeline["country"] == country]
    df = timeline_spans(timeline)
    first, last = int(df["start"].str[:4].min()), int(df["end"].str[:4].max())
    order = df["label"].tolist()
    present = [p for p in PRECISION_LABELS if p in set(df["precision"])]
    legend_domain = [PRECISION_LABELS[p] for p in present]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=460))
    tooltip = [
        alt.Tooltip("date_printed:N", title="Date as printed"),
        alt.Tooltip("precision_label:N", title="Precision"),
        alt.Tooltip("event:N", title="Event"),
        alt.Tooltip("section:N", title="Article section"),
        alt.Tooltip("locator:N", title="Where"),
    ]
    colour = alt.Color(
        "precision_label:N",
        title="How the date is printed",
        scale=alt.Scale(domain=legend_domain),
        legend=alt.Legend(orient="bottom", direction="horizontal"),
    )
    # legend symbols: a solid bar for a period, an outlined one (a bar with a hole) otherwise
    bar_path = "M-1,-0.4H1V0.4H-1Z"
    outlined_bar_path = bar_path + "M-0.8,-0.2V0.2H0.8V-0.2Z"
    symbols = {"day": "diamond", "period": bar_path}
    shape = alt.Shape(
        "precision_label:N",
        title="How the date is printed",
        scale=alt.Scale(domain=legend_domain, range=[symbols.get(p, outlined_bar_path) for p in present]),
        legend=alt.Legend(orient="bottom", direction="horizontal"),
    )
    # a bar for a single printed year or month is pale with a full outline, a period's bar solid
    fill_opacity = alt.FillOpacity(
        "precision_label:N",
        title="How the date is printed",
        scale=alt.Scale(
            type="ordinal", domain=legend_domain, range=[1 if p in ("day", "period") else 0.25 for p in present]
        ),
        legend=None,
    )  # the legend's shapes say it (outlined_bar_path)
    outline = alt.Stroke("precision_label:N", scale=alt.Scale(domain=legend_domain), legend=None)
    base = alt.Chart(df)
    spans = (
        base.transform_filter(alt.datum.precision != "day")
        .mark_bar(height=9, cornerRadius=2, strokeWidth=1.5)
        .encode(
            x=alt.X(
                "start:T",
                title="Year",
                axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}),
                scale=alt.Scale(domain=[f"{first}-01-01", f"{last + 1}-01-01"]),
            ),
            x2="end:T",
            y=y,
            color=colour,
            shape=shape,
            fillOpacity=fill_opacity,
            stroke=outline,
            tooltip=tooltip,
        )
    )
    points = (
        base.transform_filter(alt.datum.precision == "day")
        .mark_point(shape="diamond", size=120, filled=True, opacity=1)
        .encode(x="start:T", y=y, color=colour, shape=shape, tooltip=tooltip)
    )
    chart = (spans + points).properties(
        title=alt.Title(
            f"Stages of decentralization in {country}, {first}–{last}",
            subtitle="Diamonds: exact day printed; outlined bars: a year only; solid bars: a period",
        ),
        width=360,
        height=alt.Step(26),
    )
    parts = []
    for r in df.itertuples():
        parts.append(f"{r.date_printed} ({r.precision_label}): {r.event}")
    desc = (
        "Timeline of the events the article names, earliest first, each shown only as precisely as "
        "the article dates it. " + "; ".join(parts) + "."
    )
    data = df[["event_id", "date_printed", "precision", "start", "end", "event", "section", "locator"]]
    return show(chart, name="history-timeline", description=desc, data=data)
