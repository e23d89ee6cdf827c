"""Every article paragraph is retold or left out; every paragraph of the article chapters points
to the article paragraphs it retells, or is marked as this edition's own."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from kzbuild import paragraph_table as table
from kzdecentral import paths

CSV = paths.ROOT / "data" / table.FILE
BOOK_MD = sorted((paths.ROOT / "book").glob("*.md"))
HTML = paths.ROOT / "_build" / "html"


def article_chapters() -> list[str]:
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    part = next(p for p in toc["parts"] if p["caption"] == "The article")
    return [c["file"] for c in part["chapters"]]


def test_every_article_paragraph_is_retold_or_left_out():
    rows = table.read(CSV)[1]
    pointed = {pid for p in table.pointers(BOOK_MD) for pid in p.ids}
    missing = [
        f"{r['para_id']} (line {r['line']}, {r['kind']}): {r['first_words']}"
        for r in rows
        if r["kind"] != "heading" and r["para_id"] not in pointed and not r["left_out"].strip()
    ]
    assert not missing, "neither retold nor left out:\n" + "\n".join(missing)
    both = [r["para_id"] for r in rows if r["left_out"].strip() and r["para_id"] in pointed]
    assert not both, f"listed as left out but pointed to: {both}"


def _unmarked_paragraphs(page: str) -> list[str]:
    soup = BeautifulSoup((HTML / page).read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article.bd-article") or soup
    bad = []
    for p in main.find_all("p"):
        if p.find_parent(["table", "figure", "figcaption", "nav", "footer", "dl"]) is not None:
            continue
        if p.find_parent(class_=re.compile(r"^(cell_output|admonition|caption|bibliography|topic)$")):
            continue
        text = " ".join(p.get_text(" ").split())
        if not text or p.find("sup", class_="article-para") is not None:
            continue
        # a list item holding several paragraphs: one mark on the item is enough
        li = p.find_parent("li")
        if li is not None and li.find("sup", class_="article-para") is not None:
            continue
        bad.append(text[:80])
    return bad


@pytest.mark.parametrize("chapter", article_chapters())
def test_every_paragraph_of_an_article_chapter_is_marked(built_book, chapter):
    """A {para} pointer, or {para}`edition` for this edition's own text, on every paragraph."""
    bad = _unmarked_paragraphs(f"{chapter}.html")
    assert not bad, f"{chapter}: paragraphs with neither a pointer nor the edition mark:\n" + "\n".join(bad)
