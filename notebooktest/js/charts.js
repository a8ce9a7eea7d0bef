// charts() counts the charts (.eif-chart, as eif/chart renders them) in the
// open notebook's outputs, and lists those with no canvas or svg of nonzero size,
// with what explains it: the element's size and style height, and whether its
// cell is on screen and how JupyterLab renders it (content-visibility).
() => {
  const els = Array.from(panel().node.querySelectorAll(".jp-OutputArea-output .eif-chart"));
  const bad = [];
  els.forEach((el, i) => {
    if (!drawn(el)) {
      const n = el.querySelectorAll("canvas, svg").length;
      const r = el.getBoundingClientRect();
      const cell = el.closest(".jp-Cell");
      const cv = cell ? getComputedStyle(cell).contentVisibility : "?";
      const onScreen = r.bottom > 0 && r.top < window.innerHeight;
      bad.push("chart " + i + (el.id ? " (id " + el.id + ")" : "") + ": " + n + " canvas/svg, none of nonzero size" +
        " (element " + Math.round(r.width) + "×" + Math.round(r.height) + " px, style height " + (el.style.height || "none") +
        ", cell " + (onScreen ? "on" : "off") + " screen, content-visibility " + cv + ")");
    }
  });
  return {count: els.length, bad};
}
