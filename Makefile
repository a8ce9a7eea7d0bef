# EIF Notebooks: one entry point for people and CI.
#
#   make lab     JupyterLab on notebooks/ (sets everything up first; LAB_LANG=fr: the French edition)
#   make unit    the fast loop (under a minute): gofmt, go vet, the tests that need no kernel, browser or Docker
#   make test    gofmt, go vet, go test ./... (notebooks, browser, image and class tests): what CI runs
#   make run     execute every notebook headless into out/ (.ipynb + offline .html; French: out/fr/)
#   make site    the course website: out/site/ and out/eif-course-site.zip (both editions, offline)
#   make setup   only the set-up: .venv, pinned Go tools, GoNB kernel
#   make strip   remove outputs from notebooks/*.ipynb before committing
#   make image   build the container image eif-notebooks:latest (deploy/Dockerfile)
#   make hub     a local trial of the class hub on 127.0.0.1:8000, with demo accounts
#   make assignments  validate exercises/source/* and generate the student versions
#   make release, collect, grade, feedback   the graded work through the hub (docs/exercises.md)
#   make bench-cells  what each cell of notebook 02 costs, in a fresh kernel: unedited, after an edit of eif/
#   make clean   remove .venv, .venv-hub, out/ and bin/
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
VPY_ABS  := $(VENV_ABS)/bin/python
STAMPS   := $(VENV)/.stamps

LAB_HOST ?= 127.0.0.1
LAB_PORT ?= 8888
# The access token: random on each `make lab`, or from a file readable only by you
# (LAB_TOKEN_FILE=path), or from the environment (LAB_TOKEN); see scripts/lab.sh. It is
# never put on a command line. An empty token is refused unless LAB_NO_AUTH=1.
# Variables given on make's command line reach scripts/lab.sh through the environment.
ifneq ($(origin LAB_TOKEN),undefined)
export LAB_TOKEN
endif
export LAB_TOKEN_FILE LAB_NO_AUTH LAB_LANG
GO_TEST_FLAGS ?= -count=1 -timeout 45m
# make unit: -short skips every test that needs the GoNB kernel, Chromium, Docker or the hub
# (internal/browser, internal/docker and internal/hub skip by themselves).
UNIT_TEST_FLAGS ?= -short -count=1 -timeout 5m

# The Jupyter environment (Jupyter's folders in the venv, its bin/ first on PATH) is
# written once, in scripts/jupyter.env, which the scripts and the tests read too:
# each NAME=VALUE line is exported here, ${VENV} and ${PATH} replaced.
JUPYTER_ENV := $(shell sed -e '/^[[:space:]]*\#/d' -e '/^[[:space:]]*$$/d' scripts/jupyter.env)
jupyter_env_name = $(firstword $(subst =, ,$(1)))
jupyter_env_value = $(subst $${PATH},$(PATH),$(subst $${VENV},$(VENV_ABS),$(patsubst $(call jupyter_env_name,$(1))=%,%,$(1))))
$(foreach kv,$(JUPYTER_ENV),$(eval export $(call jupyter_env_name,$(kv)) := $(call jupyter_env_value,$(kv))))

GO_FILES = $(shell find . -name '*.go' -not -path './.venv/*' -not -path './out/*' -not -path './.git/*' -not -path './bin/*')

.PHONY: help setup prereqs git-filter lab run site site-setup unit test fmt-check vet go-test strip clean image docker-check hub-setup hub assignments release collect grade feedback bench-cells

help:
	@sed -n '3,15p' Makefile | sed 's/^# \{0,1\}//'

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

# Every module the notebooks import is pinned in go.mod: download them all, so that the
# kernel, which runs offline (GOPROXY=off, see scripts/install_kernel.py), finds them.
$(STAMPS)/modules: go.mod go.sum | $(STAMPS)/python
	@echo "== downloading the Go modules of go.mod into Go's module cache"
	go mod download
	@touch $@

