# The edition's commands. `make book` and `make test` are all a new user needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: help book test lint data serve clean bench deps test-deps lab lab-install normalize

help:
	@echo "make book   - set up .venv, execute the chapters, write the HTML book to _build/html"
	@echo "make test   - set up .venv with the test tools, lint, build the book, run the whole test suite"
	@echo "make data   - check the data package (data/) and rewrite what is derived from it"
	@echo "make lint   - ruff: lint (ruff check) and formatting (ruff format --check); settings in pyproject.toml"
	@echo "make serve  - serve _build/html on http://127.0.0.1:$(PORT)/"
	@echo "make bench  - build and page benchmark (table, .bench/results.json, figures in BENCHMARKS.md)"
	@echo "make lab    - install the pinned Jupyter extras, register the kzdecentral kernel, open JupyterLab"
	@echo "make lab-install - the same without opening JupyterLab"
	@echo "make normalize - rewrite every chapter exactly as Jupytext (JupyterLab) writes it back"
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

# The Jupyter extras: JupyterLab and its dependencies pinned in requirements-lab.txt (beside the main
# lock), the project's kernel registered in .venv, the project's JupyterLab settings (chapters open
# as notebooks) installed as the environment's settings overrides.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
$(VENV)/.lab-deps: $(VENV)/.deps requirements-lab.txt .jupyter/lab/settings/overrides.json kzbuild/kernel.py
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-lab.txt
	$(PY) -m pip check
	$(PY) -m kzbuild.kernel
	mkdir -p $(LAB_SETTINGS)
	cp .jupyter/lab/settings/overrides.json $(LAB_SETTINGS)/overrides.json
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

test: $(VENV)/.test-deps lint book
	$(PY) -m pytest

lint: $(VENV)/.test-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

serve:
	@test -f _build/html/index.html || { echo "no book yet: run make book"; exit 1; }
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(VENV)/.test-deps
	$(PY) tools/bench.py --update

lab-install: $(VENV)/.lab-deps

lab: $(VENV)/.lab-deps
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=$(CURDIR)

normalize: $(VENV)/.deps
	$(PY) -m kzbuild.normalize

clean:
	rm -rf _build
