"""Every page of the built book, in real Chromium with every other host blocked:
no console error, no request off 127.0.0.1, and every chart drawn as a live Vega view."""

from __future__ import annotations

import re

import pytest

from kzbuild.browse import HTML, html_pages

from conftest import open_page

PAGES = html_pages() if HTML.is_dir() else ["index.html"]


@pytest.mark.parametrize("page_path", PAGES)
def test_page_offline_clean_and_charts_drawn(page, server, page_path):
    errors, off_origin = [], []
    page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.on(
        "request",
        lambda r: off_origin.append(r.url) if not r.url.startswith((server, "data:", "blob:", "about:")) else None,
    )

    open_page(page, server, page_path)
    n_charts = page.locator(".kzdec-chart").count()
    if n_charts:
        states = page.eval_on_selector_all(".kzdec-chart", "els => els.map(e => e.dataset.rendered)")
        assert states == ["interactive"] * n_charts, f"charts not drawn live on {page_path}: {states}"
        marks = page.eval_on_selector_all(
            ".kzdec-chart",
            "els => els.map(e => e.querySelectorAll('.kzdec-chart-live svg [class^=\"mark-\"] > *').length)",
        )
        assert all(m > 0 for m in marks), f"a chart on {page_path} drew no marks: {marks}"
    page.wait_for_timeout(200)
    assert off_origin == [], f"{page_path} asked for other hosts: {off_origin}"
    assert errors == [], f"{page_path} logged errors: {errors}"


def test_chart_scripts_only_on_chart_pages(built_book):
    """The Vega runtime is loaded by the pages that draw charts, and only by them."""
    with_charts = 0
    for rel in html_pages(built_book):
        text = (built_book / rel).read_text(encoding="utf-8")
        has_chart = 'class="kzdec-chart"' in text
        assert ("kzdec/vega.js" in text) == has_chart, rel
        with_charts += has_chart
    assert with_charts >= 1
    assert (built_book / "_static" / "kzdec" / "vega.js").stat().st_size > 100_000


def test_no_icon_script_and_icons_hidden_from_screen_readers(built_book):
    """The theme's 1.5 MB fontawesome.js is neither loaded nor shipped; the icons (drawn by
    the theme's stylesheet from its web font) are hidden from assistive technology; the search
    scripts do not block parsing."""
    assert not (built_book / "_static" / "scripts" / "fontawesome.js").exists()
    icons = 0
    for rel in html_pages(built_book):
        text = (built_book / rel).read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, rel
        for tag in re.findall(r'<i class="[^"]*\bfa-[^"]*"[^>]*>', text):
            assert 'aria-hidden="true"' in tag, f"{rel}: {tag}"
            icons += 1
        for tag in re.findall(r"<script[^>]*(?:searchtools|language_data|searchindex)\.js[^>]*>", text):
            assert "defer" in tag, f"{rel}: {tag}"
    assert icons > 0


def test_icons_drawn_from_the_bundled_font(page, server):
    """The theme's icons still show: the icon font (served by the book) is loaded and used."""
    open_page(page, server, "book/survey.html")
    icon = page.locator("button.search-button-field i.fa-magnifying-glass, .search-button i.fa-magnifying-glass").first
    glyph = icon.evaluate("i => getComputedStyle(i, '::before').content")
    assert glyph not in ("", "none", "normal"), glyph
    page.wait_for_function("document.fonts.status === 'loaded'")
    assert page.evaluate("document.fonts.check('900 16px \"Font Awesome 6 Free\"')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Font Awesome') && f.status === 'loaded')")
    assert icon.bounding_box()["width"] > 5


def test_every_page_declares_its_icon_and_language(built_book):
    """No page leaves the browser to ask for /favicon.ico (a 404, logged as a console error),
    the root redirect included; every page states its language."""
    for rel in html_pages(built_book):
        text = (built_book / rel).read_text(encoding="utf-8")
        assert 'rel="icon"' in text, rel
        assert '<html lang="en"' in text, rel


def test_one_search_button_per_page(built_book):
    """One search field, in the sidebar: no top bar with a second one (pydata-sphinx-theme 0.17
    adds it unless ``navbar_persistent`` is set)."""
    for rel in html_pages(built_book):
        text = (built_book / rel).read_text(encoding="utf-8")
        if 'http-equiv="Refresh"' not in text:  # the root redirect has no search
            assert text.count('class="btn search-button-field') == 1, rel


def test_own_assets_linked_with_their_checksum(built_book):
    """Every link to the book's own scripts and styles carries the checksum of the file as
    built (Sphinx's ``?v=``), so browsers may cache them and still fetch a changed one."""
    import zlib

    links = 0
    for rel in html_pages(built_book):
        text = (built_book / rel).read_text(encoding="utf-8")
        for path, checksum in re.findall(r'(?:src|href)="(?:\.\./)*(_static/kzdec/[\w.-]+)(?:\?v=([0-9a-f]+))?"', text):
            assert checksum, f"{rel}: {path} is linked without its checksum"
            assert checksum == f"{zlib.crc32((built_book / path).read_bytes()):08x}", f"{rel}: stale {path}"
            links += 1
    assert links > 0


def test_search_finds_the_chapters(page, server):
    """The search (its scripts now deferred) works offline: from any page, the search dialog
    leads to results, and a word of the article finds the chapter about it."""
    open_page(page, server, "book/survey.html")
    page.keyboard.press("Control+k")
    box = page.locator("dialog input[name=q]").first
    box.wait_for(state="visible")
    box.fill("Poland")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=Poland*")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("international" in h for h in hrefs), hrefs
