"""Findings about the expert survey: its shares, its question, its author and its respondent groups."""

from __future__ import annotations

import pandas as pd

from .. import stats
from .words import content_words, normalised


def share_total(answers: pd.DataFrame) -> dict:
    """The printed shares should add up to 100, give or take rounding.

    Rounding each of ``m`` shares to one decimal moves their total by at most ``0.05 m``
    points; a larger shortfall cannot come from rounding. Returns the printed total, the
    shortfall, that rounding bound, the total of the recorded counts and ``holds``.
    """
    total = round(float(answers["share_printed"].sum()), 1)
    m = len(answers)
    bound = round(0.05 * m, 2)
    shortfall = round(100 - total, 1)
    return {
        "total_printed": total,
        "shortfall": shortfall,
        "rounding_bound": bound,
        "answers": m,
        "count_total": int(answers["count"].sum()),
        "holds": abs(shortfall) > bound,
    }


def unattainable_shares(answers: pd.DataFrame, n: int) -> dict:
    """Printed shares that no count out of ``n`` produces, with the nearest share that is possible.

    ``remainder`` is ``n`` minus the counts that reproduce the other shares; when it gives the
    nearest attainable share, the data package's count for the answer is well founded.
    """
    rec = stats.reconstruction(answers, n)
    bad = rec.loc[rec["count_matching"].isna()].copy()
    matched_total = int(rec["count_matching"].dropna().sum())
    rows = []
    for r in bad.itertuples():
        remainder = int(n) - matched_total if len(bad) == 1 else None
        rows.append(
            {
                "answer_id": int(r.answer_id),
                "answer_label": r.answer_label,
                "share_printed": float(r.share_printed),
                "nearest_k": int(r.nearest_k),
                "nearest_share": float(r.nearest_share),
                "distance": round(abs(float(r.share_printed) - float(r.nearest_share)), 1),
                "remainder": remainder,
                "remainder_share": stats.share_of(remainder, n) if remainder is not None else None,
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "answer_id",
            "answer_label",
            "share_printed",
            "nearest_k",
            "nearest_share",
            "distance",
            "remainder",
            "remainder_share",
        ],
    )
    return {"n": int(n), "table": table, "count": len(table), "holds": len(table) > 0}


#: How the results section attributes the survey (the text says one author ran it).
SURVEY_ATTRIBUTION = "The author of this article conducted"


def authorship(authors: pd.DataFrame) -> dict:
    """The survey is credited to "the author" (singular), while the author list has several."""
    n = int(len(authors))
    return {"authors": n, "attribution": SURVEY_ATTRIBUTION, "holds": n > 1}


def question_wording(survey: pd.DataFrame) -> dict:
    """The survey question as worded in the text and in the caption of Figure 1."""
    s = survey.iloc[0]
    text, fig = str(s["question"]).strip().rstrip("?"), str(s.get("question_figure", "") or "").strip().rstrip("?")
    if not fig or fig.lower() == "nan":
        return {"text": text, "figure": None, "holds": False, "available": False}
    tw, fw = content_words(text), content_words(fig)
    return {
        "text": text,
        "figure": fig,
        "only_text": sorted(tw - fw),
        "only_figure": sorted(fw - tw),
        "holds": tw != fw,
    }


def respondent_groups_differ(survey_groups: pd.DataFrame) -> dict:
    """Respondent groups of the methodology against those named with the results.

    Groups are matched on ``group_key`` (the edition's coding of what each wording means);
    returns, for each list, the groups the other list lacks.
    """
    key = "group_key" if "group_key" in survey_groups.columns else "group"
    places = sorted(survey_groups["listed_in"].dropna().unique())
    keys = {p: set(survey_groups.loc[survey_groups["listed_in"] == p, key].map(normalised)) for p in places}
    only = {}
    for p in places:
        others = set().union(*(keys[q] for q in places if q != p)) if len(places) > 1 else set()
        rows = survey_groups.loc[(survey_groups["listed_in"] == p) & ~survey_groups[key].map(normalised).isin(others)]
        only[p] = rows["group"].tolist()
    sizes = {p: int((survey_groups["listed_in"] == p).sum()) for p in places}
    return {"places": places, "sizes": sizes, "only_in": only, "holds": len(places) > 1 and any(only.values())}
