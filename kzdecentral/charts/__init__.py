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

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import quote

import altair as alt
import pandas as pd
import vl_convert as vlc

from .. import __version__
from . import core as theme

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
        from ..cite import figure_citation  # one citation text, made from CITATION.cff
        cite = figure_citation(name)
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
_VERSIONS = {"printed": "As printed", "recomputed": "Count / n"}
PLOT_WIDTH = 300


def survey_figure_data(answers: pd.DataFrame, n: int, levels=None, methods=("wilson", "beta")) -> pd.DataFrame:
    """Long table behind the survey figure: answer x version x level x method.

    ``version`` is ``printed`` (the share as the article prints it) or ``recomputed``
    (``100 count / n``). The interval (``low``, ``high``) belongs to the answer: it is computed
    from the count, so both rows of an answer carry the same one.
    """
    from .. import stats

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
    from .. import stats

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
              axis=alt.Axis(labelLimit=200, labelExpr="split(datum.label, '; ')"))
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
    # labels in a column right of the plot, so they never cross an interval line
    labels = shown_rows.mark_text(align="left", dx=10, fontSize=11).encode(
        y=y, yOffset=y_offset, x=alt.value(PLOT_WIDTH), text=alt.Text("label_text:N")
    ).transform_calculate(
        label_text=alt.expr.if_(alt.datum.version == "printed",
                                alt.datum.label + " printed" + alt.expr.if_(
                                    alt.datum.gap != 0, " (not k/" + alt.expr.toString(alt.datum.n) + ")", ""),
                                alt.datum.label + " = " + alt.expr.toString(alt.datum["count"])
                                + "/" + alt.expr.toString(alt.datum.n)),
    )
    chart = alt.layer(whisker, points, labels).add_params(shown, level, method, order).properties(
        title=alt.Title("How experts assess decentralization of power in Kazakhstan",
                        subtitle=[f"Expert survey, n = {n}. Diamonds: shares as printed;",
                                  f"circles: count / {n}; line: confidence interval from the count."]),
        width=PLOT_WIDTH, height=300, autosize=alt.AutoSizeParams(type="pad", resize=True),
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
    from .. import stats

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


# --- Chapters: history, international, recommendations ---

import textwrap as _textwrap

#: How precisely the article dates an event, in the words of the chart's legend.
PRECISION_LABELS = {
    "day": "exact day printed",
    "month": "month printed (no day)",
    "year": "year only printed",
    "period": "span of time printed",
}


def _wrap(text: str, width: int) -> str:
    """Text broken into lines of at most ``width`` characters, joined by newlines (Vega lineBreak)."""
    return "\n".join(_textwrap.wrap(str(text), width)) or ""


def _int_or_none(value) -> int | None:
    return None if value is None or pd.isna(value) or value == "" else int(value)


def timeline_spans(timeline: pd.DataFrame) -> pd.DataFrame:
    """One row per event with the span of time its printed date covers.

    A date printed to the day is one day long; a month-only date covers its month; a year-only
    date covers the whole year; a period runs from the start of its first year (or month, when
    printed) to the end of ``end_year`` (or of ``end_month``). Nothing is made more precise than
    the article prints it.
    """
    rows = []
    for r in timeline.itertuples(index=False):
        year = int(r.year)
        prec = str(r.precision)
        month, day = _int_or_none(r.month), _int_or_none(r.day)
        if prec == "day":
            start = pd.Timestamp(year, month, day)
            end = start
        elif prec == "month":
            start = pd.Timestamp(year, month, 1)
            end = start + pd.offsets.MonthEnd(0)
        elif prec == "period":
            start = pd.Timestamp(year, month or 1, 1)
            end_month = _int_or_none(getattr(r, "end_month", None))
            end = pd.Timestamp(int(r.end_year), end_month or 12, 1) + pd.offsets.MonthEnd(0)
        else:  # year
            start = pd.Timestamp(year, 1, 1)
            end = pd.Timestamp(year, 12, 31)
        rows.append({
            "event_id": str(r.event_id),
            "event": str(r.event),
            "date_printed": str(r.date_printed),
            "precision": prec,
            "precision_label": PRECISION_LABELS.get(prec, prec),
            "start": start.strftime("%Y-%m-%d"),
            "end": end.strftime("%Y-%m-%d"),
            "section": str(r.section),
            "locator": str(r.locator),
        })
    df = pd.DataFrame(rows).sort_values(["start", "end", "event_id"], kind="stable").reset_index(drop=True)
    df["label"] = [f"{d} · {_shorten(e, 60)}" for d, e in zip(df["date_printed"], df["event"])]
    return df


def _shorten(text: str, width: int) -> str:
    return _textwrap.shorten(str(text), width=width, placeholder="…")


def history_timeline(timeline: pd.DataFrame, country: str = "Kazakhstan") -> ChartHTML:
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
    tooltip = [alt.Tooltip("date_printed:N", title="Date as printed"),
               alt.Tooltip("precision_label:N", title="Precision"),
               alt.Tooltip("event:N", title="Event"),
               alt.Tooltip("section:N", title="Article section"),
               alt.Tooltip("locator:N", title="Where")]
    colour = alt.Color("precision_label:N", title="How the date is printed",
                       scale=alt.Scale(domain=legend_domain),
                       legend=alt.Legend(orient="bottom", direction="horizontal"))
    # legend symbols: a solid bar for a period, an outlined one (a bar with a hole) otherwise
    bar_path = "M-1,-0.4H1V0.4H-1Z"
    outlined_bar_path = bar_path + "M-0.8,-0.2V0.2H0.8V-0.2Z"
    symbols = {"day": "diamond", "period": bar_path}
    shape = alt.Shape("precision_label:N", title="How the date is printed",
                      scale=alt.Scale(domain=legend_domain,
                                      range=[symbols.get(p, outlined_bar_path) for p in present]),
                      legend=alt.Legend(orient="bottom", direction="horizontal"))
    # a bar for a single printed year or month is pale with a full outline, a period's bar solid
    fill_opacity = alt.FillOpacity("precision_label:N", title="How the date is printed",
                                   scale=alt.Scale(type="ordinal", domain=legend_domain,
                                                   range=[1 if p in ("day", "period") else 0.25 for p in present]),
                                   legend=None)  # the legend's shapes say it (outlined_bar_path)
    outline = alt.Stroke("precision_label:N", scale=alt.Scale(domain=legend_domain), legend=None)
    base = alt.Chart(df)
    spans = base.transform_filter(alt.datum.precision != "day").mark_bar(
        height=9, cornerRadius=2, strokeWidth=1.5).encode(
        x=alt.X("start:T", title="Year", axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}),
                scale=alt.Scale(domain=[f"{first}-01-01", f"{last + 1}-01-01"])),
        x2="end:T", y=y, color=colour, shape=shape, fillOpacity=fill_opacity, stroke=outline, tooltip=tooltip)
    points = base.transform_filter(alt.datum.precision == "day").mark_point(
        shape="diamond", size=120, filled=True, opacity=1).encode(
        x="start:T", y=y, color=colour, shape=shape, tooltip=tooltip)
    chart = (spans + points).properties(
        title=alt.Title(f"Stages of decentralization in {country}, {first}–{last}",
                        subtitle="Diamonds: exact day printed; outlined bars: a year only; solid bars: a period"),
        width=360, height=alt.Step(26))
    parts = []
    for r in df.itertuples():
        parts.append(f"{r.date_printed} ({r.precision_label}): {r.event}")
    desc = ("Timeline of the events the article names, earliest first, each shown only as precisely as "
            "the article dates it. " + "; ".join(parts) + ".")
    data = df[["event_id", "date_printed", "precision", "start", "end", "event", "section", "locator"]]
    return show(chart, name="history-timeline", description=desc, data=data)


