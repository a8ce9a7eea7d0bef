// startOpen(path, loaded) makes path the open notebook and starts watching
// it; unless the page was loaded with its address (loaded), it opens it from
// the open JupyterLab, as a double click in the file browser does. The watch
// records, in window.__eifStart.marks, when (ms since the page loaded) the
// notebook got its model, a kernel, a connection and a status; and in
// window.__eifStart.statuses the kernel statuses it went through.
(path, loaded) => {
  window.eifNotebookPath = path;
  const st = window.__eifStart = {statuses: [], marks: {}};
  const m = st.marks, t = () => Math.round(performance.now());
  const poll = setInterval(() => {
    const w = panel();
    if (!w) return;
    const sc = w.sessionContext, k = sc.session && sc.session.kernel;
    m.widget = m.widget || t();
    if (w.context.isReady && !m.contextReady) m.contextReady = t();
    if (k && !m.kernel) m.kernel = t();
    if (k && k.connectionStatus === "connected" && !m.connected) m.connected = t();
    if (k && st.statuses[st.statuses.length - 1] !== k.status) st.statuses.push(k.status);
    if (w.isDisposed) clearInterval(poll);
  }, 50);
  if (!loaded) window.jupyterapp.commands.execute("docmanager:open", {path});
  return true;
}
