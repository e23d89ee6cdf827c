"""The data chapter's generated text: complete, linked, and showing labels as plain text."""

from __future__ import annotations

import pandas as pd
import pytest

from kzbuild import fingerprint
from kzdecentral import data, paths, prose


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return data.load_all()


def test_every_table_field_and_file_is_described(tables):
    text = prose.describe(tables)
    for res in data.package()["resources"]:
        assert f"{{download}}`{res['path']} <../data/{res['path']}>`" in text
        assert f"{len(tables[res['name']])} row" in text
        for f in res["schema"]["fields"]:
            assert f"| {prose.md_escape(f['name'])} | {f.get('type', 'string')} |" in text


def test_markup_in_a_label_shows_as_text(tables):
    # the chapter shows values from the data in each table's list of the article's sections
    name = next(n for n, t in tables.items() if "section" in t)
    df = tables[name].copy()
    col = "section"
    df[col] = df[col].astype(object)
    df.loc[df.index[0], col] = "<script>alert(1)</script> and <b>bold</b>"
    text = prose.describe({**tables, name: df})
    assert "<script>" not in text and "<b>" not in text
    assert r"\<script\>alert\(1\)\<\/script\>" in text


def test_md_escape_escapes_markdown_and_myst_syntax():
    assert prose.md_escape("a|b {role}`x` *y* <i>") == r"a\|b \{role\}\`x\` \*y\* \<i\>"


def test_every_check_is_listed():
    text = prose.describe_checks()
    for key in data.CHECKS:
        assert prose.md_escape(key) + ":" in text


def test_data_chapter_reads_every_table_through_load_all():
    chapter = (paths.BOOK_DIR / "data.md").read_text(encoding="utf-8")
    assert "load_all" in fingerprint.code_of(chapter)
    assert fingerprint.tables_read(chapter) == sorted(data.resources())