#: Text shown in a tier cell whose name the article does not print.
UNNAMED_TIER = "tier not named in the article"


def tier_grid(intl_tiers: pd.DataFrame, intl_facts: pd.DataFrame, admin_units: pd.DataFrame,
              gov_levels: pd.DataFrame) -> pd.DataFrame:
    """Kazakhstan's, Poland's and Turkey's tiers in one table, ranked from the top (1 = highest).

    * Kazakhstan: the three levels of ``admin_units`` (the unit types printed for each level),
      with the bodies of ``gov_levels`` as the head;
    * Poland: the ``intl_tiers`` rows; their ``tier_no`` counts from the commune upward, so the
      rank from the top is reversed;
    * Turkey: the article counts the tiers (``intl_facts`` ``tr_tiers``) but names none, so each
      tier gets an empty name, never an invented one.
    """
    rows = []
    for level, units in admin_units.groupby("level", sort=True):
        bodies = gov_levels[gov_levels["level"] == level]["body"].tolist()
        rows.append({"country": "Kazakhstan", "rank": int(level),
                     "tier": "; ".join(units["unit_type"].astype(str)),
                     "kazakh_equivalent": "", "head": "; ".join(bodies),
                     "source": "admin_units, gov_levels"})
    pl = intl_tiers[intl_tiers["country"] == "Poland"].copy()
    top = int(pl["tier_no"].max())
    for r in pl.itertuples(index=False):
        rows.append({"country": "Poland", "rank": top + 1 - int(r.tier_no), "tier": str(r.tier),
                     "kazakh_equivalent": str(r.kazakh_equivalent), "head": str(r.head_printed),
                     "source": f"intl_tiers {r.tier_id}"})
    tr = intl_facts[(intl_facts["country"] == "Turkey") & (intl_facts["fact_id"] == "tr_tiers")]
    tr_unit = intl_tiers[intl_tiers["country"] == "Turkey"]
    head = str(tr_unit["head_printed"].iloc[0]) if len(tr_unit) else ""
    for k in range(1, int(tr["value"].iloc[0]) + 1 if len(tr) else 1):
        rows.append({"country": "Turkey", "rank": k, "tier": "", "kazakh_equivalent": "",
                     "head": f"{head} of each belediye (municipality)" if head else "",
                     "source": "intl_facts tr_tiers"})
    return pd.DataFrame(rows)


