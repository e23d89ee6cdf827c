"""The rerun path: each chapter executes on its own, as a researcher runs it from Jupyter or the
command line (``python -m kzbuild.run``), with the chapter's folder as working directory, and
it reads exactly the data the build's cache fingerprint says it reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzbuild import fingerprint
from kzbuild.chapters import chapters
from kzbuild.run import run_chapter
from kzdecentral import paths

CHAPTERS = [p for p in chapters() if "{code-cell}" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_chapter_runs_standalone(chapter: Path, tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    monkeypatch.setenv("KZDEC_READS_LOG", str(log))
    monkeypatch.delenv("KZDEC_DATA_DIR", raising=False)
    nb = run_chapter(chapter, out_dir=tmp_path)
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert errors == []
    reads = {Path(line) for line in log.read_text(encoding="utf-8").split()} if log.exists() else set()
    declared = set(fingerprint.files_read(chapter.read_text(encoding="utf-8")))
    undeclared = {p for p in reads if paths.DATA_DIR in p.parents} - declared
    assert undeclared == set(), (
        f"{chapter.name} read data the build does not hash for its cache: {sorted(undeclared)}; "
        'name each table as a string literal: data.load("table")'
    )
