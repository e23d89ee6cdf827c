"""The core of every chart of the book: one look (the theme) and the HTML a chart is shown with.

The theme is colour-blind-safe, uses system fonts and readable sizes. Its palette is Okabe &
Ito's (2008) set of eight colours that stay distinct under the common forms of colour-vision
deficiency. Charts never rely on colour alone: builders also label marks or use position.

A chart is shown through :func:`show`, which returns a :class:`ChartHTML` that Jupyter and
myst-nb display as

* a static SVG rendered at build time by vl-convert (visible at once, with JavaScript off,
  in print and to screen readers through its text description);
* the chart compiled to a Vega spec, which ``_static/kzdec/charts.js`` turns into the
  interactive view (tooltips, bound controls) with the Vega runtime alone;
* a text description and a link that downloads the data behind the chart as CSV.

In Jupyter the static SVG shows; ``chart.chart`` is the Altair chart itself.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import quote

import altair as alt
import pandas as pd
import vl_convert as vlc

from ..cite import figure_citation  # one citation text, made from CITATION.cff

# --------------------------------------------------------------------------- theme

#: Okabe-Ito palette (black last, used for text-like marks).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Dark blue for single-series charts (contrast 5.6:1 on white).
PRIMARY = PALETTE[0]
#: A grey that passes WCAG AA for text on white (4.6:1).
MUTED = "#6b6b6b"
#: The reader's own interface font (no web font is ever loaded).
FONT = "system-ui, sans-serif"
THEME_NAME = "kzdecentral"


def theme_config() -> dict:
    """The Vega-Lite ``config`` block of the theme."""
    return {
        "background": "white",
        "font": FONT,
        "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
        "range": {"category": PALETTE},
        "mark": {"color": PRIMARY},
        "bar": {"color": PRIMARY},
        "title": {
            "fontSize": 15,
            "anchor": "start",
            "color": "#1a1a1a",
            "subtitleColor": "#444444",
            "subtitleFontSize": 12,
        },
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelColor": "#333333",
            "titleColor": "#1a1a1a",
            "gridColor": "#e6e6e6",
            "domainColor": "#888888",
            "tickColor": "#888888",
            "labelLimit": 320,
        },
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelColor": "#333333",
            "titleColor": "#1a1a1a",
            "orient": "bottom",
        },
        "header": {"labelFontSize": 12, "titleFontSize": 12},
        "text": {"fontSize": 12, "color": "#1a1a1a"},
    }


@alt.theme.register(THEME_NAME, enable=False)
def _theme() -> alt.theme.ThemeConfig:
    return {"config": theme_config()}


def enable_theme() -> None:
    """Make the book's theme the active Altair theme."""
    alt.theme.enable(THEME_NAME)


# --------------------------------------------------------------------------- the HTML of a chart

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


_GEOMETRY_ATTR = re.compile(r'\b(d|transform|x|y|x1|x2|y1|y2|width|height|points|viewBox)="([^"]*)"')
_LONG_DECIMAL = re.compile(r"-?\d+\.\d{2,}")


def _round_geometry(svg: str) -> str:
    """Round coordinates in geometry attributes to 0.1 px (same drawing, far fewer bytes)."""

    def fix(m: re.Match) -> str:
        value = _LONG_DECIMAL.sub(lambda n: f"{float(n.group(0)):.1f}".rstrip("0").rstrip("."), m.group(2))
        return f'{m.group(1)}="{value}"'

    return _GEOMETRY_ATTR.sub(fix, svg)


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
        # The page carries the chart's data once more inside the spec; four decimals are far
        # below what any chart can show.
        for rows in spec.get("datasets", {}).values():
            for row in rows:
                for key, value in row.items():
                    if isinstance(value, float):
                        row[key] = round(value, 4)
        return spec

    def vega(self) -> dict:
        return vlc.vegalite_to_vega(self.vegalite(), vl_version=VL_VERSION)

    def svg(self) -> str:
        svg = vlc.vegalite_to_svg(self.vegalite(), vl_version=VL_VERSION)
        # The static picture is one image to assistive technology (its container has role=img
        # and the description); the per-mark ARIA attributes are for the live view.
        svg = re.sub(r'\s(?:role|aria-roledescription|aria-label|pointer-events)="[^"]*"', "", svg)
        svg = svg.replace(' opacity="1"', "")
        return _round_geometry(_prefix_svg_ids(svg, f"static-{self.name}"))

    def csv(self) -> str:
        # four decimals: exact for every printed value, and 1e-6 of a proportion for derived ones
        return self.data.round(4).to_csv(index=False)

    def html(self) -> str:
        esc = html.escape
        csv_uri = "data:text/csv;charset=utf-8," + quote(self.csv(), safe=",;:./()'")
        desc_id = f"{self.name}-desc"
        return (
            f'<div class="{CHART_CLASS}" id="chart-{esc(self.name)}" data-chart="{esc(self.name)}">'
            f'<div class="kzdec-chart-view" role="img" aria-labelledby="{desc_id}">{self.svg()}</div>'
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


def show(
    chart: alt.TopLevelMixin, *, name: str, description: str, data: pd.DataFrame | None = None, cite: str | None = None
) -> ChartHTML:
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
    enable_theme()
    if cite is None:
        cite = figure_citation(name)
    return ChartHTML(name=name, chart=chart, description=description, data=data, cite=cite)
