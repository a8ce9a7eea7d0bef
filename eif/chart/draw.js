// draw.js draws the chart of the element whose id is id, from the echarts option, once
// window.echarts exists, polling for up to 10 s; after that it writes words.noLibrary in
// the element instead. It formats the tooltip (rows[k] names the row of series k; "" for
// none) and the labels of all axes, and follows the width of the element. Numbers take
// the decimal sign words.decimal ("," in French), and a tooltip row puts words.colon
// between a name and its value.
// eif/chart's HTML declares id, option, rows and words before it, in one function.
//
// Once drawn, the element keeps eifDraw(d), which draws another picture in place of this
// one from d = {height, option, rows, words} (chart.Drawing.AppendJSON): ECharts merges
// the new option into the chart it has, replacing its series, axes, titles and legend,
// which costs less than starting anew. The course website's explorer redraws so.
var tries = 0, legendCtx;
// formats returns the number formats of a chart whose texts are words.
function formats(words) {
  // local writes the number text s (from toPrecision, toExponential…) with the decimal sign.
  function local(s) { return words.decimal && words.decimal !== "." ? s.replace(".", words.decimal) : s; }
  function num(v) {
    if (typeof v !== "number" || !isFinite(v)) { return "–"; }
    var a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) { return local(v.toExponential(3).replace("e+", "e")); }
    return local(String(parseFloat(v.toPrecision(5))));
  }
  function decade(v) {
    var k = Math.round(v);
    if (Math.abs(v - k) > 1e-9) { return num(Math.pow(10, v)); }
    if (k >= -3 && k <= 4) { return local(String(parseFloat(Math.pow(10, k).toPrecision(6)))); }
    var sup = "⁰¹²³⁴⁵⁶⁷⁸⁹", s = k < 0 ? "⁻" : "";
    String(Math.abs(k)).split("").forEach(function (d) { s += sup[+d]; });
    return "10" + s;
  }
  // Labels of linear axes without floating-point noise (7.175, not 7.175000000000001).
  function tick(v) { return local(String(parseFloat(v.toPrecision(12)))); }
  return { num: num, decade: decade, tick: tick };
}
function message(el, text) {
  var chart = window.echarts && echarts.getInstanceByDom(el);
  if (chart) { chart.dispose(); }
  el.eifDraw = null;
  el.style.height = "auto";
  el.innerHTML = '<div class="eif-chart-error" style="color:#b00020;background:#fdecea;border:1px solid #f5c2c0;border-radius:4px;padding:8px 12px;font:13px/1.4 monospace;"></div>';
  el.firstChild.textContent = text;
}
// The components that a redraw replaces (eifDraw); the others (tooltip, toolbox) are
// merged. Series carry no id, so no series of the last picture is merged into a new one.
var replaced = ["series", "title", "legend", "grid", "xAxis", "yAxis", "dataZoom"];
function draw(el, option, rows, words) {
  var enc = echarts.format.encodeHTML, f = formats(words), num = f.num;
  var xName = option.xAxis[option.xAxis.length - 1].name || "x";
  // Logarithmic axes hold log10 of the values.
  function value(axis, v) { return axis && axis.eifLog ? Math.pow(10, v) : v; }
  option.tooltip.formatter = function (ps) {
    ps = [].concat(ps);
    var head = "", out = [];
    ps.forEach(function (p) {
      var name = rows[p.seriesIndex];
      if (!name || !p.value || typeof p.value[1] !== "number") { return; }
      var s = option.series[p.seriesIndex];
      if (!head) { head = enc(xName) + " = " + num(value(option.xAxis[s.xAxisIndex || 0], p.value[0])); }
      out.push(p.marker + enc(name) + enc(words.colon) + "<b>" + num(value(option.yAxis[s.yAxisIndex || 0], p.value[1])) + "</b>");
    });
    return out.length ? head + "<br>" + out.join("<br>") : "";
  };
  option.tooltip.axisPointer.label = { formatter: function (p) {
    return num(value(option[p.axisDimension + "Axis"][p.axisIndex], p.value));
  } };
  [].concat(option.xAxis, option.yAxis).forEach(function (a) {
    a.axisLabel = a.axisLabel || {};
    a.axisLabel.formatter = a.eifLog ? f.decade : f.tick;
  });
  // Long titles end with "…" before the buttons, whatever the width.
  function fitTitle() {
    var w = Math.max(el.clientWidth - 150, 100);
    [].concat(option.title).forEach(function (t) {
      t.textStyle = t.textStyle || {};
      t.textStyle.width = w;
      t.textStyle.overflow = "truncate";
    });
  }
  // A legend too wide for one line wraps onto more: the panels move down by the
  // extra lines and the chart grows by as much, so they keep their size. The height
  // without them is the one of the element's style (eif/chart's HTML writes it), not
  // the element's size: a chart drawn while its output is not displayed (a saved
  // notebook that the page is still building, a collapsed output) has no size yet.
  var baseHeight = parseFloat(el.style.height) || el.clientHeight;
  var baseTops = [].concat(option.grid).map(function (g) { return parseFloat(g.top); });
  function fitLegend() {
    var lg = [].concat(option.legend)[0];
    if (!lg || !lg.show || !lg.data) { return; }
    var ctx = legendCtx || (legendCtx = document.createElement("canvas").getContext("2d"));
    ctx.font = "12px " + ((option.textStyle && option.textStyle.fontFamily) || "sans-serif");
    var avail = Math.max(el.clientWidth - parseFloat(lg.left) - parseFloat(lg.right), 100), rows = 1, x = 0;
    lg.data.forEach(function (d) {
      var w = (lg.itemWidth || 25) + 5 + ctx.measureText(d.name).width;
      if (x > 0 && x + w > avail) { rows++; x = 0; }
      x += w + 10;
    });
    var extra = (rows - 1) * 22;
    [].concat(option.grid).forEach(function (g, i) { g.top = baseTops[i] + extra; });
    el.style.height = (baseHeight + extra) + "px";
  }
  fitTitle();
  fitLegend();
  var chart = echarts.getInstanceByDom(el);
  if (chart) {
    chart.setOption(option, { replaceMerge: replaced });
  } else {
    el.textContent = ""; // the "chart not drawn" placeholder
    chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option, true);
  }
  // A chart drawn again in the same element (the course website's explorer reuses its
  // charts) keeps one observer, which refits the latest drawing.
  el.eifRefit = function () {
    fitTitle();
    fitLegend();
    chart.setOption({ title: option.title, grid: option.grid });
    chart.resize();
  };
  el.eifDraw = function (d) {
    el.style.height = d.height + "px";
    try { draw(el, d.option, d.rows, d.words); } catch (e) { message(el, d.words.cannotDraw + e); }
  };
  if (el.eifObserved) {
    return;
  }
  el.eifObserved = true;
  if (window.ResizeObserver) {
    var pending = false;
    var refit = function () {
      if (!pending) { return; }
      pending = false;
      el.eifRefit();
    };
    new ResizeObserver(function () {
      if (pending) { return; }
      pending = true;
      // The next frame, or a timer where frames are paused (a hidden page): a chart
      // drawn while its output still had no size must get its size when it has one.
      window.requestAnimationFrame(refit);
      setTimeout(refit, 200);
    }).observe(el);
  } else {
    window.addEventListener("resize", function () { chart.resize(); });
  }
}
function wait() {
  var el = document.getElementById(id);
  if (el && window.echarts && window.echarts.init) {
    try { draw(el, option, rows, words); } catch (e) { message(el, words.cannotDraw + e); }
    return;
  }
  if (++tries < 200) { setTimeout(wait, 50); return; }
  if (el) { message(el, words.noLibrary); }
}
wait();
