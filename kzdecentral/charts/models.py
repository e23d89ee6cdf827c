"""Models of local government: the features the article lists, by theme (types and models chapter)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..cells import wrap_lines
from .core import MUTED, ChartHTML, show

#: Order of the models in the feature matrix: the three classic models, then Kazakhstan.
MODEL_ORDER = ["anglo_saxon", "continental", "mixed", "kazakhstan"]
#: Text shown in a cell of the feature matrix for which the article lists no feature.
NOT_LISTED = "not listed"


def feature_matrix(coded: pd.DataFrame, models: pd.DataFrame, theme_order: list[str] | None = None) -> ChartHTML:
    """Themes (rows) by models (columns); each cell shows the printed features, or 'not listed'.

    ``coded`` is the output of :func:`kzdecentral.shaping.code_model_features`. The cells carry text, not values:
    a shaded cell has at least one printed feature, a white one has none and says so.
    """
    names = {k: str(v)[:1].upper() + str(v)[1:] for k, v in zip(models["model_id"], models["model"], strict=True)}
    order_ids = [m for m in MODEL_ORDER if m in names] + [m for m in names if m not in MODEL_ORDER]
    model_order = [names[m] for m in order_ids]
    themes = theme_order or list(dict.fromkeys(coded["theme"]))
    df = coded.copy()
    df["model"] = df["model_id"].map(names)
    df["feature"] = df["feature"].map(lambda f: str(f)[:1].upper() + str(f)[1:])
    cells = df.sort_values("feature_id").groupby(["theme", "model"], sort=False)["feature"].apply(list).reset_index()
    grid = pd.MultiIndex.from_product([themes, model_order], names=["theme", "model"]).to_frame(index=False)
    grid = grid.merge(cells, on=["theme", "model"], how="left")
    grid["listed"] = grid["feature"].map(lambda v: isinstance(v, list))
    grid["n"] = grid["feature"].map(lambda v: len(v) if isinstance(v, list) else 0)
    grid["features"] = grid["feature"].map(lambda v: "; ".join(v) if isinstance(v, list) else NOT_LISTED)
    grid["cell_text"] = grid["feature"].map(
        lambda v: "\n".join(wrap_lines("• " + f, 25) for f in v) if isinstance(v, list) else NOT_LISTED
    )
    grid["status"] = grid["listed"].map({True: "Listed in the article", False: "Not listed"})
    grid = grid.drop(columns="feature")
    grid["lines"] = grid["cell_text"].str.count("\n") + 1
    col_w = 165
    colour = alt.Color(
        "status:N",
        title="Cell",
        scale=alt.Scale(domain=["Listed in the article", "Not listed"], range=["#d9ecf7", "#ffffff"]),
    )
    tooltip = [
        alt.Tooltip("model:N", title="Model"),
        alt.Tooltip("theme:N", title="Theme (this edition's coding)"),
        alt.Tooltip("features:N", title="Features as listed in the article"),
        alt.Tooltip("n:Q", title="Number of features"),
    ]
    # One view for the whole grid: each theme row is as tall as its longest cell, laid out
    # here in pixels (y0..y1), so the compiled chart stays small (one mark per layer).
    row_h = {th: 14 * int(grid.loc[grid["theme"] == th, "lines"].max()) + 14 for th in themes}
    tops = dict(zip(themes, [sum(row_h[t] for t in themes[:i]) for i in range(len(themes))], strict=True))
    grid["y0"] = grid["theme"].map(tops)
    grid["y1"] = grid["y0"] + grid["theme"].map(row_h)
    grid["ytext"] = grid["y0"] + 7
    grid["ymid"] = (grid["y0"] + grid["y1"]) / 2
    total_h = sum(row_h.values())
    y_scale = alt.Scale(domain=[0, total_h], range=[0, total_h], nice=False, zero=False)
    x = alt.X(
        "model:N",
        sort=model_order,
        title="Model of local government",
        axis=alt.Axis(
            orient="top",
            labelAngle=0,
            labelFontWeight="bold",
            domain=False,
            ticks=False,
            labelFontSize=12,
            titleFontSize=12,
        ),
    )
    base = alt.Chart(grid).encode(x=x)
    rects = base.mark_rect(stroke="#888888", strokeWidth=1).encode(
        y=alt.Y("y0:Q", scale=y_scale, axis=None), y2="y1:Q", color=colour, tooltip=tooltip
    )
    text = (
        base.mark_text(
            align="left",
            baseline="top",
            dx=-(col_w / 2) + 8,
            lineBreak="\n",
            lineHeight=14,
            fontSize=11,
            color="#1a1a1a",
        )
        .encode(y=alt.Y("ytext:Q", scale=y_scale, axis=None), text="cell_text:N")
        .transform_filter("datum.listed")
    )
    blank = (
        base.mark_text(align="center", baseline="middle", fontSize=11, fontStyle="italic", color=MUTED)
        .encode(y=alt.Y("ymid:Q", scale=y_scale, axis=None), text="cell_text:N")
        .transform_filter("!datum.listed")
    )
    matrix = (rects + text + blank).properties(width=col_w * len(model_order), height=total_h)
    labels = (
        alt.Chart(grid.drop_duplicates("theme"))
        .mark_text(align="right", baseline="middle", fontWeight="bold", fontSize=11, color="#1a1a1a")
        .encode(y=alt.Y("ymid:Q", scale=y_scale, axis=None), text="theme:N", x=alt.value(150))
        .properties(width=155, height=total_h)
    )
    chart = (
        alt.hconcat(labels, matrix, spacing=0)
        .resolve_scale(y="shared")
        .properties(
            title=alt.Title(
                "Models of local government: features listed in the article",
                subtitle=[
                    "Rows: themes (this edition's coding). Columns: models.",
                    "A cell marked 'not listed' means the article says nothing there.",
                ],
            )
        )
    )
    parts = []
    for m in model_order:
        sub = grid[grid["model"] == m]
        listed = [f"{r.theme}: {r.features}" for r in sub.itertuples() if r.listed]
        absent = [r.theme for r in sub.itertuples() if not r.listed]
        parts.append(f"{m} — " + "; ".join(listed) + (f" (nothing listed for: {', '.join(absent)})" if absent else ""))
    desc = (
        "Matrix of themes (rows, this edition's coding) by model of local government "
        "(columns); each cell gives the features the article lists. " + ". ".join(parts) + "."
    )
    return show(
        chart,
        name="model-features",
        description=desc,
        data=grid[["theme", "model", "status", "n", "features"]].reset_index(drop=True),
    )
