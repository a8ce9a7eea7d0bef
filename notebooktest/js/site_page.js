// sitePage() describes what a page of the course website shows (site_test.go): its
// charts, how many are drawn, chart error boxes, typeset equations, MathJax errors, the
// link to the other edition, and the explorer's state.
() => {
  const charts = Array.from(document.querySelectorAll(".eif-chart"));
  const sw = document.querySelector("a.eif-lang-switch");
  const math = document.querySelectorAll(".math, .MathJax_Preview").length;
  return {
    charts: charts.length,
    drawn: charts.filter(drawn).length,
    chartErrors: document.querySelectorAll(".eif-chart-error").length,
    math: document.querySelectorAll("span.math, div.math").length,
    typeset: document.querySelectorAll(".MathJax, .MathJax_Display, .MathJax_CHTML, mjx-container").length,
    mathErrors: (document.body.textContent.match(/Math Processing Error/g) || []).length + document.querySelectorAll(".MathJax_Error, merror").length,
    mathjaxDone: !window.MathJax || !window.MathJax.Hub || window.MathJax.Hub.queue.pending === 0 && window.MathJax.Hub.queue.running === 0,
    switchTo: sw ? sw.href : "",
    lang: document.documentElement.lang,
    explorerNotes: document.querySelectorAll(".eif-explorer-ended").length,
    sliders: document.querySelectorAll(".eif-explorer input[type=range]").length,
    title: document.title,
  };
}
