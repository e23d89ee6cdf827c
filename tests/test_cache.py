"""The execution cache is correct: a rebuild with nothing changed executes nothing, and a
changed data file re-executes exactly the chapters that read it, whose pages then show it."""

from __future__ import annotations

import pytest

from kzbuild import fingerprint
from kzbuild.chapters import chapters
from kzbuild.repo_copy import copy_repo, edit_survey_label, executed, run_build


@pytest.fixture(scope="module")
def repo(tmp_path_factory, built_book):
    return copy_repo(tmp_path_factory.mktemp("cache") / "repo", with_build=True)


def test_rebuild_with_nothing_changed_executes_nothing(repo):
    out = run_build(repo)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    assert "nothing to execute" in log
    assert executed(log) == set(), log[-3000:]


def test_changed_csv_reexecutes_exactly_its_readers(repo):
    readers = {p.name for p in chapters(repo)
               if "survey_answers" in fingerprint.tables_read(p.read_text(encoding="utf-8"), repo / "data")}
    assert "survey.md" in readers

    old, new = edit_survey_label(repo, " EDITED")

    out = run_build(repo)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    assert executed(log) == readers, log[-3000:]
    page = (repo / "_build" / "html" / "book" / "survey.html").read_text(encoding="utf-8")
    assert new in page

    # and once more: nothing changed since, nothing runs
    out = run_build(repo)
    assert executed(out.stdout + out.stderr) == set()
