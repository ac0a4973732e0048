# One-command set-up: `make chat` (set up, then chat) and `make test` (set up, then run the tests).
# The first run builds llama-cpp-python from source (about 12 minutes on 2 cores); later runs reuse it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# llama.cpp is built for this CPU (GGML_NATIVE) but without Intel AMX: on machines that advertise AMX
# without running it, its AMX kernels die with SIGILL (README, "CPUs that advertise AMX").
ifeq ($(shell uname -m),x86_64)
NO_AMX := -mno-amx-tile -mno-amx-int8 -mno-amx-bf16
export LLAMA_CMAKE_ARGS := -DCMAKE_C_FLAGS="$(NO_AMX)" -DCMAKE_CXX_FLAGS="$(NO_AMX)"
endif

.PHONY: setup chat test bench clean llama-server

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	@# llama-cpp-python first, with those flags; --no-cache-dir: never a wheel cached from other flags
	CMAKE_ARGS="$$LLAMA_CMAKE_ARGS" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(BIN)/pip install --no-cache-dir \
		"$$(grep -o 'llama-cpp-python==[0-9.]*' pyproject.toml)"
	CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(BIN)/pip install -e '.[dev,finetune,postgres]'
	@# run_python's sandbox: bubblewrap where it can be installed, else util-linux unshare (never fatal)
	@command -v bwrap >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& apt-get install -y -qq bubblewrap >/dev/null 2>&1; } \
		|| echo "note: bubblewrap not installed; run_python will use unshare if the kernel allows it"
	@# PostgreSQL binaries for the thread-store test (scripts/pg-throwaway.sh); its test skips without them
	@{ command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } \
		|| { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& { apt-get install -y -qq postgresql >/dev/null 2>&1 \
		|| { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq postgresql >/dev/null 2>&1; }; }; } \
		|| echo "note: postgresql not installed; the PostgreSQL thread test will be skipped"
	touch $(STAMP)

chat: setup
	$(BIN)/tinyagent chat

# The tests run the planner against the real llama-server too, so the first `make test` builds it
# (not fatal: without it those tests are skipped with the reason).
test: setup
	@scripts/build-llama-server.sh || echo "note: llama-server did not build; tests/test_model_server.py will skip its real-server tests"
	$(BIN)/python -m pytest

# The upstream llama.cpp server, built from the source vendored in the pinned llama-cpp-python sdist
# (CPU, Release; about 7 minutes on 2 cores), into .cache/llama-server/bin; a later run reuses it.
llama-server: setup
	scripts/build-llama-server.sh

# Every benchmark in BENCHMARKS.md, one after the other (about an hour on 2 idle cores). The merged
# models are built from the shipped GGUF LoRA on first use and cached (nodes/model/merged_model.py).
bench: setup
	$(BIN)/python bench/parallel.py
	$(BIN)/python bench/retrieval.py
	$(BIN)/python bench/footprint.py
	$(BIN)/python bench/planner_speed.py --merged Q8_0 Q6_K Q5_K_M Q5_1 Q4_1
	$(BIN)/python bench/load.py
	$(BIN)/python bench/react_baseline.py

clean:
	rm -rf $(VENV) build *.egg-info .cache/llama-server
