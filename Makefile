# newscurate: every target creates .venv when it is missing.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
INPUT   ?= seeds
OUTPUT  ?= output
N       ?= 20000
SHARED  ?= ../shared
SETS    ?= seeds,aeb-txt,aeb-html,quotes-dev,quotes-train
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install run test lint eval bench clean

$(BIN)/newscurate: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip==26.3
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

install: $(BIN)/newscurate

run: install
	$(BIN)/newscurate run --input $(INPUT) --output $(OUTPUT)

test: install
	$(BIN)/ruff check flows transforms tests benchmarks
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python benchmarks/eval.py --shared $(SHARED) --sets $(SETS)

bench: install
	$(BIN)/python benchmarks/bench.py --n $(N) --shared $(SHARED)

clean:
	rm -rf $(OUTPUT)/*.parquet $(OUTPUT)/_state build *.egg-info
