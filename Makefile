# One-command set-up: `make chat` (set up, then chat) and `make test` (set up, then run the tests).
# The first run builds llama-cpp-python from source (about 12 minutes on 2 cores); later runs reuse it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup chat test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(BIN)/pip install -e '.[dev,finetune]'
	touch $(STAMP)

chat: setup
	$(BIN)/tinyagent chat

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
