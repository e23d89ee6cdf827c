"""The table of the article's paragraphs (data/article_paragraphs.csv) against the article itself:
ids, order, first words at the given line, and every printed line covered by exactly one row."""

from __future__ import annotations

import itertools
import re

import pytest

from kzbuild import paragraph_table as table
from kzdecentral import data, paths

from conftest import ARTICLE, need

CSV = paths.ROOT / "data" / table.FILE
HEADER, ROWS = table.read(CSV)
SLUGS = [
    "front",
    "abstract-en",
    "abstract-kk",
    "abstract-ru",
    "introduction",
    "methods",
    "survey-methodology",
    "discussion",
    "results",
    "conclusion",
    "funding",
    "references",
]
KINDS = {"heading", "paragraph", "list item", "caption", "reference", "funding note"}
_RUN = re.compile(r"\*+")


def printed_lines(lines: list[str]) -> list[str]:
    """The article's lines as printed: the text source writes emphasis with asterisks
    (``*…*``, ``**…**``), which are not printed. A run of asterisks after a space or the start
    opens, one before a space, punctuation or the end closes; an opener and its closer lose as
    many asterisks as the shorter run has, so ``**e-mail…*`` keeps one printed asterisk and the
    superscript ``^{*2}`` stays as it is."""
    text = "\n".join(lines)
    cut, stack = set(), []
    for m in _RUN.finditer(text):
        before = text[m.start() - 1] if m.start() else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        if not before.isspace() and (after.isspace() or after in ".,;:"):
            if stack:
                o = stack.pop()
                k = min(o.end() - o.start(), m.end() - m.start())
                cut.update(range(o.end() - k, o.end()))
                cut.update(range(m.start(), m.start() + k))
        elif before.isspace() and not after.isspace():
            stack.append(m)
    return "".join(c for i, c in enumerate(text) if i not in cut).split("\n")


@pytest.fixture(scope="module")
def article() -> list[str]:
    need(ARTICLE.is_file(), f"the source article is not at {ARTICLE}")
    return printed_lines(ARTICLE.read_text(encoding="utf-8").split("\n"))


def straight(s: str) -> str:
    """The CSV writes the article's straight quotation marks as “ ”; undo that to compare."""
    return s.replace("“", '"').replace("”", '"')


def starts(article: list[str]) -> list[int]:
    """Where each row's first words begin on its line (column), checked on the way."""
    cols = []
    for i, row in enumerate(ROWS):
        line = article[int(row["line"]) - 1]
        words = straight(row["first_words"]).split()[0]  # the rest may run over the next lines
        prev = ROWS[i - 1] if i else None
        lo = 0
        if prev is not None and prev["line"] == row["line"]:  # a run-in heading, then its paragraph
            lo = cols[-1] + len(straight(prev["first_words"]))
        col = line.find(words, lo)
        assert col >= 0, f"row {i + 2} ({row['para_id']}): {words!r} is not printed at line {row['line']}"
        assert line[lo:col].strip() in ("", "-"), (
            f"row {i + 2} ({row['para_id']}): {line[lo:col]!r} is printed before the first words"
        )
        cols.append(col)
    return cols


def test_loader_reads_the_table():
    df = data.load("article_paragraphs")
    assert list(df.columns) == HEADER
    assert len(df) == len(ROWS) > 0


