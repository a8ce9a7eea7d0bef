// closeNotebook() dismisses any dialog, shuts the open notebook's kernel
// down and closes it without saving, so the next step starts afresh.
async () => {
  for (const b of document.querySelectorAll(".jp-Dialog .jp-mod-reject")) b.click();
  const w = panel();
  if (!w) return true;
  await w.sessionContext.shutdown();
  w.context.model.dirty = false;
  w.dispose();
  return true;
}
