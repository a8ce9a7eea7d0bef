// Package notebooks holds the project's Jupyter notebooks (*.ipynb, run on the
// GoNB Go kernel) and the Go tests that check them:
//
//   - clean_test.go: committed notebooks carry no outputs, no execution counts
//     and no absolute paths;
//   - execute_test.go: every notebook runs headless through the real GoNB
//     kernel without errors, and prints the numbers listed in checks_test.go;
//   - browser_test.go: every notebook runs in JupyterLab in headless Chromium,
//     its charts draw (also after save and reload), with no JavaScript error
//     and no request to a host other than this machine.
//
// Notebook authors edit checks_test.go to declare what their notebook must
// print and how many charts it must show. See README.md in this folder.
package notebooks
