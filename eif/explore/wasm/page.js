// page.js brings notebook 04's explorer to life on the course website, where no kernel
// runs: it loads package explore compiled to WebAssembly (explorer.wasm, with Go's
// wasm_exec.js, both beside this script) and puts live sliders in place of the note that
// the notebook's headless run left under the explorer's picture. The sliders are
// explore.Page's, and send their moves to globalThis.eif_explorer_comm, defined here. At
// the next frame it asks the program for the latest move's picture (explore.Redraw) and
// draws it in place: the readout's HTML, and each chart drawn again in its element
// (eif/chart's draw.js keeps eifDraw there), with no new element or script; where the
// charts cannot (an error shown in their place), it puts explore.Move's HTML instead.
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

    // setHTML puts html in el and runs its scripts (innerHTML alone does not).
    function setHTML(el, html) {
      el.querySelectorAll(".eif-chart").forEach(function (c) {
        var chart = window.echarts && echarts.getInstanceByDom(c);
        if (chart) chart.dispose();
      });
      el.innerHTML = html;
      el.querySelectorAll("script").forEach(function (s) {
        var run = document.createElement("script");
        run.textContent = s.textContent;
        s.replaceWith(run);
      });
    }
    // redraw draws the picture of the controls' message msg in the explorer's view.
    function redraw(view, msg) {
      var charts = view.querySelectorAll(".eif-chart"), readout = view.querySelector(".eif-explorer-readout");
      var live = readout && charts.length === 2 && charts[0].eifDraw && charts[1].eifDraw;
      var json = live && globalThis.eif_explorer.redraw(msg, lang);
      if (json) {
        var p = JSON.parse(json);
        readout.outerHTML = p.readout;
        p.charts.forEach(function (d, k) { charts[k].eifDraw(d); });
        return;
      }
      var html = globalThis.eif_explorer.move(msg, lang);
      if (html) setHTML(view, html);
    }
    // A slider sends a message at every step it passes: only the latest of a frame is drawn.
    var latest = {};
    globalThis.eif_explorer_comm = {
      send: function (addr, msg) {
        if (!views[addr]) return;
        var waiting = addr in latest;
        latest[addr] = msg;
        if (waiting) return;
        requestAnimationFrame(function () {
          var m = latest[addr];
          delete latest[addr];
          redraw(views[addr], m);
        });
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
