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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from . import stats


# --------------------------------------------------------------------------- helpers

def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text if text is not None and not pd.isna(text) else "")).strip().lower()


def _int_or_none(v):
    try:
        if v is None or pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    try:
        return int(float(str(v).strip()))
    except ValueError:
        return None


_STOP = {"a", "an", "and", "in", "of", "on", "the", "to"}


def _words(text: object) -> set[str]:
    """Content words of a title (lower case, small function words left out)."""
    return set(re.findall(r"[a-z]+", _norm(text))) - _STOP


# --------------------------------------------------------------------------- (a) survey shares

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
    return {"total_printed": total, "shortfall": shortfall, "rounding_bound": bound,
            "answers": m, "count_total": int(answers["count"].sum()),
            "holds": abs(shortfall) > bound}


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
        rows.append({"answer_id": int(r.answer_id), "answer_label": r.answer_label,
                     "share_printed": float(r.share_printed), "nearest_k": int(r.nearest_k),
                     "nearest_share": float(r.nearest_share),
                     "distance": round(abs(float(r.share_printed) - float(r.nearest_share)), 1),
                     "remainder": remainder,
                     "remainder_share": stats.share_of(remainder, n) if remainder is not None else None})
    table = pd.DataFrame(rows, columns=["answer_id", "answer_label", "share_printed", "nearest_k",
                                        "nearest_share", "distance", "remainder", "remainder_share"])
    return {"n": int(n), "table": table, "count": len(table), "holds": len(table) > 0}


# --------------------------------------------------------------------------- (b) first elections

_RURAL = ("rural", "village", "aul")


def first_rural_elections(timeline: pd.DataFrame) -> dict:
    """Years given for the first (direct) elections of rural akims, section by section.

    Picks the timeline events about elections of akims of villages or rural districts and
    groups their years by the section of the article. ``holds`` when the sections give
    different years.
    """
    ev = timeline.copy()
    text = ev["event"].map(_norm)
    is_election = text.str.contains("elect")
    is_rural = text.map(lambda t: any(w in t for w in _RURAL))
    sel = ev.loc[is_election & is_rural].copy()
    years: dict[str, list[int]] = {}
    for r in sel.itertuples():
        ys = [_int_or_none(r.year)]
        end = _int_or_none(getattr(r, "end_year", None))
        if end is not None and end != ys[0]:
            ys.append(end)
        years.setdefault(r.section, [])
        years[r.section] += [y for y in ys if y is not None]
    years = {s: sorted(set(v)) for s, v in years.items()}
    distinct = {tuple(v) for v in years.values()}
    return {"years_by_section": years, "events": sel[["event_id", "date_printed", "year", "event",
                                                        "section", "locator"]].reset_index(drop=True),
            "holds": len(distinct) > 1}


# --------------------------------------------------------------------------- (c) citations

_REF_TOKEN = re.compile(r"^\s*(\d+)\s*$")
_SUFFIX_PAGES = re.compile(r"^\s*(\d+)\s*p\.?\s*$")


def citation_readings(cited_as: str) -> dict:
    """The reference numbers a bracketed citation can be read as citing.

    ``"[16, p. 44-46]"`` cites 16 (pages marked by a leading ``p.``). ``"[15, 18 p.]"`` is
    ambiguous: ``18 p.`` may be a page (or a page count) of 15, or a second reference, 18.
    Returns ``{"refs": [...], "maybe_refs": [...]}``.
    """
    inner = str(cited_as).strip().strip("[]")
    refs, maybe = [], []
    for token in inner.split(","):
        m = _REF_TOKEN.match(token)
        if m:
            refs.append(int(m.group(1)))
            continue
        m = _SUFFIX_PAGES.match(token)
        if m and refs:  # a number followed by "p." after a reference number
            maybe.append(int(m.group(1)))
    return {"refs": refs, "maybe_refs": maybe}