def tiers_side_by_side(grid: pd.DataFrame, countries: tuple[str, ...] = ("Kazakhstan", "Poland", "Turkey")) -> ChartHTML:
    """The tiers of local government of several countries as a labelled grid, highest on top.

    ``grid`` is the output of :func:`tier_grid`. Each cell names the tier as printed (head and
    rough Kazakh counterpart in the tooltip). Tiers the article counts but does not name are
    drawn with a dashed outline and the words "tier not named in the article".
    """
    df = grid[grid["country"].isin(countries)].copy()
    df["tier"] = df["tier"].fillna("").astype(str)
    df["named"] = df["tier"].str.strip() != ""
    df["cell_text"] = [_wrap(t if n else UNNAMED_TIER, 30) for t, n in zip(df["tier"], df["named"])]
    for col in ("kazakh_equivalent", "head"):
        df[col] = df[col].fillna("").astype(str).replace("", "not stated")
    df["named_label"] = df["named"].map({True: "named in the article", False: "not named in the article"})
    df = df.sort_values(["country", "rank"]).reset_index(drop=True)
    order = [c for c in countries if c in set(df["country"])]
    x = alt.X("country:N", sort=order, title=None,
              axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold", labelFontSize=13))
    y = alt.Y("rank:O", title="Tier, counted from the top (1 = highest)", sort="ascending")
    tooltip = [alt.Tooltip("country:N", title="Country"), alt.Tooltip("rank:O", title="Tier from the top"),
               alt.Tooltip("tier:N", title="Tier as printed"),
               alt.Tooltip("kazakh_equivalent:N", title="Rough Kazakh equivalent"),
               alt.Tooltip("head:N", title="Head or bodies"), alt.Tooltip("named_label:N", title="Name")]
    base = alt.Chart(df).encode(x=x, y=y, tooltip=tooltip)
    # the fill is not the only cue: an unnamed tier's cell says so in words (UNNAMED_TIER)
    domain = ["named in the article", "not named in the article"]
    cells = base.mark_rect(stroke="#444444", strokeWidth=1.2, cornerRadius=3).encode(
        fill=alt.Fill("named_label:N", title="Tier", scale=alt.Scale(domain=domain, range=["#cfe3f2", "#ffffff"])))
    # one text mark per line, shifted so that the block of lines is centred in its cell
    # (with a y offset, a band scale places marks at the start of the band, hence step / 2)
    step = 84
    lines = []
    for r in df.itertuples(index=False):
        parts = r.cell_text.split("\n")
        for i, line in enumerate(parts):
            lines.append({"country": r.country, "rank": r.rank, "line": line, "named": r.named,
                          "offset": step / 2 + (i - (len(parts) - 1) / 2) * 15})
    lines = pd.DataFrame(lines)
    text_base = alt.Chart(lines).encode(x=x, y=y, yOffset=alt.YOffset("offset:Q", scale=None), text="line:N")
    text_named = text_base.transform_filter(alt.datum.named).mark_text(fontSize=12, baseline="middle")
    text_unnamed = text_base.transform_filter(~alt.datum.named).mark_text(
        fontSize=11, baseline="middle", fontStyle="italic", color="#444444")
    chart = alt.layer(cells, text_named, text_unnamed).properties(
        title=alt.Title("Tiers of local government: " + ", ".join(order[:-1]) + " and " + order[-1],
                        subtitle="As printed in the article, highest tier on top"),
        width=alt.Step(215), height=alt.Step(step))
    parts = []
    for c in order:
        sub = df[df["country"] == c]
        names = [t if n else "not named" for t, n in zip(sub["tier"], sub["named"])]
        parts.append(f"{c}, {len(sub)} tiers from the top down: " + " | ".join(names))
    desc = "Grid of local-government tiers as the article prints them. " + "; ".join(parts) + "."
    if (~df["named"]).any():
        desc += " Tiers marked not named are counted by the article without a name."
    data = df[["country", "rank", "tier", "kazakh_equivalent", "head", "source"]]
    return show(chart, name="intl-tiers", description=desc, data=data)


def coding_matrix(coding: pd.DataFrame, recommendations: pd.DataFrame, problems: pd.DataFrame) -> ChartHTML:
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
    grid["rec_label"] = [f"Recommendation {int(i)}: {_shorten(t, 46)}"
                         for i, t in zip(grid["rec_id"], grid["recommendation"])]
    grid["problem_label"] = [f"{pid} ({lst}): {_shorten(p, 58)}"
                             for pid, lst, p in zip(grid["problem_id"], grid["listed_in"], grid["problem"])]
    rec_order = list(dict.fromkeys(grid.sort_values("rec_id")["rec_label"]))
    prob_order = [lab for pid in probs["problem_id"] for lab in
                  dict.fromkeys(grid[grid["problem_id"] == pid]["problem_label"])]
    tooltip = [alt.Tooltip("rec_label:N", title="Recommendation"),
               alt.Tooltip("problem_label:N", title="Problem"),
               alt.Tooltip("answer_text:N", title="Answered (this edition's coding)"),
               alt.Tooltip("basis:N", title="Basis of the coding")]
    base = alt.Chart(grid).encode(
        x=alt.X("rec_label:N", sort=rec_order, title="Recommendation of the conclusion",
                axis=alt.Axis(labelAngle=0, labelLimit=170, orient="top",
                              labelExpr="split(datum.label, ': ')[0]")),
        y=alt.Y("problem_label:N", sort=prob_order, title=None, axis=alt.Axis(labelLimit=460)),
        tooltip=tooltip)
    frame = base.mark_rect(fill="white", stroke="#bbbbbb")
    dots = base.transform_filter(alt.datum.answered).mark_circle(size=260, opacity=1, color=theme.PRIMARY)
    text = base.transform_filter(alt.datum.answered).mark_text(dx=22, align="left").encode(text="answer_text:N")
    chart = (frame + dots + text).properties(
        title=alt.Title("Which problems do the recommendations answer? (this edition's coding)",
                        subtitle=["Rows: problems as listed in the results (r) and in the conclusion (c)",
                                  "Dot and 'yes': the recommendation's wording addresses the problem"]),
        width=alt.Step(130), height=alt.Step(30))
    parts = []
    for r in recs.itertuples():
        hit = grid[(grid["rec_id"] == r.rec_id) & grid["answered"]]["problem_id"].tolist()
        parts.append(f"recommendation {int(r.rec_id)} answers {', '.join(hit) if hit else 'none'}")
    unanswered = [p for p in probs["problem_id"] if not grid[(grid["problem_id"] == p) & grid["answered"]].shape[0]]
    desc = ("Matrix of the article's recommendations against the problems it lists, coded by this edition: "
            + "; ".join(parts) + ". Problems no recommendation answers: "
            + (", ".join(unanswered) if unanswered else "none") + ".")
    data = grid[["rec_id", "problem_id", "listed_in", "answered", "basis"]].sort_values(["rec_id", "problem_id"])
    return show(chart, name="rec-problem-coding", description=desc, data=data)


def survey_differences(answers: pd.DataFrame, n: int) -> ChartHTML:
    """Differences between every two answer shares, with intervals (this edition's analysis).

    Wald intervals with the multinomial covariance, one per pair, for 80/90/95/99 % (bound
    select, default 95 %); the label gives McNemar's exact p-value after Holm's correction.
    A line at zero marks "no difference".
    """
    from .. import stats

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
    df = df[["pair", "answer_a", "answer_b", "count_a", "count_b", "diff", "diff_low", "diff_high",
             "p_value", "p_adjusted", "verdict", "level_pct"]]
    order = df.loc[df["level_pct"] == 95].sort_values("diff", ascending=False)["pair"].tolist()
    level = alt.param(name="diff_level", value=95, bind=alt.binding_select(
        options=[int(round(l * 100)) for l in stats.LEVELS],
        labels=[f"{int(round(l * 100))} %" for l in stats.LEVELS],
        name="Confidence level of the differences (%) "))
    x_scale = alt.Scale(domain=[-30, 50])
    y = alt.Y("pair:N", sort=order, title=None, axis=alt.Axis(labelLimit=220, labelExpr="split(datum.label, '|')"))
    chart_base = alt.Chart(df).transform_filter(alt.datum.level_pct == level)
    tooltip = [alt.Tooltip("answer_a:N", title="Answer A"), alt.Tooltip("answer_b:N", title="Answer B"),
               alt.Tooltip("diff:Q", title="Difference (points)", format=".1f"),
               alt.Tooltip("diff_low:Q", title="Interval, low", format=".1f"),
               alt.Tooltip("diff_high:Q", title="Interval, high", format=".1f"),
               alt.Tooltip("p_value:Q", title="Exact p", format=".3f"),
               alt.Tooltip("p_adjusted:Q", title="Holm-adjusted p", format=".3f"),
               alt.Tooltip("verdict:N", title="Difference")]
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=theme.MUTED, strokeDash=[4, 3]).encode(x="x:Q")
    rule = chart_base.mark_rule(color="#1a1a1a", strokeWidth=1.5).encode(
        y=y, x=alt.X("diff_low:Q", scale=x_scale, title="Difference between two shares (percentage points)"),
        x2="diff_high:Q", tooltip=tooltip)
    pts = chart_base.mark_point(filled=True, size=70, color=theme.PRIMARY).encode(
        y=y, x=alt.X("diff:Q", scale=x_scale), tooltip=tooltip)
    txt = chart_base.mark_text(align="left", dx=10, fontSize=11).encode(
        y=y, x=alt.value(300), text="label:N").transform_calculate(
        label="'Holm p ' + format(datum.p_adjusted, '.2f') + ', ' + datum.verdict")
    chart = alt.layer(zero, rule, pts, txt).add_params(level).properties(
        title=alt.Title("Which differences between answers can 69 experts show?".replace("69", str(n)),
                        subtitle=["Line: interval of each difference, not adjusted for the number of pairs;",
                                  "verdict: McNemar's exact test with Holm's correction."]),
        width=300, height=alt.Step(40), autosize=alt.AutoSizeParams(type="pad", resize=True))
    d95 = df.loc[df["level_pct"] == 95]
    n_sup = int((d95["verdict"] == "supported").sum())
    desc = (f"Interval plot of the {len(d95)} differences between two answer shares, 95% level. "
            + "; ".join(f"{r.answer_a} minus {r.answer_b}: {r.diff:.1f} points ({r.diff_low:.1f} to {r.diff_high:.1f}), "
                        f"Holm-adjusted p {r.p_adjusted:.2f}" for r in d95.itertuples())
            + f". Differences supported at 95%: {n_sup}.")
    return show(chart, name="survey-differences", description=desc, data=df)


