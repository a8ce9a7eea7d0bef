// explorerMove(marker, key, k, pos, attr, want, retry), for waitFor: moves
// slider k of the explorer (0: I, 1: Δ_T) to position pos, as a user does (an
// input event), and is done ("") when the readout's data attribute attr says
// want and both charts are drawn anew. With retry it repeats the move every
// 3 s, for a page that is not connected yet. It records in
// window.__eifExplorer[key] when the move was sent and when the new readout
// and the two new charts appeared (a MutationObserver, so to the millisecond).
(marker, key, k, pos, attr, want, retry) => {
  const cell = explorerCell(marker);
  if (!cell) return "no cell calls " + marker;
  const out = cell.node;
  const st = window.__eifExplorer[key] = window.__eifExplorer[key] || {};
  const sliders = out.querySelectorAll(".eif-explorer .eif-slider input[type=range]");
  if (sliders.length !== 2 || !out.querySelector(".eif-explorer-done button")) {
    return out.querySelector(".eif-explorer-ended") ? "the explorer has ended" : "waiting for the explorer's controls";
  }
  const readout = () => out.querySelector(".eif-explorer-readout");
  const newCharts = () => Array.from(out.querySelectorAll(".eif-chart")).filter(el => !st.ids.includes(el.id) && drawn(el)).length;
  if (st.painted) return "";
  if (!st.sent || (retry && performance.now() - st.sent > 3000)) {
    if (!st.observer) {
      st.ids = Array.from(out.querySelectorAll(".eif-chart")).map(el => el.id);
      st.observer = new MutationObserver(() => {
        const r = readout();
        if (!r || r.dataset[attr] !== want) return;
        st.seen = st.seen || performance.now();
        if (!st.painted && newCharts() >= 2) { st.painted = performance.now(); st.observer.disconnect(); }
      });
      st.observer.observe(out, {childList: true, subtree: true});
    }
    const s = sliders[k];
    s.value = String(pos);
    st.sent = performance.now();
    s.dispatchEvent(new Event("input", {bubbles: true}));
  }
  const r = readout();
  return "moved slider " + k + " to " + pos + "; the readout has " + attr + " = " + (r ? r.dataset[attr] : "(none)") +
    ", " + newCharts() + " new chart(s) drawn";
}
