"""The five nodes of the agent graph (retrieve, plan, compile, execute, join) and their helpers."""
