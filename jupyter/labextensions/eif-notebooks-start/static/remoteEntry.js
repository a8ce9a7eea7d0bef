// EIF Notebooks: a JupyterLab (and Notebook 7) plugin, written by hand as a
// prebuilt extension (no build step): the module-federation container that
// JupyterLab loads is the object registered at the end of this file.
//
// Why: right after a notebook opens, its kernel session is still being
// created. JupyterLab then drops a Run All (or Shift+Enter): it opens a
// "Select Kernel" dialog, or the cells fail with "Session has no kernel" and
// nothing runs. This plugin makes every run command wait until the current
// notebook's session has a kernel, then runs it as given. Once the kernel is
// there, the kernel connection queues the requests until the kernel answers.
var _JUPYTERLAB;
(function () {
  "use strict";

  // Commands that run cells (notebook toolbar, Run menu, keyboard shortcuts).
  const runCommands = new Set([
    "notebook:run-all-cells",
    "notebook:run-all-above",
    "notebook:run-all-below",
    "notebook:run-cell",
    "notebook:run-cell-and-select-next",
    "notebook:run-cell-and-insert-below",
    "notebook:run-in-console",
    "notebook:restart-run-all",
    "runmenu:run",
    "runmenu:run-all",
  ]);
  const waitLimit = 120000; // ms: never hold a command longer than this

  // kernelThere resolves when the session context has a kernel (or is
  // disposed, or after waitLimit ms), whichever comes first.
  function kernelThere(sessionContext) {
    const has = () => sessionContext.isDisposed || !!(sessionContext.session && sessionContext.session.kernel);
    if (has()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (!has()) return;
        sessionContext.sessionChanged.disconnect(done);
        sessionContext.kernelChanged.disconnect(done);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        sessionContext.sessionChanged.disconnect(done);
        sessionContext.kernelChanged.disconnect(done);
        resolve();
      }, waitLimit);
      sessionContext.sessionChanged.connect(done);
      sessionContext.kernelChanged.connect(done);
    });
  }

  const plugin = {
    id: "eif-notebooks-start:plugin",
    description: "Run commands given while the kernel starts wait for the kernel.",
    autoStart: true,
    activate(app) {
      const commands = app.commands;
      const execute = commands.execute.bind(commands);
      commands.execute = function (id, args) {
        const widget = app.shell.currentWidget;
        const sessionContext = widget && widget.sessionContext;
        if (!runCommands.has(id) || !sessionContext || sessionContext.isDisposed ||
            (sessionContext.session && sessionContext.session.kernel)) {
          return execute(id, args);
        }
        return kernelThere(sessionContext).then(() => execute(id, args));
      };
    },
  };

  const container = {
    init() {},
    get(module) {
      if (module !== "./extension") {
        return Promise.reject(new Error("eif-notebooks-start: no module " + module));
      }
      return Promise.resolve(() => ({ __esModule: true, default: [plugin] }));
    },
  };
  (_JUPYTERLAB = _JUPYTERLAB || {})["eif-notebooks-start"] = container;
})();
