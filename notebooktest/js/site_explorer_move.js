// siteExplorerMove(k, pos, attr, want) moves slider k of the course website's explorer
// (0: I, 1: Δ_T) to position pos, as a user does (an input event), and resolves, once
// the readout's data attribute attr says want and both charts are drawn anew and painted
// (the next animation frame), to the time that took in ms; or to a message after 20 s.
(k, pos, attr, want) => new Promise(resolve => {
  const sliders = document.querySelectorAll(".eif-explorer input[type=range]");
  if (sliders.length !== 2) { resolve("no live sliders on the page"); return; }
  const view = document.querySelector(".eif-explorer-view");
  const old = Array.from(view.querySelectorAll(".eif-chart")).map(el => el.id);
  const done = () => {
    const r = view.querySelector(".eif-explorer-readout");
    const fresh = Array.from(view.querySelectorAll(".eif-chart")).filter(el => !old.includes(el.id) && drawn(el));
    return r && r.dataset[attr] === want && fresh.length >= 2;
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
