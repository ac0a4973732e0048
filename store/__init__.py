"""Persistent stores: the tool index and the embeddings it uses."""