$(STAMPS)/kernel: $(STAMPS)/gotools $(STAMPS)/python $(STAMPS)/modules scripts/install_kernel.py $(wildcard internal/cellcache/*.go internal/cmd/kernelgo/*.go)
	@echo "== registering the GoNB kernel in $(VENV)/share/jupyter"
	$(VPY) scripts/install_kernel.py
	@touch $@

# The project's Jupyter settings (jupyter/README.md), installed where every
# Jupyter server and JupyterLab started from this venv reads them, however it
# is started (make lab, the tests, a JupyterHub single-user server).
JUPYTER_FILES := $(shell find jupyter -type f)
$(STAMPS)/jupyter: $(JUPYTER_FILES) scripts/install_jupyter_settings.sh | $(STAMPS)/python
	@echo "== installing the project's Jupyter settings into $(VENV)"
	scripts/install_jupyter_settings.sh $(VENV)
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
# JupyterLab's settings (offline, only the Go kernel) are in scripts/lab_config.py,
# which the browser test loads too.
lab: setup
	@scripts/lab.sh $(LAB_HOST) $(LAB_PORT) $(LAB_ARGS)

run: setup
	go run ./internal/cmd/runnotebooks -out out -python $(VPY)

# Wall and CPU time of each cell of a notebook, Run All in a fresh kernel: unedited (the
# kernel's cell cache reuses the binaries), then after an edit of eif/ (every cell relinks);
# scripts/bench_cells.py says more. BENCH_ARGS="--runs 3 --complete" for more.
BENCH_ARGS ?=
bench-cells: setup
	$(VPY) scripts/bench_cells.py $(BENCH_ARGS)

# The course website (site/README.md): Jupyter Book 1 (site/requirements.txt, installed
# into .venv only when a site is built or tested, within requirements.txt's pins). Stale
# outputs in out/ are executed again first; a failing cell stops the build.
site: setup site-setup
	go run ./internal/cmd/site -out out -python $(VPY)

site-setup: $(STAMPS)/site
$(STAMPS)/site: site/requirements.txt requirements.txt | $(STAMPS)/python
	@echo "== installing the website's Python packages (site/requirements.txt)"
	$(VPY) -m pip install --quiet --disable-pip-version-check -r site/requirements.txt -c requirements.txt
	@touch $@

# ---------------------------------------------------------------- checks
test: setup site-setup fmt-check vet go-test

# No setup: the tests that need the venv (.venv) skip without it.
unit: fmt-check vet
	go test $(UNIT_TEST_FLAGS) ./...

fmt-check:
	@files="$(GO_FILES)"; [ -z "$$files" ] || bad=$$(gofmt -l $$files); \
	 if [ -n "$$bad" ]; then echo "gofmt needed on:" >&2; echo "$$bad" | sed 's/^/  /' >&2; exit 1; fi

vet:
	go vet ./...

# The whole suite, with the time of each package and of each slow test at the
# end (internal/cmd/testtimes; also in out/test/times.txt). go test runs the
# packages -p at a time (one per core) in the order given: the notebook tests,
# the longest, first, so that the others share the second core meanwhile. The
# class test measures time under load, so it runs alone, after the rest.
GO_TEST_PKGS ?= ./notebooktest/ ./...
ALONE_TEST   := ^TestClassOnHub$$
go-test:
	@mkdir -p out/test
	set -o pipefail; \
	{ go test -json $(GO_TEST_FLAGS) -skip '$(ALONE_TEST)' $(GO_TEST_PKGS); rest=$$?; \
	  go test -json $(GO_TEST_FLAGS) -run '$(ALONE_TEST)' ./deploytest/; alone=$$?; exit $$((rest | alone)); } \
	| go run ./internal/cmd/testtimes -o out/test/times.txt

# Clear outputs and execution counts, as committed notebooks must be.
strip: setup
	$(VENV)/bin/jupyter nbconvert --clear-output --inplace $(wildcard notebooks/*.ipynb notebooks/fr/*.ipynb)

clean:
	rm -rf $(VENV) $(HUB_VENV) out bin

# ---------------------------------------------------------------- classroom
# The image (deploy/Dockerfile) and the class hub (deploy/hub/); the teacher's
# guide is docs/classroom.md. Docker: the daemon at DOCKER_HOST, else the one
# deploy/dockerd.sh starts (its socket), else the system's.
IMAGE      ?= eif-notebooks:latest
# The base: a local debootstrap of Debian bookworm (deploy/base-image.sh), as no
# public registry is needed; BASE_IMAGE=debian:bookworm-slim uses the public one.
BASE_IMAGE ?= eif-base:bookworm
HUB_IP     ?= 127.0.0.1
HUB_PORT   ?= 8000
HUB_VENV   := .venv-hub
HUB_STATE  := out/hub
EIF_DOCKER_SOCK := /run/eif-docker/docker.sock
ifeq ($(origin DOCKER_HOST),undefined)
ifneq ($(wildcard $(EIF_DOCKER_SOCK)),)
export DOCKER_HOST := unix://$(EIF_DOCKER_SOCK)
endif
endif

docker-check:
	@command -v docker >/dev/null 2>&1 || { echo "ERROR: the docker command is missing (on Debian: apt-get install docker.io)" >&2; exit 1; }
	@docker version >/dev/null 2>&1 || { echo "ERROR: no Docker daemon answers at DOCKER_HOST=$${DOCKER_HOST:-unix:///var/run/docker.sock}; start one: sudo deploy/dockerd.sh (or systemctl start docker)" >&2; exit 1; }

image: docker-check
	@if [ "$(BASE_IMAGE)" = eif-base:bookworm ]; then deploy/base-image.sh $(BASE_IMAGE); fi
	@# The machine's own CAs (egress proxies), for pip and go during the build only.
	@cp -f /usr/local/share/ca-certificates/*.crt deploy/ca/ 2>/dev/null || true
	DOCKER_BUILDKIT=0 docker build --network host --build-arg BASE=$(BASE_IMAGE) -f deploy/Dockerfile -t $(IMAGE) .
	@docker image inspect -f '== $(IMAGE): {{.Size}} bytes' $(IMAGE)

# The hub's own venv (deploy/hub/requirements.txt) and proxy (npm, deploy/hub/package*.json).
hub-setup: $(HUB_VENV)/.stamp
$(HUB_VENV)/.stamp: deploy/hub/requirements.txt deploy/hub/package.json deploy/hub/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "ERROR: npm is required for the hub's proxy (on Debian: apt-get install npm)" >&2; exit 1; }
	@test -x $(HUB_VENV)/bin/python || { echo "== creating $(HUB_VENV)"; $(PYTHON) -m venv $(HUB_VENV); }
	$(HUB_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r deploy/hub/requirements.txt
	cp deploy/hub/package.json deploy/hub/package-lock.json $(HUB_VENV)/
	cd $(HUB_VENV) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# A local trial: demo accounts with a fresh password, the course served from a
# bare copy of this repository's HEAD without the assignments' sources
# (deploy/hub/publish-course.sh; commit first what students should get).
hub: hub-setup docker-check
	@docker image inspect $(IMAGE) >/dev/null 2>&1 || { echo "ERROR: the image $(IMAGE) is missing: run make image first" >&2; exit 1; }
	@mkdir -p $(HUB_STATE)
	@test -f $(HUB_STATE)/course.git/HEAD || git init --quiet --bare $(HUB_STATE)/course.git
	@deploy/hub/publish-course.sh $(HUB_STATE)/course.git main
	@git --git-dir=$(HUB_STATE)/course.git symbolic-ref HEAD refs/heads/main
	@pw=$$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n'); apw=$$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n'); \
	 echo; echo "  JupyterHub: http://$(HUB_IP):$(HUB_PORT)/"; \
	 echo "  students:   student1, student2, student3, password $$pw"; \
	 echo "  teacher:    teacher (admin), password $$apw"; \
	 echo "  A student's first login starts their server and pulls the course (nbgitpuller)."; \
	 echo "  Graded work: make assignments, then make release (exchange $(EXCHANGE); docs/exercises.md)."; \
	 echo "  Ctrl-C stops the hub and every student's server."; echo; \
	 EIF_HUB_AUTH=dummy EIF_HUB_PASSWORD=$$pw EIF_HUB_ADMIN_PASSWORD=$$apw \
	 EIF_HUB_USERS=student1,student2,student3 EIF_HUB_ADMINS=teacher \
	 EIF_HUB_IP=$(HUB_IP) EIF_HUB_PORT=$(HUB_PORT) EIF_HUB_STATE=$(HUB_STATE) EIF_IMAGE=$(IMAGE) \
	 EIF_COURSE_GIT_DIR=$(CURDIR)/$(HUB_STATE)/course.git EIF_NBGRADER_EXCHANGE=$(EXCHANGE) \
	 exec $(HUB_VENV)/bin/jupyterhub -f deploy/hub/jupyterhub_config.py

# ---------------------------------------------------------------- exercises (nbgrader)
# The course folder is exercises/ (nbgrader_config.py, and the course's
# additions to nbgrader in exercises/eifgrader/); docs/exercises.md is the
# teacher's guide. Each assignment is exercises/source/NAME/NAME.ipynb, and
# exercises/assignments pairs each English one with its French twin.
ASSIGNMENTS_EN := $(shell awk '!/^\#/ && NF {print $$1}' exercises/assignments)
ASSIGNMENTS_FR := $(shell awk '!/^\#/ && NF {print $$2}' exercises/assignments)
ASSIGNMENTS ?= $(ASSIGNMENTS_EN) $(ASSIGNMENTS_FR)
# The sources that make assignments runs with their solutions (nbgrader
# validate) before generating them: all of ASSIGNMENTS by default. The test
# validates fewer (exercises/exercises_test.go says which, and why).
VALIDATE ?= $(ASSIGNMENTS)
# The course folder: the test points it at a copy, so a class's gradebook is never touched.
COURSE ?= exercises
COURSE_ID ?= $(or $(EIF_COURSE_ID),eif)
# The exchange: the folder the hub mounts in the students' servers (its
# EIF_NBGRADER_EXCHANGE; make hub uses this one).
EXCHANGE ?= $(CURDIR)/$(HUB_STATE)/exchange
# The language of the class's assignments, en or fr; empty: the hub's
# EIF_CLASS_LANG, which the hub writes into EXCHANGE/COURSE_ID/class-lang.
CLASS_LANG ?=
# The due date that make release records (ISO 8601 with its offset, e.g. 2026-03-20 18:00:00+01:00).
DUE ?=
NBGRADER := $(VENV_ABS)/bin/nbgrader
# nbgrader, with the course's additions (exercises/eifgrader) importable.
NBG := PYTHONPATH=$(CURDIR)/exercises $(NBGRADER)
# The unprivileged user whose kernels run the students' code (required as root),
# and the folder of the gonb, gopls and goimports it runs.
GRADER_USER ?=
GRADER_TOOLS ?= $(VENV_ABS)/bin
# The eif module the source assignments' go.mod files point at (this checkout:
# validation and autograding), and the one the released ones point at, on the
# students' servers (the image's copy, deploy/Dockerfile).
MODULE_DIR ?= $(CURDIR)
STUDENT_MODULE_DIR ?= /opt/eif/eif-notebooks
# Per-cell timeouts of autograding (s): the setup cell may build with a cold Go cache.
EIF_CELL_TIMEOUT ?= 60
EIF_SETUP_TIMEOUT ?= 300
export EIF_CELL_TIMEOUT EIF_SETUP_TIMEOUT

# The class's assignments: ASSIGNMENTS given on make's command line (either
# language's names), else every assignment, each in the class's language.
define class_assignments
lang="$(CLASS_LANG)"; langfile="$(EXCHANGE)/$(COURSE_ID)/class-lang"; \
if [ -z "$$lang" ] && [ -f "$$langfile" ]; then lang=$$(cat "$$langfile"); fi; lang=$${lang:-en}; \
case $$lang in en) col=1;; fr) col=2;; *) echo "ERROR: the class language is '$$lang' (CLASS_LANG, or $$langfile): use en or fr" >&2; exit 1;; esac; \
names=""; for a in $(if $(filter command line,$(origin ASSIGNMENTS)),$(ASSIGNMENTS),$(ASSIGNMENTS_EN)); do \
  n=$$(awk -v a="$$a" -v c=$$col '!/^#/ && NF && ($$1 == a || $$2 == a) {print $$c}' exercises/assignments); \
  [ -n "$$n" ] || { echo "ERROR: no assignment $$a in exercises/assignments" >&2; exit 1; }; names="$$names $$n"; done
endef

# Each assignment gets a go.mod that points at MODULE_DIR (an absolute path,
# so it holds wherever nbgrader copies the folder: release/, submitted/,
# autograded/, where autograde restores the source's copy). Then nbgrader runs
# the source (every test must pass with the solutions), generates the student
# version in release/, whose go.mod points at STUDENT_MODULE_DIR, and no
# solution or hidden test may be left in it.
assignments: setup
	@cd $(COURSE) && for a in $(ASSIGNMENTS); do \
	  gomod() { printf 'module eif-exercises/%s\n\ngo 1.26.8\n\nrequire github.com/eif-notebooks/eif-notebooks v0.0.0-00010101000000-000000000000\n\nreplace github.com/eif-notebooks/eif-notebooks => %s\n' "$$a" "$$1"; }; \
	  gomod "$(MODULE_DIR)" > source/$$a/go.mod; \
	  case " $(VALIDATE) " in *" $$a "*) \
	  echo "== validating source/$$a/$$a.ipynb"; \
	  out=$$($(NBG) validate source/$$a/$$a.ipynb 2>/dev/null); echo "$$out" | grep -v '^$$'; \
	  echo "$$out" | grep -q '^Success! Your notebook passes all the tests.' || { echo "ERROR: source/$$a/$$a.ipynb fails its own tests" >&2; exit 1; };; \
	  *) echo "== not validating source/$$a/$$a.ipynb (not in VALIDATE)";; esac; \
	  echo "== generating release/$$a"; \
	  $(NBG) generate_assignment $$a --force --log-level=WARN || exit 1; \
	  gomod "$(STUDENT_MODULE_DIR)" > release/$$a/go.mod; \
	  if grep -l -E 'BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS' release/$$a/*.ipynb; then \
	    echo "ERROR: release/$$a still holds solution or hidden-test text" >&2; exit 1; fi; \
	done

# Release the class's assignments through the exchange (with DUE, record the
# due date first: a later submission is marked late).
release: setup
	@$(class_assignments); \
	 [ -d "$(EXCHANGE)/$(COURSE_ID)" ] || echo "WARNING: no hub has used the exchange $(EXCHANGE) yet (no $(EXCHANGE)/$(COURSE_ID)): is it the folder of the hub's EIF_NBGRADER_EXCHANGE?" >&2; \
	 cd $(COURSE) && for a in $$names; do \
	  [ -f release/$$a/$$a.ipynb ] || { echo "ERROR: release/$$a is missing: run make assignments first" >&2; exit 1; }; \
	  if [ -n "$(DUE)" ]; then $(NBG) db assignment add $$a --duedate="$(DUE)" --log-level=WARN || exit 1; fi; \
	  echo "== releasing $$a (class language: $$lang) to course $(COURSE_ID) in $(EXCHANGE)"; \
	  $(NBG) release_assignment $$a --force --course=$(COURSE_ID) --Exchange.root=$(EXCHANGE) --log-level=WARN || exit 1; \
	done

# Collect the latest submission of every student (a resubmission replaces the first).
collect: setup
	@$(class_assignments); cd $(COURSE) && for a in $$names; do \
	  echo "== collecting $$a"; \
	  $(NBG) collect $$a --update --course=$(COURSE_ID) --Exchange.root=$(EXCHANGE) --log-level=WARN || exit 1; \
	done

# Autograde every submission in COURSE/submitted/STUDENT/ASSIGNMENT/, then
# export the grades of the released assignments: grades.csv (one row per
# student and assignment) and grades-by-part.csv (one row per graded cell).
grade: setup
	@if [ "$$(id -u)" -eq 0 ] && [ -z "$(GRADER_USER)" ]; then \
	  echo "ERROR: make grade runs the students' code; as root, name an unprivileged user: make grade GRADER_USER=eif-grader (see docs/exercises.md)" >&2; exit 1; fi
	@if [ -n "$(GRADER_USER)" ]; then exercises/grader-setup.sh "$(GRADER_USER)" "$(MODULE_DIR)" "$(VENV_ABS)" "$(GRADER_TOOLS)"; fi
	@cd $(COURSE) && PYTHONPATH=$(CURDIR)/exercises $(VPY_ABS) -m eifgrader.prepare . $(ASSIGNMENTS) && for a in $(ASSIGNMENTS); do \
	  if ls -d submitted/*/$$a >/dev/null 2>&1; then \
	    echo "== autograding $$a: $$(ls -d submitted/*/$$a | cut -d/ -f2 | tr '\n' ' ')"; \
	    log=$$(EIF_GRADER_KERNEL=$(if $(GRADER_USER),gonb-grader) $(NBG) autograde $$a --force --log-level=WARN 2>&1); rc=$$?; \
	    echo "$$log" | grep -E '^\[AutogradeApp' | grep -v "Attribute 'checksum' for cell"; \
	    if [ $$rc -ne 0 ]; then echo "$$log" | tail -n 60 >&2; echo "ERROR: nbgrader autograde $$a failed (above)" >&2; exit 1; fi; \
	  fi; \
	done
	cd $(COURSE) && $(NBG) export --exporter=eifgrader.export.Grades --to grades.csv --Exchange.root=$(EXCHANGE) --log-level=WARN
	cd $(COURSE) && $(NBG) export --exporter=eifgrader.export.Parts --to grades-by-part.csv --Exchange.root=$(EXCHANGE) --log-level=WARN
	@echo "== grades: $(COURSE)/grades.csv, by part: $(COURSE)/grades-by-part.csv"

# Feedback: an HTML page per graded notebook, with the score of each cell,
# released through the exchange; each student fetches their own.
feedback: setup
	@$(class_assignments); cd $(COURSE) && for a in $$names; do \
	  if ls -d autograded/*/$$a >/dev/null 2>&1; then \
	    echo "== feedback for $$a"; \
	    $(NBG) generate_feedback $$a --force --log-level=WARN || exit 1; \
	    $(NBG) release_feedback $$a --course=$(COURSE_ID) --Exchange.root=$(EXCHANGE) --log-level=WARN || exit 1; \
	  fi; \
	done
