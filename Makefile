# hoso: every target does its own set-up on a fresh Debian machine.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils qpdf \
	fonts-liberation2 fonts-dejavu-core fonts-freefont-ttf python3-venv postgresql chromium \
	redis-server
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all setup system-deps demo serve test lint typecheck bench samples clean

all: test

system-deps: .stamp-apt
.stamp-apt: Makefile
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@touch $@

setup: system-deps $(VENV)/.stamp
$(VENV)/.stamp: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy hoso matching
	$(BIN)/mypy ingest ocr storage samples review_ui

test: setup lint typecheck
	$(BIN)/pytest -n 2 -q

demo: setup
	$(BIN)/hoso extract samples/golden/*.pdf samples/golden/*.jpg samples/golden/*.png samples/golden/*.tif
	HOSO=$(BIN)/hoso bash samples/demo.sh

serve: setup  # the review UI over the demo province (`make demo` first); Ctrl-C stops it
	HOSO_DATA_DIR=var/demo $(BIN)/hoso serve --host 127.0.0.1 --port 8000

samples: setup
	$(BIN)/python -m samples.generate --out var/samples --seed 7 --dossiers 12

# A fresh seed every run besides the fixed ones: figures on a set nobody has looked at (reuse it with
# `make bench FRESH_SEED=N`). The real scanned set is scored last when ../shared/real is here.
FRESH_SEED := $(or $(FRESH_SEED),$(shell $(PY) -c 'import secrets; print(secrets.randbelow(10**8))'))
REAL_SET := ../shared/real

bench: setup
	@echo "fresh seed: $(FRESH_SEED)  (again: make bench FRESH_SEED=$(FRESH_SEED))"
	$(BIN)/python benchmarks/bench_extract.py --seed 20261129 --out var/bench
	$(BIN)/python benchmarks/bench_extract.py --seed $(FRESH_SEED) --out var/bench-fresh --no-baseline
	$(BIN)/python benchmarks/bench_verify.py --seed $$(($(FRESH_SEED) + 1)) --out var/bench-verify-fresh
	$(BIN)/python benchmarks/bench_verify.py --seed 20261130 --out var/bench-verify
	$(BIN)/python benchmarks/bench_identify.py
	$(BIN)/python benchmarks/bench_ingest.py --pages 1000 --seed 20261131 --out var/bench-ingest
	$(BIN)/python benchmarks/bench_ui.py --out var/bench-ui
	$(BIN)/python benchmarks/bench_tasks.py --seed 20261201 --out var/bench-tasks
	@if [ -f $(REAL_SET)/labels.json ]; then \
		$(BIN)/python $(REAL_SET)/score.py --cmd "$(CURDIR)/$(BIN)/hoso" --verbose; \
	else echo "real set: $(REAL_SET) not here, skipped"; fi

clean:
	rm -rf var build *.egg-info .pytest_cache .mypy_cache .ruff_cache
