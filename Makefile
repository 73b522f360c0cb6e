# The two commands that set everything up on a fresh machine:
#   make demo   install what the default render needs, then render the sample tale to out/kolobok/tale.mp4
#   make test   install that and everything the tests exercise (compiles llama-cpp-python once), then run the tests
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: the default render's packages; and the test extras (llama-cpp-python, diffusers, transformers, Playwright, Ray)
DEMO_STAMP := $(VENV)/.installed-demo
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo demo-en serve test install install-test system system-test benchmark clean

demo: install
	$(BIN)/digitales make "Колобок" --lang ru

demo-en: install
	$(BIN)/digitales make "The Gingerbread Man" --lang en

serve: install
	$(BIN)/digitales serve

test: install-test
	$(BIN)/python -m pytest

benchmark: install
	$(BIN)/python benchmarks/render.py

install: system $(DEMO_STAMP)

install-test: system-test $(TEST_STAMP)

system:
	@scripts/install-system.sh

system-test:
	@scripts/install-system.sh --test

$(DEMO_STAMP): pyproject.toml Makefile
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0   # the CPU wheel; a plain "torch" would pull GBs of CUDA
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps tinysoundfont==0.3.7   # the fallback synth; its pyaudio dependency (playback) is not needed
	npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/share/digitales @iconify-json/fluent-emoji-flat@1.2.6  # the collage's clip-art (MIT)
	touch $(DEMO_STAMP)

$(TEST_STAMP): $(DEMO_STAMP)
	$(BIN)/pip install -q -e '.[test]'   # llama-cpp-python compiles here (~6 min on 2 cores, once: pip caches the wheel)
	touch $(TEST_STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache
