"""The survey chapter's sentences that depend on a finding, generated from the data.

Which printed shares a whole number of experts reproduces, whether the two lists of respondent
groups agree, which differences the sample supports: each of these can change when a
researcher edits the data (a corrected share, a moved count). The chapter glues every sentence
that states such a finding as a whole (``glue("key", Markdown(...))`` pasted with
``{glue:md}`key:myst```), so no sentence assumes one outcome and no glue key exists only under
one outcome. Each function returns MyST Markdown for every outcome the data allow.
"""

from __future__ import annotations

import math

import pandas as pd

from . import stats
from .prose import listing


def _pct(value: float) -> str:
    return f"{float(value):.1f} %"


def groups_compared(by_place: dict[str, list[str]]) -> str:
    """Whether the methodology's and the results' lists of respondent groups agree."""
    method, results = by_place.get("methodology", []), by_place.get("results", [])
    if sorted(method) == sorted(results):
        return (
            f"and the two lists name the same {len(method)} groups; "
            "{numref}`tbl-survey-groups` sets them side by side"
        )
    return (
        f"and the two lists do not match ({len(method)} groups in the methodology, "
        f"{len(results)} in the results section); {{numref}}`tbl-survey-groups` sets them side by "
        "side, and the audit records the mismatch ({ref}`audit-respondent-groups`)"
    )


def _reproduced(rec: pd.DataFrame) -> str:
    good = rec[rec["reproduces"]]
    total = len(rec)
    if good.empty:
        return f"None of the {total} printed shares is reproduced exactly by the counts in the data."
    items = [
        f"{_pct(r.share_printed)} is {int(r.count)}" + (" experts" if i == 0 else "")
        for i, r in enumerate(good.itertuples())
    ]
    head = f"All {total}" if len(good) == total else f"{len(good)} of the {total}"
    return f"{head} printed shares are reproduced exactly: {listing(items)}."


def _unattainable(rows: pd.DataFrame, n: int) -> str:
    def brackets(share: float) -> str:
        lo = math.floor(share * n / 100)
        return (
            f"{lo} experts would print as {_pct(stats.share_of(lo, n))} and {lo + 1} as "
            f"{_pct(stats.share_of(lo + 1, n))}"
        )

    if len(rows) == 1:
        r = rows.iloc[0]
        return (
            f"one printed share, {_pct(r['share_printed'])} for \u201c{r['answer_label']}\u201d, cannot be "
            f"produced by any whole number of experts out of {n}: {brackets(r['share_printed'])}."
        )
    parts = [
        f"{_pct(r.share_printed)} for \u201c{r.answer_label}\u201d ({brackets(r.share_printed)})"
        for r in rows.itertuples()
    ]
    return (
        f"{len(rows)} printed shares cannot be produced by any whole number of experts out of {n}: {'; '.join(parts)}."
    )


def _recorded(rec: pd.DataFrame, n: int) -> list[str]:
    """What the data package records for each share it does not reproduce."""
    bad = rec[~rec["reproduces"]]
    remainder = n - int(rec.loc[rec["reproduces"], "count"].sum())
    out = []
    for r in bad.itertuples():
        if pd.isna(r.count_matching) and len(bad) == 1 and int(r.count) == r.nearest_k == remainder:
            out.append(
                f"The nearest possible share, {int(r.nearest_k)} experts, is also exactly what is left of "
                f"the sample once the reproduced answers are taken away ({remainder}), so the data "
                "package uses that count and marks the answer as not reproducing the printed figure."
            )
        elif pd.isna(r.count_matching):
            out.append(
                f"For \u201c{r.answer_label}\u201d the data package records {int(r.count)} experts "
                f"({_pct(r.share_recomputed)}) and marks the answer as not reproducing the printed figure."
            )
        else:
            out.append(
                f"The printed {_pct(r.share_printed)} for \u201c{r.answer_label}\u201d would be "
                f"{int(r.count_matching)} experts, but the data package records {int(r.count)} "
                f"({_pct(r.share_recomputed)}) and marks the answer as not reproducing the printed figure."
            )
    return out


