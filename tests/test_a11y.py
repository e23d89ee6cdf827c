"""Accessibility: axe-core (bundled with axe-playwright-python) on every page of the built book,
after the charts have turned live: no serious or critical violation. Plus what axe cannot judge:
every chart states what it shows and links its data (a CSV file beside the page); the static
charts stand on their own with JavaScript off and in print; every chart control has a label and
is reached and operated from the keyboard; colour is never the only carrier of meaning."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from kzbuild.browse import HTML, html_pages

from conftest import open_page, pages_containing

PAGES = html_pages() if HTML.is_dir() else ["index.html"]
AXE = Axe()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("page_path", PAGES)
def test_no_serious_axe_violation(page, server, page_path, mode):
    """In the light and in the dark colour mode (the theme's switch; it reads localStorage)."""
    # the theme keeps both keys when a reader switches; with both set, no page starts light
    page.context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}')")
    open_page(page, server, page_path)
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    results = AXE.run(page)
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
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
            label = control.evaluate(
                "el => (el.labels && el.labels.length ? el.labels[0].innerText : '')"
                " || el.getAttribute('aria-label') || ''"
            )
            assert label.strip(), f"an unlabelled control in chart {name} on {page_path}"


CHART_PAGES = pages_containing('class="kzdec-chart"')
CONTROL_PAGES = pages_containing('"bind":')


def test_the_book_has_chart_pages(built_book):
    assert CHART_PAGES and CONTROL_PAGES, "no page of the built book holds a chart with controls"


def _static_charts_stand(page, page_path: str, media: str) -> None:
    page.emulate_media(media=media)
    boxes = page.locator(".kzdec-chart").all()
    assert boxes, f"{page_path}: no chart found"
    for box in boxes:
        name = box.get_attribute("data-chart")
        desc = box.locator(".kzdec-chart-desc").inner_text().strip()
        view = box.locator(".kzdec-chart-view")
        # one image to assistive technology, named by the chart's description
        assert view.get_attribute("role") == "img", f"{media}: chart {name} on {page_path}"
        assert page.get_by_role("img", name=desc, exact=True).count() == 1, (
            f"{media}: the static chart {name} on {page_path} is not named by its description"
        )
        box_svg = view.locator(":scope > svg").bounding_box()
        assert box_svg and box_svg["width"] > 200 and box_svg["height"] > 100, (
            f"{media}: the static chart {name} on {page_path} is not shown ({box_svg})"
        )
        assert view.locator("svg [class^='mark-'] > *").count() > 0, f"chart {name}: no marks"
        assert box.locator(".kzdec-chart-desc").is_visible(), f"{media}: chart {name}: no description"


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_static_charts_without_javascript_and_in_print(browser, server, page_path):
    """With JavaScript off (and so also before the live view), every chart is the build-time
    SVG, on screen and in print, with the description as its accessible name."""
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(f"{server}/{page_path}", wait_until="load")
        assert page.locator(".kzdec-chart-live").count() == 0, "scripts ran with JavaScript off"
        for media in ("screen", "print"):
            _static_charts_stand(page, page_path, media)
    finally:
        ctx.close()


@pytest.mark.parametrize("page_path", CHART_PAGES)
def test_live_charts_print(page, server, page_path):
    """Once live, each chart still prints: the view keeps its size and its text alternative."""
    open_page(page, server, page_path)
    page.emulate_media(media="print")
    for box in page.locator(".kzdec-chart").all():
        name = box.get_attribute("data-chart")
        svg = box.locator(".kzdec-chart-live svg").first
        bb = svg.bounding_box()
        assert bb and bb["width"] > 200 and bb["height"] > 100, f"chart {name} does not print ({bb})"
        assert svg.get_attribute("aria-label") == box.locator(".kzdec-chart-desc").inner_text().strip()


#: How a control is operated from the keyboard once it has the focus.
_KEYS = {"radio": "ArrowRight", "select-one": "ArrowDown", "range": "ArrowRight", "checkbox": "Space"}


@pytest.mark.parametrize("page_path", CONTROL_PAGES)
def test_chart_controls_reachable_and_operable_by_keyboard(page, server, page_path):
    """Tab from the top of the page reaches every chart control, and a key press on the
    focused control redraws its chart."""
    open_page(page, server, page_path)
    n = page.evaluate("""() => {
        const binds = document.querySelectorAll('.kzdec-chart .vega-bind');
        binds.forEach((b, i) => {
            b.dataset.kbd = String(i); b.dataset.kbdChart = b.closest('.kzdec-chart').dataset.chart; });
        window.kbdReached = [];
        document.addEventListener('focusin', e => {
            const b = e.target.closest('.vega-bind');
            if (b && !window.kbdReached.includes(b.dataset.kbd)) { window.kbdReached.push(b.dataset.kbd); }
        });
        return binds.length; }""")
    assert n > 0, f"{page_path}: no chart control"
    reached: list[str] = []
    for _ in range(1500):
        page.keyboard.press("Tab")
        reached = page.evaluate("window.kbdReached")
        if len(reached) == n:
            break
    assert sorted(reached, key=int) == [str(i) for i in range(n)], (
        f"{page_path}: Tab reached only controls {reached} of {n}"
    )

    for i in range(n):
        bind = page.locator(f'.vega-bind[data-kbd="{i}"]')
        box = page.locator(f'.kzdec-chart[data-chart="{bind.get_attribute("data-kbd-chart")}"]')
        before = box.locator(".kzdec-chart-live svg").first.inner_html()
        control = bind.locator("input:checked, select, input[type=range], input[type=checkbox]").first
        kind = control.evaluate("el => el.type")
        control.focus()
        page.keyboard.press(_KEYS[kind])
        page.wait_for_timeout(150)
        after = box.locator(".kzdec-chart-live svg").first.inner_html()
        assert after != before, f"{page_path}: a key press on control #{i} ({kind}) did not redraw its chart"


