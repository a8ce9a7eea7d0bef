// explorerEnded(marker, end, how) gives "" when the explorer's cell shows its end
// message with data-end = end (in either language: "runall" when it ended at once
// under Run All, "headless" when no page connected its sliders), and kept its
// picture; how names that ending in the messages.
(marker, end, how) => {
  const cell = explorerCell(marker);
  if (!cell) return "no cell calls " + marker;
  const shown = cell.node.querySelector(".eif-explorer-ended");
  if (!shown) return "no end message of the explorer";
  if (shown.dataset.end !== end) return "the explorer did not end " + how + ": " + shown.textContent;
  return cell.node.querySelectorAll(".eif-chart").length >= 2 ? "" : "no picture left by the explorer";
}
