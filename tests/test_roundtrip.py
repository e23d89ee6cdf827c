"""Opening a chapter in JupyterLab (Jupytext) and saving it changes nothing: every chapter is
byte for byte what Jupytext writes back, with the project's kernelspec (``make normalize``
writes them so), and a notebook written beside a chapter never breaks the build."""

from __future__ import annotations

import jupytext
import pytest

from kzbuild import kernel, normalize
from kzbuild.repo_copy import copy_repo, run_build

CHAPTERS = normalize.chapter_files()


def test_every_chapter_is_a_notebook():
    assert len(CHAPTERS) >= 10


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_open_and_save_changes_nothing(path):
    text = path.read_text(encoding="utf-8")
    nb = jupytext.read(path, fmt="md:myst")
    assert nb.metadata["kernelspec"] == kernel.KERNELSPEC, "run `make normalize`"
    # what Jupytext's contents manager writes on save: the notebook as read, in the same format
    assert jupytext.writes(nb, fmt="md:myst") == text, f"{path.name} changes on save: run `make normalize`"


def test_a_stray_notebook_beside_a_chapter_does_not_break_the_build(tmp_path):
    repo = copy_repo(tmp_path / "repo", with_build=False)
    # a one-page book (the citation page links to no other page), beside it the notebooks that
    # `jupytext --to ipynb book/cite.md` and `... book/survey.md` leave behind
    (repo / "_toc.yml").write_text("format: jb-book\nroot: book/cite\n", encoding="utf-8")
    for name in ("cite", "survey"):
        nb = jupytext.read(repo / "book" / f"{name}.md")
        jupytext.write(nb, repo / "book" / f"{name}.ipynb")
    out = run_build(repo)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "multiple files found" not in out.stdout + out.stderr
    assert (repo / "_build" / "html" / "book" / "cite.html").is_file()
