"""Shared fixtures: the built book, a static server on 127.0.0.1, the system Chromium, and
Sphinx test applications (``sphinx.testing``)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from kzbuild.browse import CHROMIUM_ARGS, HTML, html_pages

#: ``app``, ``make_app`` and the ``sphinx`` mark: the Sphinx extensions on fixture projects
#: (``tests/roots/``, see ``test_sphinx_extensions.py``).
pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
#: The source article: shared/ stands beside the clone (locally and in CI).
ARTICLE = ROOT.parent / "shared" / "source" / "article.txt"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need(condition: bool, why: str) -> None:
    """Skip on a developer machine, fail under CI: CI must run every test."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{why} (under CI this is a failure, not a skip)")
        pytest.skip(why)


@pytest.fixture(scope="session")
def built_book() -> Path:
    need((HTML / "index.html").is_file(), "the book is not built: run `make book` first")
    return HTML


def pages_containing(marker: str) -> list[str]:
    """The pages of the built book whose HTML holds ``marker`` (none before the book is built)."""
    if not HTML.is_dir():
        return []
    return [p for p in html_pages() if marker in (HTML / p).read_text(encoding="utf-8")]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def server(built_book: Path):
    """A plain static server of the built book on 127.0.0.1 (random port)."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches the system Chromium (Playwright cannot download one here)."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    need(exe is not None, "no system Chromium: `apt-get install chromium`")
    return {**browser_type_launch_args, "executable_path": exe, "args": CHROMIUM_ARGS}


def open_page(page, server: str, page_path: str) -> None:
    """Load a page of the book (following the root's meta-refresh redirect) and wait until
    every chart on it has turned into its live view."""
    import re

    page.goto(f"{server}/{page_path}", wait_until="load")
    source = (HTML / page_path).read_text(encoding="utf-8")
    refresh = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', source)
    if refresh:
        page.wait_for_url(f"**/{refresh.group(1)}")
        page.wait_for_load_state("load")
    if page.locator(".kzdec-chart").count():
        page.wait_for_function("document.documentElement.dataset.chartsReady === 'true'", timeout=15000)


@pytest.fixture
def pkg(tmp_path, monkeypatch) -> Path:
    """A copy of the data package that the loader reads instead of the real one."""
    d = tmp_path / "data"
    shutil.copytree(ROOT / "data", d)
    monkeypatch.setenv("KZDEC_DATA_DIR", str(d))
    return d