# --- Chapters: types and models, legal framework ---

#: Short names of the levels of administrative-territorial units, for axis and facet labels.
LEVEL_NAMES = {1: "First level", 2: "Second level", 3: "Third level"}
#: Order of the models in the feature matrix: the three classic models, then Kazakhstan.
MODEL_ORDER = ["anglo_saxon", "continental", "mixed", "kazakhstan"]
#: Text shown in a cell of the feature matrix for which the article lists no feature.
NOT_LISTED = "not listed"


def _wrap(text: str, width: int) -> str:
    """Wrap a label onto lines of at most ``width`` characters (Vega breaks on newlines)."""
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def units_by_level(units: pd.DataFrame) -> ChartHTML:
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
    x = alt.X("count:Q", title="Number of units, as printed (logarithmic scale)",
              scale=alt.Scale(type="log", domain=[0.7, top], nice=False),
              axis=alt.Axis(values=[1, 10, 100, 1000], format=",d", grid=True))
    tooltip = [alt.Tooltip("level_name:N", title="Level"),
               alt.Tooltip("unit:N", title="Unit"),
               alt.Tooltip("label_as_printed:N", title="Label as printed"),
               alt.Tooltip("count:Q", title="Count as printed", format=",d")]
    base = alt.Chart().encode(
        y=alt.Y("unit:N", sort=order, title=None),
        x=x, tooltip=tooltip)
    dots = base.mark_point(filled=True, size=90).encode(
        shape=alt.Shape("level_name:N", title="Level",
                        scale=alt.Scale(domain=list(LEVEL_NAMES.values()),
                                        range=["circle", "square", "triangle-up"])),
        color=alt.Color("level_name:N", title="Level",
                        scale=alt.Scale(domain=list(LEVEL_NAMES.values()),
                                        range=theme.PALETTE[:3])))
    labels = base.mark_text(align="left", dx=8, fontWeight="bold").encode(text="count_label:N")
    chart = alt.layer(dots, labels, data=df).properties(width=430).facet(
        row=alt.Row("level_name:N", title=None, sort=list(LEVEL_NAMES.values()),
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                      labelOrient="top", labelFontWeight="bold")),
    ).resolve_scale(y="independent").properties(
        title=alt.Title("Administrative-territorial units of Kazakhstan, by level",
                        subtitle="Counts as printed in the article; logarithmic scale"))
    parts = []
    for name, grp in df.sort_values(["level", "count"], ascending=[True, False]).groupby(
            "level_name", sort=False):
        parts.append(f"{name}: " + ", ".join(f"{r.unit} {r.count_label}" for r in grp.itertuples()))
    desc = ("Dot plot on a logarithmic scale of the number of administrative-territorial units "
            "at each level, as printed in the article. " + "; ".join(parts) + ".")
    return show(chart, name="units-by-level", description=desc,
                data=df[["unit_id", "level", "unit_type", "label_as_printed", "count"]])


