"""Build-time machinery of the book (a Sphinx extension, listed in ``_config.yml``).

* Offline charts: writes the Vega runtime, bundled at build time by vl-convert from its
  pinned copy of Vega, and the small hydration script into ``_static/kzdec/`` before the
  pages are written (so that their links carry a content checksum), and adds them only to
  the pages that hold a chart; ``book.css`` goes on every page.
* Lighter pages (:func:`tidy_page`): no icon script, deferred search scripts, a complete
  root redirect.
* Data-aware execution cache: appends to each chapter a hidden cell with the hash of the data
  files it reads and of the content room (see :mod:`kzbuild.fingerprint`) and registers those
  files as dependencies, so a changed CSV re-executes and re-renders exactly the chapters that
  read it; the build room's own files are dependencies of every page (re-rendered, not re-run).
* The edition's version in the footer, from the package.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from urllib.parse import unquote

from sphinx.application import Sphinx
from sphinx.util import logging

from kzdecentral import __version__

from . import fingerprint

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
OUT_DIR = "kzdec"
#: Vega runtime: vl-convert's pinned Vega, its namespace exposed as ``window.vega``.
VEGA_SNIPPET = (
    'import {{View, parse, version}} from "https://cdn.jsdelivr.net/npm/vega@{v}/+esm";\n'
    "window.vega = {{View, parse, version}};\n"
)


def vega_runtime(cache_dir: Path) -> str:
    """The Vega runtime as one classic script (wrapped so its top-level names stay private)."""
    import vl_convert as vlc

    version = vlc.get_vega_version()
    snippet = VEGA_SNIPPET.format(v=version)
    key = hashlib.sha256(f"{vlc.__version__}|{snippet}".encode()).hexdigest()[:12]
    cached = cache_dir / f"vega-{version}-{key}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    body = vlc.javascript_bundle(snippet)
    if "import " in body.split("\n", 1)[0] or "\nexport " in body:
        raise RuntimeError("vl-convert returned an ES module, expected a classic script")
    banner = f"/* Vega {version}, bundled by vl-convert {vlc.__version__} at build time */"
    text = f"{banner}\n(function(){{\n{body}\n}})();\n"
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text


def _config_inited(app: Sphinx, config) -> None:
    footer = (
        f"Reproducible edition, version {__version__}. "
        "Text CC BY 4.0, code MIT; the original article belongs to its authors."
    )
    opts = dict(config.html_theme_options or {})
    opts["extra_footer"] = footer
    config.html_theme_options = opts


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    for f in fingerprint.build_files():
        app.env.note_dependency(str(f))
    text = source[0]
    if "{code-cell}" not in text:
        return
    new, files = fingerprint.with_fingerprint(text)
    for f in files:
        app.env.note_dependency(str(f))
    source[0] = new


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Remove sphinx-thebe's assets: the book has no live-code button, and stock pages declare
    ``THEBE_JS_URL`` twice (a console error) and point at a CDN."""

    def keep(asset) -> bool:
        name = str(getattr(asset, "filename", asset) or "")
        body = str(getattr(asset, "attributes", {}).get("body", ""))
        return "sphinx-thebe" not in name and "THEBE_JS_URL" not in body and "thebe" not in name

    context["script_files"] = [a for a in context.get("script_files", []) if keep(a)]
    context["css_files"] = [a for a in context.get("css_files", []) if keep(a)]
    _defer_scripts(context)


_CSV_LINK = re.compile(r'href="data:text/csv;charset=utf-8,([^"]*)" download="([a-z0-9-]+\.csv)"')


def _chart_csv_files(app: Sphinx, pagename: str, context: dict) -> None:
    """Write each chart's data (a data: link in the notebook) to ``_downloads/charts/NAME.csv``
    and link that file instead: a real, citable file, and the page does not carry it."""
    out = Path(app.outdir) / "_downloads" / "charts"
    up = "../" * pagename.count("/")

    def extract(m: re.Match) -> str:
        out.mkdir(parents=True, exist_ok=True)
        (out / m.group(2)).write_text(unquote(m.group(1)), encoding="utf-8")
        return f'href="{up}_downloads/charts/{m.group(2)}" download="{m.group(2)}"'

    context["body"] = _CSV_LINK.sub(extract, context["body"])


#: Scripts that the theme's search box (loaded synchronously by the template) needs at once.
_KEEP_SYNC = ("documentation_options.js", "doctools.js", "sphinx_highlight.js")


