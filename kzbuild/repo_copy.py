"""Copies of the repository built in a temporary folder: what the build tests and the
benchmark (``tools/bench.py``) build, edit and rebuild, and how they read the build's log."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kzdecentral import paths

SKIP = shutil.ignore_patterns(".venv", ".git", ".pytest_cache", "__pycache__", ".bench", "*.egg-info")


def copy_repo(dst: Path, with_build: bool) -> Path:
    """A copy of the repository (and, if asked, of its _build with the execution cache)."""
    ignore = (
        SKIP
        if with_build
        else shutil.ignore_patterns("_build", ".venv", ".git", ".pytest_cache", "__pycache__", ".bench", "*.egg-info")
    )
    shutil.copytree(paths.ROOT, dst, ignore=ignore, symlinks=True)
    return dst


def run_build(repo: Path, *args: str, plain: bool = False) -> subprocess.CompletedProcess:
    """Build the copy with its own package (PYTHONPATH points at the copy)."""
    env = {**os.environ, "PYTHONPATH": str(repo)}
    env.pop("KZDEC_DATA_DIR", None)
    if plain:
        cmd = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(repo), "-W", "-n", "--keep-going"]
    else:
        cmd = [sys.executable, "-m", "kzbuild.build", *args]
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=1800)


def executed(output: str) -> set[str]:
    """Chapters executed during a build, from its log (our parallel step and myst-nb's own)."""
    names = set()
    for line in output.splitlines():
        if line.startswith("kzbuild.build: executed "):
            names.add(line.split()[2])
        elif "Executing notebook" in line and ": Executing" in line:
            names.add(Path(line.split(": Executing")[0]).name)
    return {Path(n).name for n in names}


def edit_survey_label(repo: Path, suffix: str, row: int = -1) -> tuple[str, str]:
    """A real, valid edit of one CSV: append ``suffix`` to one answer label. Returns (old, new)."""
    import csv
    import io

    path = repo / "data" / "survey_answers.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    old = rows[row]["answer_label"]
    rows[row]["answer_label"] = old + suffix
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return old, old + suffix
