# Solidarity CMS: `make run` to try it, `make test` to check everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
HOST ?= 127.0.0.1
PYTEST_WORKERS ?= 2
PIP_INSTALL := $(BIN)/python -m pip install --quiet --require-hashes --no-deps

.PHONY: help run test lint format check migrate demo lock clean schema messages compiled-messages graphiql

help:
	@echo "make run     create .venv, install, migrate, load demo content, start the server"
	@echo "make test    install dev dependencies and run every check (ruff, check, migrations, pytest)"
	@echo "make bench   load 10,000 generated pages, serve with gunicorn, load-test with wrk (docs/performance.md)"
	@echo "make fleet   Varnish + two gunicorn instances + worker + private PostgreSQL/Redis + moto S3 (docs/operations.md)"
	@echo "make restore-drill  back up a fleet (pg_dump + media), restore into fresh stores, compare API answers"
	@echo "make soak    drive the fleet through the proxy with wrk while killing/stopping its parts (docs/operations.md)"
	@echo "make lint    ruff format --check and ruff check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make lock    re-resolve requirements/*.lock from pyproject.toml"
	@echo "make schema  rewrite schema.graphql from the live GraphQL schema"
	@echo "make messages  add new interface strings to locale/*/django.po (needs GNU gettext)"
	@echo "make graphiql  build GraphiQL into cms/static/ from graphiql/package-lock.json (needs npm)"
	@echo "make clean   remove .venv, the SQLite database and test artefacts"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Solidarity CMS needs Python 3.11 or later; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)

# Stamps keyed on the lock files: a second `make run` installs nothing.
$(VENV)/.base-installed: requirements/base.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements/base.lock
	@touch $@

$(VENV)/.dev-installed: requirements/dev.lock | $(BIN)/python
	$(PIP_INSTALL) -r requirements/dev.lock
	@touch $@ $(VENV)/.base-installed

migrate: $(VENV)/.base-installed
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo --if-empty

run: demo compiled-messages
	@command -v npm >/dev/null && $(MAKE) --no-print-directory graphiql \
		|| echo "== GraphiQL is not built: it needs npm (Node.js); the API works without it."
	@$(MANAGE) ensure_dev_superuser
	@echo ""
	@echo "Solidarity CMS is starting on http://$(HOST):$(PORT)/"
	@echo "  Admin:    http://$(HOST):$(PORT)/admin/"
	@echo "  GraphQL:  http://$(HOST):$(PORT)/graphql/"
	@echo "  GraphiQL: http://$(HOST):$(PORT)/graphiql/"
	@echo "  Health:   http://$(HOST):$(PORT)/healthz"
	@echo "  Feeds:    http://$(HOST):$(PORT)/feeds/calls.ics  /sitemap.xml  (webhook worker running)"
	@echo "  Partner site: http://$(HOST):$(PORT)/partner-site/"
	@echo ""
	@# The dev settings read HOST and PORT: admin links, image URLs and the preview target
	@# (PREVIEW_CLIENT_URL, WAGTAILADMIN_BASE_URL, CMS_FRONTEND_URL) follow the address served.
	@# The webhook worker (django-tasks' database worker) runs beside the server and stops with it.
	HOST="$(HOST)" PORT="$(PORT)" $(MANAGE) db_worker --backend webhooks --queue-name '*' & \
		WORKER=$$!; trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
		HOST="$(HOST)" PORT="$(PORT)" $(MANAGE) runserver $(HOST):$(PORT)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.dev-installed
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

# `tests/browser` is named besides `tests` (nothing runs twice) so that the main process loads
# its conftest under xdist and prints where the browser tests' screenshots are. With
# TEST_DATABASE_URL the browser tests run once, on PostgreSQL (a threaded live server with a
# connection per thread, as in production), which keeps `make test` within its time budget.
# `--dist loadgroup` keeps the tests of an `xdist_group` (one shared load of the demo) on one
# worker.
test: lint check browser-deps i18n-deps graphiql compiled-messages
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== pytest on SQLite (the browser tests run on PostgreSQL below)"; \
		env -u TEST_DATABASE_URL $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup tests --ignore=tests/browser \
			&& echo "== pytest on PostgreSQL ($$TEST_DATABASE_URL)" \
			&& $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup tests tests/browser; \
	else \
		echo "== TEST_DATABASE_URL is not set: pytest on SQLite only."; \
		$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup tests tests/browser; \
	fi

