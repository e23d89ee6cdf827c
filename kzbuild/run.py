"""Run chapters on their own, as a researcher does outside the book build.

``python -m kzbuild.run book/survey.md [book/audit.md ...]`` executes each chapter the way
Jupyter would (jupytext reads the MyST file; nbclient runs it in a fresh kernel of the
chapter's kernelspec, with the chapter's folder as working directory), writes the executed
notebook to ``_build/rerun/NAME.ipynb`` and exits non-zero if a cell raises, printing one
short block per failing chapter (its name, the cell, the exception's last line;
``--traceback`` or ``KZDEC_TRACEBACK=1`` for the full traceback). The kernel talks over Unix
sockets, as in the build. The data are found through the package, never through absolute paths.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from kzdecentral import paths

from . import errors, settings
from .kernel import kernel_manager

OUT = paths.ROOT / "_build" / "rerun"


def run_chapter(chapter: Path, out_dir: Path | None = OUT, timeout: int = settings.TIMEOUT):
    """Execute one chapter; return the executed notebook (and write it to ``out_dir``, also
    when a cell raises: the executed part and the error are in it)."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    chapter = Path(chapter).resolve()
    nb = jupytext.read(chapter)
    with tempfile.TemporaryDirectory(prefix="kzdec-kernel-") as sockets:
        km = kernel_manager(nb, sockets)  # Unix sockets, not TCP: no unencrypted-TCP warning
        try:
            NotebookClient(nb, timeout=timeout, km=km, resources={"metadata": {"path": str(chapter.parent)}}).execute()
        finally:
            if out_dir is not None:
                out_dir.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, out_dir / f"{chapter.stem}.ipynb")
            if km.has_kernel:
                km.shutdown_kernel()
    return nb


def _name(chapter: Path) -> str:
    try:
        return Path(chapter).resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(chapter)


def main(argv: list[str] | None = None) -> int:
    import nbformat

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("chapters", nargs="+", type=Path, help="chapter files, e.g. book/survey.md")
    ap.add_argument(
        "--traceback",
        action="store_true",
        help=f"print a failing chapter's full traceback (also: {errors.TRACEBACK_ENV}=1)",
    )
    args = ap.parse_args(argv)
    failed = []
    for chapter in args.chapters:
        t = time.perf_counter()
        try:
            run_chapter(chapter)
        except Exception as exc:  # report every chapter, then fail
            failed.append(chapter)
            out = OUT / f"{Path(chapter).stem}.ipynb"
            nb = nbformat.read(out, as_version=4) if out.is_file() else None
            print(
                errors.report(_name(chapter), nb, f"{type(exc).__name__}: {exc}", args.traceback, chapter=chapter),
                file=sys.stderr,
            )
            continue
        print(f"ran {chapter} in {time.perf_counter() - t:.1f} s -> {OUT / (Path(chapter).stem + '.ipynb')}")
    if failed and not errors.traceback_wanted(args.traceback):
        print(errors.HINT, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
