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

def citations_without_reference(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Citations whose reference number is not in the reference list."""
    known = {int(x) for x in references["ref_no"].dropna()}
    cit = citations.copy()
    cit["ref"] = cit["ref_no"].map(_int_or_none)
    bad = cit.loc[cit["ref"].notna() & ~cit["ref"].isin(known)]
    return {"ref_count": len(known), "missing": sorted({int(x) for x in bad["ref"]}),
            "citations": bad.drop(columns="ref").reset_index(drop=True), "holds": len(bad) > 0}


def uncited_references(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """References that no citation in the text points to."""
    cited = {int(x) for x in citations["ref_no"].map(_int_or_none).dropna()}
    refs = references.loc[~references["ref_no"].astype(int).isin(cited), ["ref_no", "authors", "title"]]
    return {"uncited": refs["ref_no"].astype(int).tolist(), "table": refs.reset_index(drop=True),
            "holds": len(refs) > 0}


def _surnames(text: object) -> set[str]:
    """Capitalised words that look like surnames (ASCII letters, three or more)."""
    return {w.lower() for w in re.findall(r"\b([A-Z][a-z]{2,})\b", str(text if text is not None else ""))}


def named_authors_not_in_references(citations: pd.DataFrame, references: pd.DataFrame,
                                    section: str = "Research methods") -> dict:
    """Authors the ``section`` names as the study's basis but the reference list does not hold.

    Uses the citation rows of that section that name an author (column ``author`` when the
    table has one, else the capitalised words of ``context``) and the ``authors`` column of
    the references. A name counts as listed when the same surname, or one that differs only
    in a final ``a`` (Burlakova/Burlakov), is among the references' authors; those near
    matches are reported separately.
    """
    ref_names = set()
    for a in references["authors"].dropna():
        ref_names |= _surnames(a)
    rows = citations.loc[citations["section"] == section]
    col = "author" if "author" in rows.columns else "context"
    missing, variants = [], []
    seen: set[str] = set()
    for r in rows.itertuples():
        val = getattr(r, col)
        if val is None or (isinstance(val, float) and pd.isna(val)):
            continue
        names = [str(val).strip()] if col == "author" else sorted(_surnames(val))
        for name in names:
            key = (_surnames(name) or {name.lower()})
            sname = sorted(key)[0]
            if sname in seen:
                continue
            seen.add(sname)
            if sname in ref_names:
                continue
            near = [rn for rn in ref_names if sname.rstrip("a") == rn.rstrip("a")]
            if near:
                variants.append({"named_as": name, "in_references": near[0].capitalize()})
            else:
                missing.append(name)
    return {"missing": missing, "variants": pd.DataFrame(variants, columns=["named_as", "in_references"]),
            "holds": bool(missing or variants)}


def citation_points_elsewhere(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Citations whose context names an author who is not an author of the cited reference.

    E.g. a bracketed number placed after one author's name while that reference is a law.
    Only rows that name an author (column ``author``) and cite a reference that exists count.
    """
    if "author" not in citations.columns:
        return {"table": pd.DataFrame(), "holds": False, "available": False}
    refs = references.set_index(references["ref_no"].astype(int))
    rows = []
    for r in citations.itertuples():
        ref = _int_or_none(r.ref_no)
        author = getattr(r, "author", None)
        if ref is None or ref not in refs.index or author is None or pd.isna(author) or not str(author).strip():
            continue
        ref_surnames = _surnames(refs.loc[ref, "authors"])
        named = _surnames(author)
        if named and not any(n.rstrip("a") == s.rstrip("a") for n in named for s in ref_surnames):
            rows.append({"citation_id": r.citation_id, "author": author, "ref_no": ref,
                         "ref_title": refs.loc[ref, "title"]})
    table = pd.DataFrame(rows, columns=["citation_id", "author", "ref_no", "ref_title"])
    return {"table": table, "holds": len(table) > 0, "available": True}


# --------------------------------------------------------------------------- (d) unit labels

def unit_labels_across_levels(admin_units: pd.DataFrame) -> dict:
    """Unit labels (as printed) that the article gives at more than one level, with their counts."""
    df = admin_units.copy()
    df["label_key"] = df["label_as_printed"].map(_norm)
    levels = df.groupby("label_key")["level"].nunique()
    keys = levels[levels > 1].index
    table = df.loc[df["label_key"].isin(keys), ["label_as_printed", "level", "count", "unit_type"]]
    return {"labels": sorted(set(table["label_as_printed"])), "table": table.sort_values("level").reset_index(drop=True),
            "holds": len(table) > 0}


# --------------------------------------------------------------------------- (e) lists in two places

def _compare_lists(df: pd.DataFrame, label_col: str, where_col: str = "listed_in") -> dict:
    places = sorted(df[where_col].dropna().unique())
    sets = {p: set(df.loc[df[where_col] == p, label_col].map(_norm)) for p in places}
    labels = {p: df.loc[df[where_col] == p, label_col].tolist() for p in places}
    only = {}
    if len(places) == 2:
        a, b = places
        only[a] = [x for x in labels[a] if _norm(x) not in sets[b]]
        only[b] = [x for x in labels[b] if _norm(x) not in sets[a]]
    return {"places": places, "sizes": {p: len(labels[p]) for p in places}, "only_in": only,
            "holds": len(places) == 2 and any(only.values())}


def respondent_groups_differ(survey_groups: pd.DataFrame) -> dict:
    """The respondent groups of the methodology section against those named with the results."""
    return _compare_lists(survey_groups, "group")


def problems_lists_differ(problems: pd.DataFrame) -> dict:
    """The problems listed with the results against those listed in the conclusion."""
    return _compare_lists(problems, "problem")


# --------------------------------------------------------------------------- (f) dates and titles

def _digits_date(text: str) -> list[tuple[int, int, int]]:
    """Dates written as dd.mm.yyyy (spaces allowed after the dots)."""
    return [(int(d), int(m), int(y)) for d, m, y in re.findall(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", text)]


def address_date(legal_acts: pd.DataFrame, references: pd.DataFrame, ref_no: int = 3,
                 title_words: tuple[str, ...] = ("new", "reality")) -> dict:
    """The date of the 2020 address as the text gives it against reference ``ref_no``.

    The text side is the row of ``legal_acts`` whose title holds ``title_words``; the
    reference side is every dd.mm.yyyy date in that reference's fields other than its access
    date. Also reports whether the reference's URL carries a date (ddmmyyyy).
    """
    acts = legal_acts.loc[legal_acts["title"].map(lambda t: all(w in _norm(t) for w in title_words))]
    text_dates = []
    for r in acts.itertuples():
        text_dates += _digits_date(str(r.date_printed))
    ref = references.loc[references["ref_no"].astype(int) == ref_no]
    ref_dates, url_date = [], None
    if len(ref):
        r = ref.iloc[0]
        for col in ("year", "details", "title"):
            if col in ref.columns and not pd.isna(r[col]):
                ref_dates += _digits_date(str(r[col]))
        m = re.search(r"/(\d{2})(\d{2})(\d{4})", str(r.get("url", "")))
        if m:
            url_date = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if "year" in ref.columns and _int_or_none(r["year"]) and not ref_dates:
            ref_dates = [(0, 0, _int_or_none(r["year"]))]
    fmt = lambda d: f"{d[0]:02d}.{d[1]:02d}.{d[2]}" if d[0] else str(d[2])  # noqa: E731
    text_set, ref_set = {fmt(d) for d in text_dates}, {fmt(d) for d in ref_dates}
    return {"text": sorted(text_set), "reference": sorted(ref_set),
            "url_date": fmt(url_date) if url_date else None,
            "acts": acts.reset_index(drop=True),
            "holds": bool(text_set and ref_set and text_set != ref_set)}


def law_title_mismatch(legal_acts: pd.DataFrame, references: pd.DataFrame, ref_no: int = 5,
                       key_words: tuple[str, ...] = ("local", "self-government")) -> dict:
    """The title of the law on local government in the text against its entry in the references.

    Compares the quoted titles word by word (case ignored): the words only the text uses and
    the words only the reference uses.
    """
    acts = legal_acts.loc[legal_acts["title"].map(lambda t: all(w in _norm(t) for w in key_words))
                          & (legal_acts["kind"].map(_norm).str.contains("law"))]
    ref = references.loc[references["ref_no"].astype(int) == ref_no]
    if not len(acts) or not len(ref):
        return {"text_titles": [], "reference_title": None, "holds": False}
    ref_title = str(ref.iloc[0]["title"])
    m = re.search(r'"([^"]+)"', ref_title)
    ref_core = m.group(1) if m else ref_title
    titles = sorted(set(acts["title"]))
    diffs = []
    for t in titles:
        tw, rw = _words(t), _words(ref_core)
        if tw != rw:
            diffs.append({"text_title": t, "only_text": sorted(tw - rw), "only_reference": sorted(rw - tw)})
    return {"text_titles": titles, "reference_title": ref_core, "differences": diffs, "holds": bool(diffs)}


# --------------------------------------------------------------------------- findings not held as tables

#: Inconsistencies in parts of the article that the data package does not tabulate.
#: Evidence quotes are short; locators point to the article's sections.
TEXT_FINDINGS = [
    {"id": "akimat-powers-numbering", "category": "numbered list",
     "finding": "The list of what local executive bodies are in charge of jumps from item 2 to item 4.",
     "evidence": 'Discussion, paragraph after Article 3 of the Law: items "1)", "2)" and "4)", no item 3.',
     "treatment": "The book gives the items as printed and notes that item 3 is missing; it does not guess it."},
    {"id": "authorship", "category": "contradiction",
     "finding": "The survey is ascribed to a single author, while the article has four.",
     "evidence": 'Header: four authors; The results of the study: "The author of this article conducted" the survey.',
     "treatment": "The book credits the survey to the article (all four authors) and notes the wording."},
    {"id": "keywords-count", "category": "contradiction",
     "finding": "The English keywords number ten; the Kazakh and Russian lists have nine each, without "
                "the equivalent of \"efficiency\".",
     "evidence": 'Abstracts: English keywords include "efficiency"; the Kazakh and Russian keyword lists do not.',
     "treatment": "The abstracts chapter shows the three lists side by side as printed."},
    {"id": "fourth-level-budget", "category": "contradiction",
     "finding": "The results say settlements have no budget of their own at the fourth level; the "
                "conclusion says independent fourth-level budgets have been introduced.",
     "evidence": 'The results of the study: "there is no own budget"; Conclusion, item 3: independent budgets '
                 'of "the fourth level have been introduced".',
     "treatment": "Both statements are reported with their sections; the book does not decide between them."},
    {"id": "figure-1-missing", "category": "missing content",
     "finding": "Figure 1 has a caption but no figure in the text, and its caption words the survey "
                "question differently from the sentence that reports it.",
     "evidence": 'The results of the study: "how do you assess" in the text, "How do you evaluate" in the caption.',
     "treatment": "The survey chapter rebuilds Figure 1 from the data package."},
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
    Finding("share-unattainable", "survey", "A printed share is not possible with 69 respondents",
            ("survey_answers", "survey"), lambda t: unattainable_shares(t["survey_answers"], _n(t)),
            "The data package records the nearest possible count, which is also the remainder; "
            "flagged reproduces_printed = false."),
    Finding("first-rural-elections", "dates", "Year of the first elections of rural akims",
            ("timeline",), lambda t: first_rural_elections(t["timeline"]),
            "The timeline keeps both statements, each with its section; neither is corrected."),
    Finding("citation-missing-reference", "citations", "A citation points to a reference that does not exist",
            ("citations", "references"), lambda t: citations_without_reference(t["citations"], t["references"]),
            "The citation is kept as printed with a note; it is not linked to any entry."),
    Finding("uncited-references", "citations", "References never cited in the text",
            ("citations", "references"), lambda t: uncited_references(t["citations"], t["references"]),
            "Listed in the references chapter like the others."),
    Finding("named-authors-unlisted", "citations", "Authors named as the basis of the study but absent from the references",
            ("citations", "references"), lambda t: named_authors_not_in_references(t["citations"], t["references"]),
            "The methods chapter names them as the article does and says that no entry exists; "
            "near-matching spellings are pointed out."),
    Finding("citation-other-author", "citations", "A bracketed number follows an author who is not the cited reference's author",
            ("citations", "references"), lambda t: citation_points_elsewhere(t["citations"], t["references"]),
            "Kept as printed with a note."),
    Finding("unit-labels", "numbers", "One unit label at two levels, with different counts",
            ("admin_units",), lambda t: unit_labels_across_levels(t["admin_units"]),
            "The units table keeps the printed label and adds the edition's unit type and a note."),
    Finding("respondent-groups", "contradiction", "Respondent groups listed twice, differently",
            ("survey_groups",), lambda t: respondent_groups_differ(t["survey_groups"]),
            "Both lists are kept (listed_in = methodology | results) and shown side by side."),
    Finding("problems-lists", "contradiction", "Problems listed twice, differently",
            ("problems",), lambda t: problems_lists_differ(t["problems"]),
            "Both lists are kept (listed_in = results | conclusion) and compared."),
    Finding("address-date", "dates", "Date of the address \"Kazakhstan in a new reality: time in action\"",
            ("legal_acts", "references"), lambda t: address_date(t["legal_acts"], t["references"]),
            "Both dates are given as printed; the reference's web address is pointed out."),
    Finding("law-title", "titles", "Title of the law on local government, text against reference 5",
            ("legal_acts", "references"), lambda t: law_title_mismatch(t["legal_acts"], t["references"]),
            "Titles are quoted as printed in each place."),
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
        needed = [t for t in f.tables if t != "survey"]  # survey only supplies n, with a fallback
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
    return "present in the data" if result.get("holds") else "not found in the data (resolved)"


def listing(items, conj: str = "and", quote: bool = False) -> str:
    """``a, b and c`` (optionally each in double quotes); ``none`` for an empty list."""
    items = [f"\u201c{i}\u201d" if quote else str(i) for i in items]
    if not items:
        return "none"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conj} " + items[-1]
