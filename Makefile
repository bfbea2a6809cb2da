# The two set-up commands of the README are `make run` and `make test`; both install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run test check fmt schema bench clean

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
	$(BIN)/remotegpu serve --host 127.0.0.1 --port 8000

# Two workers, one test file each at a time: the suite waits on PostgreSQL more than on CPU.
test: install
	$(BIN)/pytest -n 2 --dist loadfile

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy remotegpu
	$(BIN)/remotegpu export-schema | diff -u schema.graphql - && echo "schema.graphql is up to date"

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: install
	$(BIN)/remotegpu export-schema > schema.graphql

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
