/* Replace each chart's static SVG by the interactive Vega view (tooltips, bound controls).
 * Loaded (deferred) only on pages that hold a chart, after vega.js from the same origin. */
(function () {
  "use strict";
  function hydrate(box) {
    var specEl = box.querySelector("script.kzdec-vega-spec");
    var viewEl = box.querySelector(".kzdec-chart-view");
    if (!specEl || !viewEl || !window.vega) { return Promise.resolve(); }
    var target = document.createElement("div");
    target.className = "kzdec-chart-live";
    var view = new window.vega.View(window.vega.parse(JSON.parse(specEl.textContent)), {
      renderer: "svg", container: target, hover: true
    });
    return view.runAsync().then(function () {
      var svg = target.querySelector("svg");
      if (svg) {
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", box.querySelector(".kzdec-chart-desc").textContent);
      }
      viewEl.replaceChildren(target);
      viewEl.removeAttribute("role");
      viewEl.removeAttribute("aria-labelledby");
      box.dataset.rendered = "interactive";
      box.kzdecView = view;
    });
  }
  function run() {
    var boxes = document.querySelectorAll(".kzdec-chart");
    var jobs = [];
    boxes.forEach(function (box) {
      jobs.push(hydrate(box).catch(function (err) {
        box.dataset.rendered = "static";
        console.error("chart " + box.dataset.chart + ": " + err);
      }));
    });
    Promise.all(jobs).then(function () {
      var root = document.documentElement;
      root.dataset.chartsReadyMs = String(Math.round(performance.now()));
      root.dataset.chartsReady = "true";
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
