# EIF Notebooks: one entry point for people and CI.
#
#   make lab     JupyterLab on notebooks/ (sets everything up first)
#   make test    gofmt, go vet, go test ./... (notebook execution + browser test)
#   make run     execute every notebook headless into out/ (.ipynb + offline .html)
#   make setup   only the set-up: .venv, pinned Go tools, GoNB kernel
#   make strip   remove outputs from notebooks/*.ipynb before committing
#   make clean   remove .venv, out/ and bin/
#
# Everything lives inside the repository: the Python packages, the Go tools
# (gonb, gopls, goimports) and the Jupyter kernel are in .venv; Jupyter's data,
# config and runtime folders are pointed into .venv, so nothing is written
# under ~/.local/share/jupyter or ~/.jupyter.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON   ?= python3
VENV     := .venv
VENV_ABS := $(CURDIR)/$(VENV)
VPY      := $(VENV)/bin/python
STAMPS   := $(VENV)/.stamps

LAB_HOST ?= 127.0.0.1
LAB_PORT ?= 8888
# A fresh random token per `make lab`, unless given: make lab LAB_TOKEN=...
ifndef LAB_TOKEN
LAB_TOKEN := $(shell od -An -N16 -tx1 /dev/urandom 2>/dev/null | tr -d ' \n')
endif
GO_TEST_FLAGS ?= -count=1 -timeout 45m

export JUPYTER_DATA_DIR    := $(VENV_ABS)/share/jupyter
export JUPYTER_PATH        := $(VENV_ABS)/share/jupyter
export JUPYTER_CONFIG_DIR  := $(VENV_ABS)/etc/jupyter
export JUPYTER_RUNTIME_DIR := $(VENV_ABS)/share/jupyter/runtime
export JUPYTER_PLATFORM_DIRS := 1
export IPYTHONDIR          := $(VENV_ABS)/etc/ipython
export PATH := $(VENV_ABS)/bin:$(PATH)

# JupyterLab options shared by `make lab` (the browser test passes the same):
# no announcements feed, no update check and no extension-manager listing, so
# the server makes no request to hosts other than this machine.
LAB_OFFLINE_FLAGS := --LabApp.news_url=None \
	--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	--LabApp.extension_manager=readonly
# Only the Go kernel is offered (the venv's ipykernel would add a Python one).
LAB_KERNEL_FLAGS := --KernelSpecManager.allowed_kernelspecs=gonb \
	--MappingKernelManager.default_kernel_name=gonb

GO_FILES = $(shell find . -name '*.go' -not -path './.venv/*' -not -path './out/*' -not -path './.git/*' -not -path './bin/*')

.PHONY: help setup prereqs git-filter lab run test fmt-check vet go-test strip clean

help:
	@sed -n '3,9p' Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------- setup
setup: prereqs $(STAMPS)/kernel $(STAMPS)/jupyter git-filter

# One clear message per missing prerequisite.
prereqs:
	@command -v go >/dev/null 2>&1 || { echo "ERROR: Go >= 1.26 is required, but 'go' is not on PATH." >&2; exit 1; }
	@v=$$(go env GOVERSION | sed 's/^go//'); \
	 if ! printf '1.26\n%s\n' "$${v%%[-+ ]*}" | sort -V -C; then \
	   echo "ERROR: Go >= 1.26 is required, found go$$v ($$(command -v go))." >&2; exit 1; fi
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "ERROR: Python >= 3.10 is required, but '$(PYTHON)' is not on PATH (set PYTHON=/path/to/python3)." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { echo "ERROR: Python >= 3.10 is required, found $$($(PYTHON) -V 2>&1) ($$(command -v $(PYTHON)))." >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "ERROR: $(PYTHON) has no working 'venv' module (on Debian/Ubuntu: apt-get install python3-venv)." >&2; exit 1; }

$(STAMPS)/python: requirements.txt
	@test -x $(VPY) || { echo "== creating $(VENV) with $$($(PYTHON) -V)"; $(PYTHON) -m venv $(VENV); }
	@echo "== installing Python packages (requirements.txt)"
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

