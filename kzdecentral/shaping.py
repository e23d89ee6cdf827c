"""Tables shaped for the charts and chapters (from the data package's tables, no drawing).

* :func:`survey_figure_data`: the long table behind the survey figure (answer x version x
  confidence level x interval method);
* :func:`timeline_spans`: the span of time each printed date of the timeline covers;
* :func:`tier_grid`: the tiers of local government of Kazakhstan, Poland and Turkey;
* :func:`code_model_features`: this edition's theme coding attached to the model features;
* the labels of coded values (:data:`LEVEL_NAMES`, :data:`PRECISION_LABELS`,
  :data:`SHARE_VERSIONS`) that charts, tables and prose share.
"""

from __future__ import annotations

import pandas as pd

from . import stats
from .cells import optional_int, shorten

#: Short names of the levels of administrative-territorial units, for axis and facet labels.
LEVEL_NAMES = {1: "First level", 2: "Second level", 3: "Third level"}
#: How precisely the article dates an event, in the words of the chart's legend.
PRECISION_LABELS = {
    "day": "exact day printed",
    "month": "month printed (no day)",
    "year": "year only printed",
    "period": "span of time printed",
}
#: The two versions of a survey share: as the article prints it, and 100 count / n.
SHARE_VERSIONS = {"printed": "As printed", "recomputed": "Count / n"}


def survey_figure_data(answers: pd.DataFrame, n: int, levels=None, methods=("wilson", "beta")) -> pd.DataFrame:
    """Long table behind the survey figure: answer x version x level x method.

    ``version`` is ``printed`` (the share as the article prints it) or ``recomputed``
    (``100 count / n``). The interval (``low``, ``high``) belongs to the answer: it is computed
    from the count, so both rows of an answer carry the same one.
    """
    levels = levels or stats.LEVELS
    rec = stats.reconstruction(answers, n)
    grid = stats.interval_grid(answers, n, levels=levels, methods=methods)
    rows = []
    for g in grid.itertuples():
        r = rec.loc[rec["answer_id"] == g.answer_id].iloc[0]
        note = (
            ""
            if r["reproduces"]
            else f"no count out of {n} gives {r['share_printed']:.1f}; nearest is "
            f"{int(r['nearest_k'])} of {n} = {r['nearest_share']:.1f}"
        )
        common = {
            "answer_id": int(g.answer_id),
            "answer_label": g.answer_label,
            "count": int(r["count"]),
            "n": int(n),
            "level_pct": int(g.level_pct),
            "method": g.method,
            "method_label": g.method_label,
            "share_sort": float(r["share_recomputed"]),
            "gap": float(r["gap"]),
            "note": note,
        }
        rows.append(
            {
                **common,
                "version": "printed",
                "version_label": SHARE_VERSIONS["printed"],
                "share": float(r["share_printed"]),
                "low": float(g.low),
                "high": float(g.high),
            }
        )
        rows.append(
            {
                **common,
                "version": "recomputed",
                "version_label": SHARE_VERSIONS["recomputed"],
                "share": float(r["share_recomputed"]),
                "low": float(g.low),
                "high": float(g.high),
            }
        )
    return pd.DataFrame(rows)


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
        month, day = optional_int(r.month), optional_int(r.day)
        if prec == "day":
            start = pd.Timestamp(year, month, day)
            end = start
        elif prec == "month":
            start = pd.Timestamp(year, month, 1)
            end = start + pd.offsets.MonthEnd(0)
        elif prec == "period":
            start = pd.Timestamp(year, month or 1, 1)
            end_month = optional_int(getattr(r, "end_month", None))
            end = pd.Timestamp(int(r.end_year), end_month or 12, 1) + pd.offsets.MonthEnd(0)
        else:  # year
            start = pd.Timestamp(year, 1, 1)
            end = pd.Timestamp(year, 12, 31)
        rows.append(
            {
                "event_id": str(r.event_id),
                "event": str(r.event),
                "date_printed": str(r.date_printed),
                "precision": prec,
                "precision_label": PRECISION_LABELS.get(prec, prec),
                "start": start.strftime("%Y-%m-%d"),
                "end": end.strftime("%Y-%m-%d"),
                "section": str(r.section),
                "locator": str(r.locator),
            }
        )
    df = pd.DataFrame(rows).sort_values(["start", "end", "event_id"], kind="stable").reset_index(drop=True)
    df["label"] = [f"{d} · {shorten(e, 60)}" for d, e in zip(df["date_printed"], df["event"], strict=True)]
    return df


def tier_grid(
    intl_tiers: pd.DataFrame, intl_facts: pd.DataFrame, admin_units: pd.DataFrame, gov_levels: pd.DataFrame
) -> pd.DataFrame:
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
        rows.append(
            {
                "country": "Kazakhstan",
                "rank": int(level),
                "tier": "; ".join(units["unit_type"].astype(str)),
                "kazakh_equivalent": "",
                "head": "; ".join(bodies),
                "source": "admin_units, gov_levels",
            }
        )
    pl = intl_tiers[intl_tiers["country"] == "Poland"].copy()
    top = int(pl["tier_no"].max())
    for r in pl.itertuples(index=False):
        rows.append(
            {
                "country": "Poland",
                "rank": top + 1 - int(r.tier_no),
                "tier": str(r.tier),
                "kazakh_equivalent": str(r.kazakh_equivalent),
                "head": str(r.head_printed),
                "source": f"intl_tiers {r.tier_id}",
            }
        )
    tr = intl_facts[(intl_facts["country"] == "Turkey") & (intl_facts["fact_id"] == "tr_tiers")]
    tr_unit = intl_tiers[intl_tiers["country"] == "Turkey"]
    head = str(tr_unit["head_printed"].iloc[0]) if len(tr_unit) else ""
    for k in range(1, int(tr["value"].iloc[0]) + 1 if len(tr) else 1):
        rows.append(
            {
                "country": "Turkey",
                "rank": k,
                "tier": "",
                "kazakh_equivalent": "",
                "head": f"{head} of each belediye (municipality)" if head else "",
                "source": "intl_facts tr_tiers",
            }
        )
    return pd.DataFrame(rows)


def code_model_features(
    features: pd.DataFrame, themes: dict, *, model_names: pd.DataFrame | None = None
) -> pd.DataFrame:
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
