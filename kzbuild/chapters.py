"""The chapters of the book, and each as the notebook myst-nb executes.

The build (:mod:`kzbuild.build`) executes these notebooks into the cache and the downloads
(:mod:`kzbuild.downloads`) look them up there, so both read a chapter the same way: with the
hidden fingerprint cell (:mod:`kzbuild.fingerprint`) and stable cell ids.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kzdecentral import paths

from . import fingerprint, settings
from .kernel import apply_aliases


def chapters(root: Path = paths.ROOT) -> list[Path]:
    """The chapter files of ``_toc.yml``, in order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        files += [c["file"] for c in part.get("chapters", [])]
    return [root / f"{f}.md" for f in files]


def chapter_text(path: Path) -> str:
    """The chapter's MyST text as myst-nb sees it (with the fingerprint cell)."""
    return fingerprint.with_fingerprint(path.read_text(encoding="utf-8"))[0]


def read_chapter(path: Path):
    """The chapter as the notebook myst-nb executes (fingerprint cell included)."""
    from myst_nb.core.read import read_myst_markdown_notebook

    nb = read_myst_markdown_notebook(chapter_text(path), path=path)
    apply_aliases(nb, settings.KERNEL_ALIASES)
    for i, cell in enumerate(nb.cells):  # stable ids (not random): a rebuild gives the same file
        cell.id = f"{path.stem}-{i}"
    return nb
