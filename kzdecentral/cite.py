"""Citations of the article and of this edition, made from ``CITATION.cff``.

``CITATION.cff`` (Citation File Format 1.2.0) is the one place the citation metadata is
written. This module reads it (PyYAML) and formats

* the **edition** (the CFF's own title, authors, version, release date) and
* the **article** (the CFF's ``references`` entry of type ``article``)

in three styles:

``bibtex``  BibTeX, serialised by pybtex (the library the book's bibliography uses);
``apa``     APA 7th edition reference-list entries (plain text, so no italics);
``gost``    GOST R 7.0.5-2008 bibliographic references (Russian/Kazakh standard), written
            with English words for its fixed phrases. No maintained Python formatter for
            GOST exists, so :func:`gost` is a small function following the standard's
            rules for the two cases needed here (see its docstring).

The article's journal, volume, pages and year are not stated in the source text; the
formatters do not invent them: APA writes ``n.d.`` (no date), as APA prescribes, BibTeX
and GOST leave them out.

The version is not typed here: it is the CFF's ``version``, which the tests hold equal to
``kzdecentral.__version__``. ``python -m kzdecentral.cite zenodo`` rewrites ``.zenodo.json``
from the CFF; ``python -m kzdecentral.cite check`` fails when it is out of date.
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import paths

CFF_PATH = paths.ROOT / "CITATION.cff"
ZENODO_PATH = paths.ROOT / ".zenodo.json"
#: BibTeX keys of the two works (the article's key is the one of book/references.bib).
ARTICLE_KEY = "sheriyazdanov2024"
EDITION_KEY = "kzdecentral_edition"
#: Licences of the parts of the edition (SPDX identifiers).
LICENCES = {"code": "MIT", "text": "CC-BY-4.0", "data": "CC-BY-4.0"}
STYLES = ("bibtex", "apa", "gost")


@dataclass
class Person:
    """An author: a person (family and given names) or an entity (``name``)."""

    family: str = ""
    given: str = ""
    name: str = ""
    affiliation: str = ""
    orcid: str = ""

    @property
    def is_entity(self) -> bool:
        return bool(self.name) and not self.family

    def initials(self, sep: str = " ") -> str:
        """``Baurzhan`` -> ``B.``; ``Kuandyk Tengesh`` -> ``K. T.``; hyphens kept."""
        parts = []
        for word in self.given.split():
            parts.append("-".join(p[0] + "." for p in word.split("-") if p))
        return sep.join(parts)


@dataclass
class Work:
    """The citation metadata of one work, as read from the CFF."""

    kind: str  # "edition" | "article"
    title: str
    authors: list[Person]
    version: str = ""
    date_released: str = ""
    notes: str = ""
    keywords: list[str] = field(default_factory=list)

    @property
    def year(self) -> str:
        return self.date_released[:4]


def _str_dates(obj):
    """YAML reads ``2026-11-26`` as a date; CFF (and JSON Schema) want the string."""
    if isinstance(obj, dict):
        return {k: _str_dates(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_str_dates(v) for v in obj]
    if isinstance(obj, (_dt.date, _dt.datetime)):
        return obj.isoformat()
    return obj


def load_cff(path: Path | str = CFF_PATH) -> dict:
    """CITATION.cff as a plain dict (dates as ISO strings).

    The file is parsed once per process and again only when it changes (its modification
    time or size), so the cite line of every chart costs no new read; each call returns its
    own copy, which the caller may change.
    """
    stat = os.stat(path)
    return copy.deepcopy(_parsed_cff(str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=8)
def _parsed_cff(path: str, mtime_ns: int, size: int) -> dict:
    """The parsed file at ``path`` as it is at ``mtime_ns`` and ``size`` (the cache key)."""
    with open(path, encoding="utf-8") as fh:
        return _str_dates(yaml.safe_load(fh))


def _collapse(text: str) -> str:
    return " ".join(str(text).split())


def _people(items: list[dict]) -> list[Person]:
    out = []
    for a in items:
        out.append(
            Person(
                family=a.get("family-names", ""),
                given=a.get("given-names", ""),
                name=a.get("name", ""),
                affiliation=_collapse(a.get("affiliation", "")),
                orcid=a.get("orcid", ""),
            )
        )
    return out


def edition(cff: dict | None = None) -> Work:
    """This edition, from the CFF's top level."""
    cff = cff or load_cff()
    return Work(
        kind="edition",
        title=cff["title"],
        authors=_people(cff["authors"]),
        version=str(cff.get("version", "")),
        date_released=str(cff.get("date-released", "")),
        notes=_collapse(cff.get("message", "")),
        keywords=list(cff.get("keywords", [])),
    )


