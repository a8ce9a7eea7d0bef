# Read by every student's server when the hub is served over HTTPS
# (EIF_HUB_PUBLIC_URL=https://…): jupyterhub_config.py mounts this folder,
# read-only, in each container at /etc/eif-hub/jupyter and names it in
# JUPYTER_CONFIG_PATH. The server's _xsrf cookie then goes over HTTPS only, as
# every other cookie of the hub and of the server does.
c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)
c.ServerApp.tornado_settings = {"xsrf_cookie_kwargs": {"secure": True}}
