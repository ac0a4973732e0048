"""What the request says, read once: its words and spans, its parts, its quantities, its language."""