def article(cff: dict | None = None) -> Work:
    """The original article, the CFF's ``references`` entry of type ``article``."""
    cff = cff or load_cff()
    refs = [r for r in cff.get("references", []) + [cff.get("preferred-citation") or {}] if r.get("type") == "article"]
    if not refs:
        raise ValueError("CITATION.cff names no reference of type 'article' (the original article)")
    r = refs[0]
    return Work(
        kind="article",
        title=r["title"],
        authors=_people(r["authors"]),
        notes=_collapse(r.get("notes", "")),
        keywords=list(r.get("keywords", [])),
    )


# --------------------------------------------------------------------------- BibTeX


def bibtex(work: Work) -> str:
    """A BibTeX entry, built and serialised with pybtex."""
    from pybtex.database import BibliographyData, Entry
    from pybtex.database import Person as BibPerson

    persons = [
        BibPerson("{" + p.name + "}") if p.is_entity else BibPerson(last=p.family, first=p.given) for p in work.authors
    ]
    title = work.title.replace("Kazakhstan", "{Kazakhstan}")  # keep the proper noun's capital
    if work.kind == "article":
        fields = {
            "title": title,
            "note": "Journal, volume, pages and year of publication are not stated in the source text",
        }
        key = ARTICLE_KEY
    else:
        fields = {
            "title": title,
            "year": work.year,
            "version": work.version,
            "note": (
                f"Version {work.version}, released {work.date_released}. Code: MIT licence; text and data: CC BY 4.0"
            ),
        }
        key = EDITION_KEY
    entry = Entry("misc", fields=fields, persons={"author": persons})
    return BibliographyData(entries={key: entry}).to_string("bibtex").strip()


# --------------------------------------------------------------------------- APA 7


def _apa_names(people: list[Person]) -> str:
    names = [p.name if p.is_entity else f"{p.family}, {p.initials()}" for p in people]
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", . . . " + names[-1]


def _apa_title(title: str) -> str:
    """APA sentence case for the part after a colon: its first letter is capitalised."""
    head, sep, tail = title.partition(": ")
    return head + (sep + tail[:1].upper() + tail[1:] if sep else "")


def apa(work: Work) -> str:
    """An APA 7th-edition reference-list entry (plain text: the title would be italic).

    Article: authors, ``(n.d.)`` because the source states no year, and the title; the
    journal is unknown, so the entry ends there. Edition: the entity author, the release
    year, the title with the version in parentheses and a bracketed description.
    """
    names = _apa_names(work.authors)
    names = names if names.endswith(".") else names + "."
    if work.kind == "article":
        return f"{names} (n.d.). {_apa_title(work.title)}."
    return f"{names} ({work.year}). {_apa_title(work.title)} (Version {work.version}) [Jupyter Book and data package]."


# --------------------------------------------------------------------------- GOST R 7.0.5-2008


def _gost_name_inverted(p: Person) -> str:
    return p.name if p.is_entity else f"{p.family}, {p.initials()}"


def _gost_name(p: Person) -> str:
    return p.name if p.is_entity else f"{p.initials()} {p.family}"


def gost(work: Work) -> str:
    """A bibliographic reference after GOST R 7.0.5-2008.

    Rules used (GOST R 7.0.5-2008, sections 4 and 5):

    * one to three authors: the first author heads the reference (``Family, I. O.``), the
      title follows, then after ``/`` all authors in direct order (``I. O. Family``);
    * four or more authors: the reference begins with the title, and after ``/`` the
      authors follow in direct order (all of them are given here; the standard allows the
      first three and ``[et al.]``);
    * a collective author (an entity) is not a heading; it follows the ``/``;
    * an electronic resource carries the general designation ``[Electronic resource]``
      after the title, and areas are separated by full stop and dash (``. –``).

    The article's journal (``//`` area), year and pages are unknown and are left out.
    """
    people = work.authors
    persons = [p for p in people if not p.is_entity]
    responsibility = ", ".join(_gost_name(p) for p in people)
    if work.kind == "article":
        body = f"{work.title} / {responsibility}."
        if 1 <= len(persons) <= 3 and len(persons) == len(people):
            body = f"{_gost_name_inverted(persons[0])} {body}"
        return body
    return f"{work.title} [Electronic resource] : version {work.version} / {responsibility}. – {work.year}."


