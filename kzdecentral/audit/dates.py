"""Findings about dates and titles: years of an event, a document's date and title against its reference."""

from __future__ import annotations

import re

import pandas as pd

from ..cells import optional_int
from .words import content_words, normalised

_RURAL = ("rural", "village", "aul")


def first_rural_elections(timeline: pd.DataFrame) -> dict:
    """Years given for the first (direct) elections of rural akims, section by section.

    Picks the timeline events about elections of akims of villages or rural districts and
    groups their years by the section of the article. ``holds`` when the sections give
    different years.
    """
    ev = timeline.copy()
    text = ev["event"].map(normalised)
    is_election = text.str.contains("elect")
    is_rural = text.map(lambda t: any(w in t for w in _RURAL))
    sel = ev.loc[is_election & is_rural].copy()
    years: dict[str, list[int]] = {}
    for r in sel.itertuples():
        ys = [optional_int(r.year)]
        end = optional_int(getattr(r, "end_year", None))
        if end is not None and end != ys[0]:
            ys.append(end)
        years.setdefault(r.section, [])
        years[r.section] += [y for y in ys if y is not None]
    years = {s: sorted(set(v)) for s, v in years.items()}
    distinct = {tuple(v) for v in years.values()}
    return {
        "years_by_section": years,
        "events": sel[["event_id", "date_printed", "year", "event", "section", "locator"]].reset_index(drop=True),
        "holds": len(distinct) > 1,
    }


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
    ref_no = optional_int(a.get("ref_no"))
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
    title_differs = bool(ref_title) and not content_words(a["title"]) <= content_words(ref_title)
    return {
        "act_title": str(a["title"]),
        "ref_no": ref_no,
        "ref_title": ref_title,
        "text": sorted(text_dates),
        "reference": sorted(ref_dates),
        "url_date": url_date,
        "date_differs": bool(text_dates and ref_dates and text_dates != ref_dates),
        "title_differs": title_differs,
        "holds": bool(text_dates and ref_dates and text_dates != ref_dates),
    }


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
        ref = optional_int(getattr(a, "ref_no", None))
        title = getattr(a, col)
        if ref is None or ref not in refs.index or title is None or (isinstance(title, float) and pd.isna(title)):
            continue
        rt = str(refs.loc[ref, "title"])
        m = re.search(r"[“\"]([^”\"]+)[”\"]", rt)
        core = m.group(1) if m else rt
        tw, rw = content_words(title), content_words(core)
        if tw != rw:
            rows.append(
                {
                    "act_id": a.act_id,
                    "text_title": str(title),
                    "ref_no": ref,
                    "ref_title": rt,
                    "only_text": ", ".join(sorted(tw - rw)),
                    "only_reference": ", ".join(sorted(rw - tw)),
                }
            )
    table = pd.DataFrame(rows, columns=["act_id", "text_title", "ref_no", "ref_title", "only_text", "only_reference"])
    return {"column": col, "table": table, "holds": len(table) > 0}


def _spelled(text: object) -> str:
    """A title as printed, with quotation marks and runs of white space evened out (case kept)."""
    return re.sub(r"\s+", " ", re.sub(r"[“”\"«»]", "", str(text))).strip()


def title_wording_differs(legal_acts: pd.DataFrame, references: pd.DataFrame) -> dict:
    """Titles whose words agree between text and reference but whose printing does not.

    :func:`titles_text_vs_references` compares content words; this one takes the acts it
    passes and compares the titles as printed (hyphens, dashes, colons, capitals, "and").
    """
    if "title_in_text" not in legal_acts.columns:
        return {"holds": False, "available": False}
    refs = references.set_index(references["ref_no"].astype(int))
    rows = []
    for a in legal_acts.drop_duplicates("act_id").itertuples():
        ref = optional_int(a.ref_no)
        if ref is None or ref not in refs.index or not isinstance(a.title_in_text, str) or not a.title_in_text:
            continue
        rt = str(refs.loc[ref, "title"])
        m = re.search(r"[“\"]([^”\"]+)[”\"]", rt)
        core = m.group(1) if m else rt
        if content_words(a.title_in_text) == content_words(core) and _spelled(a.title_in_text) != _spelled(core):
            rows.append({"act_id": a.act_id, "text_title": a.title_in_text, "ref_no": ref, "ref_title": core})
    table = pd.DataFrame(rows, columns=["act_id", "text_title", "ref_no", "ref_title"])
    return {"table": table, "holds": len(table) > 0}
