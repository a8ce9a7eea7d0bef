// explorerDone(marker, i, deltat, fixed), for waitFor: presses the explorer's
// Done button, then is done ("") when the cell has ended with its final
// picture: the readout at I = i and Δ_T = deltat, with fixed fixed points
// (data-fixed-points, the same in either language).
(marker, i, deltat, fixed) => {
  const cell = explorerCell(marker);
  if (!cell) return "no cell calls " + marker;
  const out = cell.node;
  const b = out.querySelector(".eif-explorer-done button");
  if (b) { b.click(); return "pressed Done"; }
  if (!out.querySelector(".eif-explorer-ended")) return "no Done button and no end message";
  if (running(cell)) return "cell still running";
  const r = out.querySelector(".eif-explorer-readout");
  if (!r || r.dataset.i !== i || r.dataset.deltat !== deltat) return "final readout not at I = " + i + " nA, Δ_T = " + deltat + " mV";
  if (r.dataset.fixedPoints !== fixed) return "final readout shows " + r.dataset.fixedPoints + " fixed points, want " + fixed + ": " + r.textContent;
  return out.querySelectorAll(".eif-chart").length >= 2 ? "" : "final picture has fewer than 2 charts";
}
