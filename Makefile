# consilience: `make demo` sets up and analyses the bundled example; `make test` sets up and tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := examples/japan-2plus2
OUT ?= out

.PHONY: setup demo test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/consilience analyze $(EXAMPLE) -o $(OUT)/japan-2plus2.json -o $(OUT)/japan-2plus2.md \
		-o $(OUT)/japan-2plus2.html

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/timeline.py
	$(BIN)/python benchmarks/facts.py
	$(BIN)/python benchmarks/fnc.py
	$(BIN)/python benchmarks/provenance.py
	$(BIN)/python benchmarks/copies.py
	$(BIN)/python benchmarks/clustering.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/report.py
	$(BIN)/python benchmarks/quantities.py
	$(BIN)/python benchmarks/serve_start.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache .mypy_cache
