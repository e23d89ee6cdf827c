"""Accessibility: axe-core (bundled with axe-playwright-python) on every page of the built book,
after the charts have turned live: no serious or critical violation. Plus what axe cannot judge:
every chart states what it shows and links its data (a CSV file beside the page); every chart control has a label."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import HTML, html_pages, open_page

PAGES = html_pages() if HTML.is_dir() else ["index.html"]
AXE = Axe()


@pytest.mark.parametrize("page_path", PAGES)
def test_no_serious_axe_violation(page, server, page_path):
    open_page(page, server, page_path)
    results = AXE.run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{page_path}: {bad}"


@pytest.mark.parametrize("page_path", PAGES)
def test_charts_have_text_alternatives_and_labelled_controls(page, server, page_path):
    open_page(page, server, page_path)
    for box in page.locator(".kzdec-chart").all():
        name = box.get_attribute("data-chart")
        desc = box.locator(".kzdec-chart-desc").inner_text().strip()
        assert len(desc) > 20, f"chart {name} on {page_path} has no real description"
        link = box.locator(".kzdec-chart-links a[download]")
        assert link.get_attribute("href").endswith(f"_downloads/charts/{name}.csv"), f"chart {name} offers no data"
        csv = link.evaluate("a => fetch(a.href).then(r => r.ok ? r.text() : '')")
        assert csv.count("\n") >= 2 and "," in csv.splitlines()[0], f"chart {name}: its CSV is empty"
        svg_label = box.locator(".kzdec-chart-live svg").first.get_attribute("aria-label")
        assert svg_label == desc
        for control in box.locator(".vega-bindings input, .vega-bindings select").all():
            label = control.evaluate("el => (el.labels && el.labels.length ? el.labels[0].innerText : '')"
                                     " || el.getAttribute('aria-label') || ''")
            assert label.strip(), f"an unlabelled control in chart {name} on {page_path}"
