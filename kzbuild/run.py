"""Run chapters on their own, as a researcher does outside the book build.

``python -m kzbuild.run book/survey.md [book/audit.md ...]`` executes each chapter the way
Jupyter would (jupytext reads the MyST file; nbclient runs it in a fresh ``python3`` kernel with
the chapter's folder as working directory), writes the executed notebook to
``_build/rerun/NAME.ipynb`` and exits non-zero, naming the chapter, if a cell raises.
The data are found through the package, never through absolute paths.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kzdecentral import paths

from . import settings

OUT = paths.ROOT / "_build" / "rerun"


def run_chapter(chapter: Path, out_dir: Path | None = OUT, timeout: int = settings.TIMEOUT):
    """Execute one chapter; return the executed notebook (and write it to ``out_dir``)."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    chapter = Path(chapter).resolve()
    nb = jupytext.read(chapter)
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(chapter.parent)}}).execute()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out_dir / f"{chapter.stem}.ipynb")
    return nb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("chapters", nargs="+", type=Path, help="chapter files, e.g. book/survey.md")
    args = ap.parse_args(argv)
    failed = []
    for chapter in args.chapters:
        t = time.perf_counter()
        try:
            run_chapter(chapter)
        except Exception as exc:  # report every chapter, then fail
            failed.append(chapter)
            print(f"FAILED {chapter}:\n{exc}", file=sys.stderr)
            continue
        print(f"ran {chapter} in {time.perf_counter() - t:.1f} s -> {OUT / (chapter.stem + '.ipynb')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
