"""Benchmark of the edition: build times, chapter execution times, page weight and chart timing.

Usage: ``make bench`` (or ``.venv/bin/python tools/bench.py [--runs N] [--update]``). Prints a
table, writes ``.bench/results.json`` and, with ``--update``, the figures in ``BENCHMARKS.md``.
Public tools only: the project's build, nbclient, Playwright driving the system Chromium
against a static server on 127.0.0.1.

Build figures are medians over ``--runs`` runs, each in a fresh copy of the repository:
  clean      our build (`python -m kzbuild.build`) with no cache;
  noop       the same copy rebuilt with nothing changed;
  csv        rebuilt after one CSV change (the chapters that read it re-execute);
  reference  a plain `jupyter-book build . -W -n --keep-going` of the same book with no cache
             (Jupyter Book's default serial execution).
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kzbuild.browse import CHROMIUM_ARGS, html_pages
from kzbuild.chapters import chapters
from kzbuild.repo_copy import copy_repo, edit_survey_label, executed, run_build
from kzbuild.run import run_chapter
from kzdecentral import paths

ROOT = paths.ROOT
#: Where ``--update`` writes the figures (between the two markers).
BENCHMARKS = ROOT / "BENCHMARKS.md"

TARGETS = {
    "clean_vs_reference": 0.6,
    "noop_vs_clean": 0.10,
    "chart_js_bytes": 600_000,
    "page_own_bytes": 150_000,
    "charts_drawn_ms": 500,
}


def timed(fn, *args, **kwargs):
    """Seconds that ``fn(*args, **kwargs)`` took, and what it returned."""
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t, out


def bench_builds(runs: int) -> dict:
    res = {"clean": [], "noop": [], "csv": [], "reference": [], "csv_executed": None}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            repo = copy_repo(Path(tmp) / "repo", with_build=False)
            t, out = timed(run_build, repo)
            assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
            res["clean"].append(t)
            t, out = timed(run_build, repo)
            assert not executed(out.stdout + out.stderr)
            res["noop"].append(t)
            edit_survey_label(repo, " (b)", row=0)
            t, out = timed(run_build, repo)
            res["csv"].append(t)
            res["csv_executed"] = sorted(executed(out.stdout + out.stderr))
        with tempfile.TemporaryDirectory() as tmp:
            repo = copy_repo(Path(tmp) / "repo", with_build=False)
            t, out = timed(run_build, repo, plain=True)
            assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
            res["reference"].append(t)
    med = {k: statistics.median(v) for k, v in res.items() if isinstance(v, list)}
    return {
        "runs": res,
        "median_s": med,
        "ratio_clean_vs_reference": med["clean"] / med["reference"],
        "ratio_noop_vs_clean": med["noop"] / med["clean"],
        "csv_change_executed": res["csv_executed"],
    }


def bench_notebooks() -> dict:
    out = {}
    for ch in chapters():
        if "{code-cell}" not in ch.read_text(encoding="utf-8"):
            continue
        t, _ = timed(run_chapter, ch, out_dir=None)
        out[ch.name] = t
    return out


def bench_pages(html: Path, loads: int) -> dict:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    pages, shared = {}, {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for rel in html_pages(html):
            own, ms_list, fcp_list, n_charts = 0, [], [], 0
            for i in range(loads):
                ctx = browser.new_context()  # cold: empty cache each load
                page = ctx.new_page()
                sizes = []
                page.on(
                    "requestfinished",
                    lambda r, sizes=sizes: sizes.append(
                        (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])
                    ),
                )
                page.goto(f"{base}/{rel}", wait_until="load")
                n_charts = page.locator(".kzdec-chart").count()
                if n_charts:
                    page.wait_for_function("document.documentElement.dataset.chartsReady === 'true'")
                    ms_list.append(float(page.evaluate("document.documentElement.dataset.chartsReadyMs")))
                    # the static SVGs are in the HTML: they are on screen at the first contentful paint
                    fcp_list.append(
                        float(page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime"))
                    )
                page.wait_for_timeout(100)
                if i == 0:
                    for url, n in sizes:
                        path = url[len(base) :].split("?")[0]
                        if path.startswith("/_static/") or path.endswith("searchindex.js"):
                            shared[path] = n
                        else:
                            own += n
                ctx.close()
            pages[rel] = {
                "own_bytes": own,
                "charts": n_charts,
                "static_charts_shown_ms": statistics.median(fcp_list) if fcp_list else None,
                "charts_drawn_ms": statistics.median(ms_list) if ms_list else None,
            }
        browser.close()
    srv.shutdown()
    chart_js = sum(n for pth, n in shared.items() if pth.startswith("/_static/kzdec/") and pth.endswith(".js"))
    return {"pages": pages, "shared_bytes": sum(shared.values()), "chart_js_bytes": chart_js, "shared_assets": shared}


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def figures_section(r: dict) -> str:
    """The benchmark figures of ``BENCHMARKS.md``, from a results dict (``.bench/results.json``)."""
    b, pages = r.get("builds"), r["pages"]["pages"]
    out = [
        f"Latest figures: {r['machine']['platform']}, {r['machine']['cpus']} cores, "
        f"Python {r['machine']['python']}, {r['date']}.",
        "",
    ]
    if b:
        m = b["median_s"]
        out += [
            "| build (median of runs) | seconds |",
            "| --- | ---: |",
            f"| clean build, no cache (`make book`) | {m['clean']:.1f} |",
            f"| rebuild, nothing changed | {m['noop']:.1f} |",
            f"| rebuild after one CSV change | {m['csv']:.1f} |",
            f"| plain `jupyter-book build . -W -n --keep-going`, no cache, serial execution | {m['reference']:.1f} |",
            "",
            f"Clean / plain serial: **{b['ratio_clean_vs_reference']:.2f}** (target ≤ 0.6); "
            f"no-op / clean: **{b['ratio_noop_vs_clean']:.2f}** (target ≤ 0.10); the CSV change "
            f"re-executed only: {', '.join(b['csv_change_executed'])}.",
            "",
        ]
    nb = r.get("notebooks_s") or {}
    if nb:
        out += ["| chapter, executed on its own (`python -m kzbuild.run`) | seconds |", "| --- | ---: |"]
        out += [f"| {k} | {v:.1f} |" for k, v in nb.items()] + [""]
    out += [
        "| page | own bytes | charts | static charts shown (ms) | live views drawn (ms) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for k, v in pages.items():
        fcp = "" if v.get("static_charts_shown_ms") is None else f"{v['static_charts_shown_ms']:.0f}"
        ms = "" if v.get("charts_drawn_ms") is None else f"{v['charts_drawn_ms']:.0f}"
        out.append(f"| {k} | {v['own_bytes']:,} | {v['charts']} | {fcp} | {ms} |")
    out += [
        "",
        f"Shared assets, counted once for the book: {r['pages']['shared_bytes']:,} bytes; chart "
        f"JavaScript (only on chart pages): {r['pages']['chart_js_bytes']:,} bytes.",
        "",
        "Targets: " + "; ".join(f"{k}: {'met' if ok else '**missed**'}" for k, ok in r["targets_met"].items()) + ".",
    ]
    return "\n".join(out)


def update_figures(r: dict, target: Path = BENCHMARKS) -> None:
    """Rewrite the figures between the bench markers of ``target``."""
    text = target.read_text(encoding="utf-8")
    a, b = text.index(START) + len(START), text.index(END)
    target.write_text(text[:a] + "\n" + figures_section(r) + "\n" + text[b:], encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="build runs (median)")
    ap.add_argument("--loads", type=int, default=5, help="cold loads per page (median)")
    ap.add_argument("--skip-builds", action="store_true")
    ap.add_argument(
        "--update", action="store_true", help="write the figures into BENCHMARKS.md (between the bench markers)"
    )
    args = ap.parse_args()

    result = {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": __import__("os").cpu_count(),
        },
        "date": time.strftime("%Y-%m-%d"),
    }
    if not args.skip_builds:
        result["builds"] = bench_builds(args.runs)
    result["notebooks_s"] = bench_notebooks()
    html = ROOT / "_build" / "html"
    if not (html / "index.html").is_file():
        subprocess.run([sys.executable, "-m", "kzbuild.build"], cwd=ROOT, check=True)
    result["pages"] = bench_pages(html, args.loads)
    pages = result["pages"]["pages"]
    heaviest = max(pages, key=lambda k: pages[k]["own_bytes"])
    drawn = [v["charts_drawn_ms"] for v in pages.values() if v["charts_drawn_ms"] is not None]
    shown = [v["static_charts_shown_ms"] for v in pages.values() if v["static_charts_shown_ms"] is not None]
    checks = {
        "chart JS bytes <= 600 KB": result["pages"]["chart_js_bytes"] <= TARGETS["chart_js_bytes"],
        "every page's own bytes < 150 KB": all(v["own_bytes"] < TARGETS["page_own_bytes"] for v in pages.values()),
        "static charts shown <= 500 ms (slowest page)": (max(shown) if shown else 0) <= TARGETS["charts_drawn_ms"],
        "live chart views drawn <= 500 ms (slowest page)": (max(drawn) if drawn else 0) <= TARGETS["charts_drawn_ms"],
    }
    if "builds" in result:
        b = result["builds"]
        clean_ok = b["ratio_clean_vs_reference"] <= TARGETS["clean_vs_reference"]
        checks["clean build <= 0.6 x plain serial build"] = clean_ok
        checks["no-op rebuild <= 10% of clean build"] = b["ratio_noop_vs_clean"] <= TARGETS["noop_vs_clean"]
    result["targets_met"] = checks

    out = ROOT / ".bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")

    print(f"\nBenchmark on {result['machine']['platform']}, {result['machine']['cpus']} cores, {result['date']}\n")
    if "builds" in result:
        b = result["builds"]
        print("| build | median (s) |\n| --- | ---: |")
        for k in ("clean", "noop", "csv", "reference"):
            print(f"| {k} | {b['median_s'][k]:.1f} |")
        print(
            f"\nclean / plain serial = {b['ratio_clean_vs_reference']:.2f}; "
            f"no-op / clean = {b['ratio_noop_vs_clean']:.2f}; "
            f"one CSV change re-executed: {', '.join(b['csv_change_executed'])}\n"
        )
    print("| chapter | standalone execution (s) |\n| --- | ---: |")
    for k, v in result["notebooks_s"].items():
        print(f"| {k} | {v:.1f} |")
    print(
        "\n| page | own bytes | charts | static charts shown (ms) | live views drawn (ms) |"
        "\n| --- | ---: | ---: | ---: | ---: |"
    )
    for k, v in pages.items():
        ms = "" if v["charts_drawn_ms"] is None else f"{v['charts_drawn_ms']:.0f}"
        fcp = "" if v["static_charts_shown_ms"] is None else f"{v['static_charts_shown_ms']:.0f}"
        print(f"| {k} | {v['own_bytes']:,} | {v['charts']} | {fcp} | {ms} |")
    print(
        f"\nshared assets (once for the book): {result['pages']['shared_bytes']:,} bytes; "
        f"chart JavaScript: {result['pages']['chart_js_bytes']:,} bytes; heaviest page: {heaviest}\n"
    )
    for k, ok in checks.items():
        print(f"{'met ' if ok else 'MISS'}  {k}")
    print(f"\nsaved {out.relative_to(ROOT)}")
    if args.update:
        update_figures(result)
        print(f"updated {BENCHMARKS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
