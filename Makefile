# The two commands of the quick start: `make run` and `make test`.
# Each creates or updates .venv from pyproject.toml, then serves or tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCALE := navigator/locale
POT := $(LOCALE)/messages.pot

.PHONY: run test lint typecheck content pytest bench chromium index clean translations screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pybabel -q compile -d $(LOCALE)
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/navigator serve

test: $(STAMP) chromium lint typecheck content pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy navigator tests benchmarks

content: $(STAMP)
	$(BIN)/navigator check
	$(BIN)/navigator test

pytest: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# Browser tests drive Debian's Chromium: Playwright cannot download its own browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (browser tests will be skipped)"; fi; }

# The interface's words (docs/i18n.md): extract them from the code and templates into the
# template catalogue, update each language's catalogue (a changed string becomes fuzzy and is
# shown in English until a translator checks it), and compile them (.mo, not in git).
translations: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -c TRANSLATORS: --add-location=file \
	  --sort-by-file --project=navigator --msgid-bugs-address="" -o $(POT) .
	$(BIN)/pybabel -q update -i $(POT) -d $(LOCALE)
	$(BIN)/pybabel compile -d $(LOCALE) --statistics

# The Urdu result and urgent pages at 390 px, for review by an Urdu reader (docs/i18n/).
screenshots: $(STAMP) chromium
	NAVIGATOR_SCREENSHOTS=1 $(BIN)/pytest -q tests/browser/test_languages.py -k screenshots

index: $(STAMP)
	$(BIN)/navigator index

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache var