def levels_bodies_table(levels: pd.DataFrame):
    """The levels of local government and their bodies, one row per level, as a table.

    Columns are the kinds of body (executive, representative, community); a cell lists the
    bodies of that kind the article places on that level, a dash when it names none.
    """
    kinds = {"executive": "Executive (akim)", "representative": "Representative (maslikhat)",
             "community": "Local community"}
    df = levels.copy()
    rows = []
    for level, grp in df.sort_values(["level", "body_id"]).groupby("level", sort=True):
        row = {"Level": LEVEL_NAMES.get(int(level), f"Level {level}")}
        for kind, head in kinds.items():
            bodies = grp.loc[grp["body_kind"] == kind, "body"].tolist()
            row[head] = "; ".join(bodies) if bodies else "—"
        rows.append(row)
    table = pd.DataFrame(rows)
    return table.style.hide(axis="index").set_caption(
        "Levels of local government and their bodies, grouped as printed in the article "
        "(a dash: the article names no body of that kind on that level)")


def code_model_features(features: pd.DataFrame, themes: dict, *,
                        model_names: pd.DataFrame | None = None) -> pd.DataFrame:
    """Attach this edition's theme coding to the printed model features.

    ``themes`` maps every ``feature_id`` to a theme; a feature without a theme, or a theme for a
    feature that does not exist, raises ``ValueError`` so that a changed table cannot be coded
    silently.
    """
    ids = set(features["feature_id"])
    missing = sorted(ids - set(themes))
    extra = sorted(set(themes) - ids)
    if missing or extra:
        raise ValueError(f"model feature coding out of date: uncoded {missing}, unknown {extra}")
    df = features.copy()
    df["theme"] = df["feature_id"].map(themes)
    if model_names is not None:
        df = df.merge(model_names[["model_id", "model"]], on="model_id", how="left")
    return df


