# The two set-up commands of the README are `make run` and `make test`; both install first.
# `make run` installs what the API needs to run (with the embedded PostgreSQL and GraphiQL's
# files); `make test` and `make check` add the development tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYPROJECT_SUM := $(shell cksum pyproject.toml | cut -d' ' -f1)
RUNTIME_STAMP := $(VENV)/.runtime-$(PYPROJECT_SUM)
DEV_STAMP := $(VENV)/.dev-$(PYPROJECT_SUM)
IDE_ASSETS := remotegpu/graphiql/assets
IDE_STAMP := $(IDE_ASSETS)/.installed-$(shell cksum ide/package-lock.json | cut -d' ' -f1)

.PHONY: install install-dev run test check fmt schema bench clean codegen codegen-tools

# Client codegen (see clients/): its own tool venv (ariadne-codegen needs graphql-core < 3.3,
# strawberry needs 3.3) and npm packages pinned by package-lock.json; both git-ignored.
CLIENTS := clients
CODEGEN_STAMP := $(CLIENTS)/.venv/.installed-$(shell cksum $(CLIENTS)/requirements-codegen.txt | cut -d' ' -f1)
NODE_STAMP := $(CLIENTS)/node_modules/.installed-$(shell cksum $(CLIENTS)/package-lock.json | cut -d' ' -f1)
GENERATED := $(CLIENTS)/typescript/generated $(CLIENTS)/python/remotegpu_client
# Breaking schema changes are checked against this revision's schema.graphql.
SCHEMA_BASE ?= main

install: $(RUNTIME_STAMP) $(IDE_STAMP)

install-dev: install $(DEV_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[embedded]'
	@rm -f $(VENV)/.runtime-* && touch $@

$(DEV_STAMP): pyproject.toml $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[embedded,dev]'
	@rm -f $(VENV)/.dev-* && touch $@

# GraphiQL's browser files, pinned in ide/package-lock.json, copied into the package so the
# API serves them itself (offline). Without npm the page falls back to a public CDN.
$(IDE_STAMP): ide/package.json ide/package-lock.json | $(RUNTIME_STAMP)
	@if command -v npm >/dev/null 2>&1; then \
		echo "installing GraphiQL's files (npm ci in ide/)"; \
		npm ci --prefix ide --no-audit --no-fund --loglevel=error && \
		$(BIN)/python -m remotegpu.graphiql.vendor ide/node_modules && \
		rm -f $(IDE_ASSETS)/.installed-* && touch $@; \
	else \
		echo "npm not found: GraphiQL will load its files from a public CDN (install Node.js for offline use)"; \
	fi

# Install, migrate, seed a small demo fleet when the database is empty, serve GraphiQL on
# REMOTEGPU_HOST:REMOTEGPU_PORT (127.0.0.1:8000 unless set).
# Simulated host agents keep the demo fleet online: the in-process job worker would
# otherwise take every seeded host offline after 180 s without heartbeats.
run: install
	$(BIN)/remotegpu migrate
	$(BIN)/remotegpu seed --scale small --if-empty
	REMOTEGPU_DEMO_AGENTS=true $(BIN)/remotegpu serve

# Two workers, one test file each at a time: the suite waits on PostgreSQL more than on CPU.
test: install-dev
	$(BIN)/pytest -n 2 --dist loadfile --durations=15

check: install-dev codegen-tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy remotegpu
	$(BIN)/lint-imports
	$(BIN)/remotegpu export-schema | diff -u schema.graphql - && echo "schema.graphql is up to date"
	$(BIN)/python tools/schema_breaks.py --base $(SCHEMA_BASE)
	@before=$$(find $(GENERATED) -type f | sort | xargs cksum); \
	$(MAKE) --no-print-directory codegen >/dev/null; \
	test "$$before" = "$$(find $(GENERATED) -type f | sort | xargs cksum)" \
	  || { echo "generated clients were stale: regenerated, review and commit $(GENERATED)"; exit 1; }
	MYPYPATH=$(CLIENTS)/python $(BIN)/mypy --strict $(CLIENTS)/python/remotegpu_client $(CLIENTS)/python/example.py
	cd $(CLIENTS) && npx --no-install tsc --noEmit -p tsconfig.json && echo "TypeScript client: tsc --strict ok"

codegen-tools: $(CODEGEN_STAMP) $(NODE_STAMP)

$(CODEGEN_STAMP): $(CLIENTS)/requirements-codegen.txt
	@test -x $(CLIENTS)/.venv/bin/python || $(PYTHON) -m venv $(CLIENTS)/.venv
	$(CLIENTS)/.venv/bin/python -m pip install --quiet -r $(CLIENTS)/requirements-codegen.txt
	@rm -f $(CLIENTS)/.venv/.installed-* && touch $@

$(NODE_STAMP): $(CLIENTS)/package-lock.json
	cd $(CLIENTS) && npm ci --no-audit --no-fund --loglevel=error
	@rm -f $(CLIENTS)/node_modules/.installed-* && touch $@

# TypeScript types + the trusted-documents manifest, and the typed Python client, from
# clients/operations/*.graphql against schema.graphql.
codegen: install codegen-tools
	cd $(CLIENTS) && npx --no-install graphql-codegen --config codegen.yml --silent
	rm -rf $(CLIENTS)/python/remotegpu_client
	cd $(CLIENTS) && .venv/bin/ariadne-codegen --config ariadne-codegen.toml client >/dev/null

fmt: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: install
	$(BIN)/remotegpu export-schema > schema.graphql

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache ide/node_modules $(IDE_ASSETS)