def counts_paragraph(rec: pd.DataFrame, n: int) -> str:
    """The paragraph after the table of counts: what is reproduced, what is not, the totals."""
    sentences = [_reproduced(rec)]
    unattainable = rec[~rec["reproduces"] & rec["count_matching"].isna()]
    if len(unattainable):
        text = _unattainable(unattainable, n)
        sentences.append(("However, " + text) if rec["reproduces"].any() else text[0].upper() + text[1:])
    sentences += _recorded(rec, n)
    total = round(float(rec["share_printed"].sum()), 1)
    sentences.append(
        f"The printed shares add up to {total:.1f} %"
        + (" rather than 100 %" if total != 100 else "")
        + f"; the counts add up to {int(rec['count'].sum())}, the whole sample."
    )
    return " ".join(sentences)


def counts_key_point(rec: pd.DataFrame) -> str:
    """The key point on the counts: how many shares a whole number of respondents gives."""
    total, good = len(rec), int(rec["reproduces"].sum())
    printed = round(float(rec["share_printed"].sum()), 1)
    if good == total:
        return (
            f"All {total} percentages correspond to a whole number of respondents, and the printed "
            f"shares total {printed:.1f} %."
        )
    rest = total - good
    rest_text = "the remaining one does not" if rest == 1 else f"the remaining {rest} do not"
    return (
        f"{good} of the {total} percentages correspond to a whole number of respondents; {rest_text}, "
        f"and the printed shares total {printed:.1f} %."
    )


def largest_gap_item(sup: dict, verdict: str) -> str:
    """The first plain-terms item: the verdict and the largest gap, with what it means for the ranking."""
    gap = f'The largest gap, between "{sup["top_a"]}" and "{sup["top_b"]}", is {sup["top_diff"]:.1f} points'
    numbers = (
        f"its 95 % interval runs from {sup['top_low']:.1f} to {sup['top_high']:.1f} points, and its "
        f"exact p-value is {sup['top_p']:.3f} before and {sup['top_p_adj']:.3f} after the correction"
    )
    top_supported = sup["top_p_adj"] < 1 - sup["level"]
    text = f"With this sample, {verdict}. " + (f"{gap}; {numbers}." if top_supported else f"{gap}, but {numbers}.")
    if sup["n_supported"] == sup["n_pairs"]:
        return text + " Every difference in the article's ranking of the answers is supported by the survey."
    return text + " The ranking of the answers in the article is therefore not established by the survey."


def majority_item(sup: dict) -> str:
    """The second plain-terms item: whether any answer may have been chosen by a majority."""
    if sup["all_below_half"]:
        return (
            "What the sample does support is that no answer was chosen by a majority: every interval ends "
            f"below one half; the highest upper bound is {sup['max_high']:.1f} %."
        )
    return (
        "The sample does not rule out that one answer was chosen by a majority: at least one interval "
        f"reaches one half or more; the highest upper bound is {sup['max_high']:.1f} %."
    )


def sample_size_item(sup: dict, n: int) -> str:
    """The third plain-terms item: at what sample size the largest gap would reach significance."""
    needed = sup["needed_n"]
    caveat = " Discrete tests jump around near that size, so this is an order of magnitude, not a power calculation."
    if needed is None:
        return (
            "As a rough guide, if the shares stayed the same, the largest gap would not reach significance "
            "in a single comparison with any sample of up to 5000 respondents."
        )
    if needed > n:
        return (
            "As a rough guide, if the shares stayed the same, the largest gap would first reach "
            f"significance in a single comparison at about {needed} respondents." + caveat
        )
    return (
        "As a rough guide, the largest gap reaches significance in a single comparison from about "
        f"{needed} respondents, no more than the {n} surveyed." + caveat
    )
