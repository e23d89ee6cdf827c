"""The chapters' code stays short and reads the data as the loader types them.

Every chapter (``book/*.md``) is checked, cell by cell: no code cell is longer than
:data:`MAX_LINES` lines (the glue calls sit beside the paragraphs they serve, in short cells),
and no code compares a value with the strings "true", "false", "yes" or "no" or lower-cases a
column turned into text (``.astype(str)...lower()``): the loader returns real booleans, so a
boolean column is used as it is (``df[df["corresponding"]]``, ``.sum()``).
"""

from __future__ import annotations

import ast
import re

import pytest

from kzbuild.fingerprint import code_of
from kzdecentral import paths

MAX_LINES = 30
BOOL_WORDS = {"true", "false", "yes", "no"}
CHAPTERS = sorted((paths.ROOT / "book").glob("*.md"))
_CELL = re.compile(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n.*?^\1\s*$", re.S | re.M)
_ASTYPE_STR_LOWER = re.compile(r"\.astype\(\s*str\s*\)[\w\s.()\[\]\"']*?\.lower\(")


def cells_of_text(text: str) -> list[str]:
    """The code of each code cell of a MyST text, options stripped (kzbuild.fingerprint.code_of)."""
    return [code_of(m.group(0)) for m in _CELL.finditer(text)]


def cells(path) -> list[str]:
    return cells_of_text(path.read_text(encoding="utf-8"))


def lines(code: str) -> int:
    return len(code.strip("\n").splitlines())


def bool_string_uses(code: str) -> list[str]:
    """Where the code compares with, or looks up, "true"/"false"/"yes"/"no", or lower-cases text
    made with ``.astype(str)``."""
    found = [m.group(0) for m in _ASTYPE_STR_LOWER.finditer(code)]
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        operands = []
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"isin", "eq", "ne"}
        ):
            operands = list(node.args)
        for op in operands:
            for sub in ast.walk(op):
                if (
                    isinstance(sub, ast.Constant)
                    and isinstance(sub.value, str)
                    and sub.value.strip().lower() in BOOL_WORDS
                ):
                    found.append(ast.get_source_segment(code, node) or sub.value)
    return found


def test_the_checks_can_fail():
    assert bool_string_uses('df[df["corresponding"].astype(str).str.lower() == "true"]')
    assert bool_string_uses('x = str(r["corresponding"]).lower() == "true"')
    assert bool_string_uses('df[df["flag"].isin(["yes", "Yes"])]')
    assert not bool_string_uses('df[df["corresponding"]]\nn = df["flag"].sum()')
    assert not bool_string_uses('df[df["kind"] == "paragraph"]')
    two = "```{code-cell} ipython3\n:tags: [x]\n\na = 1\n```\n\ntext\n\n```{code-cell} ipython3\nb = 2\nc = 3\n```\n"
    assert [lines(c) for c in cells_of_text(two)] == [1, 2]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_chapter_compares_booleans_as_strings(chapter):
    bad = [use for cell in cells(chapter) for use in bool_string_uses(cell)]
    assert not bad, (
        f"{chapter.name}: the loader returns real booleans; use the column as it is (df[df['col']], .sum()), not {bad}"
    )


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_code_cell_of_a_chapter_is_long(chapter):
    long = [(i, n) for i, cell in enumerate(cells(chapter), 1) if (n := lines(cell)) > MAX_LINES]
    assert not long, (
        f"{chapter.name}: code cells longer than {MAX_LINES} lines "
        f"(cell number, lines): {long}; glue beside the paragraph, move helpers to "
        "kzdecentral"
    )
