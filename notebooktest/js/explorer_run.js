// explorerRun(marker) runs the explorer's cell alone, and forgets the slider
// moves timed before (window.__eifExplorer).
marker => {
  const cell = explorerCell(marker);
  if (!cell) return "no cell calls " + marker;
  const w = window.jupyterapp.shell.currentWidget;
  w.content.activeCellIndex = w.content.widgets.indexOf(cell);
  window.__eifExplorer = {};
  window.jupyterapp.commands.execute("notebook:run-cell");
  return true;
}
