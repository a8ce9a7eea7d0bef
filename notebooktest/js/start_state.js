// startState() reports the state of start.ipynb's run (startTry in
// startup_browser_test.go): every cell ran and printed its marker, the
// dialogs shown, the kernel status in the status bar, and what start_open.js saw.
() => {
  const w = panel();
  const st = window.__eifStart;
  const dialogs = Array.from(document.querySelectorAll(".jp-Dialog .jp-Dialog-header")).map(d => d.textContent.trim());
  if (!w) return {done: false, dialogs, status: "no notebook", missing: [], statuses: st.statuses, marks: st.marks};
  const missing = [];
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== "code" || !c.model.sharedModel.getSource().trim()) return;
    const text = c.model.outputs.toJSON().map(o => JSON.stringify(o)).join("");
    const marker = (c.model.sharedModel.getSource().match(/start-marker-\d+/) || [""])[0];
    if (c.model.executionCount == null || !text.includes(marker)) missing.push(i);
  });
  return {done: missing.length === 0, dialogs, status: kernelStatus(), missing, statuses: st.statuses, marks: st.marks};
}
