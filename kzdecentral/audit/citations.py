"""Findings about citations and references: numbers without a reference, uncited references, names."""

from __future__ import annotations

import re

import pandas as pd

from ..cells import optional_int

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
        ref = optional_int(r.ref_no)
        readings = citation_readings(getattr(r, "cited_as", "") or "")
        candidates = ([ref] if ref is not None else []) + readings["refs"] + readings["maybe_refs"]
        for c in sorted(set(candidates)):
            if c not in known:
                rows.append(
                    {
                        "citation_id": r.citation_id,
                        "cited_as": getattr(r, "cited_as", ""),
                        "number": c,
                        "certain": c == ref or c in readings["refs"],
                        "section": r.section,
                        "locator": r.locator,
                    }
                )
    table = pd.DataFrame(rows, columns=["citation_id", "cited_as", "number", "certain", "section", "locator"])
    return {
        "ref_count": len(known),
        "missing": sorted(set(table["number"].astype(int))),
        "cited_as": sorted(set(table["cited_as"])),
        "table": table,
        "holds": len(table) > 0,
    }


def uncited_references(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """References that no citation in the text points to."""
    cited = {int(x) for x in citations["ref_no"].map(optional_int).dropna()}
    refs = references.loc[~references["ref_no"].astype(int).isin(cited), ["ref_no", "authors", "title"]]
    return {
        "uncited": refs["ref_no"].astype(int).tolist(),
        "table": refs.reset_index(drop=True),
        "holds": len(refs) > 0,
    }


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
    return {
        "named": len(method_authors),
        "missing": missing,
        "listed": listed,
        "variants": pd.DataFrame(variants, columns=["named_as", "in_references"]),
        "holds": bool(missing or variants),
    }


def citation_points_elsewhere(
    citations: pd.DataFrame, references: pd.DataFrame, method_authors: pd.DataFrame | None = None
) -> dict:
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
        ref = optional_int(r.ref_no)
        if ref is None or ref not in refs.index:
            continue
        named = _surnames(r.context) & people
        ref_auth = _surnames(refs.loc[ref, "authors"])
        for name in sorted(named):
            if not any(_same_name(name, s) or _variant(name, s) for s in ref_auth):
                rows.append(
                    {
                        "citation_id": r.citation_id,
                        "cited_as": getattr(r, "cited_as", ""),
                        "person": name.capitalize(),
                        "ref_no": ref,
                        "ref_title": refs.loc[ref, "title"],
                        "ref_kind": refs.loc[ref, "kind"] if "kind" in refs.columns else "",
                    }
                )
    table = pd.DataFrame(rows, columns=["citation_id", "cited_as", "person", "ref_no", "ref_title", "ref_kind"])
    return {"table": table, "holds": len(table) > 0}


def first_citation_order(citations: pd.DataFrame) -> dict:
    """References whose first citation comes before that of a lower-numbered reference.

    A list numbered in order of first citation gives 1, 2, 3, … when the references are taken
    in the order the text first cites them; ``out_of_order`` pairs (later number, earlier
    number) where that fails.
    """
    c = citations.assign(ref=citations["ref_no"].map(optional_int)).dropna(subset=["ref"])
    first = c.sort_values("citation_id").drop_duplicates("ref")
    sequence = [int(x) for x in first["ref"]]
    pairs = [(a, b) for i, a in enumerate(sequence) for b in sequence[i + 1 :] if b < a]
    where = {int(r.ref): r.section for r in first.itertuples()}
    return {"sequence": sequence, "out_of_order": pairs, "first_section": where, "holds": bool(pairs)}


def credited_to_other_author(citations: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Citations whose sentence credits a named person who is not an author of the cited reference.

    Reads ``attributed_to``; references without authors (laws and the like) are left to
    :func:`citation_points_elsewhere`. ``own_reference``: the reference by the credited
    person, if the list has one.
    """
    if "attributed_to" not in citations.columns:
        return {"holds": False, "available": False}
    refs = references.set_index(references["ref_no"].astype(int))
    rows = []
    for r in citations.itertuples():
        ref, person = optional_int(r.ref_no), r.attributed_to
        if ref is None or not isinstance(person, str) or not person.strip() or ref not in refs.index:
            continue
        authors = _surnames(refs.loc[ref, "authors"])
        name = person.strip().lower()
        if authors and not any(_same_name(name, a) or _variant(name, a) for a in authors):
            own = [int(n) for n, a in refs["authors"].items() if name in _surnames(a)]
            rows.append(
                {
                    "citation_id": r.citation_id,
                    "cited_as": r.cited_as,
                    "person": person.strip(),
                    "ref_no": ref,
                    "ref_authors": refs.loc[ref, "authors"],
                    "own_reference": own[0] if own else None,
                    "section": r.section,
                }
            )
    table = pd.DataFrame(
        rows, columns=["citation_id", "cited_as", "person", "ref_no", "ref_authors", "own_reference", "section"]
    )
    return {"table": table, "holds": len(table) > 0}


def name_only_matches(method_authors: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Named works matched to a reference by the author's name only: the years do not agree.

    For each work that Research methods names with a year, the references by an author of the
    same surname; reported when none of them carries that year (or any year).
    """
    rows = []
    for r in method_authors.itertuples():
        for name in _surnames(r.author_printed):
            hits = references.loc[references["authors"].map(lambda a, n=name: n in _surnames(a))]
            years = [optional_int(y) for y in hits["year"]]
            if len(hits) and optional_int(r.year) not in years:
                rows.append(
                    {
                        "named_as": r.author_printed,
                        "year": optional_int(r.year),
                        "ref_no": int(hits["ref_no"].iloc[0]),
                        "ref_year": years[0],
                    }
                )
    table = pd.DataFrame(rows, columns=["named_as", "year", "ref_no", "ref_year"])
    return {"table": table, "holds": len(table) > 0}
