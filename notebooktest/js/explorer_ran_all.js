// explorerRanAll(marker) gives "" when, after Run All, the explorer's cell
// shows its end message, saying it ended at once (data-end="runall", in either language), and kept its picture.
marker => {
  const cell = explorerCell(marker);
  if (!cell) return "no cell calls " + marker;
  const end = cell.node.querySelector(".eif-explorer-ended");
  if (!end) return "no end message of the explorer after Run All";
  if (end.dataset.end !== "runall") return "the explorer did not end at once under Run All: " + end.textContent;
  return cell.node.querySelectorAll(".eif-chart").length >= 2 ? "" : "no picture left by the explorer after Run All";
}
