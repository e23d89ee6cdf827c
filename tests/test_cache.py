"""The execution cache is correct: a rebuild with nothing changed executes nothing, a
changed data file re-executes exactly the chapters that read it, whose pages then show it,
a change of the build room re-renders the pages without executing, and a change anywhere in
the content room gives the chapters that import it a new cache key."""

from __future__ import annotations

import shutil

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
    readers = {
        p.name
        for p in chapters(repo)
        if "survey_answers" in fingerprint.tables_read(p.read_text(encoding="utf-8"), repo / "data")
    }
    assert "survey.md" in readers

    old, new = edit_survey_label(repo, " EDITED")

    out = run_build(repo)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    assert executed(log) == readers, log[-3000:]
    # each reader ran once, in the execution step: myst-nb found every chapter in the cache
    # (a kernel alias applied by myst-nb but not by the step would make it run them again)
    assert "Executing notebook" not in log, log[-3000:]
    page = (repo / "_build" / "html" / "book" / "survey.html").read_text(encoding="utf-8")
    assert new in page

    # and once more: nothing changed since, nothing runs
    out = run_build(repo)
    assert executed(out.stdout + out.stderr) == set()


def test_build_room_change_rerenders_without_executing(repo):
    """A change in ``kzbuild/`` (here: a Sphinx extension) re-renders every chapter's page from
    the cache, and executes nothing: the build room is not in the execution fingerprint."""
    pages = [repo / "_build" / "html" / p.relative_to(repo).with_suffix(".html") for p in chapters(repo)]
    before = {p: p.stat().st_mtime_ns for p in pages}
    with (repo / "kzbuild" / "sphinxext.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a change of the build room only\n")
    out = run_build(repo)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    assert "nothing to execute" in log and executed(log) == set(), log[-3000:]
    assert [p.name for p in pages if p.stat().st_mtime_ns == before[p]] == [], "pages not re-rendered"


def test_content_room_change_makes_every_package_chapter_stale(repo):
    """A new module anywhere under ``kzdecentral/`` (here: a new subpackage) gives every chapter
    that imports the package a new cache key; no list of file names has to name it."""
    import os
    import subprocess
    import sys

    users = {p.name for p in chapters(repo) if "kzdecentral" in fingerprint.code_of(p.read_text(encoding="utf-8"))}
    assert "survey.md" in users
    probe = (
        "from jupyter_cache import get_cache\n"
        "from kzbuild import build, settings\nfrom kzbuild.chapters import chapters\n"
        "todo, _ = build.stale(get_cache(str(settings.CACHE)), chapters())\n"
        "print(' '.join(sorted(p.name for p in todo)))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "KZDEC_DATA_DIR"} | {"PYTHONPATH": str(repo)}

    def stale() -> set[str]:
        out = subprocess.run([sys.executable, "-c", probe], cwd=repo, env=env, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr[-3000:]
        return set(out.stdout.split())

    assert stale() == set()
    sub = repo / "kzdecentral" / "newsub"
    sub.mkdir()
    (sub / "__init__.py").write_text('"""A subpackage the fingerprint must see."""\n', encoding="utf-8")
    try:
        assert stale() == users
    finally:
        shutil.rmtree(sub)
    assert stale() == set()
