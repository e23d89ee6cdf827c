"""Findings about names and terms: people's names, author lines, ORCID iDs, names of types and tiers."""

from __future__ import annotations

import re

import pandas as pd

from .words import normalised

#: Letters of the Kazakh Cyrillic alphabet that the Russian alphabet does not have.
KAZAKH_ONLY_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
_ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def _cell(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def _initials(name: str, surname: str) -> str:
    """Initials of the given names in ``name`` before ``surname``: 'Kassym-Jomart' -> 'K.J.'."""
    given = name[: name.lower().find(surname.lower())]
    return "".join(f"{p[0].upper()}." for p in re.findall(r"[^\W\d_]+", given))


def president_name(references: pd.DataFrame, surname: str = "Tokayev") -> dict:
    """The forms of one person's name across the reference list, and whether their initials agree.

    ``forms``: the author names that contain ``surname`` (as printed), with the initials they give.
    """
    rows = []
    for r in references.itertuples():
        for name in _cell(r.authors).split(","):
            name = name.strip()
            if surname.lower() in name.lower():
                rows.append({"ref_no": int(r.ref_no), "form": name, "initials": _initials(name, surname)})
    table = pd.DataFrame(rows, columns=["ref_no", "form", "initials"])
    return {
        "surname": surname,
        "table": table,
        "forms": table["form"].tolist(),
        "initials": sorted(set(table["initials"])),
        "holds": table["initials"].nunique() > 1,
    }


def russian_author_letters(authors: pd.DataFrame) -> dict:
    """Authors whose name in the Russian author line uses letters of the Kazakh alphabet only."""
    rows = []
    for r in authors.itertuples():
        letters = sorted({ch for ch in _cell(r.name_ru) if ch in KAZAKH_ONLY_LETTERS}, key=_cell(r.name_ru).find)
        if letters:
            rows.append({"author_no": int(r.author_no), "name_ru": r.name_ru, "letters": "".join(letters)})
    table = pd.DataFrame(rows, columns=["author_no", "name_ru", "letters"])
    return {"table": table, "authors": table["author_no"].tolist(), "holds": len(table) > 0}


def orcid_format(authors: pd.DataFrame) -> dict:
    """ORCID iDs printed in a form an ORCID iD cannot have (four groups: 4-4-4-4 characters)."""
    bad = authors.loc[
        ~authors["orcid_printed"].map(lambda v: bool(_ORCID.match(_cell(v)))), ["author_no", "name", "orcid_printed"]
    ].reset_index(drop=True)
    groups = [len(_cell(v).split("-")) for v in bad["orcid_printed"]]
    return {"table": bad.assign(groups=groups), "holds": len(bad) > 0}


def _forms(value: object) -> list[str]:
    return [f.strip() for f in _cell(value).split(";") if f.strip()]


def decentralization_type_names(types: pd.DataFrame) -> dict:
    """Types printed under more than one name, and further types whose name repeats a listed type's.

    ``several_names``: types with more than one printed name; ``repeats``: types outside the
    standard list whose name is part of a printed name of a type in it (political in
    political/democratic).
    """
    several = [
        {"type": r.type, "names": _forms(r.names_printed)}
        for r in types.itertuples()
        if len({normalised(n) for n in _forms(r.names_printed)}) > 1
    ]
    standard = types.loc[types["in_standard_list"].astype(bool)]
    std_words = {
        (s.type, w)
        for s in standard.itertuples()
        for n in _forms(s.names_printed)
        for w in re.split(r"[^a-z]+", normalised(n))
        if w
    }
    repeats = [
        {"type": r.type, "in": std}
        for r in types.loc[~types["in_standard_list"].astype(bool)].itertuples()
        for std, w in sorted(std_words)
        if w == normalised(r.type)
    ]
    return {"several_names": several, "repeats": repeats, "holds": bool(several or repeats)}


def tier_names(tiers: pd.DataFrame) -> dict:
    """Foreign tiers, or their heads, that the article names in more than one way."""
    rows = []
    for r in tiers.itertuples():
        others, head_others = _forms(r.other_names_printed), _forms(r.head_other_names_printed)
        if others or head_others:
            rows.append(
                {
                    "tier_id": r.tier_id,
                    "country": r.country,
                    "tier": r.tier,
                    "other_names": others,
                    "head": _cell(r.head_printed),
                    "head_other_names": head_others,
                }
            )
    table = pd.DataFrame(rows, columns=["tier_id", "country", "tier", "other_names", "head", "head_other_names"])
    return {"table": table, "holds": len(table) > 0}
