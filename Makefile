# Two commands: `make demo` (offline crawl of the bundled demo site) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup clean redis

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m newscrawl.demo

# The distributed tests start a real redis-server on 127.0.0.1: Debian's package when it is
# missing and we may install it (root with apt-get, as on CI); otherwise those tests say why.
REDIS_SERVER ?= redis-server
redis:
	@command -v $(REDIS_SERVER) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing redis-server (Debian package) for the distributed tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	    service redis-server stop >/dev/null 2>&1 || true; \
	  else echo "no $(REDIS_SERVER) and no root apt-get: install Redis >= 6 for the distributed tests"; fi; }

test: $(STAMP) redis
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) output/*.jsonl
