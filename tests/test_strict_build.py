"""The build is strict: an exception in a chapter, or any Sphinx warning, fails it by name."""

from __future__ import annotations

import pytest

from kzbuild.repo_copy import copy_repo, run_build

SMALL_TOC = "format: jb-book\nroot: book/index\nchapters:\n  - file: book/survey\n"


@pytest.fixture()
def small_repo(tmp_path):
    repo = copy_repo(tmp_path / "repo", with_build=False)
    (repo / "_toc.yml").write_text(SMALL_TOC, encoding="utf-8")
    return repo


def _append(repo, text):
    p = repo / "book" / "survey.md"
    p.write_text(p.read_text(encoding="utf-8") + text, encoding="utf-8")


RAISING_CELL = "\n```{code-cell} ipython3\nraise RuntimeError('deliberate failure for the test')\n```\n"


def test_exception_in_a_chapter_fails_our_build_naming_it(small_repo):
    _append(small_repo, RAISING_CELL)
    out = run_build(small_repo)
    log = out.stdout + out.stderr
    assert out.returncode != 0
    assert "book/survey.md" in log and "deliberate failure for the test" in log


def test_exception_fails_plain_jupyter_book_build_naming_it(small_repo):
    _append(small_repo, RAISING_CELL)
    out = run_build(small_repo, plain=True)
    log = out.stdout + out.stderr
    assert out.returncode != 0
    assert "survey.md" in log and "Executing notebook failed" in log


def test_a_warning_fails_the_build(small_repo):
    _append(small_repo, "\nSee {numref}`fig-that-does-not-exist`.\n")
    out = run_build(small_repo)
    log = out.stdout + out.stderr
    assert out.returncode != 0
    assert "fig-that-does-not-exist" in log
