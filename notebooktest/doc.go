// Package notebooktest holds the Go tests that check the project's Jupyter
// notebooks (../notebooks/*.ipynb and the French edition ../notebooks/fr/*.ipynb,
// listed by internal/notebooks, run on the GoNB Go kernel), and the table of
// what each notebook must print and show (checks.go), which the image and
// class tests of deploytest use too. The tests run in the notebooks' folder
// (main_test.go), as the kernel does, so that folder holds only the notebooks
// and their README.
//
// The package's own code:
//   - checks.go: what each notebook must print (PrintedNumbers) and how many
//     charts it must show (MinCharts): the file notebook authors edit;
//   - numbers.go: CheckExecuted, the check of an executed notebook: internal/
//     notebooks' failing-cell rule, then the printed numbers.
//
// The tests:
//   - clean_test.go: committed notebooks carry no outputs, no execution counts
//     and no absolute paths; the check tables name real notebooks; the git
//     filter strips outputs;
//   - scan_test.go: the failing-cell rule and the number check on made-up
//     executed notebooks (no kernel);
//   - sync_test.go: the French edition has the English one's cells and Go code;
//   - execute_test.go: every notebook runs headless through the real GoNB
//     kernel without errors, offline (internal/offline: a network namespace
//     under strace), prints the numbers of checks.go, and its HTML export
//     draws offline in Chromium;
//   - setup_test.go: a notebook without its setup cell says what to do;
//   - memory_test.go: every parameter cell, edited to its worst values, stays
//     under 500 MB (the English notebooks and one French one, notebooks.Sample);
//   - browser_test.go, startup_browser_test.go, ux_browser_test.go,
//     explorer_browser_test.go: every notebook runs in JupyterLab in headless
//     Chromium, its charts draw (also after save and reload), with no
//     JavaScript error and no connection to a host other than the lab server
//     (JupyterLab from internal/jupyterlab, Chromium and its page watcher from
//     internal/browser); lab_page_test.go drives one notebook's page with the
//     JavaScript of js/*.js (js_test.go); browser_test.go also holds
//     browserSteps, the extra steps of a notebook;
//   - lab_test.go: the real `make lab` (token, kernels, ports);
//   - site_test.go: the course website (make site, internal/site) built from the
//     executed notebooks, served on loopback and opened unzipped from disk in
//     headless Chromium offline: charts, equations, the edition switch, search,
//     the WebAssembly explorer moved and timed (js/site_*.js);
//   - env_test.go, main_test.go: the repository's root, the venv, the
//     notebooks' list, and the working folder;
//   - learning_test.go, french_test.go, map_test.go: the student's loop (issue 23):
//     every notebook's learning path (objectives, predict-then-run, "Your turn",
//     key points, short cells), the French of the French edition (docs/calques-fr.txt),
//     the glossary, and the map from the report to the notebooks;
//
// The tooling shared with the other test packages is in internal/: testenv
// (root, venv, skip-or-fail, ports), notebooks (the list, the .ipynb format,
// the failing-cell rule), browser, jupyterlab and offline.
//
// The container image, the class hub and Kubernetes are tested in
// ../deploytest. Notebook authors edit checks.go to declare what their
// notebook must print and how many charts it must show; a French notebook is
// held to its English twin's entries. What makes a cell fail is
// internal/notebooks' rule. See ../notebooks/README.md.
package notebooktest
