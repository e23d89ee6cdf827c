"""The built book as a browser visits it: its pages, and how the system Chromium is started
for the browser tests and the benchmark (offline: every host but 127.0.0.1 is blocked)."""

from __future__ import annotations

from pathlib import Path

from kzdecentral import paths

#: The HTML book written by ``make book``.
HTML = paths.ROOT / "_build" / "html"
#: Every host but 127.0.0.1 fails to resolve, so an off-origin request fails loudly.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def html_pages(html_root: Path = HTML) -> list[str]:
    """Every page of the built book, found from the build itself."""
    return sorted(
        p.relative_to(html_root).as_posix()
        for p in html_root.rglob("*.html")
        if "_static" not in p.parts and "_sources" not in p.parts
    )
