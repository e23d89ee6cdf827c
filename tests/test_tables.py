"""Checks of the data package (data/): validity, conventions, and the survey counts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from frictionless import Package

from kzdecentral import __version__

from conftest import ARTICLE, need

DATA = Path(__file__).resolve().parent.parent / "data"
DESC = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
NAMES = [r["name"] for r in DESC["resources"]]

CONTRACT_TABLES = {
    "survey",
    "survey_regions",
    "survey_groups",
    "survey_answers",
    "admin_units",
    "decentralization_types",
    "gov_models",
    "model_features",
    "legal_acts",
    "constitution_articles",
    "gov_levels",
    "timeline",
    "intl_tiers",
    "intl_facts",
    "key_figures",
    "problems",
    "risks",
    "recommendations",
    "directions",
    "budget_levels",
    "transfer_levels",
    "function_groups",
    "references",
    "citations",
    "keywords",
    "authors",
}


def rows(name: str) -> list[dict[str, str]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_package_is_valid():
    report = Package(str(DATA / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])


def test_package_metadata():
    assert DESC["version"] == __version__  # the version lives in kzdecentral/__init__.py
    assert DESC["licenses"][0]["name"] == "CC-BY-4.0"
    assert DESC["sources"] and DESC["contributors"]
    assert CONTRACT_TABLES <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_schema_conventions(name):
    res = next(r for r in DESC["resources"] if r["name"] == name)
    schema = res["schema"]
    assert schema.get("primaryKey"), name
    fields = {f["name"]: f for f in schema["fields"]}
    assert "section" in fields and "locator" in fields
    for f in schema["fields"]:
        assert f.get("description"), (name, f["name"])


@pytest.mark.parametrize("name", NAMES)
def test_csv_encoding_and_provenance(name):
    raw = (DATA / f"{name}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "BOM"
    assert b"\r" not in raw, "CRLF"
    raw.decode("utf-8")
    for r in rows(name):
        assert r["section"] and r["locator"]


def test_no_fk_from_citations_to_references():
    res = next(r for r in DESC["resources"] if r["name"] == "citations")
    assert not res["schema"].get("foreignKeys")


def test_survey_counts_reproduce_printed_shares():
    survey = rows("survey")[0]
    n = int(survey["sample_size"])
    assert n == 69
    answers = rows("survey_answers")
    assert sum(int(a["count"]) for a in answers) == n
    for a in answers:
        k, share = int(a["count"]), float(a["share_printed"])
        reproduces = round(100 * k / n, 1) == share
        assert reproduces == (a["reproduces_printed"] == "true"), a
        if not reproduces:  # the flagged answer: no k out of 69 gives the printed share
            assert share == 21.4
            assert all(round(100 * j / n, 1) != share for j in range(n + 1))


def test_key_numbers_as_printed():
    units = {r["unit_id"]: int(r["count"]) for r in rows("admin_units")}
    assert units["regions"] == 17 and units["rural_districts"] == 2283 and units["districts_level2"] == 166
    figs = {r["figure_id"]: r for r in rows("key_figures")}
    assert float(figs["functions_to_analyse"]["value"]) == 8500
    assert figs["functions_to_analyse"]["qualifier"] == "more than"
    assert len(rows("references")) == 17
    kw = rows("keywords")
    assert [sum(1 for k in kw if k["lang"] == lang) for lang in ("en", "kk", "ru")] == [10, 9, 9]


def test_citations_match_the_article():
    """Every bracketed citation of the article text appears, in order."""
    import re

    need(ARTICLE.is_file(), f"the source article is not at {ARTICLE}")
    body = ARTICLE.read_text(encoding="utf-8").split("REFERENCES:")[0]
    printed = re.findall(r"\[\d[^\]]*\]", body)
    assert [c["cited_as"] for c in rows("citations")] == printed


def test_readme_lists_every_table_with_its_row_count():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"| `{name}` | {len(rows(name))} |" in readme, name


@pytest.mark.parametrize("name", NAMES)
def test_primary_keys_unique_and_ids_nonempty(name):
    res = next(r for r in DESC["resources"] if r["name"] == name)
    pk = res["schema"]["primaryKey"]
    pk = [pk] if isinstance(pk, str) else pk
    keys = [tuple(r[k] for k in pk) for r in rows(name)]
    assert all(all(k) for k in keys)
    assert len(keys) == len(set(keys))
