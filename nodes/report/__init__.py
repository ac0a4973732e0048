"""The run told back: the plan and task records as LangChain messages, and the final answer built from them."""
