"""The execution cache is correct: a rebuild with nothing changed executes nothing, and a
changed data file re-executes exactly the chapters that read it, whose pages then show it."""

from __future__ import annotations

import csv
import io

import pytest

from helpers import copy_repo, executed, run_build


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
    import sys
    sys.path.insert(0, str(repo))
    try:
        from kzdecentral import build, deps
        readers = {p.name for p in build.chapters(repo)
                   if "survey_answers" in deps.tables_read(p.read_text(encoding="utf-8"), repo / "data")}
    finally:
        sys.path.remove(str(repo))
    assert "survey.md" in readers

    path = repo / "data" / "survey_answers.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    old = rows[-1]["answer_label"]
    rows[-1]["answer_label"] = old + " EDITED"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")

    out = run_build(repo)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    assert executed(log) == readers, log[-3000:]
    page = (repo / "_build" / "html" / "book" / "survey.html").read_text(encoding="utf-8")
    assert old + " EDITED" in page

    # and once more: nothing changed since, nothing runs
    out = run_build(repo)
    assert executed(out.stdout + out.stderr) == set()
