# The README's two commands: `make serve` and `make test`. Both work on a fresh machine:
# they install what they need (Python packages in .venv, npm packages, the browsers) first.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: serve site test lint check setup python node chromium firefox webkit java nginx nginx-server schema dist dist-runtime dist-lean dist-bundle dist-starter clean

serve: setup ## install everything, build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/offer-guide serve --dev-addr 127.0.0.1:8000

site: setup ## build the site into site/
	$(BIN)/offer-guide build -d site

check: setup ## validate content/ and print every problem
	$(BIN)/offer-guide check

test: setup chromium firefox webkit java nginx-server lint ## install everything, the browsers, Java and nginx included, and run every test
	$(BIN)/pytest

# Lint and types first: cheap, and a failure there says more than a failing browser test.
lint: python
	$(BIN)/ruff check .
	$(BIN)/mypy

setup: python node schema

python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(RUNTIME)/pyodide  # a copy made by `make dist` would shadow a new npm runtime (runtime_files.py)
	touch $@

# The JSON Schemas the content files point at, for editors' autocompletion.
schema: $(VENV)/.installed
	@$(BIN)/offer-guide schema -o schema > /dev/null

# Debian's Chromium drives the browser tests; Playwright cannot download browsers here.
chromium:
	@command -v chromium > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; }

# Firefox ESR runs the tests in tests/browsers through npm puppeteer-core (WebDriver BiDi, no geckodriver).
firefox:
	@command -v firefox-esr > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr > /dev/null; }

# WebKitGTK (Safari's engine) runs them through WebKitWebDriver and selenium, on an Xvfb display.
webkit:
	@{ command -v WebKitWebDriver && command -v Xvfb; } > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb > /dev/null; }

# The Nu Html Checker (npm vnu-jar) runs on Java.
java:
	@command -v java > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless > /dev/null; }

# A real nginx serves a built site with deploy/nginx.conf in tests/quality/test_nginx.py.
nginx-server:
	@test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx > /dev/null; }

# The wheel: everything a guide needs, the Pyodide runtime included, so `pip install` is enough
# (no checkout, no Node). DIST=elsewhere puts it elsewhere.
DIST ?= dist
RUNTIME := widgets/offer_widget/runtime
dist: setup dist-runtime dist-lean dist-bundle dist-starter ## build the wheel into dist/
	$(BIN)/python -m build --wheel --outdir $(DIST) . > /dev/null
	@ls -1 $(DIST)/*.whl

dist-runtime: setup
	$(BIN)/python -m generator.site.runtime_files $(RUNTIME)/pyodide

# The scoring widget's modules bundled by esbuild, into $(RUNTIME)/bundle/<key>/ (generator/site/bundle.py).
dist-bundle: setup
	$(BIN)/python -m generator.site.bundle $(RUNTIME)

# What `offer-guide new` copies: this guide's content and mkdocs.yml.
dist-starter:
	rm -rf generator/starter
	mkdir -p generator/starter/content
	cp content/*.yml generator/starter/content/
	cp mkdocs.yml generator/starter/

# Prebuilt lean runtime artefacts go into $(RUNTIME)/lean/<key>/ here (generator/site/lean.py,
# CONTRACTS.md), so an installed guide never needs Node to build them.
dist-lean: dist-runtime
	$(BIN)/python -m generator.site.lean $(RUNTIME) $(RUNTIME)/pyodide

# deploy/nginx.conf says what the build's _headers says; a test fails when they drift apart.
nginx: setup ## remake deploy/nginx.conf from a fresh build (SITE_URL sets the site's folder)
	$(BIN)/offer-guide build -d .site-nginx
	$(BIN)/python -m generator.hosting .site-nginx/_headers > deploy/nginx.conf
	rm -rf .site-nginx

clean:
	rm -rf site .site-* $(VENV) node_modules schema dist $(RUNTIME) generator/starter
