# The two commands that set everything up on a fresh machine:
#   make demo   install, then render the sample tale to out/kolobok/tale.mp4
#   make test   install, then run the tests
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo demo-en serve test install system benchmark clean

demo: install
	$(BIN)/digitales make "Колобок" --lang ru

demo-en: install
	$(BIN)/digitales make "The Gingerbread Man" --lang en

serve: install
	$(BIN)/digitales serve

test: install
	$(BIN)/python -m pytest

benchmark: install
	$(BIN)/python benchmarks/render.py

install: system $(STAMP)

system:
	@scripts/install-system.sh

$(STAMP): pyproject.toml Makefile
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0   # the CPU wheel; a plain "torch" would pull GBs of CUDA
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps tinysoundfont==0.3.7   # the fallback synth; its pyaudio dependency (playback) is not needed
	npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/share/digitales @iconify-json/fluent-emoji-flat@1.2.6  # the collage's clip-art (MIT)
	touch $(STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache
