"""Findings about the reference list: documents without an entry, garbled details, access-date orders."""

from __future__ import annotations

import re

import pandas as pd

from ..cells import optional_int

_PAGE_EXPR = re.compile(r"\b\d+\s*p\.|\bpp?\.\s*\d+|\bP\.\s*\d+")
_NUMBER_AFTER_LOCATOR = re.compile(r"\bp\.\s*\d+\D+\d+")
_DATE = re.compile(r"\b(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})(?!\d)")


def named_without_reference(legal_acts: pd.DataFrame) -> dict:
    """Documents that the running text names but the reference list does not hold.

    A row of ``legal_acts`` printed outside REFERENCES with no ``ref_no``. ``twins``: of
    those, the ones of a kind that has another document with an entry (the 2019 address,
    beside the 2020 one).
    """
    acts = legal_acts.drop_duplicates("act_id")
    has_ref = acts["ref_no"].map(optional_int).notna()
    missing = acts.loc[~has_ref & (acts["section"] != "REFERENCES"), ["act_id", "kind", "title", "section"]]
    kinds_with_ref = set(acts.loc[has_ref, "kind"])
    twins = missing.loc[missing["kind"].isin(kinds_with_ref), "act_id"].tolist()
    only_ref = acts.loc[has_ref & (acts["section"] == "REFERENCES"), ["act_id", "title", "ref_no"]]
    return {
        "table": missing.reset_index(drop=True),
        "twins": twins,
        "only_in_references": only_ref.reset_index(drop=True),
        "holds": len(missing) > 0,
    }


def garbled_details(references: pd.DataFrame, citations: pd.DataFrame) -> dict:
    """Reference entries whose details hold more than one page expression, or a locator of their own citation.

    A reference's details normally give one length ("233 p."); two page expressions
    ("94 p. 91, pp. 44-46") mix a length with locators, and so does a further number after a
    page locator ("(p. 69). From 48."). ``locator_in_entry``: a page range that is also the
    page locator of a citation of the same reference.
    """
    cited_pages = {}
    for c in citations.itertuples():
        ref = optional_int(c.ref_no)
        if ref is not None and isinstance(c.pages, str) and "-" in c.pages:
            cited_pages.setdefault(ref, set()).add(re.sub(r"\D+", "-", c.pages).strip("-"))
    rows = []
    for r in references.itertuples():
        details = r.details if isinstance(r.details, str) else ""
        exprs = _PAGE_EXPR.findall(details)
        ranges = {re.sub(r"\D+", "-", m).strip("-") for m in re.findall(r"\d+\s*[-–]\s*\d+", details)}
        own = sorted(ranges & cited_pages.get(int(r.ref_no), set()))
        after = bool(_NUMBER_AFTER_LOCATOR.search(details))
        if len(exprs) > 1 or own or after:
            rows.append(
                {
                    "ref_no": int(r.ref_no),
                    "details": details,
                    "page_expressions": len(exprs),
                    "number_after_locator": after,
                    "locator_in_entry": ", ".join(own),
                }
            )
    table = pd.DataFrame(
        rows, columns=["ref_no", "details", "page_expressions", "number_after_locator", "locator_in_entry"]
    )
    return {"table": table, "refs": table["ref_no"].tolist(), "holds": len(table) > 0}


def date_order(printed: str) -> str | None:
    """'day first', 'month first' or 'ambiguous' for a printed numeric date; None if there is none."""
    m = _DATE.search(str(printed))
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if a > 12 >= b:
        return "day first"
    if b > 12 >= a:
        return "month first"
    return "ambiguous"


def access_date_orders(references: pd.DataFrame) -> dict:
    """The order of day and month in the reference list's numeric dates (access dates and details).

    A date with both fields up to 12 is read through its recorded ``access_date`` where there
    is one; otherwise it is ambiguous. Holds if both orders occur, or one date is ambiguous.
    """
    rows = []
    for r in references.itertuples():
        for field in ("access_date_printed", "details"):
            printed = getattr(r, field)
            order = date_order(printed) if isinstance(printed, str) else None
            if order is None:
                continue
            recorded = "" if pd.isna(r.access_date) else str(r.access_date)
            if order == "ambiguous" and field == "access_date_printed" and recorded:
                d = _DATE.search(printed)
                day = int(recorded[8:10])
                order = "day first" if int(d.group(1)) == day else "month first"
            rows.append({"ref_no": int(r.ref_no), "printed": _DATE.search(printed).group(0), "order": order})
    table = pd.DataFrame(rows, columns=["ref_no", "printed", "order"])
    by_order = {o: table.loc[table["order"] == o, "ref_no"].tolist() for o in sorted(set(table["order"]))}
    return {"table": table, "by_order": by_order, "holds": len(by_order) > 1}
