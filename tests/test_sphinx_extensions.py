"""The build room's Sphinx extensions on tiny fixture projects (``tests/roots/test-*``), built
with ``sphinx.testing`` in a few seconds, without the book: ``kzbuild.sphinxext`` (assets
linked with their checksum and only where needed, the icon script dropped, the search scripts
deferred, chart data written to files, the root redirect) and ``kzbuild.bibstyle`` (the
article's numbering as labels, the order of the entries, titles as printed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kzbuild import sphinxext

ROOTS = Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``sphinx.testing`` finds the fixture projects (``testroot="x"`` -> ``test-x``)."""
    return ROOTS


@pytest.fixture()
def no_bundle(monkeypatch):
    """A stand-in for the Vega runtime (bundling the real one is the book build's business).
    Requested before ``app``: the runtime is written when the builder starts."""
    monkeypatch.setattr(sphinxext, "vega_runtime", lambda cache_dir: "/* vega stand-in */\n")


def _built(app) -> Path:
    app.build()
    assert app._warning.getvalue() == "", app._warning.getvalue()
    return Path(app.outdir)


@pytest.mark.sphinx("html", testroot="sphinxext", freshenv=True)
def test_assets_are_written_first_and_linked_with_their_checksum(no_bundle, app):
    out = _built(app)
    for name in ("vega.js", "charts.js", "charts.css", "book.css"):
        assert (out / "_static" / "kzdec" / name).is_file(), name
    assert (out / "_static" / "kzdec" / "vega.js").read_text(encoding="utf-8") == "/* vega stand-in */\n"
    index = (out / "index.html").read_text(encoding="utf-8")
    chart = (out / "chart.html").read_text(encoding="utf-8")
    # book.css on every page, with Sphinx's content checksum (written before the pages)
    for page in (index, chart):
        assert re.search(r'href="_static/kzdec/book\.css\?v=[0-9a-f]{8}"', page)
    # the chart assets only where a chart is, the scripts deferred
    assert "kzdec/vega.js" not in index and "kzdec/charts.css" not in index
    assert re.search(r'<script defer="defer" src="_static/kzdec/vega\.js\?v=[0-9a-f]{8}"></script>', chart)
    assert re.search(r'<script defer="defer" src="_static/kzdec/charts\.js\?v=[0-9a-f]{8}"></script>', chart)
    assert re.search(r'href="_static/kzdec/charts\.css\?v=[0-9a-f]{8}"', chart)
    assert chart.index("kzdec/vega.js") < chart.index("kzdec/charts.js")


@pytest.mark.sphinx("html", testroot="sphinxext", freshenv=True)
def test_pages_are_lightened(no_bundle, app):
    out = _built(app)
    for page in ("index.html", "chart.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, page
        search = re.findall(r'<script[^>]*src="[^"]*(?:searchtools|language_data|searchindex)\.js[^"]*"[^>]*>', text)
        assert search and all('defer="defer"' in tag for tag in search), (page, search)
        icons = re.findall(r'<i class="[^"]*\bfa-[^"]*"[^>]*>', text)
        assert icons and all('aria-hidden="true"' in tag for tag in icons), (page, icons)
        for sync in ("documentation_options.js", "doctools.js"):  # the search box needs these at once
            tag = re.search(rf'<script[^>]*src="[^"]*{sync}[^"]*"[^>]*>', text).group(0)
            assert "defer" not in tag, tag
    assert not (out / "_static" / "scripts" / "fontawesome.js").exists()


@pytest.mark.sphinx("html", testroot="sphinxext", freshenv=True)
def test_chart_data_become_files_beside_the_page(no_bundle, app):
    out = _built(app)
    chart = (out / "chart.html").read_text(encoding="utf-8")
    assert "data:text/csv" not in chart
    assert 'href="_downloads/charts/fixture-data.csv" download="fixture-data.csv"' in chart
    assert (out / "_downloads" / "charts" / "fixture-data.csv").read_text(encoding="utf-8") == "label,value\na,1\n"


def test_the_root_redirect_becomes_a_complete_page():
    bare = '<!DOCTYPE html>\n<meta http-equiv="Refresh" content="0; url=book/index.html" />\n'
    page = sphinxext.tidy_page(bare.split("\n", 1)[1], "A <title>")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert '<meta http-equiv="Refresh" content="0; url=book/index.html" />' in page
    assert "<title>A &lt;title&gt;</title>" in page and '<link rel="icon" href="data:," />' in page
    assert '<a href="book/index.html">Open the book</a>' in page


@pytest.mark.sphinx("html", testroot="bibstyle", freshenv=True)
def test_bibliography_labels_order_and_titles(app):
    out = _built(app)
    page = (out / "index.html").read_text(encoding="utf-8")
    body = page[page.index('class="citation-list"') :]
    labels = [
        re.sub(r"<[^>]+>", "", lab)
        for lab in re.findall(
            r'<span class="label"><span class="fn-bracket">\[</span>(.*?)<span class="fn-bracket">\]</span></span>',
            body,
        )
    ]
    # the edited work first, labelled by its first author; then the references by number, 9 before 10
    assert labels == ["Doe et al.", "9", "10"], labels
    # in the text, the same labels, in brackets
    text = page[: page.index('class="citation-list"')]
    cited = re.findall(r'<span class="bibtex-citation"[^>]*>\[<a [^>]*>(.*?)</a>\]</span>', text)
    assert cited == ["Doe et al.", "10", "9"], cited
    # titles keep their printed capitalisation; an issue number reads "No. 2"
    assert "Second Placeholder Title In Title Case" in body and "The Work Under Edition" in body
    assert "No. 2" in body
    # the year printed inside howpublished is not repeated
    entry9 = body[body.index("First placeholder title") :].split("</div>", 1)[0]
    assert entry9.count("2002") == 1, entry9
    # every entry of the list is a list item (ARIA)
    assert 'role="doc-biblioentry"' not in page and page.count('role="listitem"') == 3
