"""The data package's command: check it, and rewrite the few things derived from it.

The CSV files and ``datapackage.json`` in ``data/`` are the source, edited by hand. What is
derived from them is written by ``write`` and must be current for ``check`` to pass::

    python -m kzdecentral.datapackage write   # rewrite what is derived
    python -m kzdecentral.datapackage check   # validate; fail if anything derived is stale

``make data`` runs the two in that order. The derived things:

- the table list of ``data/README.md``, between its two marker comments: each table's name,
  row count and description, from ``datapackage.json`` and the CSV files;
- the package's ``version``, which follows ``kzdecentral.__version__`` (the one place it is kept);
- the column ``survey_answers.reproduces_printed``, computed from ``count``, ``share_printed``
  and ``survey.sample_size``;
- the layout of every CSV file: UTF-8, LF line endings, a final newline, and a cell in double
  quotes exactly when its field holds text as printed (``"verbatim": true`` in the schema) or
  the cell holds a comma, a double quote or a line break.

``check`` also loads every table through :func:`kzdecentral.data.load` (Frictionless and the
loader's own rules) and checks two rules of the descriptor: ``verbatim`` is true or false, and
every ``section`` field allows the same list of the article's sections. Each problem is printed
on a line naming the file, the row (a line of the file, the header being 1), the field and the rule.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__, data, paths

START, END = "<!-- tables:start -->", "<!-- tables:end -->"
FIX = "run `make data` (python -m kzdecentral.datapackage write)"


@dataclass
class Stale:
    """A file whose derived part is not what ``write`` would write."""

    file: str
    what: str
    text: str  # the file's text as ``write`` writes it

    def __str__(self) -> str:
        return f"{self.file}: {self.what}; {FIX}"


# ---------------------------------------------------------------- CSV text


def cell_text(value: str, verbatim: bool) -> str:
    """One cell as the package writes it (empty cells are never quoted)."""
    if value and (verbatim or any(ch in value for ch in ',"\n\r')):
        return '"' + value.replace('"', '""') + '"'
    return value


def record_text(record: list[str], verbatim: list[bool]) -> str:
    """One record as the package writes it (without its line break)."""
    return ",".join(cell_text(v, i < len(verbatim) and verbatim[i]) for i, v in enumerate(record))


def csv_text(records: list[list[str]], verbatim: list[bool]) -> str:
    """A table's file text: the header, then one record a line; LF line endings, a final newline."""
    return "".join(record_text(r, verbatim if i else []) + "\n" for i, r in enumerate(records))


def _records(path: Path) -> tuple[str, list[list[str]], list[int]] | None:
    """(text, records, first line of each record), or None if unreadable (the loader says why)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    records, lines, last = [], [], 0
    for rec in reader:
        records.append(rec)
        lines.append(last + 1)
        last = reader.line_num
    return text, records, lines


def _raw_cells(line: str) -> list[str]:
    """The cells of one written record, quotes kept."""
    cells, cur, quoted = [], "", False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            cells.append(cur)
            cur = ""
        else:
            cur += ch
    return cells + [cur]


def _layout_problem(
    text: str, records: list[list[str]], lines: list[int], names: list[str], verbatim: list[bool]
) -> str:
    """Where and why a file's text is not laid out as the package writes it."""
    if "\r" in text:
        return (
            f"row {text[: text.index(chr(13))].count(chr(10)) + 1}, rule 'line endings': "
            "CR (Windows) line endings; the package uses LF"
        )
    if text and not text.endswith("\n"):
        return f"row {text.count(chr(10)) + 1}, rule 'final newline': the last line has no line break"
    physical = text.split("\n")
    for n, (rec, start, end) in enumerate(zip(records, lines, lines[1:] + [len(physical)], strict=False)):
        flags = verbatim if n else []
        written = "\n".join(physical[start - 1 : end - 1])
        if written == record_text(rec, flags):
            continue
        for i, (raw, value) in enumerate(zip(_raw_cells(written), rec, strict=False)):
            want = cell_text(value, i < len(flags) and flags[i])
            if raw != want:
                field = names[i] if i < len(names) else f"column {i + 1}"
                why = (
                    "holds text as printed (verbatim) and is written in double quotes"
                    if want.startswith('"')
                    else "is written without quotes (no comma, quote or line break)"
                )
                return f"row {start}, field {field!r}, rule 'quoting': the cell {raw[:40]!r} {why}"
        return f"row {start}, rule 'layout': the record is written differently"
    return "rule 'layout': the file is written differently"


