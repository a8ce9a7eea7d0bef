// explorerValues(marker) gives the texts beside the explorer's sliders.
marker => Array.from(explorerCell(marker).node.querySelectorAll(".eif-slider-value")).map(e => e.textContent)
