"""Write every chapter exactly as Jupytext writes it back, with the project's kernelspec.

JupyterLab (with Jupytext) saves a MyST chapter by reading it into a notebook and writing it
out again; a chapter that is not already in that form changes on the first save, even with no
edit (``tags:`` blocks become ``:tags:`` lines, captions are re-wrapped, the kernelspec
becomes the running kernel's). ``python -m kzbuild.normalize`` (``make normalize``) rewrites
every chapter once into that form; ``--check`` only lists the chapters that would change
(exit 1), which is what ``tests/test_roundtrip.py`` asserts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kzdecentral import paths

from .kernel import KERNELSPEC

FORMAT = "md:myst"


def chapter_files(book: Path = paths.ROOT / "book") -> list[Path]:
    """The MyST notebooks of ``book/`` (the Markdown files with a kernelspec)."""
    out = []
    for p in sorted(book.glob("*.md")):
        head = p.read_text(encoding="utf-8")[:2000]
        if head.startswith("---") and "kernelspec:" in head:
            out.append(p)
    return out


def written_back(path: Path, kernelspec: dict | None = KERNELSPEC) -> str:
    """The chapter as Jupytext writes it back (with ``kernelspec`` when given)."""
    import jupytext

    nb = jupytext.read(path, fmt=FORMAT)
    if kernelspec is not None:
        nb.metadata["kernelspec"] = dict(kernelspec)
    return jupytext.writes(nb, fmt=FORMAT)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="list the chapters that would change; write nothing")
    args = ap.parse_args(argv)
    changed = []
    for path in chapter_files():
        new = written_back(path)
        if new != path.read_text(encoding="utf-8"):
            changed.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    verb = "would change" if args.check else "rewrote"
    for path in changed:
        print(f"kzbuild.normalize: {verb} {path.relative_to(paths.ROOT).as_posix()}")
    if not changed:
        print("kzbuild.normalize: every chapter is as Jupytext writes it back")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
