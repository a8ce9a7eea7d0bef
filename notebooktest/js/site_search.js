// siteSearch() is the number of results that the course website's search page lists,
// or -1 while the search runs.
() => {
  const box = document.getElementById("search-results");
  if (!box) return -1;
  const status = box.querySelector(".search-summary, p");
  if (!status || status.textContent === "") return -1;
  return box.querySelectorAll("ul.search li").length;
}
