"""The findings registry: every finding with the tables it needs and how the book treats it.

:func:`summary` runs every finding and returns one table for the chapter; :func:`run` runs one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .citations import (
    citation_points_elsewhere,
    citations_without_reference,
    credited_to_other_author,
    first_citation_order,
    name_only_matches,
    named_authors_not_in_references,
    uncited_references,
)
from .dates import address_date, first_rural_elections, title_wording_differs, titles_text_vs_references
from .lists import keyword_lists_differ, numbering_gaps, problems_lists_differ, unit_labels_across_levels
from .names import decentralization_type_names, orcid_format, president_name, russian_author_letters, tier_names
from .places import repeated_unit_words, shared_functions, survey_regions, village_level
from .references import access_date_orders, garbled_details, named_without_reference
from .structure import heading_styles, hedged_figures
from .survey import authorship, question_wording, respondent_groups_differ, share_total, unattainable_shares
from .text_findings import TEXT_FINDINGS


@dataclass
class Finding:
    """One audit finding: its function, the tables it needs, and how the book treats it."""

    id: str
    category: str
    title: str
    tables: tuple[str, ...]
    run: Callable[[dict], dict]
    treatment: str
    extra: dict = field(default_factory=dict)


def _n(tables: dict) -> int:
    s = tables.get("survey")
    if s is not None and len(s):
        return int(s["sample_size"].iloc[0])
    return int(tables["survey_answers"]["count"].sum())


FINDINGS: list[Finding] = [
    Finding(
        "shares-sum",
        "survey",
        "The four printed shares do not add up to 100 %",
        ("survey_answers",),
        lambda t: share_total(t["survey_answers"]),
        "Shown as printed beside the shares recomputed from the counts (survey chapter).",
    ),
    Finding(
        "share-unattainable",
        "survey",
        "A printed share is not possible with the sample size",
        ("survey_answers", "survey"),
        lambda t: unattainable_shares(t["survey_answers"], _n(t)),
        "The data package records the nearest possible count, which is also the remainder; "
        "flagged reproduces_printed = false.",
    ),
    Finding(
        "question-wording",
        "survey",
        "The survey question is worded differently in the text and in Figure 1",
        ("survey",),
        lambda t: question_wording(t["survey"]),
        "Both wordings are kept in the survey table; the book quotes the text's.",
    ),
    Finding(
        "authorship",
        "contradiction",
        "The survey is credited to one author; the article has several",
        ("authors",),
        lambda t: authorship(t["authors"]),
        "Recorded here and in the note of the survey table; the book credits the survey to the article.",
    ),
    Finding(
        "keywords",
        "contradiction",
        "The keyword lists differ between the three languages",
        ("keywords",),
        lambda t: keyword_lists_differ(t["keywords"]),
        "The keywords table keeps all three lists as printed, aligned on the English list.",
    ),
    Finding(
        "first-rural-elections",
        "dates",
        "Year of the first elections of rural akims",
        ("timeline",),
        lambda t: first_rural_elections(t["timeline"]),
        "The timeline keeps both statements, each with its section; neither is corrected.",
    ),
    Finding(
        "address-date",
        "dates",
        "Date of the 2020 address, text against its reference",
        ("legal_acts", "references"),
        lambda t: address_date(t["legal_acts"], t["references"]),
        "Both dates are kept as printed (timeline, legal_acts and references tables); the date in the "
        "reference's web address is pointed out here.",
    ),
    Finding(
        "titles",
        "titles",
        "Document titles in the text that differ from their reference",
        ("legal_acts", "references"),
        lambda t: titles_text_vs_references(t["legal_acts"], t["references"]),
        "Each title is kept as printed in its own table.",
    ),
    Finding(
        "citation-missing-reference",
        "citations",
        "A citation can be read as pointing to a reference that does not exist",
        ("citations", "references"),
        lambda t: citations_without_reference(t["citations"], t["references"]),
        "The citations table records the reading it takes and flags the ambiguity.",
    ),
    Finding(
        "uncited-references",
        "citations",
        "References never cited in the text",
        ("citations", "references"),
        lambda t: uncited_references(t["citations"], t["references"]),
        "Listed in the references chapter like the others.",
    ),
    Finding(
        "named-authors-unlisted",
        "citations",
        "Authors named as the basis of the study but not in the references",
        ("method_authors", "references"),
        lambda t: named_authors_not_in_references(t["method_authors"], t["references"]),
        "The method_authors table keeps the names as printed; no reference entry is invented, "
        "and spelling variants are pointed out here.",
    ),
    Finding(
        "citation-other-author",
        "citations",
        "A citation number follows a name that is not the reference's author",
        ("citations", "references", "method_authors"),
        lambda t: citation_points_elsewhere(t["citations"], t["references"], t.get("method_authors")),
        "Kept as printed with a note.",
    ),
    Finding(
        "unit-labels",
        "numbers",
        "One unit name at two levels, with different counts",
        ("admin_units",),
        lambda t: unit_labels_across_levels(t["admin_units"]),
        "The units table keeps the printed label and adds the edition's unit type and a note.",
    ),
    Finding(
        "akimat-powers-numbering",
        "numbered list",
        "A numbered list skips a number",
        ("akimat_powers",),
        lambda t: numbering_gaps(t["akimat_powers"]),
        "The items are given as printed with their numbers; the missing item is not guessed.",
    ),
    Finding(
        "respondent-groups",
        "contradiction",
        "Respondent groups listed twice, differently",
        ("survey_groups",),
        lambda t: respondent_groups_differ(t["survey_groups"]),
        "Both lists are kept (listed_in = methodology | results) and shown side by side.",
    ),
    Finding(
        "problems-lists",
        "contradiction",
        "Problems listed twice, differently",
        ("problems",),
        lambda t: problems_lists_differ(t["problems"]),
        "Both lists are kept (listed_in = results | conclusion), paired where they match.",
    ),
    Finding(
        "citation-credited-to-other-author-17",
        "citations",
        "A passage credited to one author is cited to another author's reference",
        ("citations", "references"),
        lambda t: credited_to_other_author(t["citations"], t["references"]),
        "The citation is kept as printed and linked to the reference it names; the attribution is "
        "recorded in citations.attributed_to.",
    ),
    Finding(
        "first-citation-order",
        "citations",
        "A reference is first cited before a lower-numbered one",
        ("citations",),
        lambda t: first_citation_order(t["citations"]),
        "The numbers are kept as printed.",
    ),
    Finding(
        "named-without-reference",
        "citations",
        "Documents named in the text with no reference entry",
        ("legal_acts",),
        lambda t: named_without_reference(t["legal_acts"]),
        "The legal acts table records them with an empty ref_no; no entry is supplied.",
    ),
    Finding(
        "midelsky-year",
        "citations",
        "A named work matches a reference by the author's name only",
        ("method_authors", "references"),
        lambda t: name_only_matches(t["method_authors"], t["references"]),
        "The methods chapter says the match is uncertain; no reference is changed.",
    ),
    Finding(
        "garbled-references",
        "citations",
        "Reference entries that mix page counts and page locators",
        ("references", "citations"),
        lambda t: garbled_details(t["references"], t["citations"]),
        "Each entry is reproduced as printed; the intended details are not guessed.",
    ),
    Finding(
        "access-date-formats",
        "dates",
        "Dates in the reference list written in different orders",
        ("references",),
        lambda t: access_date_orders(t["references"]),
        "Dates are kept as printed beside the edition's ISO reading, with a note where the order is unclear.",
    ),
    Finding(
        "atu-law-title",
        "titles",
        "Titles worded alike in text and reference but printed differently",
        ("legal_acts", "references"),
        lambda t: title_wording_differs(t["legal_acts"], t["references"]),
        "Both wordings are kept (legal_acts.title_in_text and the reference).",
    ),
    Finding(
        "president-name",
        "names",
        "The President's name is printed with different initials",
        ("references",),
        lambda t: president_name(t["references"]),
        "Each form is quoted where it stands.",
    ),
    Finding(
        "russian-author-line",
        "names",
        "The Russian author line uses letters of the Kazakh alphabet",
        ("authors",),
        lambda t: russian_author_letters(t["authors"]),
        "Each language's author line is reproduced as printed.",
    ),
    Finding(
        "orcid-format",
        "numbers",
        "An ORCID iD printed in a form no ORCID iD has",
        ("authors",),
        lambda t: orcid_format(t["authors"]),
        "Reproduced as printed; the missing group is not guessed.",
    ),
    Finding(
        "decentralization-type-names",
        "terms",
        "Types of decentralization named in more than one way",
        ("decentralization_types",),
        lambda t: decentralization_type_names(t["decentralization_types"]),
        "Each name is kept as printed (names_printed); the types are not merged.",
    ),
    Finding(
        "polish-tier-names",
        "terms",
        "A Polish tier and a Polish head each named in more than one way",
        ("intl_tiers",),
        lambda t: tier_names(t["intl_tiers"]),
        "Treated as one tier and one office; each form is quoted where it occurs.",
    ),
    Finding(
        "survey-regions",
        "places",
        "The survey's places: two orders, and the capital called a region",
        ("survey_regions", "admin_units"),
        lambda t: survey_regions(t["survey_regions"], t["admin_units"]),
        "The places are listed as printed, with both orders.",
    ),
    Finding(
        "village-level",
        "places",
        "A body printed at one level whose unit is counted at another",
        ("gov_levels", "admin_units"),
        lambda t: village_level(t["gov_levels"], t["admin_units"]),
        "Both classifications are kept as printed; gov_levels.unit_id is this edition's link.",
    ),
    Finding(
        "villages-villages",
        "places",
        "A unit name printed twice with one count",
        ("admin_units",),
        lambda t: repeated_unit_words(t["admin_units"]),
        "The label and the number are kept as printed.",
    ),
    Finding(
        "gmina-powiat-functions",
        "places",
        "One field of work given to two Polish tiers",
        ("intl_functions",),
        lambda t: shared_functions(t["intl_functions"]),
        "Both lists are given as printed; whether the tiers share the field is not decided.",
    ),
    Finding(
        "heading-styles",
        "structure",
        "Section headings printed in different styles; a block without a heading",
        ("article_paragraphs",),
        lambda t: heading_styles(t["article_paragraphs"]),
        "The map of the article keeps the sequence and the headings as printed.",
    ),
    Finding(
        "hedged-figure",
        "numbers",
        "A figure printed with two qualifiers",
        ("key_figures",),
        lambda t: hedged_figures(t["key_figures"]),
        "Coded with one qualifier (key_figures.qualifier), with the printed value beside it.",
    ),
]


def run(finding_id: str, tables: dict) -> dict:
    """Run one finding by id on ``tables`` (name -> DataFrame)."""
    f = next(f for f in FINDINGS if f.id == finding_id)
    return f.run(tables)


def summary(tables: dict) -> pd.DataFrame:
    """One row per finding: computed ones (source "data") first, then the text findings.

    Columns: ``id``, ``category``, ``finding``, ``holds`` (True, False, or None when a
    needed table is missing), ``source``, ``tables``, ``treatment``.
    """
    rows = []
    for f in FINDINGS:
        needed = list(f.tables)
        holds = None
        if all(t in tables for t in needed):
            try:
                res = f.run(tables)
                holds = None if res.get("available") is False else bool(res["holds"])
            except KeyError:
                holds = None
        rows.append(
            {
                "id": f.id,
                "category": f.category,
                "finding": f.title,
                "holds": holds,
                "source": "data",
                "tables": ", ".join(f.tables),
                "treatment": f.treatment,
            }
        )
    for t in TEXT_FINDINGS:
        rows.append(
            {
                "id": t["id"],
                "category": t["category"],
                "finding": t["finding"],
                "holds": True,
                "source": "text",
                "tables": "",
                "treatment": t["treatment"],
            }
        )
    return pd.DataFrame(rows)


def status(result: dict) -> str:
    """A short status for the chapter: whether the finding is present in the data in force."""
    if result.get("available") is False:
        return "not checked: the data package does not record the needed column"
    return "present in the data" if result.get("holds") else "not found in the data"
