// legends() lists the charts of the open notebook whose legend is paged
// ("1/2" and arrows) instead of wrapped onto more lines.
() => {
  const out = [];
  panel().node.querySelectorAll(".jp-OutputArea-output .eif-chart").forEach((el, i) => {
    const c = window.echarts && window.echarts.getInstanceByDom(el);
    if (!c) return;
    (c.getOption().legend || []).forEach(l => {
      if (l.show !== false && l.type === "scroll") out.push("chart " + i + " (" + el.id + ")");
    });
  });
  return out;
}
