"""One chart look for the whole book: colour-blind-safe, system fonts, readable sizes.

The palette is Okabe & Ito's (2008) set of eight colours that stay distinct under the
common forms of colour-vision deficiency. Charts never rely on colour alone: builders
also label marks or use position.
"""

from __future__ import annotations

import altair as alt

#: Okabe-Ito palette (black last, used for text-like marks).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Dark blue for single-series charts (contrast 5.6:1 on white).
PRIMARY = PALETTE[0]
#: A grey that passes WCAG AA for text on white (4.6:1).
MUTED = "#6b6b6b"
#: The reader's own interface font (no web font is ever loaded).
FONT = "system-ui, sans-serif"
NAME = "kzdecentral"


def config() -> dict:
    """The Vega-Lite ``config`` block of the theme."""
    return {
        "background": "white",
        "font": FONT,
        "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
        "range": {"category": PALETTE},
        "mark": {"color": PRIMARY},
        "bar": {"color": PRIMARY},
        "title": {"fontSize": 15, "anchor": "start", "color": "#1a1a1a", "subtitleColor": "#444444",
                  "subtitleFontSize": 12},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#333333",
                 "titleColor": "#1a1a1a", "gridColor": "#e6e6e6", "domainColor": "#888888",
                 "tickColor": "#888888", "labelLimit": 320},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#333333",
                   "titleColor": "#1a1a1a", "orient": "bottom"},
        "header": {"labelFontSize": 12, "titleFontSize": 12},
        "text": {"fontSize": 12, "color": "#1a1a1a"},
    }


@alt.theme.register(NAME, enable=False)
def _theme() -> alt.theme.ThemeConfig:
    return {"config": config()}


def enable() -> None:
    """Make the book's theme the active Altair theme."""
    alt.theme.enable(NAME)
