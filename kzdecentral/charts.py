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
        from .cite import figure_citation  # one citation text, made from CITATION.cff
        cite = figure_citation(name)
    return ChartHTML(name=name, chart=chart, description=description, data=data, cite=cite)


def survey_shares(answers: pd.DataFrame) -> ChartHTML:
    """Figure 1 of the article: the printed share of each answer, as a labelled bar chart."""
    df = answers[["answer_id", "answer_label", "share_printed"]].copy()
    order = df.sort_values("answer_id")["answer_label"].tolist()
    base = alt.Chart(df).encode(
        y=alt.Y("answer_label:N", sort=order, title="Answer"),
        x=alt.X("share_printed:Q", title="Share of experts (%), as printed", scale=alt.Scale(domain=[0, 40])),
        tooltip=[alt.Tooltip("answer_label:N", title="Answer"),
                 alt.Tooltip("share_printed:Q", title="Share as printed (%)", format=".1f")],
    )
    chart = (base.mark_bar() + base.mark_text(align="left", dx=4).encode(
        text=alt.Text("share_printed:Q", format=".1f"))).properties(
        title="How do experts evaluate decentralization in Kazakhstan?", width=480, height=180)
    desc = "Bar chart of the four answers: " + "; ".join(
        f"{r.answer_label}: {r.share_printed:.1f}%" for r in df.itertuples()) + "."
    return show(chart, name="survey-shares", description=desc, data=df)
