"""Audit findings: each holds in the data package, and goes away when the data are corrected."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kzdecentral import audit, data, paths

TABLES = [
    "survey",
    "survey_answers",
    "survey_groups",
    "authors",
    "keywords",
    "timeline",
    "citations",
    "references",
    "method_authors",
    "admin_units",
    "akimat_powers",
    "problems",
    "legal_acts",
    "survey_regions",
    "gov_levels",
    "decentralization_types",
    "intl_tiers",
    "intl_functions",
    "key_figures",
    "article_paragraphs",
]


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
    assert not audit.keyword_lists_differ(
        en.loc[en["keyword"] != "efficiency"]
        .assign(en_position=lambda d: d["position"])
        .pipe(lambda d: pd.concat([d, kw.loc[kw["lang"] != "en"]]))
    )["holds"]


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
        {"level": 2, "count": 166},
        {"level": 3, "count": 2283},
    ]


def test_unit_labels_gone_when_relabelled(tables):
    u = tables["admin_units"]
    u.loc[(u["level"] == 2) & u["label_as_printed"].str.startswith("rural districts"), "label_as_printed"] = (
        "districts of the second level (166)"
    )
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
    assert r["column"] == "title_in_text"
    assert r["table"]["act_id"].tolist() == ["law_148_ii", "address_2020"]
    refs = tables["references"]
    refs.loc[refs["ref_no"].astype(int) == 3, "title"] = "Kazakhstan in a new reality: time in action"
    refs.loc[refs["ref_no"].astype(int) == 5, "title"] = "On Local Government and Self-Government"
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


# ----------------------------------------------------------------- issue 12: the new computed findings


def _ref(tables, n):
    refs = tables["references"]
    return refs, refs["ref_no"].astype(int) == n


def test_credited_to_other_author(tables):
    r = audit.credited_to_other_author(tables["citations"], tables["references"])
    row = r["table"].iloc[0]
    assert len(r["table"]) == 1 and row["citation_id"] == 21 and row["person"] == "Burlakov"
    assert row["ref_no"] == 17 and row["ref_authors"] == "Kaliev D.E." and row["own_reference"] == 16
    c = tables["citations"]
    c.loc[c["citation_id"] == 21, "ref_no"] = 16  # cite Burlakov's own book: the finding goes
    assert not audit.credited_to_other_author(c, tables["references"])["holds"]


def test_credited_to_other_author_unavailable_without_column(tables):
    r = audit.credited_to_other_author(tables["citations"].drop(columns="attributed_to"), tables["references"])
    assert r["available"] is False


def test_first_citation_order(tables):
    r = audit.first_citation_order(tables["citations"])
    assert r["sequence"][:6] == [1, 2, 3, 5, 4, 6] and r["out_of_order"] == [(5, 4)]
    assert r["first_section"][5] == "Research methods" and r["first_section"][4] == "Discussion"
    c = tables["citations"]
    c = c.loc[c["citation_id"] != 4]  # drop the "[5]." after Kopobaeva: the order is regular
    assert not audit.first_citation_order(c)["holds"]


def test_named_without_reference(tables):
    r = audit.named_without_reference(tables["legal_acts"])
    ids = set(r["table"]["act_id"])
    assert {
        "address_2019",
        "resolution_147",
        "concept_2021_2025",
        "european_charter",
        "law_budget_system",
        "law_tax_code",
        "constitution_amendment_2022",
    } == ids
    assert "address_2019" in r["twins"] and r["only_in_references"]["ref_no"].tolist() == [2]
    la = tables["legal_acts"]
    la.loc[la["act_id"].isin(ids), "ref_no"] = 1
    assert not audit.named_without_reference(la)["holds"]


def test_midelsky_matched_by_name_only(tables):
    r = audit.name_only_matches(tables["method_authors"], tables["references"])
    assert r["table"][["named_as", "year", "ref_no"]].values.tolist() == [["S.L. Midelsky", 2014, 14]]
    refs, sel = _ref(tables, 14)
    refs.loc[sel, "year"] = 2014
    assert not audit.name_only_matches(tables["method_authors"], refs)["holds"]


def test_garbled_references(tables):
    r = audit.garbled_details(tables["references"], tables["citations"])
    assert r["refs"] == [7, 11, 16, 17]
    assert r["table"].set_index("ref_no").loc[16, "locator_in_entry"] == "44-46"
    refs = tables["references"]
    for n, clean in {7: "56 p.", 11: "No. 2, 2018", 16: "94 p.", 17: "2014/3"}.items():
        refs.loc[refs["ref_no"].astype(int) == n, "details"] = clean
    assert not audit.garbled_details(refs, tables["citations"])["holds"]


def test_access_date_formats(tables):
    r = audit.access_date_orders(tables["references"])
    assert r["by_order"]["month first"] == [7] and 14 in r["by_order"]["day first"]
    assert set(r["by_order"]["ambiguous"]) == {3, 5}
    refs, sel = _ref(tables, 7)
    refs.loc[sel, "access_date_printed"] = "23.02.2024"
    assert "month first" not in audit.access_date_orders(refs)["by_order"]
    refs.loc[refs["ref_no"].astype(int).isin([3, 5]), "details"] = "Electronic resource"
    assert not audit.access_date_orders(refs)["holds"]


def test_atu_law_title(tables):
    r = audit.title_wording_differs(tables["legal_acts"], tables["references"])
    assert r["table"]["act_id"].tolist() == ["law_atu_1993", "kazakhstan_2030"]
    la = tables["legal_acts"]
    la.loc[la["act_id"] == "law_atu_1993", "title_in_text"] = (
        "On Administrative and Territorial Construction of the Republic of Kazakhstan"
    )
    la.loc[la["act_id"] == "kazakhstan_2030", "title_in_text"] = None
    assert not audit.title_wording_differs(la, tables["references"])["holds"]


def test_president_name(tables):
    r = audit.president_name(tables["references"])
    assert r["forms"] == ["Kassym-Jomart Tokayev", "K.K. Tokayev"] and r["initials"] == ["K.J.", "K.K."]
    refs, sel = _ref(tables, 3)
    refs.loc[sel, "authors"] = "K.J. Tokayev"
    assert not audit.president_name(refs)["holds"]


def test_russian_author_line(tables):
    r = audit.russian_author_letters(tables["authors"])
    assert r["authors"] == [2, 3, 4]
    a = tables["authors"]
    a["name_ru"] = ["Бауржан Шериязданов", "Тенгеш Каленова", "Куандык Какимов", "Динара Омирзакова"]
    assert not audit.russian_author_letters(a)["holds"]


def test_orcid_format(tables):
    r = audit.orcid_format(tables["authors"])
    assert r["table"]["author_no"].tolist() == [1] and r["table"]["groups"].tolist() == [3]
    a = tables["authors"]
    a.loc[a["author_no"] == 1, "orcid_printed"] = "0009-0000-4168-8333"
    assert not audit.orcid_format(a)["holds"]


def test_decentralization_type_names(tables):
    r = audit.decentralization_type_names(tables["decentralization_types"])
    assert r["several_names"] == [
        {"type": "politico-democratic", "names": ["politico-democratic", "political/democratic"]}
    ]
    assert r["repeats"] == [{"type": "political", "in": "politico-democratic"}]
    t = tables["decentralization_types"]
    t.loc[t["type_id"] == "political_democratic", "names_printed"] = "democratic"
    assert not audit.decentralization_type_names(t)["holds"]


def test_polish_tier_names(tables):
    r = audit.tier_names(tables["intl_tiers"])
    got = r["table"].set_index("tier_id")
    assert got.loc["pl-2", "other_names"] == ["poviats", "county"] and got.loc["pl-3", "head_other_names"] == [
        "governor"
    ]
    t = tables["intl_tiers"]
    t["other_names_printed"] = None
    t["head_other_names_printed"] = None
    assert not audit.tier_names(t)["holds"]


def test_survey_regions(tables):
    r = audit.survey_regions(tables["survey_regions"], tables["admin_units"])
    assert r["order"]["methodology"] == ["Astana", "North Kazakhstan", "Pavlodar"]
    assert r["order"]["results"] == ["Astana", "Pavlodar", "North Kazakhstan"]
    assert r["not_regions"] == [{"place": "Astana", "unit_type": "capital"}]
    s = tables["survey_regions"]
    s["order_results"] = s["order_methodology"]
    s = s.loc[s["region"] != "Astana"]
    assert not audit.survey_regions(s, tables["admin_units"])["holds"]


def test_village_level(tables):
    r = audit.village_level(tables["gov_levels"], tables["admin_units"])
    assert r["table"][["body", "body_level", "unit_level"]].values.tolist() == [["akim of the village", 2, 3]]
    g = tables["gov_levels"]
    g.loc[g["body_id"] == "akim_village", "level"] = 3
    assert not audit.village_level(g, tables["admin_units"])["holds"]


def test_villages_villages(tables):
    r = audit.repeated_unit_words(tables["admin_units"])
    assert r["table"][["label", "count"]].values.tolist() == [["villages, villages (82)", 82]]
    u = tables["admin_units"]
    u.loc[u["unit_id"] == "villages", "label_as_printed"] = "villages (82)"
    assert not audit.repeated_unit_words(u)["holds"]


def test_gmina_powiat_functions(tables):
    r = audit.shared_functions(tables["intl_functions"])
    assert r["table"][["unit", "function", "other_unit"]].values.tolist() == [
        ["gmina", "secondary education", "powiat"]
    ]
    f = tables["intl_functions"]
    f.loc[f["function_id"] == "pl-gmina-1", "function"] = "primary education"
    assert not audit.shared_functions(f)["holds"]


def test_heading_styles(tables):
    r = audit.heading_styles(tables["article_paragraphs"])
    assert r["styles"]["run in, full stop"] == ["Discussion."] and r["unheaded"] == ["funding-1"]
    assert len(r["styles"]["own line, no end mark"]) == 4
    p = tables["article_paragraphs"]
    heads = (p["kind"] == "heading") & p["section"].isin(audit.structure.BODY_SECTIONS)
    p.loc[heads, "first_words"] = p.loc[heads, "first_words"].str.rstrip(".:").str.title()
    p.loc[heads, "locator"] = "heading"
    p = p.loc[p["kind"] != "funding note"]
    assert not audit.heading_styles(p)["holds"]


def test_hedged_figure(tables):
    r = audit.hedged_figures(tables["key_figures"])
    assert r["table"]["value_printed"].tolist() == ["about more than 250"]
    k = tables["key_figures"]
    k.loc[k["figure_id"] == "acts_to_analyse", "value_printed"] = "more than 250"
    assert not audit.hedged_figures(k)["holds"]


def test_text_findings_quote_the_article():
    """Every quoted phrase of a text finding is in the article as printed (spacing evened out)."""
    import re

    from conftest import ARTICLE

    article = re.sub(r"\s+", " ", ARTICLE.read_text(encoding="utf-8"))
    for t in audit.TEXT_FINDINGS:
        for quote in re.findall(r'"([^"]+)"', t["evidence"]):
            assert quote in article, (t["id"], quote)


# ----------------------------------------------------------------- anchors on the built page


def _ids_and_links(page):
    """The ids of a built page, and the hrefs of links in its article body.

    Navigation is left out: the sidebar and the previous/next footer lie outside the
    ``article.bd-article`` element, and a toctree inside it (``div.toctree-wrapper``) is skipped.
    """
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids, self.links, self.article, self.toc_divs = set(), [], 0, 0

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            cls = a.get("class") or ""
            if a.get("id"):
                self.ids.add(a["id"])
            if tag == "article" and (self.article or "bd-article" in cls):
                self.article += 1
            if tag == "div" and (self.toc_divs or "toctree-wrapper" in cls):
                self.toc_divs += 1
            if tag == "a" and self.article and not self.toc_divs and a.get("href"):
                self.links.append(a["href"])

        def handle_endtag(self, tag):
            if tag == "article" and self.article:
                self.article -= 1
            if tag == "div" and self.toc_divs:
                self.toc_divs -= 1

    p = P()
    p.feed(page.read_text(encoding="utf-8"))
    return p.ids, p.links


def test_every_finding_has_its_anchor_on_the_built_page(built_book):
    ids, _ = _ids_and_links(built_book / "book" / "audit.html")
    registered = [f.id for f in audit.FINDINGS] + [t["id"] for t in audit.TEXT_FINDINGS]
    missing = [f"audit-{fid}" for fid in registered if f"audit-{fid}" not in ids]
    assert not missing, missing


def test_every_link_to_the_audit_lands_on_a_finding(built_book):
    """Links to audit.html in the book's pages (navigation aside) name a finding that exists."""
    from kzbuild.browse import html_pages

    targets, _ = _ids_and_links(built_book / "book" / "audit.html")
    bad = []
    for page in html_pages(built_book):
        _, links = _ids_and_links(built_book / page)
        for href in links:
            path, _, frag = href.partition("#")
            if path.rsplit("/", 1)[-1] != "audit.html":
                continue
            if not frag or frag not in targets:
                bad.append(f"{page}: {href}")
    assert not bad, "links to the audit without a finding's anchor:\n" + "\n".join(bad)
