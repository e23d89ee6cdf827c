"""Survey statistics against independent calculations (scipy, direct formulas, brute force)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from math import sqrt

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from kzdecentral import data, stats

N = 69
PRINTED = [18.8, 34.8, 24.6, 21.4]


def printed_share(k: int, n: int) -> Decimal:
    """Independent rounding: decimal arithmetic, halves up, one decimal."""
    return (Decimal(100 * k) / Decimal(n)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def answers() -> pd.DataFrame:
    return data.load("survey_answers").sort_values("answer_id").reset_index(drop=True)


@pytest.fixture(scope="module")
def n() -> int:
    return int(data.load("survey")["sample_size"].iloc[0])


# ----------------------------------------------------------------- counts


def test_reconstructed_counts_brute_force():
    expected = []
    for s in PRINTED:
        ks = [k for k in range(N + 1) if printed_share(k, N) == Decimal(str(s))]
        expected.append(ks[0] if ks else None)
    assert expected == [13, 24, 17, None]
    assert stats.reconstruct_counts(PRINTED, N) == expected


def test_nearest_attainable_is_the_remainder():
    near = stats.nearest_attainable(21.4, N)
    assert near["k"] == 15 and near["share"] == 21.7
    assert near["k"] == N - 13 - 24 - 17
    assert float(printed_share(14, N)) == 20.3  # the share just below


def test_attainable_shares():
    table = stats.attainable_shares(N)
    assert len(table) == N + 1
    assert table["share"].is_monotonic_increasing
    assert 21.7 in set(table["share"]) and 21.4 not in set(table["share"])
    assert [float(printed_share(k, N)) for k in table["k"]] == table["share"].tolist()


def test_recomputed_shares():
    assert stats.recomputed_shares([13, 24, 17, 15], N) == [18.8, 34.8, 24.6, 21.7]
    assert stats.recomputed_shares([1], 8) == [12.5]
    assert stats.share_of(1, 16, 1) == 6.3  # 6.25 rounds half up


def test_counts_in_data_match_reconstruction(answers, n):
    rec = stats.reconstruction(answers, n)
    assert int(rec["count"].sum()) == n
    for r in rec.itertuples():
        if pd.notna(r.count_matching):
            assert r.count == r.count_matching
            assert r.reproduces
        else:
            assert r.count == r.nearest_k
            assert not r.reproduces
    # the data package's own flag agrees with the recomputation
    assert rec["reproduces"].tolist() == answers["reproduces_printed"].astype(bool).tolist()


def test_ambiguous_large_sample_picks_nearest():
    # with n = 2000 both 199 (9.95, rounded half up) and 200 print as 10.0
    ks = [k for k in range(2001) if printed_share(k, 2000) == Decimal("10.0")]
    assert len(ks) > 1
    assert stats.reconstruct_counts([10.0], 2000) == [200]


# ----------------------------------------------------------------- intervals

COUNTS = [13, 24, 17, 15]


def wilson(k: int, n: int, level: float) -> tuple[float, float]:
    z = sps.norm.ppf(1 - (1 - level) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return 100 * (centre - half), 100 * (centre + half)


@pytest.mark.parametrize("level", [0.80, 0.90, 0.95, 0.99])
def test_wilson_against_formula(level):
    ci = stats.intervals(COUNTS, N, level=level, method="wilson")
    for row, k in zip(ci.itertuples(), COUNTS, strict=True):
        lo, hi = wilson(k, N, level)
        assert row.low == pytest.approx(lo, abs=1e-9)
        assert row.high == pytest.approx(hi, abs=1e-9)
        assert row.share == pytest.approx(100 * k / N)


@pytest.mark.parametrize("level", [0.80, 0.90, 0.95, 0.99])
def test_clopper_pearson_against_scipy(level):
    ci = stats.intervals(COUNTS, N, level=level, method="beta")
    a = 1 - level
    for row, k in zip(ci.itertuples(), COUNTS, strict=True):
        lo = sps.beta.ppf(a / 2, k, N - k + 1)
        hi = sps.beta.ppf(1 - a / 2, k + 1, N - k)
        assert row.low == pytest.approx(100 * lo, abs=1e-7)
        assert row.high == pytest.approx(100 * hi, abs=1e-7)
        exact = sps.binomtest(k, N).proportion_ci(confidence_level=level, method="exact")
        assert row.low == pytest.approx(100 * exact.low, abs=1e-7)
        assert row.high == pytest.approx(100 * exact.high, abs=1e-7)


def test_goodman_against_formula():
    level = 0.95
    ci = stats.intervals(COUNTS, N, level=level, method="goodman")
    A = sps.chi2.ppf(1 - (1 - level) / len(COUNTS), 1)
    for row, k in zip(ci.itertuples(), COUNTS, strict=True):
        root = sqrt(A * (A + 4 * k * (N - k) / N))
        assert row.low == pytest.approx(100 * (A + 2 * k - root) / (2 * (N + A)), abs=1e-7)
        assert row.high == pytest.approx(100 * (A + 2 * k + root) / (2 * (N + A)), abs=1e-7)


def test_interval_widths_grow_with_level():
    widths = [
        float((stats.intervals(COUNTS, N, lv)["high"] - stats.intervals(COUNTS, N, lv)["low"]).iloc[0])
        for lv in stats.LEVELS
    ]
    assert widths == sorted(widths)


def test_interval_errors():
    with pytest.raises(ValueError):
        stats.intervals(COUNTS, N, method="no-such-method")
    with pytest.raises(ValueError):
        stats.intervals(COUNTS, N, level=95)
    with pytest.raises(ValueError):
        stats.intervals([13, 24], N, method="goodman")


def test_interval_grid_shape(answers, n):
    grid = stats.interval_grid(answers, n)
    assert len(grid) == len(answers) * len(stats.LEVELS) * 2
    assert set(grid["level_pct"]) == {80, 90, 95, 99}


# ----------------------------------------------------------------- differences


def test_pairwise_against_independent_calculation():
    pairs = stats.pairwise_differences(COUNTS, N, level=0.95)
    assert len(pairs) == 6
    z = sps.norm.ppf(0.975)
    raw = []
    for row in pairs.itertuples():
        a, b = row.count_a, row.count_b
        # exact conditional test: among the a + b who chose one of the two, a ~ Bin(a + b, 1/2)
        p = sps.binomtest(a, a + b, 0.5).pvalue
        assert row.p_value == pytest.approx(p, rel=1e-9)
        raw.append(p)
        pa, pb = a / N, b / N
        var = pa * (1 - pa) / N + pb * (1 - pb) / N + 2 * pa * pb / N  # cov = -pa pb / n
        assert row.diff == pytest.approx(100 * (pa - pb))
        assert row.diff_low == pytest.approx(100 * (pa - pb - z * sqrt(var)))
        assert row.diff_high == pytest.approx(100 * (pa - pb + z * sqrt(var)))
    # Holm by hand
    order = np.argsort(raw)
    m = len(raw)
    adj = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * raw[i]))
        adj[i] = running
    assert pairs["p_adjusted"].to_numpy() == pytest.approx(adj)


def test_sample_of_69_supports_no_pairwise_difference():
    pairs = stats.pairwise_differences(COUNTS, N)
    assert not pairs["supported"].any()
    assert pairs["intervals_overlap"].all()


def test_larger_sample_supports_the_largest_gap():
    pairs = stats.pairwise_differences([3 * c for c in COUNTS], 3 * N)
    top = pairs.loc[pairs["diff"].idxmax()]
    assert top["supported"]


def test_majority_and_sample_needed(answers, n):
    s = stats.support_summary(answers, n)
    assert s["all_below_half"] and s["max_high"] < 50
    assert s["n_supported"] == 0
    m = s["needed_n"]
    a, b = round(24 / N * m), round(13 / N * m)
    assert sps.binomtest(a, a + b, 0.5).pvalue < 0.05
    assert m > N
