// page.js brings notebook 04's explorer to life on the course website, where no kernel
// runs: it loads package explore compiled to WebAssembly (explorer.wasm, with Go's
// wasm_exec.js, both beside this script) and puts live sliders in place of the note that
// the notebook's headless run left under the explorer's picture. The sliders are
// explore.Page's, and send their moves to globalThis.eif_explorer_comm, defined here,
// which asks the program for explore.Move's picture and puts it in place of the last one.
//
// A page opened from disk (file://) may load scripts but not fetch files: there the
// program comes from explorer.wasm.js, the same bytes in base64.
(function () {
  "use strict";
  var base = document.currentScript.src.replace(/[^/]*$/, ""); // known while this script runs
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  function start() {
    var notes = document.querySelectorAll(".eif-explorer-ended");
    if (!notes.length) return;
    var lang = (document.documentElement.lang || "en").slice(0, 2) === "fr" ? "fr" : "en";
    var words = {
      en: { loading: "Starting the explorer in this page…", failed: "The explorer could not start in this browser: " },
      fr: { loading: "Démarrage de l'explorateur dans la page…", failed: "L'explorateur n'a pas pu démarrer dans ce navigateur\u00a0: " }
    }[lang];
    var views = {}; // the picture's element of each explorer, by its controls' address

    function script(src) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = base + src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("cannot load " + src)); };
        document.head.appendChild(s);
      });
    }

    function program() {
      if (location.protocol === "file:") {
        return script("explorer.wasm.js").then(function () {
          var text = atob(globalThis.eif_explorer_wasm), bytes = new Uint8Array(text.length);
          for (var k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
          delete globalThis.eif_explorer_wasm;
          return bytes.buffer;
        });
      }
      return fetch(base + "explorer.wasm").then(function (r) {
        if (!r.ok) throw new Error("explorer.wasm: HTTP " + r.status);
        return r.arrayBuffer();
      });
    }

    // setHTML puts html in el and runs its scripts (innerHTML alone does not). The charts
    // of the last picture are kept, under the new charts' ids and sizes, so that the new
    // picture's scripts (eif/chart's draw.js) draw into them instead of starting ECharts
    // anew: a redraw then costs ECharts one setOption a chart.
    function setHTML(el, html) {
      var old = Array.prototype.slice.call(el.querySelectorAll(".eif-chart"));
      var next = document.createElement("div");
      next.innerHTML = html;
      next.querySelectorAll(".eif-chart").forEach(function (c, k) {
        var keep = old[k];
        if (!keep || !window.echarts || !echarts.getInstanceByDom(keep)) return;
        keep.id = c.id;
        keep.setAttribute("style", c.getAttribute("style"));
        c.replaceWith(keep);
        old[k] = null;
      });
      old.forEach(function (c) {
        var chart = c && window.echarts && echarts.getInstanceByDom(c);
        if (chart) chart.dispose();
      });
      el.replaceChildren.apply(el, Array.prototype.slice.call(next.childNodes));
      el.querySelectorAll("script").forEach(function (s) {
        var run = document.createElement("script");
        run.textContent = s.textContent;
        s.replaceWith(run);
      });
    }

    globalThis.eif_explorer_comm = {
      send: function (addr, msg) {
        var view = views[addr];
        var html = view && globalThis.eif_explorer.move(msg, lang);
        if (html) setHTML(view, html);
      }
    };

    // Each note's explorer: the note, and the output that holds the picture (the readout
    // and the two charts) in the same cell.
    var found = [];
    notes.forEach(function (note) {
      var cell = note.closest(".cell") || document;
      var readout = cell.querySelector(".eif-explorer-readout");
      if (!readout) return;
      note.textContent = words.loading;
      found.push({ note: note, view: readout.parentNode, i: +readout.dataset.i, deltaT: +readout.dataset.deltat });
    });
    if (!found.length) return;

    Promise.all([script("wasm_exec.js"), program()]).then(function (r) {
      var go = new Go();
      return WebAssembly.instantiate(r[1], go.importObject).then(function (m) {
        go.run(m.instance); // defines globalThis.eif_explorer, then waits for calls
        found.forEach(function (x, n) {
          var id = "eif_explorer_page_" + n;
          views[id] = x.view;
          x.view.classList.add("eif-explorer-view");
          var holder = document.createElement("div");
          x.note.replaceWith(holder);
          setHTML(holder, globalThis.eif_explorer.controls(id, x.i, x.deltaT, lang));
        });
      });
    }).catch(function (e) {
      found.forEach(function (x) { x.note.textContent = words.failed + e.message; });
    });
  }
})();