# ---------------------------------------------------------------- derived column


def _reproduces_printed(rows: list[dict[str, str]], table) -> list[str] | None:
    """survey_answers.reproduces_printed: whether round(100 * count / n, 1) is the printed share."""
    survey = table("survey")
    try:
        n = int(survey[0]["sample_size"])
        return ["true" if round(100 * int(r["count"]) / n, 1) == float(r["share_printed"]) else "false" for r in rows]
    except (KeyError, IndexError, ValueError, ZeroDivisionError, TypeError):
        return None  # broken input: the loader names it


#: Derived columns: table -> (field, function of the table's rows and a reader of other tables).
DERIVED_COLUMNS = {"survey_answers": ("reproduces_printed", _reproduces_printed)}


# ---------------------------------------------------------------- what write would write


def _descriptor() -> tuple[str, dict]:
    path = paths.data_dir() / data.DESCRIPTOR
    text = path.read_text(encoding="utf-8")
    return text, json.loads(text)


def _table_rows(desc: dict, name: str) -> list[dict[str, str]]:
    res = next((r for r in desc["resources"] if r["name"] == name), None)
    got = res and _records(paths.data_dir() / res["path"])
    if not got or not got[1]:
        return []
    header, *body = got[1]
    return [dict(zip(header, r, strict=False)) for r in body if r]


def _csv_stale(desc: dict, res: dict) -> Stale | None:
    got = _records(paths.data_dir() / res["path"])
    if got is None:
        return None
    text, records, lines = got
    fields = res["schema"]["fields"]
    names = [f["name"] for f in fields]
    verbatim = [f.get("verbatim") is True for f in fields]
    changes = []
    if res["name"] in DERIVED_COLUMNS and records and records[0] == names:
        field, compute = DERIVED_COLUMNS[res["name"]]
        col = names.index(field)
        body = [i for i, r in enumerate(records) if i and len(r) == len(names)]
        values = compute([dict(zip(names, records[i], strict=False)) for i in body], lambda n: _table_rows(desc, n))
        for i, v in zip(body, values or [], strict=False):
            if records[i][col] != v:
                changes.append(
                    f"row {lines[i]}, field {field!r}, rule 'derived': is {records[i][col]!r}, computed {v!r}"
                )
                records[i][col] = v
    new = csv_text(records, verbatim)
    if new == text:
        return None
    what = changes[0] if changes else _layout_problem(text, records, lines, names, verbatim)
    return Stale(res["path"], what, new)


def table_list(desc: dict) -> str:
    """The README's table list (markers included): name, rows and description of each table."""
    lines = [START, "", "| table | rows | what it holds |", "|---|---:|---|"]
    for res in desc["resources"]:
        got = _records(paths.data_dir() / res["path"])
        rows = sum(1 for r in got[1][1:] if r) if got else "?"
        what = " ".join(res.get("description", "").split()).replace("|", "\\|")
        lines.append(f"| `{res['name']}` | {rows} | {what} |")
    return "\n".join(lines + ["", END])


