"""Reproducibility audit of the article (this edition's analysis).

Each finding is a function that takes the data package's tables (pandas DataFrames) and
returns a small result: a ``dict`` with at least ``holds`` (is the inconsistency present in
these data?) and the values that show it. Change the data and the result changes: a finding
that no longer holds reports ``holds = False`` and the chapter says so.

A few inconsistencies concern parts of the article that the data package does not hold as
tables (the keyword lists, the author line, a numbered list). Those are recorded in
:data:`TEXT_FINDINGS` with their evidence and are marked ``source = "text"``; everything
else is computed (``source = "data"``).

:func:`summary` runs every finding and returns one table for the chapter.

The findings are grouped by subject: ``survey`` (shares, question, author, respondent
groups), ``citations`` (citations and references), ``references`` (the reference list's
entries and dates), ``dates`` (dates and titles of documents), ``lists`` (numbered and repeated
lists, unit labels), ``names`` (names of people, types and tiers), ``places`` (places and their
classification), ``structure`` (headings, hedged figures); ``registry`` lists the computed
ones with the tables they need (:data:`FINDINGS`), ``text_findings`` the others
(:data:`TEXT_FINDINGS`). ``words`` compares printed words. Chapters call everything through
``from kzdecentral import audit``.
"""

from ..prose import listing
from .citations import (
    citation_points_elsewhere,
    citation_readings,
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
from .registry import FINDINGS, Finding, run, status, summary
from .structure import heading_styles, hedged_figures
from .survey import (
    SURVEY_ATTRIBUTION,
    authorship,
    question_wording,
    respondent_groups_differ,
    share_total,
    unattainable_shares,
)
from .text_findings import TEXT_FINDINGS

__all__ = [
    "access_date_orders",
    "credited_to_other_author",
    "decentralization_type_names",
    "first_citation_order",
    "garbled_details",
    "heading_styles",
    "hedged_figures",
    "name_only_matches",
    "named_without_reference",
    "orcid_format",
    "president_name",
    "repeated_unit_words",
    "russian_author_letters",
    "shared_functions",
    "survey_regions",
    "tier_names",
    "title_wording_differs",
    "village_level",
    "FINDINGS",
    "SURVEY_ATTRIBUTION",
    "TEXT_FINDINGS",
    "Finding",
    "address_date",
    "authorship",
    "citation_points_elsewhere",
    "citation_readings",
    "citations_without_reference",
    "first_rural_elections",
    "keyword_lists_differ",
    "listing",
    "named_authors_not_in_references",
    "numbering_gaps",
    "problems_lists_differ",
    "question_wording",
    "respondent_groups_differ",
    "run",
    "share_total",
    "status",
    "summary",
    "titles_text_vs_references",
    "unattainable_shares",
    "uncited_references",
    "unit_labels_across_levels",
]