# Browser tests drive Debian's Chromium; `playwright install` cannot download browsers here.
.PHONY: browser-deps
browser-deps:
	@[ -x /usr/bin/chromium ] || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "== Installing Debian's chromium for the browser tests"; \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y chromium; } \
			|| { echo "Browser tests need Debian's chromium package: apt-get install chromium" >&2; exit 1; }; }

# The interface's own strings, in the languages of locale/: compiled from the committed .po
# files with polib (no gettext needed), only when a catalog changed.
compiled-messages: $(VENV)/.base-installed
	@$(MANAGE) compile_catalogs

# After adding or changing interface strings: the new ones arrive untranslated in every
# catalog; translate them (make test fails until then). A new language: make messages LANGUAGE=hr
messages: $(VENV)/.base-installed
	$(MANAGE) update_catalogs $(if $(LANGUAGE),--locale $(LANGUAGE))

# The catalog completeness test runs makemessages, which needs GNU gettext (xgettext, msgmerge).
.PHONY: i18n-deps
i18n-deps:
	@command -v xgettext >/dev/null && command -v msgmerge >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "== Installing Debian's gettext for the catalog completeness test"; \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y gettext; } \
			|| { echo "The catalog test needs GNU gettext: apt-get install gettext" >&2; exit 1; }; }

# GraphiQL and its editor, bundled from the npm registry with the committed lock file, served
# from the project's static files (no CDN at run time).
GRAPHIQL_STATIC := cms/static/cms/graphiql
graphiql: $(GRAPHIQL_STATIC)/.built
$(GRAPHIQL_STATIC)/.built: graphiql/package-lock.json graphiql/build.mjs $(wildcard graphiql/src/*)
	@command -v npm >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "== Installing Debian's npm to build GraphiQL"; \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y npm; } \
			|| { echo "GraphiQL is built with npm: apt-get install npm" >&2; exit 1; }; }
	cd graphiql && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	@touch $@

schema: $(VENV)/.dev-installed
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python -c 'import django; django.setup(); \
		from cms.graphql.schema import schema; open("schema.graphql", "w").write(str(schema).strip() + "\n")'
	@echo "schema.graphql updated"

# Needs PostgreSQL and Redis on 127.0.0.1 (BENCH_DATABASE_URL, BENCH_REDIS_URL); see docs/performance.md.
.PHONY: bench
bench: $(VENV)/.dev-installed
	@command -v wrk >/dev/null || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "== wrk (the load generator) is missing: $$SUDO apt-get install -y wrk"; \
		{ $$SUDO apt-get install -y wrk || { $$SUDO apt-get update && $$SUDO apt-get install -y wrk; }; } \
			|| { echo "make bench: could not install wrk; install it (Debian/Ubuntu: apt-get install wrk) and run make bench again." >&2; exit 1; }; }
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)

lock: $(VENV)/.dev-installed
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --universal --generate-hashes \
		--quiet -o requirements/base.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --universal \
		--generate-hashes --quiet -o requirements/dev.lock

clean:
	rm -rf $(VENV) db.sqlite3 test-db.sqlite3 .test-media .test-artifacts .pytest_cache .ruff_cache \
		graphiql/node_modules $(GRAPHIQL_STATIC) locale/*/LC_MESSAGES/*.mo .fleet

# --- The production layout on this machine (docs/operations.md) ------------------------------
# Varnish (proxy), wrk (load) and the PostgreSQL/Redis servers come from Debian; installed
# with apt-get when missing, as browser-deps does.
FLEET_DEBS := varnishd:varnish wrk:wrk redis-server:redis-server pg_ctl:postgresql
.PHONY: fleet-deps fleet restore-drill soak
fleet-deps:
	@missing=""; for pair in $(FLEET_DEBS); do \
		command -v $${pair%%:*} >/dev/null || missing="$$missing $${pair##*:}"; done; \
	[ -z "$$missing" ] || { \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "== Installing Debian packages for the fleet:$$missing"; \
		{ $$SUDO apt-get update && $$SUDO apt-get install -y $$missing; } \
			|| { echo "make fleet needs:$$missing (apt-get install$$missing)" >&2; exit 1; }; }

fleet: fleet-deps $(VENV)/.dev-installed compiled-messages
	$(BIN)/python deploy/fleet.py up

restore-drill: fleet-deps $(VENV)/.dev-installed compiled-messages
	$(BIN)/python deploy/restore_drill.py $(DRILL_ARGS)

soak: fleet-deps $(VENV)/.dev-installed compiled-messages
	$(BIN)/python deploy/soak.py $(SOAK_ARGS)
