"""Build the book: execute stale chapters in parallel into the cache, then run Jupyter Book.

``python -m kzbuild.build`` (what ``make book`` runs):

1. reads every chapter of ``_toc.yml`` the way myst-nb does, with the fingerprint cell
   that the Sphinx extension adds (:mod:`kzbuild.fingerprint`), and asks jupyter-cache which
   ones have no up-to-date executed copy;
2. executes only those, several at a time (``--jobs``, default: twice the cores), each
   in the chapter's folder as myst-nb would, and stores them in the cache;
3. runs ``jupyter-book build . -W -n --keep-going``, which then finds every chapter in the
   cache and executes nothing.

A chapter that raises stops the build before Sphinx runs, with one short block per failing
chapter (its name, the cell, the exception's last line; :mod:`kzbuild.errors`); the full
traceback with ``--traceback`` or ``KZDEC_TRACEBACK=1``. ``--serial`` skips step 2 (plain
Jupyter Book behaviour, for comparison).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from kzdecentral import paths

from . import errors, settings
from .chapters import chapter_text, chapters, read_chapter
from .kernel import apply_aliases, kernel_manager

#: Which chapter texts are known to be in the cache (see :func:`stale`).
MEMO = paths.ROOT / "_build" / ".kzdec" / "executed.json"
#: How long each chapter took to execute last time (orders the next parallel run).
SECONDS = paths.ROOT / "_build" / ".kzdec" / "execution-seconds.json"
KERNEL_START_ATTEMPTS = 3


def _memo_key(text: str) -> str:
    import jupyter_cache
    import myst_nb

    salt = f"{myst_nb.__version__}|{jupyter_cache.__version__}|"
    return hashlib.sha256((salt + text).encode("utf-8")).hexdigest()


def _read_memo() -> dict:
    try:
        return json.loads(MEMO.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _execute(path_str: str):
    from jupyter_cache.executors.utils import single_nb_execution

    path = Path(path_str)
    nb = read_chapter(path)
    if not any(c.cell_type == "code" for c in nb.cells):
        return path_str, nb, 0.0, None  # nothing to run: no kernel needed to cache it
    for attempt in range(KERNEL_START_ATTEMPTS):
        if attempt:
            nb = read_chapter(path)  # a fresh copy: the failed start may have touched it
        try:
            with tempfile.TemporaryDirectory(prefix="kzdec-kernel-") as sockets:
                km = kernel_manager(nb, sockets)
                try:
                    result = single_nb_execution(
                        nb,
                        cwd=str(path.parent),
                        timeout=settings.TIMEOUT,
                        allow_errors=False,
                        meta_override=True,
                        km=km,
                    )
                finally:  # nbclient leaves a kernel it was handed running
                    if km.has_kernel:
                        km.shutdown_kernel()
            break
        except RuntimeError as exc:
            # A kernel can die before its first reply (with TCP, kernels started together
            # raced for the same free ports). Start it again (the chapter had not run yet).
            if "Kernel died before replying" not in str(exc) or attempt + 1 == KERNEL_START_ATTEMPTS:
                raise
            time.sleep(0.5 + random.random())
    return path_str, nb, result.time, (None if result.err is None else result.exc_string)


def stale(cache, files: list[Path]) -> tuple[list[Path], dict]:
    """The chapters with code whose executed version is not in the cache, and the memo of
    the others (text hash -> cache hash key), so that an unchanged chapter is not parsed again
    on the next build: only its fingerprinted text is hashed and its cache record looked up."""
    from jupyter_cache.cache.db import NbCacheRecord
    from myst_nb.core.read import read_myst_markdown_notebook

    memo, fresh = _read_memo(), {}
    out, seen = [], set()
    for f in files:
        text = chapter_text(f)
        key = _memo_key(text)
        if key in memo:
            try:
                NbCacheRecord.record_from_hashkey(memo[key], cache.db)
                fresh[key] = memo[key]
                continue
            except KeyError:
                pass
        nb = read_myst_markdown_notebook(text, path=f)
        apply_aliases(nb, settings.KERNEL_ALIASES)
        code = tuple(c.source for c in nb.cells if c.cell_type == "code")
        if code in seen:  # same code as a chapter already queued: one execution serves both
            continue
        try:
            fresh[key] = cache.match_cache_notebook(nb).hashkey
        except KeyError:
            out.append(f)
            seen.add(code)
    return out, fresh


def _write_memo(memo: dict) -> None:
    MEMO.parent.mkdir(parents=True, exist_ok=True)
    MEMO.write_text(json.dumps(memo, indent=0, sort_keys=True), encoding="utf-8")


def longest_first(todo: list[Path], seconds: dict[str, float]) -> list[Path]:
    """The chapters in the order to start them: the longest first, so that no long chapter
    starts last while the other workers sit idle. The length is the chapter's last execution
    time when known, else estimated from the size of its code (about 1 s per 1,000 characters)."""

    def weight(path: Path) -> float:
        name = path.relative_to(paths.ROOT).as_posix()
        if name in seconds:
            return seconds[name]
        return len("".join(c.source for c in read_chapter(path).cells if c.cell_type == "code")) / 1000

    return sorted(todo, key=weight, reverse=True)


def execute(jobs: int, log=print, traceback: bool = False) -> list[str]:
    """Execute the stale chapters in parallel into the cache; return the names executed.

    A chapter that raises is reported in one short block (:mod:`kzbuild.errors`); with
    ``traceback`` (or ``KZDEC_TRACEBACK=1``) the full traceback follows it."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(settings.CACHE))
    todo, memo = stale(cache, chapters())
    _write_memo(memo)
    if not todo:
        log("kzbuild.build: every chapter is up to date in the cache; nothing to execute")
        return []
    failures = []
    try:
        timings = json.loads(SECONDS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        timings = {}
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo)))) as pool:
        futures = [pool.submit(_execute, str(p)) for p in longest_first(todo, timings)]
        for future in as_completed(futures):
            path_str, nb, seconds, error = future.result()
            name = Path(path_str).relative_to(paths.ROOT).as_posix()
            if error:
                failures.append((name, nb, error))
                log(f"kzbuild.build: FAILED {name}")
                continue
            record = cache.cache_notebook_bundle(
                CacheBundleIn(nb, path_str, data={"execution_seconds": seconds}), check_validity=False, overwrite=True
            )
            memo[_memo_key(chapter_text(Path(path_str)))] = record.hashkey
            _write_memo(memo)
            timings[name] = round(seconds, 2)
            log(f"kzbuild.build: executed {name} in {seconds:.1f} s")
    SECONDS.parent.mkdir(parents=True, exist_ok=True)
    SECONDS.write_text(json.dumps(timings, indent=0, sort_keys=True), encoding="utf-8")
    if failures:
        for name, nb, error in failures:
            print("\n" + errors.report(name, nb, error, traceback, chapter=paths.ROOT / name), file=sys.stderr)
        hint = "" if errors.traceback_wanted(traceback) else f" {errors.HINT}"
        raise SystemExit(
            f"\nkzbuild.build: {len(failures)} notebook(s) failed: " + ", ".join(n for n, _, _ in failures) + hint
        )
    return [p.relative_to(paths.ROOT).as_posix() for p in todo]


