# The two set-up commands of the README are `make run` and `make test`; both install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run test check fmt schema bench clean codegen codegen-tools

# Client codegen (see clients/): its own tool venv (ariadne-codegen needs graphql-core < 3.3,
# strawberry needs 3.3) and npm packages pinned by package-lock.json; both git-ignored.
CLIENTS := clients
CODEGEN_STAMP := $(CLIENTS)/.venv/.installed-$(shell cksum $(CLIENTS)/requirements-codegen.txt | cut -d' ' -f1)
NODE_STAMP := $(CLIENTS)/node_modules/.installed-$(shell cksum $(CLIENTS)/package-lock.json | cut -d' ' -f1)
GENERATED := $(CLIENTS)/typescript/generated $(CLIENTS)/python/remotegpu_client
# Breaking schema changes are checked against this revision's schema.graphql.
SCHEMA_BASE ?= main

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $@

# Install, migrate, seed a small demo fleet when the database is empty, serve GraphiQL.
run: install
	$(BIN)/remotegpu migrate
	$(BIN)/remotegpu seed --scale small --if-empty
	REMOTEGPU_DEMO_AGENTS=true $(BIN)/remotegpu serve --host 127.0.0.1 --port 8000

# Two workers, one test file each at a time: the suite waits on PostgreSQL more than on CPU.
test: install
	$(BIN)/pytest -n 2 --dist loadfile

check: install codegen-tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy remotegpu
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

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: install
	$(BIN)/remotegpu export-schema > schema.graphql

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
