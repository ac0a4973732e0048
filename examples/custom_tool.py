"""Add your own tool: any LangChain @tool is indexed for retrieval, described to the planner from
its schema, and run by the graph like the built-in tools.

    .venv/bin/python examples/custom_tool.py "How much is 120 US dollars in euros?"

Runs the default local model (SmolLM2-135M + the project's adapter when present) on your CPU.
"""

import sys

from langchain_core.tools import tool

from tinyagent.graph.graph import build_graph, default_tools
from tinyagent.graph.settings import Settings

RATES_TO_USD = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0066, "CHF": 1.13}


@tool
def convert_currency(amount: float, from_currency: str, to_currency: str) -> str:
    """Convert an amount of money from one currency to another (ISO codes: USD, EUR, GBP, JPY, CHF)."""
    usd = amount * RATES_TO_USD[from_currency.upper()]
    return f"{usd / RATES_TO_USD[to_currency.upper()]:.2f} {to_currency.upper()}"


def main() -> None:
    query = sys.argv[1] if len(sys.argv) > 1 else "How much is 120 US dollars in euros?"
    settings = Settings()  # TINYAGENT_* environment variables apply
    graph = build_graph(tools=[*default_tools(settings), convert_currency], settings=settings)
    state = graph.invoke({"messages": [("human", query)]})
    print(state["plan"])
    for task in state["tasks"]:
        print(f"  [{task['status']}] {task['id']}. {task['call']} -> "
              f"{task.get('result', task.get('error'))}")
    print("Answer:", state["answer"])


if __name__ == "__main__":
    main()
