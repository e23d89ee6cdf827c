"""Statistics of the expert survey (this edition's analysis).

The article prints four answer shares of an expert survey with one decimal (18.8, 34.8,
24.6 and 21.4 per cent of 69 experts) and no counts. This module

* reconstructs the counts: for a printed share ``s`` and a sample of ``n`` it looks for the
  integer ``k`` (0 <= k <= n) whose share ``100 k / n``, rounded to one decimal, is ``s``
  (:func:`matching_counts`, :func:`reconstruct_counts`). With fewer than 1000 respondents
  the attainable shares lie more than 0.1 points apart, so at most one ``k`` matches; when
  none does, the printed share is not a possible result of ``n`` answers and
  :func:`nearest_attainable` gives the closest share that is;
* recomputes the shares from the counts (:func:`recomputed_shares`);
* gives confidence intervals for each share (:func:`intervals`), always through
  :func:`statsmodels.stats.proportion.proportion_confint` (Wilson score, Clopper-Pearson
  "exact", Jeffreys, Agresti-Coull, Wald) or
  :func:`statsmodels.stats.proportion.multinomial_proportions_confint` (simultaneous
  intervals for all answers at once: Goodman, Sison-Glaz);
* says which pairwise differences between answer shares the sample can support
  (:func:`pairwise_differences`). The answers come from one sample and exclude each other,
  so two shares are not independent proportions: their estimates are negatively
  correlated, ``cov(p_i, p_j) = -p_i p_j / n``. The edition therefore compares two answers
  with McNemar's exact test (conditional on the ``k_i + k_j`` experts who chose one of the
  two, ``k_i`` is binomial with p = 1/2 when the two shares are equal), computed by
  :func:`statsmodels.stats.contingency_tables.mcnemar`, with Holm's correction for the six
  comparisons (:func:`statsmodels.stats.multitest.multipletests`), and shows a Wald
  interval for the difference whose variance uses that covariance:
  ``var(p_i - p_j) = (p_i + p_j - (p_i - p_j)**2) / n``. The crude rule "the two
  intervals do not overlap" is reported beside it for comparison only.

Shares are in per cent throughout; functions take plain sequences or pandas objects and
never read the data package themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import combinations
from math import floor

import numpy as np
import pandas as pd
from scipy.stats import norm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import multinomial_proportions_confint, proportion_confint

#: Interval methods: name -> label used in the book.
METHODS = {
    "wilson": "Wilson score",
    "beta": "Clopper-Pearson (exact)",
    "jeffreys": "Jeffreys",
    "agresti_coull": "Agresti-Coull",
    "normal": "Wald (normal approximation)",
    "goodman": "Goodman (simultaneous, all answers)",
    "sison-glaz": "Sison-Glaz (simultaneous, all answers)",
}
#: Methods that give one interval per answer, each on its own.
BINOMIAL_METHODS = ("wilson", "beta", "jeffreys", "agresti_coull", "normal")
#: Methods that cover all answers together (need the full set of counts, summing to n).
SIMULTANEOUS_METHODS = ("goodman", "sison-glaz")
#: Confidence levels the book precomputes for its interactive chart.
LEVELS = (0.80, 0.90, 0.95, 0.99)


# --------------------------------------------------------------------------- counts


def _round_half_up(value: Fraction, decimals: int) -> Fraction:
    """``value`` rounded to ``decimals`` places, halves away from zero (value >= 0).

    Exact arithmetic, so a share such as 100 * 1 / 8 = 12.5 rounds the way a printed
    table would and no binary floating-point artefact decides the result.
    """
    scale = 10**decimals
    return Fraction(floor(value * scale + Fraction(1, 2)), scale)


def share_of(k: int, n: int, decimals: int = 1) -> float:
    """The share ``100 k / n`` in per cent, rounded half up to ``decimals`` places."""
    if n <= 0:
        raise ValueError("n must be positive")
    return float(_round_half_up(Fraction(100 * int(k), int(n)), decimals))


def matching_counts(share: float, n: int, decimals: int = 1) -> list[int]:
    """Every integer ``k`` in ``0..n`` whose rounded share ``100 k / n`` equals ``share``."""
    target = Fraction(str(share))
    return [k for k in range(int(n) + 1) if _round_half_up(Fraction(100 * k, int(n)), decimals) == target]


def reconstruct_counts(shares_printed: Iterable[float], n: int, decimals: int = 1) -> list[int | None]:
    """For each printed share, the count ``k`` out of ``n`` that prints as that share, or None.

    ``round(100 k / n, decimals) == share`` (rounding half up, exactly). None means that no
    count out of ``n`` gives the printed share. For ``n >= 1000`` several counts can match;
    the one nearest to ``share * n / 100`` is returned.

    >>> reconstruct_counts([18.8, 34.8, 24.6, 21.4], 69)
    [13, 24, 17, None]
    """
    out: list[int | None] = []
    for s in shares_printed:
        ks = matching_counts(float(s), n, decimals)
        if not ks:
            out.append(None)
        else:
            out.append(min(ks, key=lambda k: abs(k - float(s) * n / 100)))
    return out


def attainable_shares(n: int, decimals: int = 1) -> pd.DataFrame:
    """All shares a sample of ``n`` can produce: columns ``k`` and ``share`` (per cent, rounded)."""
    ks = np.arange(int(n) + 1)
    return pd.DataFrame({"k": ks, "share": [share_of(k, n, decimals) for k in ks]})


def nearest_attainable(share: float, n: int, decimals: int = 1) -> dict:
    """The attainable share closest to ``share``: ``{"k", "share", "distance"}`` (points)."""
    table = attainable_shares(n, decimals)
    dist = (table["share"] - float(share)).abs()
    row = table.loc[dist.idxmin()]
    return {"k": int(row["k"]), "share": float(row["share"]), "distance": round(float(dist.min()), decimals + 1)}


def recomputed_shares(counts: Iterable[int], n: int, decimals: int = 1) -> list[float]:
    """The share ``100 k / n`` of each count, rounded half up to ``decimals`` places."""
    return [share_of(int(k), n, decimals) for k in counts]


def reconstruction(answers: pd.DataFrame, n: int) -> pd.DataFrame:
    """One row per answer: printed share, the count that reproduces it, recomputed share, gap.

    ``answers`` needs ``answer_id``, ``answer_label``, ``share_printed`` and ``count`` (the
    count the data package records; for a share that no count reproduces it is the edition's
    choice). Columns added: ``count_matching`` (the reconstructed count or <NA>),
    ``nearest_k``/``nearest_share`` (closest attainable share), ``share_recomputed``
    (from ``count``), ``gap`` (printed minus recomputed, points) and ``reproduces``.
    """
    df = answers[["answer_id", "answer_label", "share_printed", "count"]].copy()
    df = df.sort_values("answer_id").reset_index(drop=True)
    df["count_matching"] = pd.array(reconstruct_counts(df["share_printed"], n), dtype="Int64")
    near = [nearest_attainable(s, n) for s in df["share_printed"]]
    df["nearest_k"] = [d["k"] for d in near]
    df["nearest_share"] = [d["share"] for d in near]
    df["share_recomputed"] = recomputed_shares(df["count"], n)
    df["gap"] = (df["share_printed"] - df["share_recomputed"]).round(1)
    df["reproduces"] = df["count_matching"].notna() & (df["count_matching"] == df["count"]).fillna(False)
    df["reproduces"] = df["reproduces"].astype(bool)
    return df


# --------------------------------------------------------------------------- intervals


def intervals(counts: Sequence[int], n: int, level: float = 0.95, method: str = "wilson") -> pd.DataFrame:
    """Confidence intervals of the shares ``counts / n``, in per cent.

    ``method`` is one of :data:`METHODS`: ``"wilson"`` (Wilson score), ``"beta"``
    (Clopper-Pearson, exact), ``"jeffreys"``, ``"agresti_coull"``, ``"normal"`` (Wald) --
    each share on its own, by :func:`~statsmodels.stats.proportion.proportion_confint` --
    or ``"goodman"``/``"sison-glaz"``, simultaneous intervals for all answers by
    :func:`~statsmodels.stats.proportion.multinomial_proportions_confint` (the counts must
    then be all the answers and sum to ``n``).

    Returns columns ``count``, ``n``, ``share``, ``low``, ``high`` (per cent, unrounded),
    ``level`` and ``method``.
    """
    if method not in METHODS:
        raise ValueError(f"unknown interval method {method!r}; use one of {sorted(METHODS)}")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1, e.g. 0.95")
    k = np.asarray([int(c) for c in counts])
    alpha = 1 - level
    if method in SIMULTANEOUS_METHODS:
        if int(k.sum()) != int(n):
            raise ValueError(f"{method} intervals need all counts; they sum to {k.sum()}, not {n}")
        ci = multinomial_proportions_confint(k, alpha=alpha, method=method)
        low, high = ci[:, 0], ci[:, 1]
    else:
        low, high = proportion_confint(k, int(n), alpha=alpha, method=method)
    return pd.DataFrame(
        {
            "count": k,
            "n": int(n),
            "share": 100 * k / int(n),
            "low": 100 * np.asarray(low, dtype=float),
            "high": 100 * np.asarray(high, dtype=float),
            "level": level,
            "method": method,
        }
    )


def interval_grid(
    answers: pd.DataFrame, n: int, levels: Sequence[float] = LEVELS, methods: Sequence[str] = ("wilson", "beta")
) -> pd.DataFrame:
    """Intervals of every answer for every level and method (long table, per cent).

    ``answers`` needs ``answer_id``, ``answer_label`` and ``count``; the result adds
    ``level_pct`` (80, 90, ...) and ``method_label``.
    """
    base = answers.sort_values("answer_id").reset_index(drop=True)
    frames = []
    for method in methods:
        for level in levels:
            ci = intervals(base["count"], n, level=level, method=method)
            ci.insert(0, "answer_id", base["answer_id"].to_numpy())
            ci.insert(1, "answer_label", base["answer_label"].to_numpy())
            frames.append(ci)
    grid = pd.concat(frames, ignore_index=True)
    grid["level_pct"] = (grid["level"] * 100).round().astype(int)
    grid["method_label"] = grid["method"].map(METHODS)
    return grid


# --------------------------------------------------------------------------- differences


def difference_interval(k_i: int, k_j: int, n: int, level: float = 0.95) -> tuple[float, float, float]:
    """Wald interval of ``p_i - p_j`` for two answers of one multinomial sample, in points.

    The variance is ``var(p_i) + var(p_j) - 2 cov(p_i, p_j)`` with ``cov = -p_i p_j / n``,
    i.e. ``(p_i + p_j - (p_i - p_j)**2) / n``. Returns ``(difference, low, high)``.
    """
    p_i, p_j = k_i / n, k_j / n
    d = p_i - p_j
    se = np.sqrt(max(p_i + p_j - d * d, 0.0) / n)
    z = norm.ppf(1 - (1 - level) / 2)
    return 100 * d, 100 * (d - z * se), 100 * (d + z * se)


def pairwise_differences(
    counts: Sequence[int],
    n: int,
    labels: Sequence[str] | None = None,
    level: float = 0.95,
    adjust: str = "holm",
    interval_method: str = "wilson",
) -> pd.DataFrame:
    """Which differences between two answer shares the sample supports.

    One row per pair of answers (larger share first) with

    * ``diff``, ``diff_low``, ``diff_high``: difference in points and its Wald interval with
      the multinomial covariance (:func:`difference_interval`);
    * ``p_value``: McNemar's exact test of equal shares (two-sided), by
      :func:`statsmodels.stats.contingency_tables.mcnemar` on the 2x2 table "chose i" by
      "chose j" (no expert chose both);
    * ``p_adjusted``: the p-values adjusted for all pairs by ``adjust`` (Holm by default);
    * ``supported``: ``p_adjusted < 1 - level``;
    * ``intervals_overlap``: whether the two answers' own intervals (``interval_method``)
      overlap -- the crude rule, for comparison only.
    """
    k = [int(c) for c in counts]
    labels = list(labels) if labels is not None else [f"answer {i + 1}" for i in range(len(k))]
    ci = intervals(k, n, level=level, method=interval_method)
    rows = []
    for i, j in combinations(range(len(k)), 2):
        if k[j] > k[i]:
            i, j = j, i
        table = [[0, k[i]], [k[j], int(n) - k[i] - k[j]]]
        p = float(mcnemar(table, exact=True).pvalue) if k[i] + k[j] > 0 else 1.0
        d, lo, hi = difference_interval(k[i], k[j], n, level)
        overlap = bool(ci.loc[i, "low"] <= ci.loc[j, "high"] and ci.loc[j, "low"] <= ci.loc[i, "high"])
        rows.append(
            {
                "answer_a": labels[i],
                "answer_b": labels[j],
                "count_a": k[i],
                "count_b": k[j],
                "diff": d,
                "diff_low": lo,
                "diff_high": hi,
                "p_value": p,
                "intervals_overlap": overlap,
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out["p_adjusted"] = multipletests(out["p_value"], method=adjust)[1]
    else:
        out["p_adjusted"] = []
    out["supported"] = out["p_adjusted"] < (1 - level)
    out["level"] = level
    out["adjust"] = adjust
    return out


def majority_check(counts: Sequence[int], n: int, level: float = 0.95, method: str = "wilson") -> pd.DataFrame:
    """For each answer: does its interval lie wholly below (or above) one half of the sample?"""
    ci = intervals(counts, n, level=level, method=method)
    ci["below_half"] = ci["high"] < 50
    ci["above_half"] = ci["low"] > 50
    return ci


def sample_needed(share_a: float, share_b: float, level: float = 0.95, start: int = 2, stop: int = 5000) -> int | None:
    """Smallest sample at which two shares of one sample, held fixed, differ significantly.

    For each size ``N`` from ``start`` the counts are ``round(share * N / 100)`` and the two are
    compared with McNemar's exact test (one comparison, no correction for multiplicity). The
    test is discrete, so a slightly larger ``N`` can occasionally fail again; the answer is a
    guide to the order of magnitude, not a power calculation. None if ``stop`` is reached.
    """
    alpha = 1 - level
    for size in range(int(start), int(stop) + 1):
        a, b = round(share_a * size / 100), round(share_b * size / 100)
        if a + b == 0 or a + b > size:
            continue
        p = mcnemar([[0, a], [b, size - a - b]], exact=True).pvalue
        if p < alpha:
            return size
    return None


def support_summary(answers: pd.DataFrame, n: int, level: float = 0.95) -> dict:
    """Plain-language results about what the sample supports, for the survey chapter.

    Returns the pairwise table (``pairs``), the number of pairs and of supported pairs, the
    largest difference with its interval and p-values, whether every answer's interval lies
    below one half, and the sample size a gap as large as the largest one would need.
    """
    base = answers.sort_values("answer_id").reset_index(drop=True)
    pairs = pairwise_differences(base["count"], n, base["answer_label"], level=level)
    top = pairs.loc[pairs["diff"].idxmax()]
    maj = majority_check(base["count"], n, level=level)
    supported = pairs.loc[pairs["supported"]]
    needed = sample_needed(100 * top["count_a"] / n, 100 * top["count_b"] / n, level=level)
    return {
        "pairs": pairs,
        "n_pairs": int(len(pairs)),
        "n_supported": int(len(supported)),
        "n_overlapping": int(pairs["intervals_overlap"].sum()),
        "top_a": str(top["answer_a"]),
        "top_b": str(top["answer_b"]),
        "top_diff": float(top["diff"]),
        "top_low": float(top["diff_low"]),
        "top_high": float(top["diff_high"]),
        "top_p": float(top["p_value"]),
        "top_p_adj": float(top["p_adjusted"]),
        "min_p_adj": float(pairs["p_adjusted"].min()),
        "all_below_half": bool(maj["below_half"].all()),
        "max_high": float(maj["high"].max()),
        "needed_n": needed,
        "level": level,
    }
