# Two commands: `make demo` (offline crawl of the bundled demo site) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m newscrawl.demo

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) output/*.jsonl
