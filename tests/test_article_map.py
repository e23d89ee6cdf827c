"""Pointers to the article's paragraphs ({para}) and the map of the article (kzbuild.paragraphs):
the ids the chapters use exist, the derived ``chapters`` column is current, the role and the map
render as specified (in a small Sphinx project built in a temporary folder, and in the built
book), an unknown id fails the strict build by name, and data text never becomes markup."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kzbuild import paragraph_table as table
from kzdecentral import paths

CSV = paths.ROOT / "data" / table.FILE
BOOK_MD = sorted(paths.BOOK_DIR.glob("*.md"))


# ------------------------------------------------------------------ the chapters and the table


def test_every_id_used_in_the_book_exists():
    rows = table.read(CSV)[1]
    found = table.pointers(BOOK_MD)
    assert found, "no {para} pointer in book/"
    bad = [f"{p.file.name}, line {p.line}: {pid}" for p, pid in table.unknown_ids(rows, found)]
    assert not bad, bad


def test_chapters_column_is_current():
    problems = table.stale(CSV, paths.BOOK_DIR, paths.ROOT)
    assert not problems, "\n".join(problems) + "\nrun: python -m kzbuild.paragraphs write"


def test_check_command_fails_on_a_stale_column(tmp_path, monkeypatch):
    header, rows = table.read(CSV)
    pointed = next(r for r in rows if r["chapters"])
    copy = tmp_path / table.FILE
    shutil.copy(CSV.with_name("datapackage.json"), tmp_path)  # a data folder holds its descriptor
    copy.write_text(table.serialize(header, [{**r, "chapters": ""} for r in rows]), encoding="utf-8")
    monkeypatch.setenv("KZDEC_DATA_DIR", str(tmp_path))
    cmd = [sys.executable, "-m", "kzbuild.paragraphs"]
    env = {"KZDEC_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    check = subprocess.run([*cmd, "check"], capture_output=True, text=True, env=env, cwd=paths.ROOT)
    assert check.returncode == 1
    assert f"{pointed['para_id']} holds ''" in check.stderr and "field 'chapters'" in check.stderr
    assert "run `python -m kzbuild.paragraphs write`" in check.stderr
    write = subprocess.run([*cmd, "write"], capture_output=True, text=True, env=env, cwd=paths.ROOT)
    assert write.returncode == 0, write.stderr
    assert copy.read_text(encoding="utf-8") == CSV.read_text(encoding="utf-8")
    again = subprocess.run([*cmd, "check"], capture_output=True, text=True, env=env, cwd=paths.ROOT)
    assert again.returncode == 0, again.stderr


def test_pointer_scanner_skips_code_and_reads_directives(tmp_path):
    md = tmp_path / "x.md"
    md.write_text(
        "# T\n\nProse {para}`intro-1`\nand more {para}`intro-2 intro-3`.\n\n"
        "Code ``{para}`no-1` `` here.\n\n```{code-cell} ipython3\n'{para}`no-2`'\n```\n\n"
        "```{note}\n:class: tip\nIn a note {para}`note-1`.\n```\n",
        encoding="utf-8",
    )
    found = [(p.line, p.ids) for p in table.pointers([md])]
    assert found == [(3, ("intro-1",)), (4, ("intro-2", "intro-3")), (14, ("note-1",))]


# ------------------------------------------------------------------ a small Sphinx project

MAP_ROWS = [
    {"para_id": "discussion-1", "section": "Discussion", "kind": "heading", "first_words": "Discussion."},
    {
        "para_id": "discussion-2",
        "section": "Discussion",
        "kind": "paragraph",
        "first_words": "Effective <b>differentiation</b> & <script>x</script>",
        "note": "A <i>note</i>.",
    },
    {
        "para_id": "discussion-3",
        "section": "Discussion",
        "kind": "paragraph",
        "first_words": "Third",
        "left_out": "the <em>image</em> is not in the text",
    },
    {"para_id": "funding-1", "section": "Discussion", "kind": "funding note", "first_words": "The article"},
]


def _project(root: Path, chapter: str) -> Path:
    src = root / "src"
    (src / "data").mkdir(parents=True)
    (src / "part").mkdir()
    header, rows = table.read(CSV)
    fake = [
        {**{h: "" for h in header}, "order": str(i), "line": str(i), "last_line": str(i), "locator": "x", **r}
        for i, r in enumerate(MAP_ROWS, 1)
    ]
    (src / "data" / table.FILE).write_text(table.serialize(header, fake), encoding="utf-8")
    shutil.copy(CSV.with_name("article_titles.csv"), src / "data")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'kzbuild.paragraphs']\nexclude_patterns = ['data']\n"
        "article_map_docname = 'article_map'\nproject = 'mini'\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text("# Mini\n\n```{toctree}\npart/chapter\narticle_map\n```\n", encoding="utf-8")
    (src / "part" / "chapter.md").write_text(chapter, encoding="utf-8")
    (src / "article_map.md").write_text("# Map\n\n```{article-map}\n```\n", encoding="utf-8")
    return src


def _sphinx(src: Path, out: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "--keep-going", "-q", str(src), str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


CHAPTER = "# Chapter\n\n## Kinds of decentralization\n\nThree kinds. {para}`discussion-1 discussion-2`\n"


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mini")
    src = _project(root, CHAPTER)
    res = _sphinx(src, root / "out")
    assert res.returncode == 0, res.stderr
    return root


def test_role_renders_a_superscript_link_from_a_nested_page(mini):
    page = (mini / "out" / "part" / "chapter.html").read_text(encoding="utf-8")
    label = "Article paragraphs discussion-1, discussion-2"
    expected = (
        f'<sup class="article-para" data-article-para="discussion-1 discussion-2">'
        f'<a class="article-para-link" href="../article_map.html#discussion-1" '
        f'title="{label}" aria-label="{label}">¶</a></sup>'
    )
    assert expected in page


def test_map_links_back_to_the_section_and_never_turns_data_into_markup(mini):
    page = (mini / "out" / "article_map.html").read_text(encoding="utf-8")
    row = re.search(r'<tr[^>]*id="discussion-2".*?</tr>', page, re.S).group(0)
    assert 'href="part/chapter.html#kinds-of-decentralization"' in row
    assert "Chapter › Kinds of decentralization" in row
    assert "&lt;b&gt;differentiation&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;" in row
    assert "&lt;i&gt;note&lt;/i&gt;" in row
    assert "<b>" not in page and "<script>x" not in page and "<i>note" not in page
    left = re.search(r'<tr[^>]*id="discussion-3".*?</tr>', page, re.S).group(0)
    assert "Left out: " in left and "the &lt;em&gt;image&lt;/em&gt; is not in the text" in left
    assert 'id="map-discussion"' in page and 'id="map-funding"' in page
    assert "Funding note" in page  # a part filed under the section of the part before it


def test_unknown_id_fails_the_strict_build_by_document_line_and_id(tmp_path):
    src = _project(tmp_path, "# Chapter\n\nText.\n\nMore text. {para}`discussion-2 nowhere-9`\n")
    res = _sphinx(src, tmp_path / "out")
    assert res.returncode != 0
    assert re.search(
        r"part/chapter\.md:5: WARNING: \{para\} in part/chapter, line 5: "
        r"unknown article paragraph id 'nowhere-9'",
        res.stderr,
    ), res.stderr


def test_removing_a_pointer_updates_the_map_on_an_incremental_build(tmp_path):
    src = _project(tmp_path, CHAPTER)
    out = tmp_path / "out"
    assert _sphinx(src, out).returncode == 0
    assert "part/chapter.html#" in (out / "article_map.html").read_text(encoding="utf-8")
    (src / "part" / "chapter.md").write_text("# Chapter\n\nNo pointer now.\n", encoding="utf-8")
    res = _sphinx(src, out)
    assert res.returncode == 0, res.stderr
    assert "part/chapter.html#" not in (out / "article_map.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the built book


class _Rows(HTMLParser):
    """The map's rows: id → the chapter pages its "Retold in" cell links to."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[str]] = {}
        self.current, self.cell = None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and a.get("id"):
            self.current, self.cell = a["id"], 0
            self.rows[self.current] = []
        elif tag == "td" and self.current:
            self.cell += 1
        elif tag == "a" and self.current and self.cell == 4:
            self.rows[self.current].append(a["href"].split("#")[0].rsplit("/", 1)[-1].removesuffix(".html"))

    def handle_endtag(self, tag):
        if tag == "tr":
            self.current = None


def test_built_map_has_every_row_and_agrees_with_the_chapters_column(built_book):
    parser = _Rows()
    parser.feed((built_book / "book" / "article_map.html").read_text(encoding="utf-8"))
    rows = table.read(CSV)[1]
    assert list(parser.rows) == [r["para_id"] for r in rows]
    for r in rows:
        assert list(dict.fromkeys(parser.rows[r["para_id"]])) == r["chapters"].split(), r["para_id"]


def test_built_pointer_links_to_an_existing_map_entry(built_book):
    page = (built_book / "book" / "types_and_models.html").read_text(encoding="utf-8")
    m = re.search(
        r'<sup class="article-para" data-article-para="([^"]+)"><a class="article-para-link" '
        r'href="([^"]+)" title="([^"]+)" aria-label="([^"]+)">¶</a></sup>',
        page,
    )
    assert m, "no pointer on the types-and-models page"
    ids, href, title, label = m.groups()
    assert ids == "discussion-2 discussion-3" and href == "article_map.html#discussion-2"
    assert title == label == "Article paragraphs discussion-2, discussion-3"
    target = (built_book / "book" / "article_map.html").read_text(encoding="utf-8")
    assert 'id="discussion-2"' in target
