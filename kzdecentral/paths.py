"""Where the edition's files are, found from this package, never from the working directory,
and which data files this process has read (the loader notes each file it opens)."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the folder holding ``_config.yml``).
ROOT = Path(__file__).resolve().parent.parent
#: The data package. ``KZDEC_DATA_DIR`` points the loader elsewhere (tests use it).
DATA_DIR = Path(os.environ.get("KZDEC_DATA_DIR", ROOT / "data")).resolve()
#: The chapters.
BOOK_DIR = ROOT / "book"

#: Data files the loader opened in this process (see :func:`record_read`).
READS: list[Path] = []


def data_dir() -> Path:
    """The data folder in force now (re-reads ``KZDEC_DATA_DIR``)."""
    return Path(os.environ.get("KZDEC_DATA_DIR", ROOT / "data")).resolve()


def record_read(path: Path) -> None:
    """Note that a data file was read (the loader calls this for every file it opens).

    The paths go to :data:`READS` and, when ``KZDEC_READS_LOG`` names a file, are appended to
    it, one a line: a chapter run in a kernel reports its reads that way (the build room's
    tests check them against the files the execution fingerprint hashes).
    """
    path = Path(path).resolve()
    READS.append(path)
    log = os.environ.get("KZDEC_READS_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{path}\n")
