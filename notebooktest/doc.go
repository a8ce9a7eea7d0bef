// Package notebooktest holds the Go tests that check the project's Jupyter
// notebooks (../notebooks/*.ipynb and the French edition ../notebooks/fr/*.ipynb,
// listed by internal/notebooks, run on the GoNB Go kernel) and the classroom
// built on them. The tests run in the notebooks' folder (see main_test.go), as
// the kernel does, so that folder holds only the notebooks and their README.
//
//   - clean_test.go: committed notebooks carry no outputs, no execution counts
//     and no absolute paths;
//   - execute_test.go: every notebook runs headless through the real GoNB
//     kernel without errors, offline, and prints the numbers listed in
//     checks_test.go;
//   - browser_test.go, startup_browser_test.go, ux_browser_test.go,
//     explorer_browser_test.go: every notebook runs in JupyterLab in headless
//     Chromium, its charts draw (also after save and reload), with no
//     JavaScript error and no connection to a host other than the lab server;
//     lab_server_test.go starts JupyterLab, page_watch_test.go Chromium
//     (internal/browser) and what it watches, lab_page_test.go drives one
//     notebook's page with the JavaScript of js/*.js (js_test.go);
//   - image_test.go, class_test.go, hub_preflight_test.go, sigint_test.go,
//     k8s_values_test.go: the container image, the class hub and Kubernetes.
//
// Notebook authors edit checks_test.go to declare what their notebook must
// print and how many charts it must show; a French notebook is held to its
// English twin's entries. What makes a cell fail is internal/notebooks' rule.
// See ../notebooks/README.md.
package notebooktest