def jupyter_book(root: Path = paths.ROOT) -> int:
    """``jupyter-book build ROOT -W -n --keep-going``, run in this process so that it shares
    the imports of the execution step. (Sphinx's own parallel mode is not used: one of Jupyter
    Book's extensions, sphinx-multitoc-numbering, does not declare itself parallel-safe.)"""
    from jupyter_book.cli.main import build as jb_build
    from jupyter_book.sphinx import build_sphinx

    print(f"kzbuild.build: jupyter-book build {root} -W -n --keep-going")
    path_config, src, overrides = jb_build.callback(
        path_source=str(root),
        path_output=None,
        config=None,
        toc=None,
        warningiserror=True,
        nitpick=True,
        keep_going=True,
        freshenv=False,
        builder="html",
        custom_builder=None,
        verbose=0,
        quiet=0,
        individualpages=False,
        get_config_only=True,
    )
    out = Path(root) / "_build" / "html"
    result = build_sphinx(
        src,
        out,
        use_external_toc=True,
        noconfig=True,
        path_config=path_config,
        confoverrides=overrides,
        builder="html",
        warningiserror=True,
        keep_going=True,
    )
    if isinstance(result, BaseException) or result:
        return result if isinstance(result, int) and result else 1
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # Twice the cores: a kernel spends part of its start-up waiting, so two per core keep
    # both busy (measured on 2 cores: 2 jobs 18.5 s, 4 jobs 16.3 s, 6 jobs 16.9 s).
    ap.add_argument("--jobs", type=int, default=2 * (os.cpu_count() or 1), help="chapters executed at once")
    ap.add_argument("--serial", action="store_true", help="let Jupyter Book execute, one chapter at a time")
    ap.add_argument(
        "--traceback",
        action="store_true",
        help=f"print a failing chapter's full traceback (also: {errors.TRACEBACK_ENV}=1)",
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    if not args.serial:
        execute(args.jobs, traceback=args.traceback)
        print(f"kzbuild.build: execution step took {time.perf_counter() - t0:.1f} s")
    rc = jupyter_book(paths.ROOT)
    html = paths.ROOT / "_build" / "html" / "index.html"
    if rc == 0:
        print(
            f"\nkzbuild.build: done in {time.perf_counter() - t0:.1f} s. Open {html}"
            f"\n  or run `make serve` and visit http://127.0.0.1:8000/"
        )
    else:
        print(f"\nkzbuild.build: the book did not build cleanly (exit {rc}); see the messages above", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
