// The course website's own script, on every page (site/build.py). Opened from disk
// (file://), Sphinx's search cannot fetch the pages it found for their summaries:
// it lists the titles only.
if (location.protocol === "file:" && window.DOCUMENTATION_OPTIONS) {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
// The theme's mode, before the theme reads it: light (the charts are drawn on white), where
// the reader has chosen none (the theme logs an error for an empty one).
if (!document.documentElement.dataset.mode) {
  document.documentElement.dataset.mode = "light";
}
