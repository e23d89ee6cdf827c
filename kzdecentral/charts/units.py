"""The administrative-territorial units of Kazakhstan by level (legal framework chapter)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..shaping import LEVEL_NAMES
from .core import PALETTE, ChartHTML, show


def by_level(units: pd.DataFrame) -> ChartHTML:
    """Administrative-territorial units by level: a dot plot on a logarithmic scale.

    One row per printed count, grouped in one panel per level; every dot is labelled with its
    printed count, and the levels also differ by the shape of the dot (never colour alone).
    The counts range from 1 to a few thousand, hence the logarithmic x axis.
    """
    df = units[["unit_id", "level", "unit_type", "count", "label_as_printed"]].copy()
    df["level_name"] = df["level"].map(LEVEL_NAMES).fillna("Level " + df["level"].astype(str))
    df["count_label"] = df["count"].map(lambda v: f"{int(v):,}")
    df["unit"] = df["unit_type"].map(lambda t: str(t)[:1].upper() + str(t)[1:])
    order = df.sort_values(["level", "count"], ascending=[True, False])["unit"].tolist()
    top = float(df["count"].max()) * 4
    x = alt.X(
        "count:Q",
        title="Number of units, as printed (logarithmic scale)",
        scale=alt.Scale(type="log", domain=[0.7, top], nice=False),
        axis=alt.Axis(values=[1, 10, 100, 1000], format=",d", grid=True),
    )
    tooltip = [
        alt.Tooltip("level_name:N", title="Level"),
        alt.Tooltip("unit:N", title="Unit"),
        alt.Tooltip("label_as_printed:N", title="Label as printed"),
        alt.Tooltip("count:Q", title="Count as printed", format=",d"),
    ]
    base = alt.Chart().encode(y=alt.Y("unit:N", sort=order, title=None), x=x, tooltip=tooltip)
    dots = base.mark_point(filled=True, size=90).encode(
        shape=alt.Shape(
            "level_name:N",
            title="Level",
            scale=alt.Scale(domain=list(LEVEL_NAMES.values()), range=["circle", "square", "triangle-up"]),
        ),
        color=alt.Color(
            "level_name:N", title="Level", scale=alt.Scale(domain=list(LEVEL_NAMES.values()), range=PALETTE[:3])
        ),
    )
    labels = base.mark_text(align="left", dx=8, fontWeight="bold").encode(text="count_label:N")
    chart = (
        alt.layer(dots, labels, data=df)
        .properties(width=430)
        .facet(
            row=alt.Row(
                "level_name:N",
                title=None,
                sort=list(LEVEL_NAMES.values()),
                header=alt.Header(
                    labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top", labelFontWeight="bold"
                ),
            ),
        )
        .resolve_scale(y="independent")
        .properties(
            title=alt.Title(
                "Administrative-territorial units of Kazakhstan, by level",
                subtitle="Counts as printed in the article; logarithmic scale",
            )
        )
    )
    parts = []
    for name, grp in df.sort_values(["level", "count"], ascending=[True, False]).groupby("level_name", sort=False):
        parts.append(f"{name}: " + ", ".join(f"{r.unit} {r.count_label}" for r in grp.itertuples()))
    desc = (
        "Dot plot on a logarithmic scale of the number of administrative-territorial units "
        "at each level, as printed in the article. " + "; ".join(parts) + "."
    )
    return show(
        chart,
        name="units-by-level",
        description=desc,
        data=df[["unit_id", "level", "unit_type", "label_as_printed", "count"]],
    )
