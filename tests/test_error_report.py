"""A chapter that fails on bad data is reported in one short block a researcher reads at a
glance: the chapter, the cell, and the loader's message naming file, line, field and rule;
once per failing chapter, no colour codes, no cell source, no traceback unless asked for."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from kzbuild import errors
from kzbuild.repo_copy import copy_repo, run_build

TWO_CHAPTERS = "format: jb-book\nroot: book/index\nchapters:\n  - file: book/survey\n  - file: book/audit\n"
#: The loader's message for the corruption below: the 4th data row is line 5 of the file.
WHERE = "survey_answers.csv, row 5 (line 5 of the file, the 4th data row), field 'count', rule 'type'"


@pytest.fixture(scope="module")
def broken_repo(tmp_path_factory):
    """A copy of the repository with two chapters whose 4th survey answer has a count in words."""
    repo = copy_repo(tmp_path_factory.mktemp("errors") / "repo", with_build=False)
    (repo / "_toc.yml").write_text(TWO_CHAPTERS, encoding="utf-8")
    path = repo / "data" / "survey_answers.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[4].startswith("4,") and ",15," in lines[4]
    lines[4] = lines[4].replace(",15,", ",fifteen,", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return repo


def _run(repo, *args, **env):
    environ = {**os.environ, "PYTHONPATH": str(repo), **env}
    environ.pop("KZDEC_DATA_DIR", None)
    if not env:
        environ.pop(errors.TRACEBACK_ENV, None)
    return subprocess.run(
        [sys.executable, "-m", "kzbuild.run", *args], cwd=repo, env=environ, capture_output=True, text=True, timeout=600
    )


def _blocks(text: str) -> dict[str, list[str]]:
    """The failure blocks of a log: chapter name -> the block's lines."""
    out, current = {}, None
    for line in text.splitlines():
        if line.startswith("FAILED "):
            current = line.split()[1]
            out[current] = [line]
        elif current and line.startswith("  "):
            out[current].append(line)
        else:
            current = None
    return out


def _check_short(log: str, chapters: list[str]) -> None:
    assert "\x1b[" not in log, "colour codes in the report"
    assert "Traceback" not in log and "---------" not in log, log
    blocks = _blocks(log)
    assert sorted(blocks) == sorted(chapters), log
    for block in blocks.values():
        assert len(block) == 3, block  # the chapter, the cell, the exception's last line
        assert re.match(r"  cell \d+ \(line \d+\): \S", block[1]), block
        assert block[2].startswith("  DataError: ") and WHERE in block[2], block
    # the rule is said once per failing chapter, nowhere else
    assert log.count(WHERE) == len(chapters), log
    assert log.count("data.load(") == 0 and log.count("import pandas") <= len(chapters), log


def test_the_build_reports_each_failing_chapter_in_one_short_block(broken_repo):
    out = run_build(broken_repo)
    assert out.returncode != 0
    _check_short(out.stderr, ["book/survey.md", "book/audit.md"])
    assert "2 notebook(s) failed: " in out.stderr and "--traceback" in out.stderr
    assert len(out.stderr.strip().splitlines()) <= 12, out.stderr


def test_run_reports_in_the_same_block_and_the_traceback_only_on_request(broken_repo):
    out = _run(broken_repo, "book/survey.md")
    assert out.returncode == 1
    _check_short(out.stderr, ["book/survey.md"])
    assert "TCP without encryption" not in out.stdout + out.stderr
    assert len(out.stderr.strip().splitlines()) <= 5, out.stderr

    full = _run(broken_repo, "book/survey.md", **{errors.TRACEBACK_ENV: "1"})
    assert full.returncode == 1
    assert "\x1b[" not in full.stderr
    assert full.stderr.startswith("FAILED book/survey.md\n") and WHERE in full.stderr
    assert "DataError" in full.stderr and full.stderr.count("\n") > 10  # the traceback follows
    assert "Cell In[" in full.stderr or "File " in full.stderr, full.stderr


def test_summary_of_a_notebook_without_an_error_output_gives_the_last_line():
    block = errors.summary("book/x.md", None, "\x1b[31mTraceback\x1b[0m\n  ...\nTimeoutError: cell timed out\n")
    assert block == "FAILED book/x.md\n  TimeoutError: cell timed out"
