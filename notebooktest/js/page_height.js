// pageHeight() scrolls the open notebook to its top and gives the window
// height that shows all of it: the notebook scrolls inside its panel.
() => {
  const w = panel();
  const outer = w.content.outerNode || w.content.node;
  outer.scrollTop = 0;
  return window.innerHeight - outer.clientHeight + outer.scrollHeight + 40;
}
