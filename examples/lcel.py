"""The agent graph is a LangChain Runnable: compose it with LCEL, stream it, batch it.

    .venv/bin/python examples/lcel.py
"""

import asyncio

from langchain_core.runnables import RunnableLambda

from tinyagent.graph.graph import build_graph

graph = build_graph()  # the default tools and model; TINYAGENT_* environment variables apply

# text in, answer out: a request becomes the graph's input, the final state becomes its answer
ask = (RunnableLambda(lambda text: {"messages": [("human", text)]})
       | graph
       | RunnableLambda(lambda state: state["answer"]))


async def show_progress(text: str) -> None:
    """Each node's update as it happens, plus the custom events (plan tokens, task status)."""
    async for mode, chunk in graph.astream({"messages": [("human", text)]},
                                           stream_mode=["updates", "custom"]):
        if mode == "updates":
            print("node:", ", ".join(chunk))
        elif chunk.get("type") == "task" and chunk["status"] != "running":
            print(f"  task {chunk['id']} {chunk['tool']}: {chunk['status']}")


if __name__ == "__main__":
    print(ask.invoke("What is Sarah Lee's phone number?"))
    print(ask.batch(["Text Marcus Chen that I am running late", "Find the Q3 report"]))
    asyncio.run(show_progress("Create a note called Groceries with the text: oat milk"))
