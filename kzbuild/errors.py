"""A failing chapter in one short block, as the build and the standalone runs print it.

A cell that raises leaves an ``error`` output in the executed notebook (its exception's name,
its message, the coloured traceback). The researcher needs three things from it: which chapter,
which cell, and the exception's last line, which for bad data is the loader's
:class:`~kzdecentral.data.DataError` naming file, line, field and rule::

    FAILED book/survey.md
      cell 2: import pandas as pd
      DataError: survey_answers.csv, row 6 (line 6 of the file, the 5th data row), field ...

No cell source beyond its first line, no colour codes, no traceback; the full traceback is
printed only on request (``--traceback`` or ``KZDEC_TRACEBACK=1``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: Terminal colour and cursor codes, as IPython writes them into tracebacks.
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
#: The opening fence of a code cell in a MyST chapter.
CODE_CELL = re.compile(r"^\s*(`{3,}|~{3,})\s*\{code-cell\}")
#: Longest first line of a cell shown in the block.
FIRST_LINE_MAX = 100
#: Setting this environment variable to 1 asks for the full traceback.
TRACEBACK_ENV = "KZDEC_TRACEBACK"


def plain(text: str) -> str:
    """``text`` without terminal colour codes."""
    return ANSI.sub("", text or "")


def traceback_wanted(flag: bool = False) -> bool:
    """The full traceback is wanted: ``--traceback`` given or ``KZDEC_TRACEBACK=1`` set."""
    return flag or os.environ.get(TRACEBACK_ENV, "").strip().lower() in ("1", "true", "yes")


def failing_cell(nb) -> tuple[int, dict, dict] | None:
    """(number among the code cells, counted from 1; the cell; its error output) of the first
    cell that raised, or None."""
    number = 0
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        number += 1
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return number, cell, out
    return None


def first_line(source: str) -> str:
    """The cell's first line of code (MyST option lines such as ``:tags:`` and blanks skipped)."""
    for line in (source or "").splitlines():
        s = line.strip()
        if s and not s.startswith(("#|", ":")):
            return s if len(s) <= FIRST_LINE_MAX else s[: FIRST_LINE_MAX - 1] + "…"
    return "(empty cell)"


def last_line(text: str) -> str:
    """The last non-blank line of a traceback or message, without colours."""
    lines = [ln.strip() for ln in plain(text).splitlines() if ln.strip()]
    return lines[-1] if lines else "(no message)"


def cell_line(chapter, number: int) -> int | None:
    """The line of the MyST chapter file where its ``number``-th code cell starts, if found."""
    try:
        text = Path(chapter).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return None
    seen = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if CODE_CELL.match(line):
            seen += 1
            if seen == number:
                return i
    return None


def summary(name: str, nb=None, error: str = "", chapter=None) -> str:
    """The block for one failing chapter: its name, the failing cell (number, line in the
    chapter file when ``chapter`` is given, first line of code) and the exception's final line."""
    found = failing_cell(nb) if nb is not None else None
    lines = [f"FAILED {name}"]
    if found:
        number, cell, out = found
        at = cell_line(chapter, number) if chapter is not None else None
        where = f"cell {number}" + (f" (line {at})" if at else "")
        lines.append(f"  {where}: {first_line(cell.get('source', ''))}")
        message = plain(out.get("evalue", "")).strip()
        final = f"{out.get('ename', 'Error')}: {message}" if message else out.get("ename", "Error")
        lines.append(f"  {final.splitlines()[0] if final else final}")
    else:  # no error output (e.g. a timeout or a dead kernel): the message's last line
        lines.append(f"  {last_line(error)}")
    return "\n".join(lines)


def full_traceback(nb=None, error: str = "") -> str:
    """The full traceback (colours removed), for ``--traceback``."""
    found = failing_cell(nb) if nb is not None else None
    if found:
        return plain("\n".join(found[2].get("traceback", [])))
    return plain(error)


def report(name: str, nb=None, error: str = "", traceback: bool = False, chapter=None) -> str:
    """The block, and under it the full traceback if asked for."""
    block = summary(name, nb, error, chapter)
    if traceback_wanted(traceback):
        block += "\n" + full_traceback(nb, error)
    return block


HINT = f"(full tracebacks: --traceback or {TRACEBACK_ENV}=1)"
