// siteExplorerMove(k, pos, attr, want) moves slider k of the course website's explorer
// (0: I, 1: Δ_T) to position pos, as a user does (an input event), and resolves, once
// the readout's data attribute attr says want and both charts show the new value in
// their subtitle, drawn and painted (the next animation frame), to the time that took in
// ms; or to a message after 20 s. The page redraws its charts in place (same elements).
(k, pos, attr, want) => new Promise(resolve => {
  const sliders = document.querySelectorAll(".eif-explorer input[type=range]");
  if (sliders.length !== 2) { resolve("no live sliders on the page"); return; }
  const view = document.querySelector(".eif-explorer-view");
  const dec = document.documentElement.lang.startsWith("fr") ? "," : "\\.";
  const shown = new RegExp((attr === "i" ? "I = " : "Δ_T = ") + want.replace(".", dec) + "(?!\\d)");
  const done = () => {
    const r = view.querySelector(".eif-explorer-readout");
    if (!r || r.dataset[attr] !== want) return false;
    const charts = Array.from(view.querySelectorAll(".eif-chart"));
    return charts.length === 2 && charts.every(el => {
      const c = drawn(el) && echarts.getInstanceByDom(el);
      const title = c && c.getModel().getComponent("title");
      return !!title && shown.test(String(title.get("subtext")));
    });
  };
  const start = performance.now();
  const check = () => {
    if (done()) { requestAnimationFrame(() => resolve(performance.now() - start)); return; }
    if (performance.now() - start > 20000) { resolve("not redrawn within 20 s"); return; }
    setTimeout(check, 1);
  };
  sliders[k].value = String(pos);
  sliders[k].dispatchEvent(new Event("input", {bubbles: true}));
  check();
})
