"""Every number glued into the prose is a number the article prints, or one this edition
derives and documents here. A typo in the data (2238 for 2283) or a new, undocumented figure
in a chapter fails this test.

The glued values are read from the executed chapters in the build's execution cache, so this
test checks exactly what the HTML book shows.
"""

from __future__ import annotations

import fnmatch
import re

import pytest

from kzbuild import settings
from kzbuild.chapters import chapters, read_chapter

from conftest import ARTICLE, need

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

#: Glued numbers that the article does not print, with how this edition derives them.
DERIVED = {
    "tm_n_features": "rows of model_features: the features the article lists for the models",
    "count_*": "reconstructed count k out of 69 with round(100k/69, 1) = printed share (stats.reconstruct_counts)",
    "share_recomputed_*": "100 * count / 69, rounded to one decimal",
    "printed_total": "sum of the four printed shares",
    "shares_total": "sum of the four printed shares",
    "a_total": "sum of the four printed shares",
    "a_shortfall": "100 minus the sum of the printed shares",
    "a_bound": "largest total error that rounding four shares to 0.1 can cause (4 x 0.05)",
    "a_nearest": "nearest share k/69 to the unattainable 21.4 %",
    "step": "the step between attainable shares, 100/69",
    "ci_*": "95 % Wilson interval bounds (statsmodels proportion_confint)",
    "n_supported": "number of pairwise differences supported at the 5 % level (Holm-adjusted McNemar tests)",
    "top_*": "the largest pairwise difference: its size, Wald interval and McNemar p-values",
    "max_high": "highest upper bound of the 95 % intervals",
    "f_text_date": "the 2020 address's date as the Research methods section gives it (01.09. 2020), spacing normalised",
    "f_url_date": "the date read from the digits 01092020 in reference 3's web address",
    "n_computed_holding": "number of the audit's computed findings that hold on the data now (audit.summary)",
    "map_*": "counts of rows of article_paragraphs, this edition's division of the article into "
    "headings, paragraphs, list items, caption, references and funding note (map page)",
}


def _glued() -> list[tuple[str, str, str]]:
    from jupyter_cache import get_cache

    if not settings.CACHE.is_dir():
        return []
    cache = get_cache(str(settings.CACHE))
    out = []
    for chapter in chapters():
        try:
            _, nb = cache.merge_match_into_notebook(read_chapter(chapter))
        except KeyError:
            out.append((chapter.name, "<not in cache>", ""))
            continue
        for cell in nb.cells:
            for o in cell.get("outputs", []):
                name = o.get("metadata", {}).get("scrapbook", {}).get("name")
                if name:
                    out.append((chapter.name, name, o["data"].get("application/papermill.record/text/plain", "")))
    return out


@pytest.fixture(scope="module")
def glued(built_book):
    values = _glued()
    assert values, "no glued values found in the execution cache"
    missing = [c for c, n, _ in values if n == "<not in cache>"]
    assert not missing, f"chapters not in the execution cache (run make book): {missing}"
    return values


def _printed_numbers() -> set[str]:
    need(ARTICLE.is_file(), f"the source article is not at {ARTICLE} (shared/ beside the clone)")
    text = ARTICLE.read_text(encoding="utf-8")
    found = set(NUMBER.findall(text))
    return found | {n.replace(",", "") for n in found}


def _derived(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in DERIVED)


def test_every_glued_number_is_printed_or_documented(glued):
    printed = _printed_numbers()
    bad = []
    for chapter, name, value in glued:
        numbers = NUMBER.findall(value)
        if numbers and not _derived(name):
            unknown = [n for n in numbers if n not in printed and n.replace(",", "") not in printed]
            if unknown:
                bad.append(f"{chapter}: {name} = {value[:60]} ({', '.join(unknown)} not printed in the article)")
    assert bad == [], "glued numbers neither printed nor documented as derived:\n" + "\n".join(bad)


def test_every_documented_derivation_is_used(glued):
    names = {n for _, n, _ in glued}
    stale = [p for p in DERIVED if not any(fnmatch.fnmatchcase(n, p) for n in names)]
    assert stale == []


def test_survey_figures_glued_as_printed(glued):
    values = {n: v for _, n, v in glued}
    assert values["survey_n"] == "69"
    printed = sorted(float(values[f"share_printed_{i}"]) for i in range(1, 5))
    assert printed == [18.8, 21.4, 24.6, 34.8]
