// explorerTiming(key) gives the ms from the input event of the slider move
// key to the new readout (seen) and to both charts redrawn (painted).
key => {
  const s = window.__eifExplorer[key];
  return {seen: s.seen - s.sent, painted: s.painted - s.sent};
}