def citations_without_reference(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Citations that point, or can be read as pointing, to a reference number not in the list.

    Checks the recorded ``ref_no`` and every number of the citation as printed (``cited_as``)
    that can be read as a reference number (:func:`citation_readings`).
    """
    known = {int(x) for x in references["ref_no"].dropna()}
    rows = []
    for r in citations.itertuples():
        ref = _int_or_none(r.ref_no)
        readings = citation_readings(getattr(r, "cited_as", "") or "")
        candidates = ([ref] if ref is not None else []) + readings["refs"] + readings["maybe_refs"]
        for c in sorted(set(candidates)):
            if c not in known:
                rows.append({"citation_id": r.citation_id, "cited_as": getattr(r, "cited_as", ""),
                             "number": c, "certain": c == ref or c in readings["refs"],
                             "section": r.section, "locator": r.locator})
    table = pd.DataFrame(rows, columns=["citation_id", "cited_as", "number", "certain", "section", "locator"])
    return {"ref_count": len(known), "missing": sorted(set(table["number"].astype(int))),
            "cited_as": sorted(set(table["cited_as"])), "table": table, "holds": len(table) > 0}


def uncited_references(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """References that no citation in the text points to."""
    cited = {int(x) for x in citations["ref_no"].map(_int_or_none).dropna()}
    refs = references.loc[~references["ref_no"].astype(int).isin(cited), ["ref_no", "authors", "title"]]
    return {"uncited": refs["ref_no"].astype(int).tolist(), "table": refs.reset_index(drop=True),
            "holds": len(refs) > 0}


def _surnames(text: object) -> set[str]:
    """Capitalised words that look like surnames (three letters or more, any script)."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return set()
    return {w.lower() for w in re.findall(r"\b([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі]{2,})\b", str(text))}


def _same_name(a: str, b: str) -> bool:
    return a == b


def _variant(a: str, b: str) -> bool:
    """Surnames that differ only by a final feminine ``a`` (Burlakova / Burlakov)."""
    return a != b and (a == b + "a" or b == a + "a")


def _reference_surnames(references: pd.DataFrame) -> set[str]:
    names: set[str] = set()
    for a in references["authors"].dropna():
        names |= _surnames(a)
    return names


def named_authors_not_in_references(method_authors: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Authors that Research methods names as the basis of the study, checked against the references.

    ``missing``: surnames with no reference by an author of that name; ``variants``: names
    that match a reference author only up to a final ``a`` (Burlakova / Burlakov).
    """
    ref_names = _reference_surnames(references)
    missing, variants, listed = [], [], []
    for r in method_authors.itertuples():
        for name in sorted(_surnames(r.author_printed), key=str(r.author_printed).lower().find):
            if name in ref_names:
                listed.append(name.capitalize())
                continue
            near = [rn for rn in ref_names if _variant(name, rn)]
            if near:
                variants.append({"named_as": name.capitalize(), "in_references": near[0].capitalize()})
            else:
                missing.append(name.capitalize())
    return {"named": len(method_authors), "missing": missing, "listed": listed,
            "variants": pd.DataFrame(variants, columns=["named_as", "in_references"]),
            "holds": bool(missing or variants)}


def citation_points_elsewhere(citations: pd.DataFrame, references: pd.DataFrame,
                              method_authors: pd.DataFrame | None = None) -> dict:
    """Citations placed after a person's name when that person is not an author of the reference.

    The person is recognised in the citation's ``context`` among the surnames the article
    names (the method authors and the references' authors).
    """
    people = _reference_surnames(references)
    if method_authors is not None:
        for a in method_authors["author_printed"]:
            people |= _surnames(a)
    refs = references.set_index(references["ref_no"].astype(int))
    rows = []
    for r in citations.itertuples():
        ref = _int_or_none(r.ref_no)
        if ref is None or ref not in refs.index:
            continue
        named = _surnames(r.context) & people
        ref_auth = _surnames(refs.loc[ref, "authors"])
        for name in sorted(named):
            if not any(_same_name(name, s) or _variant(name, s) for s in ref_auth):
                rows.append({"citation_id": r.citation_id, "cited_as": getattr(r, "cited_as", ""),
                             "person": name.capitalize(), "ref_no": ref, "ref_title": refs.loc[ref, "title"],
                             "ref_kind": refs.loc[ref, "kind"] if "kind" in refs.columns else ""})
    table = pd.DataFrame(rows, columns=["citation_id", "cited_as", "person", "ref_no", "ref_title", "ref_kind"])
    return {"table": table, "holds": len(table) > 0}


# --------------------------------------------------------------------------- (d) unit labels

def _unit_label(label: object) -> str:
    """The name of a unit kind in a printed label: counts, names and level phrases removed."""
    t = re.sub(r"\([^)]*\)", " ", str(label))
    t = re.sub(r"\b(of )?the (first|second|third|fourth) level\b", " ", t, flags=re.I)
    t = re.sub(r"^[\s\-–—:]+|[\s\-–—:,]+$", "", re.sub(r"\s+", " ", t))
    return t.lower()


def unit_labels_across_levels(admin_units: pd.DataFrame) -> dict:
    """Unit names that the article prints at more than one level, with the counts at each."""
    df = admin_units.copy()
    df["label_key"] = df["label_as_printed"].map(_unit_label)
    levels = df.groupby("label_key")["level"].nunique()
    keys = sorted(levels[levels > 1].index)
    table = df.loc[df["label_key"].isin(keys), ["label_key", "label_as_printed", "level", "count", "unit_type"]]
    return {"labels": keys, "table": table.sort_values(["label_key", "level"]).reset_index(drop=True),
            "holds": len(table) > 0}


# --------------------------------------------------------------------------- (e) lists

def numbering_gaps(df: pd.DataFrame, column: str = "number_printed") -> dict:
    """Numbers missing from a printed numbered list (e.g. 1, 2, 4: 3 is missing)."""
    nums = sorted({int(x) for x in df[column].map(_int_or_none).dropna()})
    gaps = [k for k in range(1, (max(nums) if nums else 0) + 1) if k not in nums]
    return {"numbers": nums, "gaps": gaps, "holds": bool(gaps)}


def respondent_groups_differ(survey_groups: pd.DataFrame) -> dict:
    """Respondent groups of the methodology against those named with the results.

    Groups are matched on ``group_key`` (the edition's coding of what each wording means);
    returns, for each list, the groups the other list lacks.
    """
    key = "group_key" if "group_key" in survey_groups.columns else "group"
    places = sorted(survey_groups["listed_in"].dropna().unique())
    keys = {p: set(survey_groups.loc[survey_groups["listed_in"] == p, key].map(_norm)) for p in places}
    only = {}
    for p in places:
        others = set().union(*(keys[q] for q in places if q != p)) if len(places) > 1 else set()
        rows = survey_groups.loc[(survey_groups["listed_in"] == p) & ~survey_groups[key].map(_norm).isin(others)]
        only[p] = rows["group"].tolist()
    sizes = {p: int((survey_groups["listed_in"] == p).sum()) for p in places}
    return {"places": places, "sizes": sizes, "only_in": only,
            "holds": len(places) > 1 and any(only.values())}


def problems_lists_differ(problems: pd.DataFrame) -> dict:
    """The problems listed with the results against those in the conclusion.

    Items are paired through ``counterpart`` (the edition's pairing); an item without a
    counterpart in the other list is reported as found in one list only.
    """
    ids = set(problems["problem_id"])
    only: dict[str, list[str]] = {}
    paired = 0
    for r in problems.itertuples():
        cp = getattr(r, "counterpart", None)
        has = cp is not None and not (isinstance(cp, float) and pd.isna(cp)) and str(cp).strip() in ids
        if has:
            paired += 1
        else:
            only.setdefault(r.listed_in, []).append(r.problem)
    places = sorted(problems["listed_in"].dropna().unique())
    for p in places:
        only.setdefault(p, [])
    return {"places": places, "sizes": {p: int((problems["listed_in"] == p).sum()) for p in places},
            "paired": paired // 2, "only_in": only, "holds": any(only.values())}


def keyword_lists_differ(keywords: pd.DataFrame) -> dict:
    """Keywords per language, and the English keywords with no counterpart in another language."""
    sizes = keywords.groupby("lang").size().to_dict()
    en = keywords.loc[keywords["lang"] == "en"]
    missing = {}
    for lang in sorted(set(keywords["lang"]) - {"en"}):
        have = set(keywords.loc[keywords["lang"] == lang, "en_position"].map(_int_or_none).dropna())
        missing[lang] = en.loc[~en["position"].map(_int_or_none).isin(have), "keyword"].tolist()
    return {"sizes": {k: int(v) for k, v in sizes.items()}, "missing": missing,
            "holds": len(set(sizes.values())) > 1 or any(missing.values())}


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
    tw, fw = _words(text), _words(fig)
    return {"text": text, "figure": fig, "only_text": sorted(tw - fw), "only_figure": sorted(fw - tw),
            "holds": tw != fw}


# --------------------------------------------------------------------------- (f) dates and titles

def _digits_date(text: str) -> list[tuple[int, int, int]]:
    """Dates written as dd.mm.yyyy (spaces allowed after the dots)."""
    return [(int(d), int(m), int(y)) for d, m, y in re.findall(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", text)]


def _fmt_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]:02d}.{d[1]:02d}.{d[2]}"


def address_date(legal_acts: pd.DataFrame, references: pd.DataFrame, act_id: str = "address_2020") -> dict:
    """Date (and title) of a document as the text gives it against the reference it is matched to.

    The text side is the ``legal_acts`` row ``act_id`` (its ``date_printed`` and ``title``);
    the reference side is the reference its ``ref_no`` names: every dd.mm.yyyy date in the
    reference's details (the access date is a separate column and is not read) and its
    title. Also reports a date written as ddmmyyyy in the reference's web address.
    """
    act = legal_acts.loc[legal_acts["act_id"] == act_id]
    if not len(act):
        return {"holds": False, "available": False}
    a = act.iloc[0]
    ref_no = _int_or_none(a.get("ref_no"))
    ref = references.loc[references["ref_no"].astype(int) == ref_no] if ref_no is not None else references.iloc[0:0]
    text_dates = {_fmt_date(d) for d in _digits_date(str(a["date_printed"]))}
    ref_dates, url_date, ref_title = set(), None, None
    if len(ref):
        r = ref.iloc[0]
        ref_dates = {_fmt_date(d) for d in _digits_date(str(r.get("details", "")))}
        m = re.search(r"/(\d{2})(\d{2})(\d{4})", str(r.get("url", "")))
        if m:
            url_date = f"{m.group(1)}.{m.group(2)}.{m.group(3)}"
        ref_title = str(r["title"])
    title_differs = bool(ref_title) and not _words(a["title"]) <= _words(ref_title)
    return {"act_title": str(a["title"]), "ref_no": ref_no, "ref_title": ref_title,
            "text": sorted(text_dates), "reference": sorted(ref_dates), "url_date": url_date,
            "date_differs": bool(text_dates and ref_dates and text_dates != ref_dates),
            "title_differs": title_differs,
            "holds": bool(text_dates and ref_dates and text_dates != ref_dates)}


def titles_text_vs_references(legal_acts: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Documents whose title in the text does not match the title of the reference they are tied to.

    Uses ``title_in_text`` when the table has it (the wording of the running text), else
    ``title``. A reference title that quotes the document's title (in quotation marks) is
    compared on the quoted part. Small function words and case are ignored.
    """
    col = "title_in_text" if "title_in_text" in legal_acts.columns else "title"
    refs = references.set_index(references["ref_no"].astype(int))
    rows = []
    for a in legal_acts.drop_duplicates("act_id").itertuples():
        ref = _int_or_none(getattr(a, "ref_no", None))
        title = getattr(a, col)
        if ref is None or ref not in refs.index or title is None or (isinstance(title, float) and pd.isna(title)):
            continue
        rt = str(refs.loc[ref, "title"])
        m = re.search(r"[“\"]([^”\"]+)[”\"]", rt)
        core = m.group(1) if m else rt
        tw, rw = _words(title), _words(core)
        if tw != rw:
            rows.append({"act_id": a.act_id, "text_title": str(title), "ref_no": ref, "ref_title": rt,
                         "only_text": ", ".join(sorted(tw - rw)), "only_reference": ", ".join(sorted(rw - tw))})
    table = pd.DataFrame(rows, columns=["act_id", "text_title", "ref_no", "ref_title", "only_text", "only_reference"])
    return {"column": col, "table": table, "holds": len(table) > 0}


# --------------------------------------------------------------------------- findings not held as tables

#: Inconsistencies in passages that the data package does not hold as fields.
#: Evidence quotes are short; locators point to the article's sections.
TEXT_FINDINGS = [
    {"id": "law-title-wording", "category": "titles",
     "finding": "The running text names the main law differently from reference 5.",
     "evidence": 'Research methods: "On Local Government and Self-Government"; reference 5: "On local public '
                 'administration and self-government in the Republic of Kazakhstan".',
     "treatment": "The legal acts table uses the reference's title and notes the text's wording."},
    {"id": "fourth-level-budget", "category": "contradiction",
     "finding": "The results say settlements have no budget of their own at the fourth level; the "
                "conclusion says independent fourth-level budgets have been introduced.",
     "evidence": 'The results of the study: "there is no own budget"; Conclusion, item 3: independent budgets '
                 'of "the fourth level have been introduced".',
     "treatment": "Recorded here with both sections; the edition does not decide between them."},
]


# --------------------------------------------------------------------------- registry

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
    Finding("shares-sum", "survey", "The four printed shares do not add up to 100 %",
            ("survey_answers",), lambda t: share_total(t["survey_answers"]),
            "Shown as printed beside the shares recomputed from the counts (survey chapter)."),
    Finding("share-unattainable", "survey", "A printed share is not possible with the sample size",
            ("survey_answers", "survey"), lambda t: unattainable_shares(t["survey_answers"], _n(t)),
            "The data package records the nearest possible count, which is also the remainder; "
            "flagged reproduces_printed = false."),
    Finding("question-wording", "survey", "The survey question is worded differently in the text and in Figure 1",
            ("survey",), lambda t: question_wording(t["survey"]),
            "Both wordings are kept in the survey table; the book quotes the text's."),
    Finding("authorship", "contradiction", "The survey is credited to one author; the article has several",
            ("authors",), lambda t: authorship(t["authors"]),
            "Recorded here and in the note of the survey table; the book credits the survey to the article."),
    Finding("keywords", "contradiction", "The keyword lists differ between the three languages",
            ("keywords",), lambda t: keyword_lists_differ(t["keywords"]),
            "The keywords table keeps all three lists as printed, aligned on the English list."),
    Finding("first-rural-elections", "dates", "Year of the first elections of rural akims",
            ("timeline",), lambda t: first_rural_elections(t["timeline"]),
            "The timeline keeps both statements, each with its section; neither is corrected."),
    Finding("address-date", "dates", "Date of the 2020 address, text against its reference",
            ("legal_acts", "references"), lambda t: address_date(t["legal_acts"], t["references"]),
            "Both dates are kept as printed (timeline, legal_acts and references tables); the date in the "
            "reference's web address is pointed out here."),
    Finding("titles", "titles", "Document titles in the text that differ from their reference",
            ("legal_acts", "references"), lambda t: titles_text_vs_references(t["legal_acts"], t["references"]),
            "Each title is kept as printed in its own table."),
    Finding("citation-missing-reference", "citations", "A citation can be read as pointing to a reference that does not exist",
            ("citations", "references"), lambda t: citations_without_reference(t["citations"], t["references"]),
            "The citations table records the reading it takes and flags the ambiguity."),
    Finding("uncited-references", "citations", "References never cited in the text",
            ("citations", "references"), lambda t: uncited_references(t["citations"], t["references"]),
            "Listed in the references chapter like the others."),
    Finding("named-authors-unlisted", "citations", "Authors named as the basis of the study but not in the references",
            ("method_authors", "references"),
            lambda t: named_authors_not_in_references(t["method_authors"], t["references"]),
            "The method_authors table keeps the names as printed; no reference entry is invented, "
            "and spelling variants are pointed out here."),
    Finding("citation-other-author", "citations", "A citation number follows a name that is not the reference's author",
            ("citations", "references", "method_authors"),
            lambda t: citation_points_elsewhere(t["citations"], t["references"], t.get("method_authors")),
            "Kept as printed with a note."),
    Finding("unit-labels", "numbers", "One unit name at two levels, with different counts",
            ("admin_units",), lambda t: unit_labels_across_levels(t["admin_units"]),
            "The units table keeps the printed label and adds the edition's unit type and a note."),
    Finding("akimat-powers-numbering", "numbered list", "A numbered list skips a number",
            ("akimat_powers",), lambda t: numbering_gaps(t["akimat_powers"]),
            "The items are given as printed with their numbers; the missing item is not guessed."),
    Finding("respondent-groups", "contradiction", "Respondent groups listed twice, differently",
            ("survey_groups",), lambda t: respondent_groups_differ(t["survey_groups"]),
            "Both lists are kept (listed_in = methodology | results) and shown side by side."),
    Finding("problems-lists", "contradiction", "Problems listed twice, differently",
            ("problems",), lambda t: problems_lists_differ(t["problems"]),
            "Both lists are kept (listed_in = results | conclusion), paired where they match."),
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
        rows.append({"id": f.id, "category": f.category, "finding": f.title, "holds": holds,
                     "source": "data", "tables": ", ".join(f.tables), "treatment": f.treatment})
    for t in TEXT_FINDINGS:
        rows.append({"id": t["id"], "category": t["category"], "finding": t["finding"], "holds": True,
                     "source": "text", "tables": "", "treatment": t["treatment"]})
    return pd.DataFrame(rows)


def status(result: dict) -> str:
    """A short status for the chapter: whether the finding is present in the data in force."""
    if result.get("available") is False:
        return "not checked: the data package does not record the needed column"
    return "present in the data" if result.get("holds") else "not found in the data"


def listing(items, conj: str = "and", quote: bool = False) -> str:
    """``a, b and c`` (optionally each in double quotes); ``none`` for an empty list."""
    items = [f"\u201c{i}\u201d" if quote else str(i) for i in items]
    if not items:
        return "none"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]
