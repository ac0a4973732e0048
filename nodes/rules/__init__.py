"""The plan rules: named rewrites and checks run as one pipeline at compile (and early start), each switchable."""
