#!/bin/sh
# install_jupyter_settings.sh VENV: put the project's Jupyter settings (jupyter/README.md)
# where every Jupyter server and JupyterLab started from the virtual environment VENV
# reads them: `make setup` (VENV = .venv) and the container image (deploy/Dockerfile).
set -eu
venv=${1:?usage: install_jupyter_settings.sh VENV}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$venv/share/jupyter/lab/settings" "$venv/share/jupyter/labextensions"
# an earlier set-up put the server part here; it is in scripts/lab_config.py now
rm -f "$venv/etc/jupyter/jupyter_server_config.json"
cp "$here/jupyter/overrides.json" "$venv/share/jupyter/lab/settings/overrides.json"
# The same settings with French as the default language of the interface, for
# `make lab LAB_LANG=fr` (scripts/lab.sh points --LabApp.app_settings_dir here).
rm -rf "$venv/share/jupyter/lab/settings-fr"
mkdir -p "$venv/share/jupyter/lab/settings-fr/overrides.d"
cp "$here/jupyter/overrides.json" "$venv/share/jupyter/lab/settings-fr/overrides.json"
cp "$here/jupyter/lang-fr.json" "$venv/share/jupyter/lab/settings-fr/overrides.d/eif-lang-fr.json"
rm -rf "$venv/share/jupyter/labextensions/eif-notebooks-start"
cp -R "$here/jupyter/labextensions/eif-notebooks-start" "$venv/share/jupyter/labextensions/"