def test_ids_unique_and_well_formed():
    ids = [r["para_id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    for pid in ids:
        assert re.fullmatch(r"^[a-z]+(-[a-z]+)*-\d+$", pid), pid


def test_ids_number_each_part_from_one_in_printed_order():
    seen: dict[str, int] = {}
    slugs = []
    for r in ROWS:
        slug, n = r["para_id"].rsplit("-", 1)
        seen[slug] = seen.get(slug, 0) + 1
        assert int(n) == seen[slug], r["para_id"]
        if not slugs or slugs[-1] != slug:
            slugs.append(slug)
    assert slugs == SLUGS  # each part once, in the printed sequence


def test_order_contiguous_and_lines_ascending():
    assert [int(r["order"]) for r in ROWS] == list(range(1, len(ROWS) + 1))
    lines = [(int(r["line"]), int(r["last_line"])) for r in ROWS]
    for (a, b), (c, d) in itertools.pairwise(lines):
        assert a <= b and (c > b or (c == b == a)), (a, b, c, d)


def test_kinds_and_sections():
    sections = next(f for f in data.package()["resources"] if f["name"] == "citations")["schema"]["fields"]
    enum = next(f for f in sections if f["name"] == "section")["constraints"]["enum"]
    assert {r["kind"] for r in ROWS} == KINDS
    assert all(r["section"] in enum for r in ROWS)
    assert sum(r["kind"] == "reference" for r in ROWS) == 17
    assert [r["kind"] for r in ROWS if r["para_id"].startswith("funding-")] == ["funding note"]


def test_first_words_are_the_rows_first_words_as_printed(article):
    """At most 8 words, and exactly the first ones of the row's text (a row's text runs from its
    start to its last line, or to where the next row starts on the same line)."""
    cols = starts(article)
    for i, row in enumerate(ROWS):
        first, last = int(row["line"]), int(row["last_line"])
        text = article[first - 1][cols[i] :]
        nxt = ROWS[i + 1] if i + 1 < len(ROWS) else None
        if nxt is not None and nxt["line"] == row["line"]:
            text = article[first - 1][cols[i] : cols[i + 1]]
        text = " ".join([text, *article[first:last]])
        tokens = text.split()
        if tokens[:1] == ["-"]:
            tokens = tokens[1:]
        words = straight(row["first_words"]).split()
        assert 0 < len(words) <= 8, row["para_id"]
        assert words == tokens[:8], f"{row['para_id']}: {words} != {tokens[:8]}"


def test_every_printed_line_is_in_exactly_one_row(article):
    """A real coverage check: a paragraph missing from the table, or a row swallowing the next
    paragraph, fails. Rows may share a line only where a heading is run in."""
    covered: dict[int, list[str]] = {}
    for row in ROWS:
        first, last = int(row["line"]), int(row["last_line"])
        assert article[first - 1].strip() and article[last - 1].strip(), row["para_id"]
        for n in range(first, last + 1):
            if article[n - 1].strip():
                covered.setdefault(n, []).append(row["para_id"])
            else:  # a blank line inside a row: only a page break in mid-sentence
                before = article[n - 2].rstrip()
                assert before and before[-1] not in '.:;!?"', (
                    f"{row['para_id']} spans the blank line {n} after a finished sentence"
                )
    blank_free = [n for n, text in enumerate(article, 1) if text.strip()]
    missing = [n for n in blank_free if n not in covered]
    assert not missing, f"printed lines in no row: {missing}"
    shared = {n: ids for n, ids in covered.items() if len(ids) > 1}
    for n, ids in shared.items():
        kinds = [next(r["kind"] for r in ROWS if r["para_id"] == pid) for pid in ids]
        assert len(ids) == 2 and kinds[0] == "heading", (n, ids)


def test_run_in_headings_are_flagged():
    by_line: dict[str, list[dict]] = {}
    for r in ROWS:
        by_line.setdefault(r["line"], []).append(r)
    run_in = [rows[0] for rows in by_line.values() if len(rows) > 1]
    assert [r["first_words"] for r in run_in] == ["Abstract.", "Андатпа.", "Аннотация.", "Discussion."]
    assert all("run in" in r["note"] for r in run_in)


def test_file_is_kept_in_its_canonical_form():
    """What ``python -m kzbuild.paragraphs write`` writes back: only ``chapters`` can change."""
    assert table.serialize(HEADER, ROWS) == CSV.read_text(encoding="utf-8")