def model_feature_matrix(coded: pd.DataFrame, models: pd.DataFrame,
                         theme_order: list[str] | None = None) -> ChartHTML:
    """Themes (rows) by models (columns); each cell shows the printed features, or 'not listed'.

    ``coded`` is the output of :func:`code_model_features`. The cells carry text, not values:
    a shaded cell has at least one printed feature, a white one has none and says so.
    """
    names = {k: str(v)[:1].upper() + str(v)[1:] for k, v in zip(models["model_id"], models["model"])}
    order_ids = [m for m in MODEL_ORDER if m in names] + [m for m in names if m not in MODEL_ORDER]
    model_order = [names[m] for m in order_ids]
    themes = theme_order or list(dict.fromkeys(coded["theme"]))
    df = coded.copy()
    df["model"] = df["model_id"].map(names)
    df["feature"] = df["feature"].map(lambda f: str(f)[:1].upper() + str(f)[1:])
    cells = (df.sort_values("feature_id").groupby(["theme", "model"], sort=False)["feature"]
             .apply(list).reset_index())
    grid = pd.MultiIndex.from_product([themes, model_order], names=["theme", "model"]).to_frame(index=False)
    grid = grid.merge(cells, on=["theme", "model"], how="left")
    grid["listed"] = grid["feature"].map(lambda v: isinstance(v, list))
    grid["n"] = grid["feature"].map(lambda v: len(v) if isinstance(v, list) else 0)
    grid["features"] = grid["feature"].map(lambda v: "; ".join(v) if isinstance(v, list) else NOT_LISTED)
    grid["cell_text"] = grid["feature"].map(
        lambda v: "\n".join(_wrap("• " + f, 25) for f in v) if isinstance(v, list) else NOT_LISTED)
    grid["status"] = grid["listed"].map({True: "Listed in the article", False: "Not listed"})
    grid = grid.drop(columns="feature")
    grid["lines"] = grid["cell_text"].str.count("\n") + 1
    col_w = 165
    colour = alt.Color("status:N", title="Cell",
                       scale=alt.Scale(domain=["Listed in the article", "Not listed"],
                                       range=["#d9ecf7", "#ffffff"]))
    tooltip = [alt.Tooltip("model:N", title="Model"),
               alt.Tooltip("theme:N", title="Theme (this edition's coding)"),
               alt.Tooltip("features:N", title="Features as listed in the article"),
               alt.Tooltip("n:Q", title="Number of features")]
    # One view for the whole grid: each theme row is as tall as its longest cell, laid out
    # here in pixels (y0..y1), so the compiled chart stays small (one mark per layer).
    row_h = {th: 14 * int(grid.loc[grid["theme"] == th, "lines"].max()) + 14 for th in themes}
    tops = dict(zip(themes, [sum(row_h[t] for t in themes[:i]) for i in range(len(themes))]))
    grid["y0"] = grid["theme"].map(tops)
    grid["y1"] = grid["y0"] + grid["theme"].map(row_h)
    grid["ytext"] = grid["y0"] + 7
    grid["ymid"] = (grid["y0"] + grid["y1"]) / 2
    total_h = sum(row_h.values())
    y_scale = alt.Scale(domain=[0, total_h], range=[0, total_h], nice=False, zero=False)
    x = alt.X("model:N", sort=model_order, title="Model of local government",
              axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold", domain=False,
                            ticks=False, labelFontSize=12, titleFontSize=12))
    base = alt.Chart(grid).encode(x=x)
    rects = base.mark_rect(stroke="#888888", strokeWidth=1).encode(
        y=alt.Y("y0:Q", scale=y_scale, axis=None), y2="y1:Q", color=colour, tooltip=tooltip)
    text = base.mark_text(align="left", baseline="top", dx=-(col_w / 2) + 8, lineBreak="\n",
                          lineHeight=14, fontSize=11, color="#1a1a1a").encode(
        y=alt.Y("ytext:Q", scale=y_scale, axis=None), text="cell_text:N").transform_filter("datum.listed")
    blank = base.mark_text(align="center", baseline="middle", fontSize=11, fontStyle="italic",
                           color=theme.MUTED).encode(
        y=alt.Y("ymid:Q", scale=y_scale, axis=None), text="cell_text:N").transform_filter("!datum.listed")
    matrix = (rects + text + blank).properties(width=col_w * len(model_order), height=total_h)
    labels = alt.Chart(grid.drop_duplicates("theme")).mark_text(
        align="right", baseline="middle", fontWeight="bold", fontSize=11, color="#1a1a1a").encode(
        y=alt.Y("ymid:Q", scale=y_scale, axis=None), text="theme:N",
        x=alt.value(150)).properties(width=155, height=total_h)
    chart = alt.hconcat(labels, matrix, spacing=0).resolve_scale(y="shared").properties(
        title=alt.Title("Models of local government: features listed in the article",
                        subtitle=["Rows: themes (this edition's coding). Columns: models.",
                                  "A cell marked 'not listed' means the article says nothing there."]))
    parts = []
    for m in model_order:
        sub = grid[grid["model"] == m]
        listed = [f"{r.theme}: {r.features}" for r in sub.itertuples() if r.listed]
        absent = [r.theme for r in sub.itertuples() if not r.listed]
        parts.append(f"{m} — " + "; ".join(listed)
                     + (f" (nothing listed for: {', '.join(absent)})" if absent else ""))
    desc = ("Matrix of themes (rows, this edition's coding) by model of local government "
            "(columns); each cell gives the features the article lists. " + ". ".join(parts) + ".")
    return show(chart, name="model-features", description=desc,
                data=grid[["theme", "model", "status", "n", "features"]].reset_index(drop=True))


def akimat_powers_list(powers: pd.DataFrame):
    """The akimats' powers as a list that keeps the article's own item numbers.

    Rows without a printed number form the lead-in; numbered rows keep their printed number
    (a Markdown ordered list would renumber 1, 2, 4 as 1, 2, 3, so the numbers are text).
    """
    from IPython.display import Markdown

    lead = powers[powers["number_printed"].isna()]["power"].tolist()
    items = powers.dropna(subset=["number_printed"]).copy()
    items["n"] = items["number_printed"].astype(int)
    lines = []
    if lead:
        lines.append("In addition to the tasks below, akimats " + "; ".join(lead) + ".\n")
    for r in items.sort_values("n").itertuples():
        lines.append(f"- **{r.n})** {r.power[0].upper()}{r.power[1:]}")
    return Markdown("\n".join(lines))
