// Package site builds the course website (make site): the executed notebooks of both
// editions as a Jupyter Book (site/), with the explorer of notebook 04 compiled to
// WebAssembly, into out/site/, and the same site as out/eif-course-site.zip.
//
// Go decides what goes in (the notebooks of internal/notebooks.List, fresh and without a
// failing cell) and builds the explorer; site/build.py, with the Jupyter Book of
// site/requirements.txt, builds the pages. See site/README.md.
package site
