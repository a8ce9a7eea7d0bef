# Jupyter server settings of the EIF Notebooks image, in the venv's etc/jupyter
# (read by every server started from that venv: `docker run`, the hub's
# jupyterhub-singleuser). The same choices as `make lab`:
c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)

# Only the Go kernel is offered.
c.KernelSpecManager.allowed_kernelspecs = {"gonb"}
c.MappingKernelManager.default_kernel_name = "gonb"
# No request to other hosts: no news feed, no update check, no extension listing.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"
