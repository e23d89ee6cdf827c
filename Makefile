# The edition's commands. `make book` and `make test` are all a new user needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: help book test lint data serve clean bench deps test-deps

help:
	@echo "make book   - set up .venv, execute the chapters, write the HTML book to _build/html"
	@echo "make test   - set up .venv with the test tools, build the book, run the whole test suite"
	@echo "make data   - check the data package (data/) and rewrite what is derived from it"
	@echo "make lint   - ruff: lint (ruff check) and formatting (ruff format --check); settings in pyproject.toml"
	@echo "make serve  - serve _build/html on http://127.0.0.1:$(PORT)/"
	@echo "make bench  - build and page benchmark (table, .bench/results.json, figures in BENCHMARKS.md)"
	@echo "make clean  - remove _build (HTML, execution cache)"

$(VENV)/.deps: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m pip check
	touch $@

$(VENV)/.test-deps: $(VENV)/.deps requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(PY) -m pip check
	touch $@

deps: $(VENV)/.deps
test-deps: $(VENV)/.test-deps

book: $(VENV)/.deps
	$(PY) -m kzbuild.build

# data/*.csv and data/datapackage.json are the source; write what is derived (the paragraph
# table's `chapters` column from the {para} pointers in book/, the README table list, the version), then check
data: $(VENV)/.deps
	$(PY) -m kzbuild.paragraphs write
	$(PY) -m kzdecentral.datapackage write
	$(PY) -m kzbuild.paragraphs check
	$(PY) -m kzdecentral.datapackage check

test: $(VENV)/.test-deps book
	$(PY) -m pytest

lint: $(VENV)/.test-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

serve:
	@test -f _build/html/index.html || { echo "no book yet: run make book"; exit 1; }
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(VENV)/.test-deps
	$(PY) tools/bench.py --update

clean:
	rm -rf _build
