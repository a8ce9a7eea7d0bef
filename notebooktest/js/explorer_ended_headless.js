// explorerEndedHeadless(marker) gives "" when the explorer's cell shows its end
// message saying no page connected its sliders (data-end="headless", in either
// language), and kept its picture.
marker => {
  const cell = explorerCell(marker);
  if (!cell) return "no cell calls " + marker;
  const end = cell.node.querySelector(".eif-explorer-ended");
  if (!end) return "no end message of the explorer";
  if (end.dataset.end !== "headless") return "the explorer did not end without a page: " + end.textContent;
  return cell.node.querySelectorAll(".eif-chart").length >= 2 ? "" : "no picture left by the explorer";
}
