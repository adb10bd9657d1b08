# Two commands matter: `make serve` and `make test`. Both set up everything they need first.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# Installs the named Debian packages that are missing, where apt-get and dpkg exist (as root, as
# on CI); on other systems it does nothing, and the check that follows says what to install.
system_install = if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then \
	missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; fi

.PHONY: serve test lint build validate fonts browser clean new-claim generate check-links bench permalinks lock

$(STAMP): requirements.txt pyproject.toml
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "make: Python 3.11 or newer is needed as python3" >&2; exit 1; }
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || $(call system_install,nodejs npm)
	@command -v npm >/dev/null 2>&1 || { echo "make: the JavaScript tests need Node.js and npm (Debian: nodejs npm; Fedora: nodejs; macOS: brew install node)" >&2; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

## fonts: a font with Chinese characters for the share cards (on Debian, installs fonts-noto-cjk if none is found)
fonts: $(STAMP)
	@$(PYTHON) -m catalog.cards 2>/dev/null || { $(call system_install,fonts-noto-cjk); $(PYTHON) -m catalog.cards; }

## browser: a Chromium for the browser tests: one on the machine (on Debian, installed if missing) or Playwright's own
browser: $(STAMP)
	@$(PYTHON) -m tools.chromium 2>/dev/null || { $(call system_install,chromium fonts-noto-cjk); \
		$(PYTHON) -m tools.chromium >/dev/null 2>&1 || $(PYTHON) -m playwright install chromium || true; $(PYTHON) -m tools.chromium; }

## serve: set up and serve the site on http://127.0.0.1:8000 with live reload (without a Chinese font, without share cards)
serve: $(STAMP)
	@$(MAKE) --no-print-directory fonts || echo "make: serving without share cards until a font is installed"
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

## build: build the site into site/ (strict: any warning or catalog error fails)
build: $(STAMP) fonts
	$(VENV)/bin/mkdocs build --strict --site-dir site

## validate: check every claim, source, topic and glossary file and print every problem
validate: $(STAMP)
	$(PYTHON) scripts/validate.py

## lint: ruff over the Python code (the rules are in pyproject.toml)
lint: $(STAMP)
	$(VENV)/bin/ruff check .

## test: set up, lint, and run every test, browser tests included
test: $(STAMP) $(NODE_STAMP) browser lint
	$(PYTHON) -m pytest
	node --test tests/js/

## new-claim: write claims/<id>.yaml from the template: make new-claim CLAIM="..." TOPIC=scope [ID=...] (asks when omitted)
new-claim: $(STAMP)
	$(PYTHON) scripts/new_claim.py $(if $(CLAIM),--claim "$$CLAIM") $(if $(TOPIC),--topic "$$TOPIC") $(if $(ID),--id "$$ID")

## permalinks: add the addresses of new pages to permalinks.txt (validate reports them with SC215 until you do)
permalinks: $(STAMP)
	$(PYTHON) scripts/permalinks.py

## lock: pin every package, transitive ones included, with hashes: requirements.in -> requirements.txt
lock: $(STAMP)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.txt requirements.in

## generate: rewrite the schemas, templates and CONTRIBUTING.md from catalog/contract.py and docs/contributing.md
generate: $(STAMP)
	$(PYTHON) scripts/generate.py

## check-links: request every source url and archive_url (needs the network; the weekly workflow runs it)
check-links: $(STAMP)
	$(PYTHON) scripts/check_links.py

## bench: time the build with 100, 1,000 and 10,000 synthetic claims against the scale targets (slow; CI runs --sizes 100 through the tests)
bench: $(STAMP) fonts
	$(PYTHON) scripts/bench_build.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .hypothesis .cache
