"""Where the edition's files are, found from this package, never from the working directory,
and which data files this process has read (the loader notes each file it opens)."""

from __future__ import annotations

import os
from pathlib import Path


def _root() -> Path:
    """The repository root: the folder holding this package and ``_config.yml``; for the package
    installed from a wheel (the replication package), the nearest folder from the working
    directory up that holds ``data/datapackage.json`` (else the working directory)."""
    here = Path(__file__).resolve().parent.parent
    if (here / "_config.yml").is_file():
        return here
    cwd = Path.cwd().resolve()
    return next((d for d in (cwd, *cwd.parents) if (d / "data" / "datapackage.json").is_file()), cwd)


#: The repository root (the folder holding ``_config.yml``).
ROOT = _root()
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
