"""JupyterLab settings of this project: `make lab` and the browser test load this file
(`jupyter lab --config=scripts/lab_config.py`).

- Offline: no announcements feed, no update check and no extension-manager listing, so
  the server makes no request to hosts other than this machine.
- Only the Go kernel: the GoNB kernel is the one listed and the only one that starts.
  `KernelSpecManager.allowed_kernelspecs` alone hides the others from the list but still
  starts them by name (jupyter_client's get_kernel_spec does not look at it, and falls back
  to the venv's ipykernel for "python3"): a POST /api/kernels {"name": "python3"} would
  give a Python kernel running as this user. GoOnlyKernelSpecManager knows no other
  kernel, and GoOnlyKernelManager answers such a request (or a session asking for
  another kernel) with 403 and a message, before anything starts.
- The kernel's status from the start: jupyter_server's untracked_message_types, less
  kernel_info_request. JupyterLab ignores status messages whose parent is untracked, and
  GoNB sends none but those of kernel_info requests before the first cell runs, so the
  status bar read "Unknown" until then; now it reads Idle as soon as the kernel is up.
  (jupyter/README.md has the rest of the Run-All-at-start fix.)
"""

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web

c = get_config()  # noqa: F821 (defined by traitlets when it loads this file)

c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"

KERNELS = {"gonb"}


class GoOnlyKernelSpecManager(KernelSpecManager):
    """A KernelSpecManager that knows only the kernels of allowed_kernelspecs."""

    def get_kernel_spec(self, kernel_name):
        if kernel_name not in self.allowed_kernelspecs:
            raise NoSuchKernel(kernel_name)
        return super().get_kernel_spec(kernel_name)


class GoOnlyKernelManager(AsyncMappingKernelManager):
    """A kernel manager that starts only the kernels of KERNELS."""

    async def start_kernel(self, *args, **kwargs):
        name = kwargs.get("kernel_name") or self.default_kernel_name
        if name not in KERNELS:
            raise web.HTTPError(403, f"only the Go kernel can be started here ({', '.join(sorted(KERNELS))}), not {name!r}")
        return await super().start_kernel(*args, **kwargs)


c.ServerApp.kernel_spec_manager_class = GoOnlyKernelSpecManager
c.ServerApp.kernel_manager_class = GoOnlyKernelManager
c.KernelSpecManager.allowed_kernelspecs = KERNELS
c.KernelSpecManager.ensure_native_kernel = False
c.MappingKernelManager.default_kernel_name = "gonb"
c.MappingKernelManager.untracked_message_types = [
    "comm_info_request", "comm_info_reply", "kernel_info_reply", "shutdown_request",
    "shutdown_reply", "interrupt_request", "interrupt_reply", "debug_request",
    "debug_reply", "stream", "display_data", "update_display_data",
    "execute_input", "execute_result", "error", "status",
    "clear_output", "debug_event", "input_request", "input_reply",
]
