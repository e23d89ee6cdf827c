"""Audit findings: each holds in the data package, and goes away when the data are corrected."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kzdecentral import audit, data, paths

TABLES = ["survey", "survey_answers", "survey_groups", "authors", "keywords", "timeline", "citations",
          "references", "method_authors", "admin_units", "akimat_powers", "problems", "legal_acts"]


@pytest.fixture(scope="module")
def loaded() -> dict[str, pd.DataFrame]:
    return {name: data.load(name) for name in TABLES}


@pytest.fixture()
def tables(loaded) -> dict[str, pd.DataFrame]:
    """Fresh copies for every test, so a test may alter them."""
    return {name: df.copy(deep=True) for name, df in loaded.items()}


# ----------------------------------------------------------------- every computed finding holds

def test_every_computed_finding_is_checked_and_holds_except_uncited(tables):
    summary = audit.summary(tables)
    computed = summary.loc[summary["source"] == "data"].set_index("id")["holds"]
    assert computed.notna().all()
    assert not computed["uncited-references"]  # every reference is cited at least once
    assert computed.drop("uncited-references").all()
    assert set(summary["id"]) == {f.id for f in audit.FINDINGS} | {t["id"] for t in audit.TEXT_FINDINGS}


# ----------------------------------------------------------------- (a) survey shares

def test_shares_sum(tables):
    r = audit.share_total(tables["survey_answers"])
    assert r["total_printed"] == 99.6 and r["shortfall"] == 0.4
    assert r["rounding_bound"] == 0.2 and r["count_total"] == 69 and r["holds"]


def test_shares_sum_gone_when_shares_fixed(tables):
    a = tables["survey_answers"]
    a.loc[a["share_printed"] == 21.4, "share_printed"] = 21.8  # total 100.0
    assert not audit.share_total(a)["holds"]


def test_unattainable_share(tables):
    r = audit.unattainable_shares(tables["survey_answers"], 69)
    row = r["table"].iloc[0]
    assert r["count"] == 1
    assert row["share_printed"] == 21.4 and row["nearest_k"] == 15 and row["nearest_share"] == 21.7
    assert row["remainder"] == 69 - 13 - 24 - 17 == 15


def test_unattainable_share_gone_via_data_dir(tmp_path, monkeypatch):
    """Correct the CSV in a copy of the package: the finding reports itself gone."""
    copy = tmp_path / "data"
    shutil.copytree(paths.data_dir(), copy)
    csv = copy / "survey_answers.csv"
    text = csv.read_text(encoding="utf-8")
    assert ",21.4,15,false," in text
    csv.write_text(text.replace(",21.4,15,false,", ",21.7,15,true,"), encoding="utf-8")
    survey = copy / "survey.csv"
    survey.write_text(survey.read_text(encoding="utf-8").replace(",99.6,", ",99.9,"), encoding="utf-8")
    monkeypatch.setenv("KZDEC_DATA_DIR", str(copy))
    answers = data.load("survey_answers")
    assert 21.7 in set(answers["share_printed"])
    assert not audit.unattainable_shares(answers, 69)["holds"]
    assert not audit.share_total(answers)["holds"]  # 99.9 is within rounding of 100
    t = {"survey_answers": answers, "survey": data.load("survey")}
    assert audit.run("share-unattainable", t)["holds"] is False


def test_question_wording(tables):
    r = audit.question_wording(tables["survey"])
    assert r["only_text"] == ["assess"] and r["only_figure"] == ["evaluate"] and r["holds"]
    s = tables["survey"]
    s["question_figure"] = s["question"]
    assert not audit.question_wording(s)["holds"]


def test_authorship(tables):
    assert audit.authorship(tables["authors"])["authors"] == 4
    assert not audit.authorship(tables["authors"].head(1))["holds"]


def test_keywords(tables):
    r = audit.keyword_lists_differ(tables["keywords"])
    assert r["sizes"] == {"en": 10, "kk": 9, "ru": 9}
    assert r["missing"] == {"kk": ["efficiency"], "ru": ["efficiency"]}
    kw = tables["keywords"]
    en = kw.loc[kw["lang"] == "en"]
    assert not audit.keyword_lists_differ(en.loc[en["keyword"] != "efficiency"].assign(
        en_position=lambda d: d["position"]).pipe(
        lambda d: pd.concat([d, kw.loc[kw["lang"] != "en"]])))["holds"]


# ----------------------------------------------------------------- (b) first elections

def test_first_rural_elections(tables):
    r = audit.first_rural_elections(tables["timeline"])
    assert r["years_by_section"]["The results of the study"] == [2021]
    assert r["years_by_section"]["Conclusion"] == [2022, 2023]
    assert r["holds"]


def test_first_rural_elections_gone_when_years_agree(tables):
    t = tables["timeline"]
    sel = t["section"].eq("Conclusion") & t["event"].str.contains("village")
    t.loc[sel, "year"] = 2021
    t.loc[sel, "end_year"] = None
    assert not audit.first_rural_elections(t)["holds"]


# ----------------------------------------------------------------- (c) citations

def test_citation_readings():
    assert audit.citation_readings("[15, 18 p.]") == {"refs": [15], "maybe_refs": [18]}
    assert audit.citation_readings("[16, p. 44-46]") == {"refs": [16], "maybe_refs": []}
    assert audit.citation_readings("[5]") == {"refs": [5], "maybe_refs": []}


def test_reference_18(tables):
    r = audit.citations_without_reference(tables["citations"], tables["references"])
    assert r["ref_count"] == 17 and r["missing"] == [18] and r["cited_as"] == ["[15, 18 p.]"]
    c = tables["citations"]
    c.loc[c["cited_as"] == "[15, 18 p.]", "cited_as"] = "[15, p. 18]"
    assert not audit.citations_without_reference(c, tables["references"])["holds"]


def test_reference_18_found_when_list_has_18(tables):
    refs = pd.concat([tables["references"], tables["references"].tail(1).assign(ref_no=18)], ignore_index=True)
    assert not audit.citations_without_reference(tables["citations"], refs)["holds"]


def test_uncited_reference_appears_when_citation_removed(tables):
    c = tables["citations"]
    r = audit.uncited_references(c.loc[c["ref_no"] != 17], tables["references"])
    assert r["uncited"] == [17] and r["holds"]


def test_named_authors(tables):
    r = audit.named_authors_not_in_references(tables["method_authors"], tables["references"])
    assert r["missing"] == ["Baimakhanov", "Zhatkanbaev", "Zhanuzakova", "Chebotarev", "Kopobaeva"]
    assert r["listed"] == ["Midelsky"]
    assert r["variants"].to_dict("records") == [{"named_as": "Burlakova", "in_references": "Burlakov"}]


def test_named_authors_gone_when_listed(tables):
    ma = tables["method_authors"]
    ma = ma.loc[ma["author_printed"].str.contains("Midelsky")]
    assert not audit.named_authors_not_in_references(ma, tables["references"])["holds"]
    # Burlakova spelled as in the list: no variant left
    ma2 = tables["method_authors"].loc[lambda d: d["author_printed"].str.contains("Burlakova")].copy()
    ma2["author_printed"] = "Burlakov L. N."
    assert not audit.named_authors_not_in_references(ma2, tables["references"])["holds"]


def test_citation_after_other_author(tables):
    r = audit.citation_points_elsewhere(tables["citations"], tables["references"], tables["method_authors"])
    assert r["table"][["person", "ref_no"]].to_dict("records") == [{"person": "Kopobaeva", "ref_no": 5}]
    c = tables["citations"]
    c["context"] = c["context"].str.replace("Kopobaeva", "the basis", regex=False)
    assert not audit.citation_points_elsewhere(c, tables["references"], tables["method_authors"])["holds"]


# ----------------------------------------------------------------- (d) unit labels

def test_unit_labels(tables):
    r = audit.unit_labels_across_levels(tables["admin_units"])
    assert r["labels"] == ["rural districts"]
    assert r["table"][["level", "count"]].astype(int).to_dict("records") == [
        {"level": 2, "count": 166}, {"level": 3, "count": 2283}]


def test_unit_labels_gone_when_relabelled(tables):
    u = tables["admin_units"]
    u.loc[(u["level"] == 2) & u["label_as_printed"].str.startswith("rural districts"), "label_as_printed"] = \
        "districts of the second level (166)"
    assert not audit.unit_labels_across_levels(u)["holds"]


# ----------------------------------------------------------------- (e) lists

def test_akimat_powers_gap(tables):
    r = audit.numbering_gaps(tables["akimat_powers"])
    assert r["numbers"] == [1, 2, 4] and r["gaps"] == [3]
    p = tables["akimat_powers"]
    p.loc[p["number_printed"].astype("Int64") == 4, "number_printed"] = 3
    assert not audit.numbering_gaps(p)["holds"]


def test_respondent_groups(tables):
    r = audit.respondent_groups_differ(tables["survey_groups"])
    assert r["sizes"] == {"methodology": 4, "results": 4}
    assert len(r["only_in"]["methodology"]) == 1 and "non-governmental" in r["only_in"]["methodology"][0]
    assert r["only_in"]["results"] == ["akims"]
    g = tables["survey_groups"]
    g = g.loc[~g["group_key"].isin(["ngo", "akims"])]
    assert not audit.respondent_groups_differ(g)["holds"]


def test_problems_lists(tables):
    r = audit.problems_lists_differ(tables["problems"])
    assert r["paired"] == 3
    assert len(r["only_in"]["results"]) == 1 and "migration" in r["only_in"]["results"][0]
    assert len(r["only_in"]["conclusion"]) == 1
    p = tables["problems"]
    assert not audit.problems_lists_differ(p.loc[p["counterpart"].notna() & (p["counterpart"] != "")])["holds"]


# ----------------------------------------------------------------- (f) dates and titles

def test_address_date(tables):
    r = audit.address_date(tables["legal_acts"], tables["references"])
    assert r["text"] == ["01.09.2020"] and r["reference"] == ["01.09.2022"] and r["url_date"] == "01.09.2020"
    assert r["holds"] and r["title_differs"]


def test_address_date_gone_when_reference_corrected(tables):
    refs = tables["references"]
    refs.loc[refs["ref_no"].astype(int) == 3, "details"] = "Electronic resource; 01.09.2020"
    assert not audit.address_date(tables["legal_acts"], refs)["holds"]


def test_titles(tables):
    r = audit.titles_text_vs_references(tables["legal_acts"], tables["references"])
    assert r["table"]["act_id"].tolist() == ["address_2020"]
    refs = tables["references"]
    refs.loc[refs["ref_no"].astype(int) == 3, "title"] = "Kazakhstan in a new reality: time in action"
    assert not audit.titles_text_vs_references(tables["legal_acts"], refs)["holds"]


def test_law_title_checked_when_text_wording_recorded(tables):
    la = tables["legal_acts"].copy()
    la["title_in_text"] = la["title"]
    la.loc[la["act_id"] == "law_148_ii", "title_in_text"] = "On Local Government and Self-Government"
    r = audit.titles_text_vs_references(la, tables["references"])
    assert "law_148_ii" in r["table"]["act_id"].tolist()


# ----------------------------------------------------------------- summary reflects changes

def test_summary_reflects_a_corrected_table(tables):
    before = audit.summary(tables).set_index("id")["holds"]
    a = tables["survey_answers"]
    a.loc[a["share_printed"] == 21.4, ["share_printed", "reproduces_printed"]] = [21.7, True]
    after = audit.summary(tables).set_index("id")["holds"]
    assert before["share-unattainable"] and not after["share-unattainable"]
    assert audit.status(audit.run("share-unattainable", tables)) == "not found in the data"


def test_summary_marks_missing_tables_unchecked(tables):
    del tables["timeline"]
    s = audit.summary(tables).set_index("id")["holds"]
    assert s["first-rural-elections"] is None
