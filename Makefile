# The two commands: `make demo` and `make test` do all the set-up on a fresh Debian machine; `make bench` times it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: demo test bench system-demo system-test system-bench update-fixtures clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

system-demo:
	scripts/system-deps.sh demo

system-test:
	scripts/system-deps.sh test

system-bench:
	scripts/system-deps.sh bench

demo: system-demo $(STAMP)
	$(BIN)/ccdocs build fixtures/wo-cc-86-inf-1 --out out

# On every CPU (pytest-xdist); the tests sharing an expensive fixture on one worker (see tests/conftest.py).
test: system-test $(STAMP)
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $(BENCH_STAMP)

# Every figure of issue 19 with its target; BENCH_RUNS=1 for a quick look, BENCH_BEFORE=DIR for a before column,
# BENCH_FILED=DIR (a checkout of 914cc02, where issue 19 was filed) for the PDF writer's speed-up target.
bench: system-bench $(BENCH_STAMP)
	$(BIN)/python bench/run.py

update-fixtures: system-test $(STAMP)
	$(BIN)/python -m pytest -q tests/test_regression.py --update-fixtures
	git status --short fixtures

clean:
	rm -rf $(VENV) out .pytest_cache
