// ready(path) gives "" when the notebook at path is open, loaded, and its
// kernel connected and idle; else what it waits for.
async path => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return "JupyterLab not started";
  window.eifNotebookPath = path;
  const w = panel();
  if (!w) return "notebook not open";
  if (!w.context.isReady || !w.content || !w.content.widgets.length) return "notebook not loaded";
  const s = w.sessionContext && w.sessionContext.session;
  if (!s || !s.kernel) return "no kernel";
  if (s.kernel.connectionStatus !== "connected") return "kernel " + s.kernel.connectionStatus;
  // The kernel's info, but not forever: in one of some thirty opens in CI the reply to
  // the page's kernel_info request never came (GoNB answers with the client's session
  // id; not understood further). The check that matters follows: connected and idle.
  await Promise.race([s.kernel.info, new Promise(done => setTimeout(done, 10000))]);
  // GoNB reports no status until its first execution: "unknown" is idle.
  if (s.kernel.status !== "idle" && s.kernel.status !== "unknown") return "kernel " + s.kernel.status;
  return "";
}
