"""The planner's model: loading a GGUF (merged with its adapter once), llama.cpp in process or behind a server, grammar-constrained decoding."""
