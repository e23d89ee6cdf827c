"""Chart builders and the HTML every chart of the book is shown with.

A chart is shown through :func:`show`, which returns an object that Jupyter and myst-nb
display as

* a static SVG rendered at build time by vl-convert (visible at once, with JavaScript off,
  in print and to screen readers through its text description);
* the chart compiled to a Vega spec, which ``_static/kzdec/charts.js`` turns into the
  interactive view (tooltips, bound controls) with the Vega runtime alone;
* a text description and a link that downloads the data behind the chart as CSV.

In Jupyter the static SVG shows; ``chart.chart`` is the Altair chart itself.
"""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert as vlc

from . import __version__, theme

#: The Vega-Lite version Altair writes; vl-convert compiles with the same one.
VL_VERSION = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]
CHART_CLASS = "kzdec-chart"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _prefix_svg_ids(svg: str, prefix: str) -> str:
    """Make the ids of a static SVG unique on the page (several charts share one page)."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
    return svg


def _script_json(obj: object) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


@dataclass
class ChartHTML:
    """A chart ready for display in a notebook and in the book."""

    name: str
    chart: alt.TopLevelMixin
    description: str
    data: pd.DataFrame
    cite: str

    def vegalite(self) -> dict:
        spec = self.chart.to_dict()
        spec["description"] = self.description
        return spec

    def vega(self) -> dict:
        return vlc.vegalite_to_vega(self.vegalite(), vl_version=VL_VERSION)

    def svg(self) -> str:
        svg = vlc.vegalite_to_svg(self.vegalite(), vl_version=VL_VERSION)
        return _prefix_svg_ids(svg, f"static-{self.name}")

    def csv(self) -> str:
        return self.data.to_csv(index=False)

    def html(self) -> str:
        esc = html.escape
        csv_uri = "data:text/csv;charset=utf-8;base64," + base64.b64encode(
            self.csv().encode("utf-8")).decode("ascii")
        desc_id = f"{self.name}-desc"
        return (
            f'<div class="{CHART_CLASS}" id="chart-{esc(self.name)}" data-chart="{esc(self.name)}">'
            f'<div class="kzdec-chart-view" role="img" aria-describedby="{desc_id}">{self.svg()}</div>'
            f'<script type="application/json" class="kzdec-vega-spec">{_script_json(self.vega())}</script>'
            f'<p class="kzdec-chart-desc" id="{desc_id}">{esc(self.description)}</p>'
            f'<p class="kzdec-chart-links">'
            f'<a href="{csv_uri}" download="{esc(self.name)}.csv">Download the data of this chart (CSV)</a>'
            f' · <span class="kzdec-chart-cite">Cite this figure: {esc(self.cite)}</span></p>'
            f"</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": self.html(),
            "text/plain": f"<chart {self.name}: {self.description}>",
        }


def show(chart: alt.TopLevelMixin, *, name: str, description: str,
         data: pd.DataFrame | None = None, cite: str | None = None) -> ChartHTML:
    """Wrap an Altair chart for display.

    ``name`` is a slug (``survey-shares``) used for ids and the CSV's file name;
    ``description`` is the chart's text alternative: say what it shows, in a sentence or two;
    ``data`` is the table offered for download (by default the chart's own data frame).
    """
    if not _SLUG.match(name):
        raise ValueError(f"chart name {name!r} must be a lower-case slug like 'survey-shares'")
    if not description.strip():
        raise ValueError(f"chart {name!r} needs a text description")
    if data is None:
        if not isinstance(chart.data, pd.DataFrame):
            raise ValueError(f"chart {name!r}: pass data= (the chart's data is not one data frame)")
        data = chart.data
    theme.enable()
    if cite is None:
        cite = (f"chart '{name}', in: Decentralization of power in Kazakhstan, a reproducible "
                f"edition, version {__version__}; after Sheriyazdanov, Kalenova, Kakimov and Omirzakova.")
    return ChartHTML(name=name, chart=chart, description=description, data=data, cite=cite)


# --------------------------------------------------------------------------- survey (Figure 1)

#: Names of the bound controls of the survey figure (the HTML shows them as labels; the
#: browser test finds the controls by them).
SURVEY_CONTROLS = {
    "shown": "Shares shown",
    "level": "Confidence level (%)",
    "method": "Interval method",
    "order": "Order of answers",
}
_VERSIONS = {"printed": "As printed", "recomputed": "Recomputed from the count"}


def survey_figure_data(answers: pd.DataFrame, n: int, levels=None, methods=("wilson", "beta")) -> pd.DataFrame:
    """Long table behind the survey figure: answer x version x level x method.

    ``version`` is ``printed`` (the share as the article prints it) or ``recomputed``
    (``100 count / n``). The interval (``low``, ``high``) belongs to the answer: it is computed
    from the count, so both rows of an answer carry the same one.
    """
    from . import stats

    levels = levels or stats.LEVELS
    rec = stats.reconstruction(answers, n)
    grid = stats.interval_grid(answers, n, levels=levels, methods=methods)
    rows = []
    for g in grid.itertuples():
        r = rec.loc[rec["answer_id"] == g.answer_id].iloc[0]
        note = ("" if r["reproduces"] else
                f"no count out of {n} gives {r['share_printed']:.1f}; nearest is "
                f"{int(r['nearest_k'])} of {n} = {r['nearest_share']:.1f}")
        common = {"answer_id": int(g.answer_id), "answer_label": g.answer_label, "count": int(r["count"]),
                  "n": int(n), "level_pct": int(g.level_pct), "method": g.method,
                  "method_label": g.method_label, "share_sort": float(r["share_recomputed"]),
                  "gap": float(r["gap"]), "note": note}
        rows.append({**common, "version": "printed", "version_label": _VERSIONS["printed"],
                     "share": float(r["share_printed"]), "low": float(g.low),
                     "high": float(g.high)})
        rows.append({**common, "version": "recomputed", "version_label": _VERSIONS["recomputed"],
                     "share": float(r["share_recomputed"]), "low": float(g.low),
                     "high": float(g.high)})
    return pd.DataFrame(rows)


def survey_shares(answers: pd.DataFrame, n: int) -> ChartHTML:
    """Figure 1 rebuilt: printed and recomputed shares of each answer, with intervals.

    Controls (Vega bindings, work without a kernel): which shares are shown, the confidence
    level (80/90/95/99 %, precomputed), the interval method (Wilson or Clopper-Pearson) and
    the order of the answers. Defaults: both shares, 95 %, Wilson, article order.
    """
    from . import stats

    df = survey_figure_data(answers, n)
    shown = alt.param(name="shares_shown", value="both", bind=alt.binding_radio(
        options=["both", "printed", "recomputed"],
        labels=["both", "as printed", "recomputed from counts"], name=SURVEY_CONTROLS["shown"] + " "))
    level = alt.param(name="conf_level", value=95, bind=alt.binding_select(
        options=list(int(round(l * 100)) for l in stats.LEVELS),
        labels=[f"{int(round(l * 100))} %" for l in stats.LEVELS], name=SURVEY_CONTROLS["level"] + " "))
    method = alt.param(name="ci_method", value="wilson", bind=alt.binding_radio(
        options=["wilson", "beta"], labels=[stats.METHODS["wilson"], stats.METHODS["beta"]],
        name=SURVEY_CONTROLS["method"] + " "))
    order = alt.param(name="answer_order", value="article", bind=alt.binding_select(
        options=["article", "desc", "asc"],
        labels=["as in the article", "largest share first", "smallest share first"],
        name=SURVEY_CONTROLS["order"] + " "))

    versions = list(_VERSIONS.values())
    y = alt.Y("answer_label:N", title=None,
              sort=alt.EncodingSortField(field="sort_key", op="min", order="ascending"),
              axis=alt.Axis(labelLimit=320))
    rows = [versions[0], "interval", versions[1]]  # diamond above, interval line, circle below
    y_offset = alt.YOffset("row:N", sort=rows, scale=alt.Scale(domain=rows, paddingOuter=0.4))
    x_scale = alt.Scale(domain=[0, 60])
    # every layer: the chosen level and method; the sort key follows the order control
    base = alt.Chart(df).transform_filter(
        (alt.datum.level_pct == level) & (alt.datum.method == method)
    ).transform_calculate(
        sort_key=alt.expr.if_(order == "desc", -alt.datum.share_sort,
                              alt.expr.if_(order == "asc", alt.datum.share_sort, alt.datum.answer_id)),
        label=alt.expr.format(alt.datum.share, ".1f") + "%",
        interval=alt.expr.format(alt.datum.low, ".1f") + "-" + alt.expr.format(alt.datum.high, ".1f"),
        row=alt.datum.version_label,
    )
    tooltip = [alt.Tooltip("answer_label:N", title="Answer"),
               alt.Tooltip("version_label:N", title="Share"),
               alt.Tooltip("share:Q", title="Share (%)", format=".1f"),
               alt.Tooltip("count:Q", title="Count (edition's reconstruction)"),
               alt.Tooltip("low:Q", title="Interval, low (%)", format=".1f"),
               alt.Tooltip("high:Q", title="Interval, high (%)", format=".1f"),
               alt.Tooltip("method_label:N", title="Method"),
               alt.Tooltip("note:N", title="Note")]
    shape = alt.Shape("version_label:N", title="Share", sort=versions,
                      scale=alt.Scale(domain=versions, range=["diamond", "circle"]))
    colour = alt.Color("version_label:N", title="Share", sort=versions,
                       scale=alt.Scale(domain=versions, range=[theme.PALETTE[1], theme.PALETTE[0]]))
    # the interval belongs to the answer (it comes from the count): one line per answer,
    # drawn whichever shares are shown
    whisker = base.transform_filter(alt.datum.version == "recomputed").transform_calculate(
        row="'interval'").mark_rule(color="#1a1a1a", strokeWidth=1.5).encode(
        y=y, yOffset=y_offset, x=alt.X("low:Q", title="Share of the experts (%)", scale=x_scale), x2="high:Q",
        tooltip=tooltip)
    shown_rows = base.transform_filter((shown == "both") | (alt.datum.version == shown))
    points = shown_rows.mark_point(filled=True, size=90, opacity=1).encode(
        y=y, yOffset=y_offset, x=alt.X("share:Q", scale=x_scale), shape=shape, color=colour, tooltip=tooltip)
    labels = shown_rows.mark_text(align="left", dx=8, fontSize=11).encode(
        y=y, yOffset=y_offset, x=alt.X("high:Q", scale=x_scale), text=alt.Text("label_text:N")
    ).transform_calculate(
        label_text=alt.expr.if_(alt.datum.version == "printed",
                                alt.datum.label + " printed" + alt.expr.if_(
                                    alt.datum.gap != 0,
                                    ": not k/" + alt.expr.toString(alt.datum.n) + ", gap "
                                    + alt.expr.format(alt.datum.gap, "+.1f"), ""),
                                alt.datum.label + " = " + alt.expr.toString(alt.datum["count"])
                                + "/" + alt.expr.toString(alt.datum.n) + " (" + alt.datum.interval + ")"),
    )
    chart = alt.layer(whisker, points, labels).add_params(shown, level, method, order).properties(
        title=alt.Title("How do the experts assess decentralization of power in Kazakhstan?",
                        subtitle=[f"Expert survey, n = {n}. Diamonds: shares as printed; circles: "
                                  f"count / {n}. Line: confidence interval from the count."]),
        width=400, height=300,
    )
    rec = stats.reconstruction(answers, n)
    ci95 = stats.intervals(rec["count"], n, 0.95, "wilson")
    parts = []
    for r, c in zip(rec.itertuples(), ci95.itertuples()):
        parts.append(f"{r.answer_label}: printed {r.share_printed:.1f}%, recomputed {r.share_recomputed:.1f}% "
                     f"({r.count} of {n}), 95% Wilson interval {c.low:.1f} to {c.high:.1f}%")
    gaps = rec.loc[~rec["reproduces"]]
    gap_txt = "".join(f" No count out of {n} gives the printed {g.share_printed:.1f}% for '{g.answer_label}'; "
                      f"the nearest attainable share is {g.nearest_share:.1f}%." for g in gaps.itertuples())
    desc = ("Dot plot of the four answers to the survey question. " + "; ".join(parts) + "." + gap_txt)
    return show(chart, name="survey-shares", description=desc, data=df)


def survey_intervals_static(answers: pd.DataFrame, n: int, level: float = 0.95, method: str = "wilson",
                            highlight: str | None = None) -> ChartHTML:
    """Recomputed shares with intervals for one level and method (used by the notebook explorer)."""
    from . import stats

    base = answers.sort_values("answer_id").reset_index(drop=True)
    ci = stats.intervals(base["count"], n, level=level, method=method)
    ci["answer_label"] = base["answer_label"]
    ci["highlight"] = [("highlighted" if lab == highlight else "other") for lab in ci["answer_label"]]
    order = ci["answer_label"].tolist()
    enc = {"y": alt.Y("answer_label:N", sort=order, title=None)}
    opacity = (alt.condition(alt.datum.highlight == "highlighted", alt.value(1), alt.value(0.35))
               if highlight else alt.value(1))
    rule = alt.Chart(ci).mark_rule(strokeWidth=2, color="#1a1a1a").encode(
        x=alt.X("low:Q", title=f"Share of the experts (%), {level:.0%} {stats.METHODS[method]} interval",
                scale=alt.Scale(domain=[0, 60])), x2="high:Q", opacity=opacity, **enc)
    pts = alt.Chart(ci).mark_point(filled=True, size=90).encode(x="share:Q", opacity=opacity, **enc)
    txt = alt.Chart(ci).mark_text(align="left", dx=8).encode(
        x="high:Q", text=alt.Text("share:Q", format=".1f"), opacity=opacity, **enc)
    chart = (rule + pts + txt).properties(
        title=f"Survey shares (count / {n}) with {level:.0%} intervals", width=460, height=alt.Step(34))
    desc = "; ".join(f"{r.answer_label}: {r.share:.1f}% ({r.low:.1f} to {r.high:.1f})" for r in ci.itertuples())
    return show(chart, name="survey-intervals", description=desc, data=ci)
