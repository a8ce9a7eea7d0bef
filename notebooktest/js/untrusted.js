// untrusted(path) tells what the first output of the notebook at path shows
// ("" while it has not shown): its text, whether it is visible, its canvases,
// and whether the cell is trusted.
path => {
  window.eifNotebookPath = path;
  const w = window.jupyterapp && window.jupyterapp.shell && panel();
  const el = w && w.node.querySelector(".jp-OutputArea-output");
  if (!el) return "";
  const r = el.getBoundingClientRect();
  return {text: el.innerText, visible: r.width > 0 && r.height > 0, canvas: el.querySelectorAll("canvas").length,
    trusted: w.content.widgets[0].model.trusted};
}
