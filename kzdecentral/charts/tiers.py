"""The tiers of local government of several countries side by side (international chapter)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..cells import wrap_lines
from .core import ChartHTML, show

#: Text shown in a tier cell whose name the article does not print.
UNNAMED_TIER = "tier not named in the article"


def side_by_side(grid: pd.DataFrame, countries: tuple[str, ...] = ("Kazakhstan", "Poland", "Turkey")) -> ChartHTML:
    """The tiers of local government of several countries as a labelled grid, highest on top.

    ``grid`` is the output of :func:`kzdecentral.shaping.tier_grid`. Each cell names the tier as printed (head and
    rough Kazakh counterpart in the tooltip). Tiers the article counts but does not name are
    drawn with a dashed outline and the words "tier not named in the article".
    """
    df = grid[grid["country"].isin(countries)].copy()
    df["tier"] = df["tier"].fillna("").astype(str)
    df["named"] = df["tier"].str.strip() != ""
    df["cell_text"] = [wrap_lines(t if n else UNNAMED_TIER, 30) for t, n in zip(df["tier"], df["named"], strict=True)]
    for col in ("kazakh_equivalent", "head"):
        df[col] = df[col].fillna("").astype(str).replace("", "not stated")
    df["named_label"] = df["named"].map({True: "named in the article", False: "not named in the article"})
    df = df.sort_values(["country", "rank"]).reset_index(drop=True)
    order = [c for c in countries if c in set(df["country"])]
    x = alt.X(
        "country:N",
        sort=order,
        title=None,
        axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold", labelFontSize=13),
    )
    y = alt.Y("rank:O", title="Tier, counted from the top (1 = highest)", sort="ascending")
    tooltip = [
        alt.Tooltip("country:N", title="Country"),
        alt.Tooltip("rank:O", title="Tier from the top"),
        alt.Tooltip("tier:N", title="Tier as printed"),
        alt.Tooltip("kazakh_equivalent:N", title="Rough Kazakh equivalent"),
        alt.Tooltip("head:N", title="Head or bodies"),
        alt.Tooltip("named_label:N", title="Name"),
    ]
    base = alt.Chart(df).encode(x=x, y=y, tooltip=tooltip)
    # the fill is not the only cue: an unnamed tier's cell says so in words (UNNAMED_TIER)
    domain = ["named in the article", "not named in the article"]
    cells = base.mark_rect(stroke="#444444", strokeWidth=1.2, cornerRadius=3).encode(
        fill=alt.Fill("named_label:N", title="Tier", scale=alt.Scale(domain=domain, range=["#cfe3f2", "#ffffff"]))
    )
    # one text mark per line, shifted so that the block of lines is centred in its cell
    # (with a y offset, a band scale places marks at the start of the band, hence step / 2)
    step = 84
    lines = []
    for r in df.itertuples(index=False):
        parts = r.cell_text.split("\n")
        for i, line in enumerate(parts):
            lines.append(
                {
                    "country": r.country,
                    "rank": r.rank,
                    "line": line,
                    "named": r.named,
                    "offset": step / 2 + (i - (len(parts) - 1) / 2) * 15,
                }
            )
    lines = pd.DataFrame(lines)
    text_base = alt.Chart(lines).encode(x=x, y=y, yOffset=alt.YOffset("offset:Q", scale=None), text="line:N")
    text_named = text_base.transform_filter(alt.datum.named).mark_text(fontSize=12, baseline="middle")
    text_unnamed = text_base.transform_filter(~alt.datum.named).mark_text(
        fontSize=11, baseline="middle", fontStyle="italic", color="#444444"
    )
    chart = alt.layer(cells, text_named, text_unnamed).properties(
        title=alt.Title(
            "Tiers of local government: " + ", ".join(order[:-1]) + " and " + order[-1],
            subtitle="As printed in the article, highest tier on top",
        ),
        width=alt.Step(215),
        height=alt.Step(step),
    )
    parts = []
    for c in order:
        sub = df[df["country"] == c]
        names = [t if n else "not named" for t, n in zip(sub["tier"], sub["named"], strict=True)]
        parts.append(f"{c}, {len(sub)} tiers from the top down: " + " | ".join(names))
    desc = "Grid of local-government tiers as the article prints them. " + "; ".join(parts) + "."
    if (~df["named"]).any():
        desc += " Tiers marked not named are counted by the article without a name."
    data = df[["country", "rank", "tier", "kazakh_equivalent", "head", "source"]]
    return show(chart, name="intl-tiers", description=desc, data=data)
