# Two commands matter: `make serve` (build and serve with live reload) and `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON := $(shell devtools/find-python.sh)
VENV := .venv
BIN := $(VENV)/bin
export PYTHONPATH := $(CURDIR)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve site new-edition test test-fast test-engines lint bench stdlib-keep lock chromium nginx engines debian-lock clean

help:
	@echo "make serve  build the site and serve it at http://127.0.0.1:8000 with live reload"
	@echo "make site   build every edition of the deployable site into site/"
	@echo "make new-edition ID=2 LABEL='Edition 2' SUMMARY='…'  start the next edition"
	@echo "make test   run every test (unit, Pyodide under Node, end to end in Chromium, Firefox, WebKit)"
	@echo "make bench  measure load times and page weights (not a test)"
	@echo "make stdlib-keep  find the stdlib modules the Pyodide bundle keeps (by running them)"

$(BIN)/.stamp: requirements.lock requirements-pip.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.13 is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements-pip.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

deps: $(BIN)/.stamp node_modules/.stamp

serve: deps
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# Every edition in editions/editions.toml, into site/ (see build_scripts/publish.py).
site: deps
	$(BIN)/python -m build_scripts.publish --site-dir site

# Start the next edition: make new-edition ID=2 LABEL="Edition 2" SUMMARY="…" [EFFECTIVE=2027-04-01]
new-edition: deps
	$(BIN)/python -m build_scripts.editions.new_edition --id "$(ID)" --label "$(LABEL)" \
	  --summary "$(SUMMARY)" $(if $(EFFECTIVE),--effective "$(EFFECTIVE)")

# Chromium for the browser tests: Debian's package (Playwright cannot download browsers here).
chromium:
	@devtools/ensure-chromium.sh

# nginx for the hosting tests (the site served with build/hosting/nginx.conf): Debian's package.
nginx:
	@devtools/ensure-nginx.sh

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict calculators
	node_modules/.bin/eslint .

# Firefox ESR, WebKitGTK's WebDriver and Xvfb for the cross-engine tests (tests/engines/).
engines:
	@devtools/ensure-engines.sh

# After a green make test on Debian's newer builds: record the installed versions as the tested ones.
debian-lock:
	@awk '/^[a-z]/ { print $$1 }' devtools/debian-packages.lock | while read -r p; do \
	  v="$$(dpkg-query -W -f '$${Version}' "$$p")" && \
	  sed -i "s|^$$p .*|$$p $$v|" devtools/debian-packages.lock; done

test: deps chromium nginx engines lint
	$(BIN)/pytest

# Only the journeys run in Chromium, Firefox ESR and WebKitGTK (tests/engines/; in make test too).
test-engines: deps chromium engines
	$(BIN)/pytest -m engines

# What needs no build, no Node, no browser and no nginx (markers: tests/conftest.py, NEEDS).
# TEST_FAST=1: a test that starts one anyway fails loudly (tests/support/fast_loop.py).
test-fast: deps
	TEST_FAST=1 $(BIN)/pytest -m "not browser and not site and not build and not node and not nginx and not engines"

bench: deps chromium engines
	$(BIN)/python -m devtools.bench

# Which stdlib modules the Pyodide bundle keeps: found by running every checklist in Pyodide.
stdlib-keep: deps
	$(BIN)/python -m build_scripts.pyodide_bundle.stdlib_keep

# Regenerate exact pins from pyproject's [dev] ranges in a throwaway venv, with every file's hash.
lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet --upgrade pip
	/tmp/lock-venv/bin/pip install --quiet ".[dev]"
	{ echo "# Exact pins for the dev/build environment (make lock regenerates from pyproject's [dev] extra)."; \
	  /tmp/lock-venv/bin/pip freeze | grep -v guidance-calculators; } > requirements.lock
	$(PYTHON) -m devtools.hash_lock requirements.lock requirements-pip.lock

clean:
	rm -rf site .site.new build dist reports .pytest_cache