# --------------------------------------------------------------------------- all styles


def citation(which: str, style: str, cff: dict | None = None) -> str:
    """``which`` in {"article", "edition"}, ``style`` in :data:`STYLES`."""
    cff = cff or load_cff()
    work = {"article": article, "edition": edition}[which](cff)
    return {"bibtex": bibtex, "apa": apa, "gost": gost}[style](work)


def all_citations(cff: dict | None = None) -> dict[tuple[str, str], str]:
    cff = cff or load_cff()
    return {(w, s): citation(w, s, cff) for w in ("article", "edition") for s in STYLES}


def figure_citation(chart_name: str, cff: dict | None = None) -> str:
    """A one-line "cite this figure" text for a chart of the book."""
    cff = cff or load_cff()
    ed, art = edition(cff), article(cff)
    authors = ", ".join(p.family for p in art.authors[:-1]) + " and " + art.authors[-1].family
    return (
        f"Figure '{chart_name}', in: {_apa_names(ed.authors)} ({ed.year}), "
        f"{ed.title}, version {ed.version}. Data after {authors}, "
        f"\u201c{art.title}\u201d. Text and data CC BY 4.0."
    )


# --------------------------------------------------------------------------- for the book

#: Pygments lexer of each style's code block in the book.
LEXERS = {"bibtex": "bibtex", "apa": "text", "gost": "text"}


def markdown_block(which: str, style: str, cff: dict | None = None) -> str:
    """A citation as a fenced code block (Markdown), shown with a copy button in the book."""
    text = citation(which, style, cff)
    return f"```{LEXERS[style]}\n{text}\n```\n"


def credits_markdown(cff: dict | None = None) -> str:
    """The article's authors with their affiliations and ORCID iDs, as a Markdown list."""
    art = article(cff)
    lines = []
    for p in art.authors:
        orcid = f" ORCID [{p.orcid.rsplit('/', 1)[-1]}]({p.orcid})." if p.orcid else ""
        lines.append(f"- **{p.given} {p.family}**: {p.affiliation}.{orcid}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- Zenodo


def zenodo(cff: dict | None = None) -> dict:
    """The ``.zenodo.json`` deposit metadata, from the CFF."""
    cff = cff or load_cff()
    ed, art = edition(cff), article(cff)
    creators = [
        {"name": p.name}
        if p.is_entity
        else {"name": f"{p.family}, {p.given}", **({"orcid": p.orcid.rsplit("/", 1)[-1]} if p.orcid else {})}
        for p in ed.authors
    ]
    return {
        "title": ed.title,
        "version": ed.version,
        "publication_date": ed.date_released,
        "upload_type": "publication",
        "publication_type": "book",
        "license": cff["license"],
        "creators": creators,
        "description": _collapse(cff.get("abstract", "")),
        "keywords": ed.keywords,
        "notes": ed.notes,
        "references": [apa(art)],
    }


def zenodo_text(cff: dict | None = None) -> str:
    return json.dumps(zenodo(cff), ensure_ascii=False, indent=2) + "\n"


def _main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "show"
    if cmd == "zenodo":
        ZENODO_PATH.write_text(zenodo_text(), encoding="utf-8")
        print(f"wrote {ZENODO_PATH}")
        return 0
    if cmd == "check":
        current = ZENODO_PATH.read_text(encoding="utf-8") if ZENODO_PATH.is_file() else ""
        if current != zenodo_text():
            print(".zenodo.json is out of date: run python -m kzdecentral.cite zenodo", file=sys.stderr)
            return 1
        print(".zenodo.json agrees with CITATION.cff")
        return 0
    for (w, s), text in all_citations().items():
        print(f"== {w} / {s}\n{text}\n")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
