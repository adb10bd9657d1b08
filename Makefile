# Two commands matter: `make serve` and `make test`. Both set up everything they need first.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve test build validate browser clean

$(STAMP): requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

## serve: set up and serve the site on http://127.0.0.1:8000 with live reload
serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: build the site into site/ (strict: any warning or catalog error fails)
build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict --site-dir site

## validate: check every claim, source and topic file and print every problem
validate: $(STAMP)
	$(PYTHON) scripts/validate.py

## browser: install Debian's Chromium and its driver for the browser tests
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk)

## test: set up and run every test, browser tests included
test: $(STAMP) browser
	$(PYTHON) -m pytest

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis
