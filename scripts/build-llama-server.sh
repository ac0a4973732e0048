#!/usr/bin/env bash
# Build the upstream llama.cpp `llama-server` (CPU only, Release) from the llama.cpp source that the
# pinned llama-cpp-python sdist vendors, so the server and the embedded model run the same llama.cpp.
#
#   scripts/build-llama-server.sh            # -> .cache/llama-server/bin/llama-server
#
# Needs: a C++ compiler, cmake, and pip access to PyPI (the sdist, ~50 MiB) unless it is already in
# .cache/llama-server/src. About 7 minutes on 2 cores. Idempotent: an existing binary is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${LLAMA_CPP_PYTHON_VERSION:-0.3.36}"
OUT=.cache/llama-server
BIN="$OUT/bin/llama-server"
PY="${PYTHON:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3

if [ -x "$BIN" ] && [ -z "${FORCE:-}" ]; then
    echo "$BIN already built (FORCE=1 to rebuild)"; exit 0
fi
mkdir -p "$OUT/src"
SDIST=$(ls "$OUT"/src/llama_cpp_python-"$VERSION".tar.gz 2>/dev/null || true)
if [ -z "$SDIST" ]; then
    "$PY" -m pip download "llama-cpp-python==$VERSION" --no-deps --no-binary :all: -d "$OUT/src"
    SDIST="$OUT/src/llama_cpp_python-$VERSION.tar.gz"
fi
SRC="$OUT/src/llama_cpp_python-$VERSION"
[ -d "$SRC" ] || tar -xzf "$SDIST" -C "$OUT/src"
LLAMA="$SRC/vendor/llama.cpp"
[ -f "$LLAMA/CMakeLists.txt" ] || { echo "no vendored llama.cpp in $SDIST" >&2; exit 1; }

# CPU only; no network client (models are local files: this llama.cpp dropped libcurl, LLAMA_CURL is
# ignored, and LLAMA_OPENSSL=OFF is its equivalent); a static build, so the binary needs no .so beside it.
# Native, but without Intel AMX on x86-64: its kernels die with SIGILL where a VM advertises AMX
# without running it (README, "CPUs that advertise AMX").
NO_AMX=""
[ "$(uname -m)" = x86_64 ] && NO_AMX="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
cmake -S "$LLAMA" -B "$OUT/cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS="$NO_AMX" -DCMAKE_CXX_FLAGS="$NO_AMX" \
    -DLLAMA_OPENSSL=OFF -DBUILD_SHARED_LIBS=OFF \
    -DGGML_CUDA=OFF -DGGML_METAL=OFF -DGGML_VULKAN=OFF -DGGML_NATIVE="${GGML_NATIVE:-ON}" \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON
cmake --build "$OUT/cmake" --config Release --target llama-server -j "$(nproc)"
mkdir -p "$OUT/bin"
cp "$OUT/cmake/bin/llama-server" "$BIN"
"$BIN" --version 2>&1 | head -3 || true
echo "built $BIN"