def _readme_stale(desc: dict) -> Stale | str | None:
    path = paths.data_dir() / "README.md"
    if not path.is_file():
        return "README.md, row -, field -, rule 'missing file': the data folder has no README.md"
    text = path.read_text(encoding="utf-8")
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        return f"README.md, row -, field -, rule 'markers': the README must hold {START} and then {END} once each"
    head, rest = text.split(START)
    new = head + table_list(desc) + rest.split(END)[1]
    if new == text:
        return None
    old_lines, new_lines = text.split("\n"), new.split("\n")
    size = max(len(old_lines), len(new_lines))
    old_lines += [""] * (size - len(old_lines))
    new_lines += [""] * (size - len(new_lines))
    i = next(i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)) if a != b)
    return Stale(
        "README.md",
        f"row {i + 1}, rule 'table list': the table list between {START} and {END} "
        f"does not match datapackage.json and the CSV files (the line reads {old_lines[i][:70]!r}, "
        f"it should read {new_lines[i][:70]!r})",
        new,
    )


def _version_stale(text: str, desc: dict) -> Stale | None:
    if desc.get("version") == __version__:
        return None
    top = re.compile(r'^  "version": "[^"\n]*"', re.M)
    if len(top.findall(text)) == 1:
        new = top.sub(f'  "version": {json.dumps(__version__)}', text)
    else:
        new = json.dumps({**desc, "version": __version__}, ensure_ascii=False, indent=2) + "\n"
    return Stale(
        data.DESCRIPTOR, f"version is {desc.get('version')!r}, kzdecentral.__version__ is {__version__!r}", new
    )


def stale() -> tuple[list[Stale], list[str]]:
    """(what is stale, problems that keep it from being computed)."""
    text, desc = _descriptor()
    found = [_version_stale(text, desc), _readme_stale(desc)]
    found += [_csv_stale(desc, res) for res in desc["resources"]]
    return [s for s in found if isinstance(s, Stale)], [s for s in found if isinstance(s, str)]


# ---------------------------------------------------------------- rules and commands


def descriptor_problems(desc: dict) -> list[str]:
    """The descriptor's rules beyond Frictionless: ``verbatim`` is boolean; one list of sections."""
    out, sections = [], None
    for res in desc["resources"]:
        for f in res["schema"]["fields"]:
            where = f"{data.DESCRIPTOR}, row -, field '{res['name']}.{f['name']}'"
            if "verbatim" in f and not isinstance(f["verbatim"], bool):
                out.append(f"{where}, rule 'verbatim': must be true or false, not {f['verbatim']!r}")
            if f["name"] == "section":
                enum = f.get("constraints", {}).get("enum")
                if sections is None:
                    sections = (res["name"], enum)
                elif enum != sections[1]:
                    out.append(
                        f"{where}, rule 'sections': its enum differs from that of "
                        f"'{sections[0]}.section'; every table allows the same sections"
                    )
    return out


def check() -> list[str]:
    """Every problem and every stale thing, one line each (empty: all is well)."""
    try:
        desc = data.package()
    except data.DataError as e:
        return [f"error: {e}"]
    out = [f"error: {p}" for p in descriptor_problems(desc)]
    for name in data.resources():
        try:
            data.load(name)
        except data.DataError as e:
            out.append(f"error: {e}")
    found, problems = stale()
    return out + [f"error: {p}" for p in problems] + [f"stale: {s}" for s in found]


def write() -> list[str]:
    """Rewrite every stale derived thing; the files written. A broken descriptor raises DataError."""
    data.package()
    found, _ = stale()
    for s in found:
        (paths.data_dir() / s.file).write_text(s.text, encoding="utf-8", newline="\n")
    return [f"{s.file} ({s.what})" for s in found]


def main(argv: list[str]) -> int:
    if argv not in (["check"], ["write"]):
        print("usage: python -m kzdecentral.datapackage check|write", file=sys.stderr)
        return 2
    where = paths.data_dir()
    try:
        if argv == ["write"]:
            written = write()
            print("\n".join(f"wrote {w}" for w in written) or f"data package in {where}: nothing to write")
            return 0
        problems = check()
    except (data.DataError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"data package in {where}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"data package in {where}: valid, everything derived is current")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
