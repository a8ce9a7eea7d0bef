// runState() tells how far "run all" is in the open notebook: the kernel's
// status, the code cells running and those not run yet, and the outputs of
// each code cell (which the test judges in Go, by internal/notebooks' rule).
() => {
  const w = panel();
  const s = w.sessionContext.session;
  let todo = 0, busy = 0;
  const cells = [];
  w.content.widgets.forEach((c, i) => {
    if (c.model.type !== "code") return;
    if (running(c)) busy++;
    else if (c.model.sharedModel.getSource().trim() && c.model.executionCount == null) todo++;
    cells.push({cell: i, outputs: c.model.outputs.toJSON()});
  });
  return {kernel: s && s.kernel ? s.kernel.status : "none", todo, running: busy, cells};
}