# Pinned Go tools, each from its own tools module (see tools/*/go.mod).
$(STAMPS)/gotools: tools/gonb/go.mod tools/gonb/go.sum tools/gopls/go.mod tools/gopls/go.sum | $(STAMPS)/python
	@echo "== building gonb, gopls, goimports into $(VENV)/bin"
	cd tools/gonb && GOBIN=$(VENV_ABS)/bin go install tool
	cd tools/gopls && GOBIN=$(VENV_ABS)/bin go install tool
	@touch $@

$(STAMPS)/kernel: $(STAMPS)/gotools $(STAMPS)/python scripts/install_kernel.py
	@echo "== registering the GoNB kernel in $(VENV)/share/jupyter"
	$(VPY) scripts/install_kernel.py
	@touch $@

# The project's Jupyter settings (jupyter/README.md), installed where every
# Jupyter server and JupyterLab started from this venv reads them, however it
# is started (make lab, the tests, a JupyterHub single-user server).
JUPYTER_FILES := $(shell find jupyter -type f)
$(STAMPS)/jupyter: $(JUPYTER_FILES) | $(STAMPS)/python
	@echo "== installing the project's Jupyter settings into $(VENV)"
	mkdir -p $(VENV)/share/jupyter/lab/settings $(VENV)/etc/jupyter $(VENV)/share/jupyter/labextensions
	cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	cp jupyter/jupyter_server_config.json $(VENV)/etc/jupyter/jupyter_server_config.json
	rm -rf $(VENV)/share/jupyter/labextensions/eif-notebooks-start
	cp -R jupyter/labextensions/eif-notebooks-start $(VENV)/share/jupyter/labextensions/
	@touch $@

# The git filter named in .gitattributes: what git commits of a notebook has
# no outputs (nbstripout), the working copy keeps them. It is set in this
# clone's git config (the command is relative: git runs it at the top of the
# working tree); outside a git checkout there is nothing to do.
git-filter:
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	   git config filter.nbstripout.clean 'sh scripts/nbstripout-clean' && \
	   git config filter.nbstripout.smudge cat; \
	 fi

# ---------------------------------------------------------------- use
lab: setup
	@if (exec 3<>/dev/tcp/$(LAB_HOST)/$(LAB_PORT)) 2>/dev/null; then \
	   echo "ERROR: port $(LAB_PORT) on $(LAB_HOST) is in use; try: make lab LAB_PORT=8899" >&2; exit 1; fi
	@echo
	@echo "  JupyterLab: http://$(LAB_HOST):$(LAB_PORT)/lab?token=$(LAB_TOKEN)"
	@echo "  Notebook 7: http://$(LAB_HOST):$(LAB_PORT)/tree?token=$(LAB_TOKEN)"
	@echo "  (stop it with Ctrl-C)"
	@echo
	@echo "$(VENV)/bin/jupyter lab --notebook-dir=notebooks ..."
	@$(VENV)/bin/jupyter lab --notebook-dir=notebooks \
	  --ServerApp.ip=$(LAB_HOST) --ServerApp.port=$(LAB_PORT) --ServerApp.port_retries=0 \
	  --IdentityProvider.token=$(LAB_TOKEN) \
	  $(LAB_OFFLINE_FLAGS) $(LAB_KERNEL_FLAGS) $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

run: setup
	$(VPY) scripts/run_notebooks.py --out out

# ---------------------------------------------------------------- checks
test: setup fmt-check vet go-test

fmt-check:
	@files="$(GO_FILES)"; [ -z "$$files" ] || bad=$$(gofmt -l $$files); \
	 if [ -n "$$bad" ]; then echo "gofmt needed on:" >&2; echo "$$bad" | sed 's/^/  /' >&2; exit 1; fi

vet:
	go vet ./...

go-test:
	go test $(GO_TEST_FLAGS) ./...

# Clear outputs and execution counts, as committed notebooks must be.
strip: setup
	$(VENV)/bin/jupyter nbconvert --clear-output --inplace notebooks/*.ipynb

clean:
	rm -rf $(VENV) out bin