# --- colour is never the only carrier of meaning (checked on the compiled Vega of every chart) ---

_SPEC = re.compile(r'<script type="application/json" class="kzdec-vega-spec">(.*?)</script>', re.S)
#: Channels other than colour that can tell categories apart.
_OTHER_CHANNELS = ("shape", "strokeDash", "fillOpacity", "strokeOpacity", "opacity", "size", "strokeWidth")


def _marks(node, out: list) -> list:
    if isinstance(node, dict):
        if "encode" in node and node.get("type"):
            out.append(node)
        for value in node.values():
            _marks(value, out)
    elif isinstance(node, list):
        for value in node:
            _marks(value, out)
    return out


def _fields(encoding) -> set[str]:
    text = json.dumps(encoding)
    return set(re.findall(r'"field": "([^"]+)"', text)) | set(re.findall(r'datum\[\\"([^"\\]+)\\"\]', text))


def _strings(spec: dict, field: str) -> set[str]:
    return {
        str(row[field]).lower()
        for d in spec.get("data", [])
        for row in d.get("values", []) or []
        if isinstance(row, dict) and isinstance(row.get(field), str)
    }


def colour_only_categories(spec: dict) -> list[str]:
    """The categories that a chart tells apart by colour alone. A category field drawn as a
    fill or stroke colour must also be drawn through another channel (shape, dash, opacity,
    size), or be written out: every category but one appears in the text that a text mark
    draws over the same axes (a cell that says "not listed")."""
    marks = _marks(spec.get("marks", []), [])
    scales = {s["name"]: s for s in spec.get("scales", [])}
    problems = []
    for mark in marks:
        for enc in mark["encode"].values():
            for channel in ("fill", "stroke"):
                e = enc.get(channel)
                if not (isinstance(e, dict) and "scale" in e and "field" in e):
                    continue
                field = e["field"]
                carried = any(
                    field in _fields(oenc[ch])
                    for other in marks
                    for oenc in other["encode"].values()
                    for ch in _OTHER_CHANNELS
                    if ch in oenc
                )
                if not carried:
                    axes = (json.dumps(enc.get("x", {}).get("scale")), json.dumps(enc.get("y", {}).get("scale")))
                    written: set[str] = set()
                    for other in marks:
                        for oenc in other["encode"].values():
                            if (
                                other["type"] == "text"
                                and "text" in oenc
                                and (
                                    json.dumps(oenc.get("x", {}).get("scale")),
                                    json.dumps(oenc.get("y", {}).get("scale")),
                                )
                                == axes
                            ):
                                for f in _fields(oenc["text"]):
                                    written |= _strings(spec, f)
                    domain = scales[e["scale"]].get("domain")
                    if isinstance(domain, list):
                        unwritten = [d for d in domain if not any(str(d).lower() in w for w in written)]
                        carried = len(unwritten) <= 1
                if not carried:
                    problems.append(f"{mark.get('name')}.{channel} = {field}")
    return problems


def test_colour_is_never_the_only_carrier(built_book):
    specs = [
        (p, json.loads(m.group(1))) for p in CHART_PAGES for m in _SPEC.finditer((HTML / p).read_text(encoding="utf-8"))
    ]
    assert len(specs) >= len(CHART_PAGES)
    bad = {p: colour_only_categories(s) for p, s in specs if colour_only_categories(s)}
    assert bad == {}, f"categories told apart by colour alone: {bad}"


def test_colour_rule_catches_a_colour_only_legend():
    """The rule itself: a legend of colours alone fails, one with shapes or written cells passes."""
    spec = {
        "data": [{"name": "d", "values": [{"k": "a", "t": "x"}, {"k": "b", "t": "y"}]}],
        "scales": [{"name": "color", "domain": ["a", "b", "c"]}],
        "marks": [
            {
                "type": "symbol",
                "encode": {
                    "update": {
                        "x": {"scale": "x", "field": "v"},
                        "y": {"scale": "y", "field": "w"},
                        "fill": {"scale": "color", "field": "k"},
                    }
                },
            }
        ],
    }
    assert colour_only_categories(spec) == ["None.fill = k"]
    shaped = json.loads(json.dumps(spec))
    shaped["marks"][0]["encode"]["update"]["shape"] = {"scale": "shape", "field": "k"}
    assert colour_only_categories(shaped) == []
    written = json.loads(json.dumps(spec))
    written["data"][0]["values"] = [{"k": "a", "t": "all of a"}, {"k": "b", "t": "b here"}]
    written["marks"].append(
        {
            "type": "text",
            "encode": {
                "update": {"x": {"scale": "x", "field": "v"}, "y": {"scale": "y", "field": "w"}, "text": {"field": "t"}}
            },
        }
    )
    assert colour_only_categories(written) == []  # "a" and "b" written, "c" by elimination
    written["data"][0]["values"][0]["t"] = "nothing"
    assert colour_only_categories(written) == ["None.fill = k"]
