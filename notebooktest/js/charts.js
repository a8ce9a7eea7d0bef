// charts() counts the charts (.eif-chart, as eif/chart renders them) in the
// open notebook's outputs, and lists those with no canvas or svg of nonzero size.
() => {
  const els = Array.from(panel().node.querySelectorAll(".jp-OutputArea-output .eif-chart"));
  const bad = [];
  els.forEach((el, i) => {
    if (!drawn(el)) {
      const n = el.querySelectorAll("canvas, svg").length;
      bad.push("chart " + i + (el.id ? " (id " + el.id + ")" : "") + ": " + n + " canvas/svg, none of nonzero size");
    }
  });
  return {count: els.length, bad};
}
