// labStarted() reports whether JupyterLab has started and shows its file browser.
() => !!(window.jupyterapp && window.jupyterapp.shell && document.querySelector(".jp-DirListing-item"))
