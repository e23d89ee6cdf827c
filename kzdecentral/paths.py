"""Where the edition's files are, found from this package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the folder holding ``_config.yml``).
ROOT = Path(__file__).resolve().parent.parent
#: The data package. ``KZDEC_DATA_DIR`` points the loader elsewhere (tests use it).
DATA_DIR = Path(os.environ.get("KZDEC_DATA_DIR", ROOT / "data")).resolve()
#: The chapters.
BOOK_DIR = ROOT / "book"


def data_dir() -> Path:
    """The data folder in force now (re-reads ``KZDEC_DATA_DIR``)."""
    return Path(os.environ.get("KZDEC_DATA_DIR", ROOT / "data")).resolve()