def _defer_scripts(context: dict) -> None:
    """Let the theme's other script files load deferred (in order), so they no longer block
    parsing and the first paint, which shows the static charts."""
    from sphinx.builders.html._assets import _JavaScript

    scripts = []
    for js in context.get("script_files", []):
        attrs = dict(getattr(js, "attributes", {}) or {})
        name = str(getattr(js, "filename", "") or "")
        if name and not name.endswith(_KEEP_SYNC) and "body" not in attrs and not ({"async", "defer"} & set(attrs)):
            js = _JavaScript(js.filename, priority=js.priority, **attrs, defer="defer")
        scripts.append(js)
    context["script_files"] = scripts


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if "kzdec-chart" not in context.get("body", ""):
        return
    _chart_csv_files(app, pagename, context)
    app.add_css_file(f"{OUT_DIR}/charts.css")
    # first among the deferred scripts: the charts turn live before the theme's extras run
    app.add_js_file(f"{OUT_DIR}/vega.js", loading_method="defer", priority=100)
    app.add_js_file(f"{OUT_DIR}/charts.js", loading_method="defer", priority=101)


_ICON_SCRIPT = re.compile(r'\n?[ \t]*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')
#: Files of the theme's icon script, removed from the output (no page loads them).
_ICON_FILES = ("fontawesome.js", "fontawesome.js.map", "fontawesome.js.LICENSE.txt")
_ICON_TAG = re.compile(r'<i class="([^"]*\bfa-[^"]*)"(?![^>]*aria-hidden)')
#: The search scripts the theme's layout puts, render-blocking, in every page's <head>.
_SEARCH_SCRIPT = re.compile(
    r'<script src="([^"]*(?:_static/searchtools|_static/language_data|searchindex)\.js[^"]*)"></script>'
)


_REDIRECT = re.compile(r'^\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*$')


def _redirect_page(target: str, title: str) -> str:
    """Jupyter Book's root ``index.html`` is a bare meta refresh: no icon (so the browser asks
    for ``/favicon.ico``, a 404 that shows as a console error), no language, no link to follow
    where refreshing is off. The same redirect as a complete page."""
    target = html.escape(target)
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n'
        f'<meta http-equiv="Refresh" content="0; url={target}" />\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="icon" href="data:," />\n</head>\n'
        f'<body><p><a href="{target}">Open the book</a></p></body>\n</html>\n'
    )


def tidy_page(text: str, title: str = "") -> str:
    """Lighter, quieter pages, after the theme's templates have done their part:

    * no ``fontawesome.js``: 1.5 MB of JavaScript that every page parsed only to turn the
      theme's dozen ``<i class="fa-…">`` icons into SVGs. The theme's stylesheet already draws
      the same icons from its bundled web font, loaded only when an icon is shown;
    * icons are decoration (each sits in a labelled button or link): ``aria-hidden``, so a
      screen reader does not read the font's private-use character;
    * the search scripts (the search index among them) load deferred, in order, so they
      no longer hold up the parsing of the page and its first paint;
    * the root redirect becomes a complete page (see :func:`_redirect_page`).
    """
    redirect = _REDIRECT.match(text)
    if redirect:
        return _redirect_page(redirect.group(1), title)
    text = _ICON_SCRIPT.sub("", text)
    text = _ICON_TAG.sub(r'<i class="\1" aria-hidden="true"', text)
    return _SEARCH_SCRIPT.sub(r'<script defer="defer" src="\1"></script>', text)


def _tidy_pages(html_dir: Path, title: str) -> None:
    for page in html_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = tidy_page(text, title)
        if new != text:
            page.write_text(new, encoding="utf-8")
    for name in _ICON_FILES:
        (html_dir / "_static" / "scripts" / name).unlink(missing_ok=True)


def _write_assets(app: Sphinx) -> None:
    """Write the book's own scripts and styles into the output before any page is written,
    so that every page links them with Sphinx's content checksum (``vega.js?v=…``): a browser
    may keep them cached across pages and builds, and a changed file is fetched anew."""
    if app.builder.format != "html":
        return
    out = Path(app.outdir) / "_static" / OUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    files = {"vega.js": vega_runtime(Path(app.doctreedir).parent / ".kzdec")}
    files.update(
        {name: (STATIC / name).read_text(encoding="utf-8") for name in ("charts.js", "charts.css", "book.css")}
    )
    for name, text in files.items():
        target = out / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


def _build_finished(app: Sphinx, exc) -> None:
    if exc is not None or app.builder.format != "html":
        return
    _tidy_pages(Path(app.outdir), app.config.html_title or app.config.project)


def setup(app: Sphinx) -> dict:
    app.add_css_file(f"{OUT_DIR}/book.css")  # every page
    app.connect("config-inited", _config_inited)
    app.connect("source-read", _source_read)
    app.connect("html-page-context", _page_context)
    app.connect("html-page-context", _drop_thebe, priority=900)
    app.connect("builder-inited", _write_assets)
    app.connect("build-finished", _build_finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
