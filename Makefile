# EIF Notebooks: one entry point for people and CI.
#
#   make lab     JupyterLab on notebooks/ (sets everything up first)
#   make test    gofmt, go vet, go test ./... (notebook execution + browser test)
#   make run     execute every notebook headless into out/ (.ipynb + offline .html)
#   make setup   only the set-up: .venv, pinned Go tools, GoNB kernel
#   make strip   remove outputs from notebooks/*.ipynb before committing
#   make assignments  validate exercises/source/* and generate the student versions
#   make grade   autograde exercises/submitted/*, write exercises/grades*.csv
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

.PHONY: help setup prereqs lab run test fmt-check vet go-test strip clean assignments grade

help:
	@sed -n '3,11p' Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------- setup
setup: prereqs $(STAMPS)/kernel

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

# ---------------------------------------------------------------- use
lab: setup
	@if (exec 3<>/dev/tcp/$(LAB_HOST)/$(LAB_PORT)) 2>/dev/null; then \
	   echo "ERROR: port $(LAB_PORT) on $(LAB_HOST) is in use; try: make lab LAB_PORT=8899" >&2; exit 1; fi
	@echo
	@echo "  JupyterLab: http://$(LAB_HOST):$(LAB_PORT)/lab?token=$(LAB_TOKEN)"
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

# ---------------------------------------------------------------- exercises (nbgrader)
# The course folder is exercises/ (nbgrader_config.py); docs/exercises.md is
# the teacher's guide. Each assignment is exercises/source/NAME/NAME.ipynb.
ASSIGNMENTS ?= part-a part-b beyond
# The course folder: the test points it at a copy, so a class's gradebook is never touched.
COURSE ?= exercises
NBGRADER := $(VENV_ABS)/bin/nbgrader
# The unprivileged user whose kernels run the students' code (required as root),
# and the folder of the gonb, gopls and goimports it runs.
GRADER_USER ?=
GRADER_TOOLS ?= $(VENV_ABS)/bin
# The eif module the assignments' go.mod files point at (this checkout).
MODULE_DIR ?= $(CURDIR)
# Per-cell timeouts of autograding (s): the setup cell may build with a cold Go cache.
EIF_CELL_TIMEOUT ?= 60
EIF_SETUP_TIMEOUT ?= 300
export EIF_CELL_TIMEOUT EIF_SETUP_TIMEOUT

# Each assignment gets a go.mod that points at this checkout (an absolute
# path, so it holds wherever nbgrader copies the folder: release/, a student's
# home through the exchange, submitted/, autograded/). Then nbgrader runs the
# source (every test must pass with the solutions), generates the student
# version in release/, and no solution or hidden test may be left in it.
assignments: setup
	@cd $(COURSE) && for a in $(ASSIGNMENTS); do \
	  printf 'module eif-exercises/%s\n\ngo 1.26.8\n\nrequire github.com/eif-notebooks/eif-notebooks v0.0.0-00010101000000-000000000000\n\nreplace github.com/eif-notebooks/eif-notebooks => %s\n' \
	    "$$a" "$(MODULE_DIR)" > source/$$a/go.mod; \
	  echo "== validating source/$$a/$$a.ipynb"; \
	  out=$$($(NBGRADER) validate source/$$a/$$a.ipynb 2>/dev/null); echo "$$out" | grep -v '^$$'; \
	  echo "$$out" | grep -q '^Success! Your notebook passes all the tests.' || { echo "ERROR: source/$$a/$$a.ipynb fails its own tests" >&2; exit 1; }; \
	  echo "== generating release/$$a"; \
	  $(NBGRADER) generate_assignment $$a --force --log-level=WARN || exit 1; \
	  if grep -l -E 'BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS' release/$$a/*.ipynb; then \
	    echo "ERROR: release/$$a still holds solution or hidden-test text" >&2; exit 1; fi; \
	done

# Autograde every submission in exercises/submitted/STUDENT/ASSIGNMENT/, then
# export the grades: grades.csv (nbgrader's table, one row per student and
# assignment) and grades-by-part.csv (one row per graded cell).
grade: setup
	@if [ "$$(id -u)" -eq 0 ] && [ -z "$(GRADER_USER)" ]; then \
	  echo "ERROR: make grade runs the students' code; as root, name an unprivileged user: make grade GRADER_USER=eif-grader (see docs/exercises.md)" >&2; exit 1; fi
	@if [ -n "$(GRADER_USER)" ]; then exercises/grader-setup.sh "$(GRADER_USER)" "$(MODULE_DIR)" "$(VENV_ABS)" "$(GRADER_TOOLS)"; fi
	@cd $(COURSE) && for a in $(ASSIGNMENTS); do \
	  if ls -d submitted/*/$$a >/dev/null 2>&1; then \
	    echo "== autograding $$a: $$(ls -d submitted/*/$$a | cut -d/ -f2 | tr '\n' ' ')"; \
	    EIF_GRADER_KERNEL=$(if $(GRADER_USER),gonb-grader) $(NBGRADER) autograde $$a --force --log-level=WARN 2>&1 \
	      | grep -E '^\[AutogradeApp' | grep -v "Attribute 'checksum' for cell"; \
	    [ "$${PIPESTATUS[0]}" -eq 0 ] || exit 1; \
	  fi; \
	done
	cd $(COURSE) && $(NBGRADER) export --to grades.csv --log-level=WARN
	cd $(COURSE) && PYTHONPATH=$(CURDIR)/exercises $(NBGRADER) export --exporter=grades_by_part.PartsExportPlugin --to grades-by-part.csv --log-level=WARN
	@echo "== grades: $(COURSE)/grades.csv, by part: $(COURSE)/grades-by-part.csv"
