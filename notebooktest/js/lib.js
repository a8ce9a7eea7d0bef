// Helpers for the other files of this folder, in scope in each of them (see
// jsCall in js_test.go). The open notebook is the one whose path is in
// window.eifNotebookPath (ready.js and the tests set it).

// panel is the JupyterLab panel of the open notebook, or undefined.
const panel = () => [...window.jupyterapp.shell.widgets("main")]
  .find(w => w.context && w.context.path === window.eifNotebookPath);

// drawn reports whether a chart element holds a canvas or svg of nonzero size.
const drawn = el => Array.from(el.querySelectorAll("canvas, svg"))
  .some(k => { const r = k.getBoundingClientRect(); return r.width > 0 && r.height > 0; });

// running reports whether a cell shows the running prompt, [*].
const running = cell => {
  const prompt = cell.node.querySelector(".jp-InputPrompt");
  return !!prompt && prompt.textContent.includes("*");
};

// explorerCell is the code cell of the current notebook whose source holds
// marker (the call that starts the interactive explorer), or undefined.
const explorerCell = marker => window.jupyterapp.shell.currentWidget.content.widgets
  .find(c => c.model.type === "code" && c.model.sharedModel.getSource().includes(marker));

// kernelStatus is the kernel status that JupyterLab's status bar shows
// ("Go (gonb) | Idle" gives "Idle").
const kernelStatus = () => {
  const bar = Array.from(document.querySelectorAll(".jp-StatusBar-TextItem")).map(e => e.textContent).find(s => s.includes("|")) || "";
  return bar.includes("|") ? bar.split("|").pop().trim() : bar;
};
