"""The table of the article's paragraphs (``data/article_paragraphs.csv``) as the build room uses
it: reading its rows, finding the ``{para}`` pointers that the chapters (``book/*.md``) write, and
the one derived column, ``chapters``, which lists the chapters that point to each paragraph.

The file is hand-kept source; only ``chapters`` is written by a program
(``python -m kzbuild.paragraphs write``), and :func:`serialize` writes the file back byte for byte
as it is kept: ``first_words`` always inside CSV double quotes, every other cell quoted only
when it must be.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kzdecentral import datapackage, paths

#: The file inside the data package.
FILE = "article_paragraphs.csv"
#: A paragraph id: the section slug and a running number within the section.
ID = re.compile(r"[a-z]+(?:-[a-z]+)*-\d+")
#: The token that marks a paragraph as this edition's own (analysis, navigation), not a retelling:
#: ``{para}`edition```. It names no paragraph of the article.
EDITION = "edition"
#: Directives whose content is code, not prose: pointers in them are not pointers.
CODE_DIRECTIVES = {
    "code-cell",
    "code",
    "code-block",
    "sourcecode",
    "raw",
    "math",
    "literalinclude",
    "eval-rst",
    "eval-md",
}


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(header, rows) of the table, the rows as dicts of the cells' text."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def serialize(header: list[str], rows: list[dict[str, str]], data_dir: Path | None = None) -> str:
    """The table's text as the data package keeps every CSV (``kzdecentral.datapackage``: LF line
    ends, the fields marked ``verbatim`` in ``datapackage.json`` always quoted)."""
    data_dir = data_dir or paths.data_dir()
    desc = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == "article_paragraphs")
    verbatim = {f["name"] for f in res["schema"]["fields"] if f.get("verbatim")}
    records = [header] + [[row[h] or "" for h in header] for row in rows]
    return datapackage.csv_text(records, [h in verbatim for h in header])


# ------------------------------------------------------------------ pointers in the chapters


@dataclass(frozen=True)
class Pointer:
    """One ``{para}`` role written in a chapter: its file, line (1-based) and ids."""

    file: Path
    line: int
    ids: tuple[str, ...]


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.myst_role import myst_role_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(myst_role_plugin)


_FENCE_NAME = re.compile(r"\{([^}\s]+)\}")


def _directive_body(content: str) -> tuple[str, int]:
    """A directive's content without its options (``:key: value`` lines or a ``---`` block),
    and how many lines were dropped from its top."""
    lines = content.split("\n")
    skip = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        skip = 0 if end is None else end + 1
    else:
        while skip < len(lines) and re.match(r"\s*:[\w-]+:", lines[skip]):
            skip += 1
    return "\n".join(lines[skip:]), skip


def _pointers_in(md, text: str, file: Path, offset: int) -> list[Pointer]:
    found = []
    for tok in md.parse(text):
        if tok.type == "fence" and tok.map:
            m = _FENCE_NAME.match(tok.info.strip())
            if m and m.group(1) not in CODE_DIRECTIVES:  # a directive holding prose
                body, skip = _directive_body(tok.content)
                found += _pointers_in(md, body, file, offset + tok.map[0] + 1 + skip)
            continue
        if tok.type != "inline" or not tok.map:
            continue
        line = offset + tok.map[0] + 1
        for child in tok.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "myst_role" and child.meta.get("name") == "para":
                ids = tuple(child.content.split())
                if ids != (EDITION,):
                    found.append(Pointer(file, line, ids))
    return found


def pointers(files: list[Path]) -> list[Pointer]:
    """Every ``{para}`` pointer in the prose of these MyST files, in file and reading order
    (roles inside inline code, code cells and code blocks are examples, not pointers)."""
    md = _parser()
    out = []
    for f in files:
        out += _pointers_in(md, f.read_text(encoding="utf-8"), f, 0)
    return out


def chapter_order(root: Path) -> list[str]:
    """The chapters (file stems in ``book/``) in the order of ``_toc.yml``."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for e in entries or []:
            if "file" in e:
                files.append(e["file"])
            walk(e.get("chapters")), walk(e.get("sections"))

    walk(toc.get("parts")), walk(toc.get("chapters"))
    return [Path(f).stem for f in files]


