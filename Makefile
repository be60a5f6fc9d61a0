# One obvious way to run everything. `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help setup run test check lint typecheck pytest postgres browser bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(STAMP) $(NODE_STAMP)  ## create .venv and install everything (Python and npm)

run: $(STAMP)  ## run the bot on the embedded SQLite demo database (http://127.0.0.1:3978)
	$(BIN)/familycontext serve

postgres:  ## make sure the local PostgreSQL server is up
	@bash .ci/ensure-postgres

browser:  ## make sure Debian's Chromium is installed (for the end-to-end tests)
	@bash .ci/ensure-chromium

lint: $(STAMP)  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)  ## mypy (strict)
	$(BIN)/mypy

pytest: $(STAMP) $(NODE_STAMP) postgres browser  ## the test suite only (SQLite and PostgreSQL)
	@mkdir -p var
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/pytest --junitxml=var/test-results.xml $(PYTEST_ARGS)

test: lint typecheck pytest  ## everything CI runs: lint, types, tests

bench: $(STAMP) postgres  ## the benchmarks (slow: minutes)
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/search_speed.py
	$(BIN)/python benchmarks/search_quality.py
	$(BIN)/python benchmarks/audit.py
	$(BIN)/python benchmarks/turns.py --turn lookup

clean:  ## remove the virtual environment, caches and local databases
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
