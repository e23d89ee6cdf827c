"""Chart controls in the HTML (Altair parameters bound to inputs) work with no kernel and no
network: operating each one redraws its chart in Chromium."""

from __future__ import annotations

import pytest

from conftest import open_page, pages_containing

# Vega creates the inputs at run time; the compiled spec in the page names the bindings.
PAGES = pages_containing('"bind":')


def test_the_book_has_interactive_controls(built_book):
    assert PAGES, "no chart of the book has a bound control (the survey chapter must offer some)"


def _svg(box):
    return box.locator(".kzdec-chart-live svg").first.inner_html()


@pytest.mark.parametrize("page_path", PAGES)
def test_each_control_redraws_its_chart(page, server, page_path):
    open_page(page, server, page_path)
    operated = 0
    for box in page.locator(".kzdec-chart").all():
        bindings = box.locator(".vega-bind")
        for i in range(bindings.count()):
            bind = bindings.nth(i)
            before = _svg(box)
            radios = bind.locator("input[type=radio]")
            selects = bind.locator("select")
            ranges = bind.locator("input[type=range]")
            checks = bind.locator("input[type=checkbox]")
            if radios.count() > 1:
                unchecked = [r for r in radios.all() if not r.is_checked()]
                unchecked[0].check()
            elif selects.count():
                sel = selects.first
                values = sel.evaluate("s => Array.from(s.options).map(o => o.value)")
                current = sel.input_value()
                sel.select_option(next(v for v in values if v != current))
            elif ranges.count():
                rng = ranges.first
                rng.evaluate(
                    "r => { r.value = r.min === r.value ? r.max : r.min;"
                    " r.dispatchEvent(new Event('input', {bubbles: true})); }"
                )
            elif checks.count():
                checks.first.click()
            else:
                pytest.fail(f"unknown control kind in {page_path}: {bind.inner_html()[:200]}")
            page.wait_for_timeout(150)
            after = _svg(box)
            label = bind.inner_text().strip().splitlines()[0] if bind.inner_text().strip() else f"#{i}"
            assert after != before, f"{page_path}: operating control '{label}' did not change its chart"
            operated += 1
    assert operated > 0
