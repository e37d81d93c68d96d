# Two entry points: `make demo` (set up + run the main job on sources/) and
# `make test` (set up + run the tests). Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench bench-scale clean locale

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/factcheck run sources/

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/factcheck eval ../shared/corpus/gold.json --claims ../shared/corpus/claims.json

bench: $(STAMP)
	$(BIN)/python bench/bench.py --sizes 1000 4000

# SPEC's sizes: check over 100,000 sources, peak memory at 25,000 and 100,000
bench-scale: $(STAMP)
	$(BIN)/python bench/bench.py --sizes 25000 100000

# Messages: extract every _()/lazy() string into the template, merge it into
# each language's .po (translate the new entries there), compile the .mo
# files that ship in the package.
LOCALE := factcheck/locale
locale: $(STAMP)
	$(BIN)/pybabel extract --no-location --no-wrap --sort-output -F babel.cfg -k lazy -o $(LOCALE)/factcheck.pot --project factcheck .
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --no-wrap -i $(LOCALE)/factcheck.pot -d $(LOCALE) -D factcheck -l ko
	$(BIN)/pybabel compile --statistics -d $(LOCALE) -D factcheck

clean:
	rm -rf $(VENV) claims/*.duckdb claims/*.duckdb.wal reports/*.html reports/*.md reports/*.json
