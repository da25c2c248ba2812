# make book: build the book into _build/html.   make test: every test.   (README.md says more.)
# Both set up .venv on first use, and again only when requirements.txt or pyproject.toml change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP := $(VENV)/.setup-done
BUILD := _build
EXECUTED := $(BUILD)/.executed

# Theme modules serve one chapter each; every other module serves all chapters.
THEME_MODULES := $(addprefix src/participatie/,beschut_werk.py wsw_statistiek.py banenafspraak.py bijstand_financiering.py pilots.py)
# Modules no notebook imports (tools around the book) do not re-execute anything.
TOOL_MODULES := $(addprefix src/participatie/,__main__.py cli.py rerun.py synthetic.py bench.py)
PACKAGE := pyproject.toml $(filter-out $(THEME_MODULES) $(TOOL_MODULES),$(wildcard src/participatie/*.py)) $(wildcard src/participatie/static/*)
COMMON_DATA := data/datapackage.json data/sources.csv data/indicators.csv $(wildcard data/schemas/*.json)
CHAPTERS := $(wildcard chapters/*.ipynb)
BOOK_PAGES := intro.ipynb $(wildcard appendices/*.ipynb)
NOTEBOOKS := $(CHAPTERS) $(BOOK_PAGES)
STAMPS := $(patsubst %.ipynb,$(EXECUTED)/%.done,$(NOTEBOOKS))
PAGES := $(wildcard *.md) $(wildcard appendices/*.md)

.PHONY: book test setup execute clean bench
.DELETE_ON_ERROR:
# Chapters execute in parallel, one kernel per core; output stays grouped per notebook.
NPROC := $(shell nproc 2>/dev/null || echo 2)
MAKEFLAGS += --jobs=$(NPROC) --output-sync=target

book: $(BUILD)/.book-done

setup: $(SETUP)

$(SETUP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Which chapter reads which data file and theme module (besides what all chapters read).
$(EXECUTED)/chapters/beschut_werk.done: data/beschut_werk.csv src/participatie/beschut_werk.py
$(EXECUTED)/chapters/wsw_statistiek.done: data/wsw_statistiek.csv src/participatie/wsw_statistiek.py
$(EXECUTED)/chapters/banenafspraak_duurzaamheid.done: data/banenafspraak.csv src/participatie/banenafspraak.py
$(EXECUTED)/chapters/bijstand_financiering.done: data/bijstand_financiering.csv src/participatie/bijstand_financiering.py
$(EXECUTED)/chapters/pilots_werken_naar_vermogen.done: data/pilots.csv data/pilots_findings.csv data/policy_timeline.csv src/participatie/pilots.py
# The introduction and the appendices are computed from all the data and every theme module.
$(patsubst %.ipynb,$(EXECUTED)/%.done,$(BOOK_PAGES)): $(wildcard data/*.csv) $(THEME_MODULES)

# A chapter is re-executed when it, its data or the package changed. The Jupyter cache alone would
# not notice changed data files, so make decides and Jupyter Book only renders the stored outputs.
$(EXECUTED)/%.done: %.ipynb $(COMMON_DATA) $(PACKAGE) $(SETUP)
	$(BIN)/python -m participatie execute $<
	@mkdir -p $(@D) && touch $@

execute: $(STAMPS)

$(BUILD)/.book-done: $(STAMPS) $(PAGES) _config.yml _toc.yml $(SETUP)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going --quiet
	@touch $@

# '+' streams the test output as it comes (output sync would hold it until the end).
test: book
	+$(BIN)/python -m pytest

bench: book
	$(BIN)/python -m participatie.bench

clean:
	rm -rf $(BUILD)