def chapters_by_id(found: list[Pointer], order: list[str]) -> dict[str, list[str]]:
    """For each id pointed to, the chapters (file stems) that point to it, in ``order``."""
    rank = {name: i for i, name in enumerate(order)}
    out: dict[str, set[str]] = {}
    for p in found:
        for pid in p.ids:
            out.setdefault(pid, set()).add(p.file.stem)
    return {pid: sorted(names, key=lambda n: (rank.get(n, len(rank)), n)) for pid, names in out.items()}


def derived_rows(rows: list[dict[str, str]], found: list[Pointer], order: list[str]) -> list[dict[str, str]]:
    """The rows with ``chapters`` recomputed from the pointers (chapter names space-separated)."""
    by_id = chapters_by_id(found, order)
    return [{**row, "chapters": " ".join(by_id.get(row["para_id"], []))} for row in rows]


def unknown_ids(rows: list[dict[str, str]], found: list[Pointer]) -> list[tuple[Pointer, str]]:
    """(pointer, id) for every id a pointer names that the table does not hold."""
    known = {row["para_id"] for row in rows}
    bad = [(p, pid) for p in found for pid in p.ids if pid not in known]
    bad += [(p, "(no id)") for p in found if not p.ids]
    return bad


def stale(path: Path, book_dir: Path, root: Path) -> list[str]:
    """What is out of date in the ``chapters`` column (one message a row), empty when current."""
    header, rows = read(path)
    new = derived_rows(rows, pointers(sorted(book_dir.glob("*.md"))), chapter_order(root))
    return [
        f"{path.name}, row {i}, field 'chapters', rule 'derived from the pointers': "
        f"{row['para_id']} holds {old['chapters']!r}, the pointers in book/ give {row['chapters']!r}"
        for i, (old, row) in enumerate(zip(rows, new, strict=True), start=2)
        if old["chapters"] != row["chapters"]
    ]


def write(path: Path, book_dir: Path, root: Path) -> bool:
    """Rewrite the ``chapters`` column from the pointers; True when the file changed."""
    header, rows = read(path)
    text = serialize(
        header, derived_rows(rows, pointers(sorted(book_dir.glob("*.md"))), chapter_order(root)), path.parent
    )
    if path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


# ------------------------------------------------------------------ the command


def main(argv: list[str] | None = None) -> int:
    """``python -m kzbuild.paragraphs write|check``: rewrite or check the derived ``chapters``
    column from the pointers in ``book/*.md``, and report pointers to unknown ids."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args not in (["write"], ["check"]):
        print("usage: python -m kzbuild.paragraphs write|check", file=sys.stderr)
        return 2
    path = paths.data_dir() / FILE
    rows = read(path)[1]
    found = pointers(sorted(paths.BOOK_DIR.glob("*.md")))
    bad = unknown_ids(rows, found)
    for p, pid in bad:
        print(f"{p.file.relative_to(paths.ROOT)}, line {p.line}: {{para}} names unknown id {pid!r}", file=sys.stderr)
    if args == ["write"]:
        changed = write(path, paths.BOOK_DIR, paths.ROOT)
        print(
            f"{path.name}: chapters column {'rewritten' if changed else 'already current'} "
            f"({len(found)} pointers in book/)"
        )
        return 1 if bad else 0
    problems = stale(path, paths.BOOK_DIR, paths.ROOT)
    for msg in problems:
        print(msg, file=sys.stderr)
    if problems:
        print(
            f"{path.name}: the chapters column is stale ({len(problems)} row(s)); "
            "run `python -m kzbuild.paragraphs write`",
            file=sys.stderr,
        )
    if not problems and not bad:
        print(f"{path.name}: chapters column current ({len(found)} pointers in book/)")
    return 1 if problems or bad else 0
