# make book: execute what changed, then build the book into _build/html (and its PDF).   make test: every test.
# Both set up .venv on first use (exactly the hashed lock requirements.txt), and again only when the lock or
# pyproject.toml change. make execute: re-execute the notebooks whose inputs changed (commit the result: the
# stored outputs are nbval's regression reference).  make lint: ruff.  make lock: re-compile the lock.
# make verify-letters LETTERS=DIR: page indexes vs letters.  make clean: remove _build (needs no .venv).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP := $(VENV)/.setup-done
BUILD := _build
EXECUTED := $(BUILD)/.executed
LETTERS ?= ../shared/seeds

# What every notebook reads: the package outside its themes and tools, the descriptor, letters, indicators.
# (The print edition's code and style sheet only shape the PDF: they re-execute nothing.)
# (So do the book's fonts, which the HTML build copies into _static/fonts.)
FONTS := $(wildcard src/participatie/book/fonts/*)
PRINT := src/participatie/book/pdf.py src/participatie/book/print_charts.py src/participatie/book/print_layout.py src/participatie/book/static/print.css $(FONTS)
# (Nor does the web edition's style sheet: it only shapes the pages, see WEB below.)
WEB := src/participatie/book/static/participatie.css $(wildcard src/participatie/book/static/*.js)
PACKAGE := pyproject.toml $(filter-out src/participatie/themes/% src/participatie/tools/% $(PRINT) $(WEB),$(shell find src/participatie -name '*.py' -o -name '*.css' -o -name '*.svg' -o -name '*.yml' -o -name '*.tekst.md')) src/participatie/themes/__init__.py src/participatie/themes/record.py
# The words of the introduction and the appendices (a chapter's words: THEME_TEXTS, from the theme records).
BOOK_TEXTS := $(wildcard *.tekst.md appendices/*.tekst.md)
TEMPLATES := $(wildcard src/participatie/book/templates/*.html)
COMMON_DATA := data/datapackage.json data/sources.csv data/indicators.csv $(wildcard data/schemas/*.json) $(wildcard data/letters/*.json)
BOOK_PAGES := intro.ipynb $(wildcard appendices/*.ipynb)
PAGES := $(wildcard *.md) $(wildcard appendices/*.md)

.PHONY: book html pdf test lint format setup lock execute clean bench verify-letters teksten
.DELETE_ON_ERROR:
# Notebooks execute in parallel, one kernel per core.
NPROC := $(shell nproc 2>/dev/null || echo 2)
ifeq ($(MAKELEVEL),0)
MAKEFLAGS += --jobs=$(NPROC)
endif

book: execute
	$(MAKE) --no-print-directory html pdf

setup: $(SETUP)

# pip installs uv (requirements-setup.txt, hashed); uv makes .venv exactly the lock, every file checked against
# its hash (sync: what the lock does not list is removed), in seconds, compiled to bytecode once: with
# PYTHONDONTWRITEBYTECODE set, as on CI machines, every kernel would otherwise compile pandas and altair anew.
# Then the package itself, editable, without dependencies and built with the locked setuptools.
LOCK_FLAGS := --generate-hashes --python-version 3.11.5 --python-platform x86_64-unknown-linux-gnu
$(SETUP): requirements.txt requirements-setup.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-setup.txt
	$(BIN)/uv pip sync --quiet --require-hashes --compile-bytecode --python $(BIN)/python requirements.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	touch $@

# The table of contents: generated from the theme records and the book's declaration (committed).
_toc.yml: src/participatie/book/toc.py src/participatie/themes/__init__.py src/participatie/presentation/labels.yml | $(SETUP)
	$(BIN)/python -m participatie toc --out $@

# Re-compile the locks from requirements.in and requirements-setup.in (keeping the pins they have where possible).
lock: $(SETUP)
	$(BIN)/uv pip compile --quiet $(LOCK_FLAGS) requirements-setup.in -o requirements-setup.txt
	$(BIN)/uv pip compile --quiet $(LOCK_FLAGS) requirements.in -o requirements.txt

# Which notebook reads which data file and theme folder: generated from the theme records. Only the goals that
# build read it: `make clean`, `make lint` and the like neither generate it nor need anything but their tools.
$(BUILD)/themes.mk: src/participatie/themes/__init__.py $(wildcard src/participatie/themes/*/__init__.py) data/datapackage.json src/participatie/tools/makedeps.py | $(SETUP)
	@mkdir -p $(@D)
	$(BIN)/python -m participatie makedeps > $@.tmp && mv $@.tmp $@
NO_BUILD_GOALS := clean lint format setup lock verify-letters
ifneq ($(filter-out $(NO_BUILD_GOALS),$(or $(MAKECMDGOALS),book)),)
-include $(BUILD)/themes.mk
endif

STAMPS := $(patsubst %.ipynb,$(EXECUTED)/%.done,$(THEME_NOTEBOOKS) $(BOOK_PAGES))
# The introduction and the appendices are computed from all the data and every theme.
$(patsubst %.ipynb,$(EXECUTED)/%.done,$(BOOK_PAGES)): $(THEME_DATA) $(THEME_SOURCES) $(THEME_TEXTS) $(BOOK_TEXTS)

# A notebook is re-executed when it, its data or the package changed. The Jupyter cache alone would not
# notice changed data files, so make decides and Jupyter Book only renders the stored outputs.
$(EXECUTED)/%.done: %.ipynb $(COMMON_DATA) $(PACKAGE) $(SETUP)
	$(BIN)/python -m participatie execute $<
	@mkdir -p $(@D) && touch $@

execute: $(STAMPS)

# Render the stored outputs as they are (no execution): what `make test` checks and nbval compares.
html: $(BUILD)/.html-done

$(BUILD)/.html-done: $(THEME_NOTEBOOKS) $(BOOK_PAGES) $(PAGES) $(PACKAGE) $(TEMPLATES) $(FONTS) $(WEB) $(COMMON_DATA) $(THEME_DATA) _config.yml _toc.yml $(SETUP)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going --quiet
	@touch $@

# The print edition: the rendered book as one A4 PDF beside index.html, which every page links to.
pdf: $(BUILD)/html/boek.pdf

$(BUILD)/html/boek.pdf: $(BUILD)/.html-done $(PRINT)
	$(BIN)/python -m participatie pdf --html $(BUILD)/html --out $@

# The text of every page in every edition, rendered without a kernel into tests/snapshots (read the diff).
teksten: $(SETUP)
	$(BIN)/python -m participatie texts

lint: $(SETUP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: $(SETUP)
	$(BIN)/ruff check --fix src tests
	$(BIN)/ruff format src tests

# The tests run on the committed notebooks: nbval executes each one afresh and compares its outputs with
# the stored ones, so a commit whose figures changed without re-executing the notebooks fails.
test: lint html pdf
	$(BIN)/python -m pytest

# Regenerate every letter's page index from the letters' text and fail on any difference.
verify-letters: $(SETUP)
	$(BIN)/python -m participatie letters verify --letters $(LETTERS)

bench: book
	$(BIN)/python -m participatie.tools.bench

clean:
	rm -rf $(BUILD)
