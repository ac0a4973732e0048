"""The Python API: a user's own @tool is indexed, retrieved, planned and run; the graph is a Runnable."""

import asyncio
import re

import pytest
from langchain_core.language_models.llms import LLM
from langchain_core.runnables import Runnable, RunnableLambda
from langchain_core.tools import tool

from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.nodes.plans.prompts import PLAN_SYSTEM

RATES = {("USD", "EUR"): 0.9, ("EUR", "USD"): 1.1}


@tool
def convert_currency(amount: float, from_currency: str, to_currency: str) -> str:
    """Convert an amount of money from one currency to another (ISO codes like USD, EUR)."""
    return f"{amount * RATES[(from_currency, to_currency)]:.2f} {to_currency}"


@tool
def get_weather(city: str) -> str:
    """Get today's weather forecast for a city."""
    return f"Sunny in {city}."


@tool
def play_music(song: str) -> str:
    """Play a song or an album on the speakers."""
    return f"Playing {song}."


@tool
def translate_text(text: str, language: str) -> str:
    """Translate a text into another language."""
    return text


class RuleLLM(LLM):
    """A scripted planner: converts the request's amount from USD to EUR (the answer comes from the run)."""

    @property
    def _llm_type(self) -> str:
        return "rule"

    def _call(self, prompt, stop=None, run_manager=None, **kwargs):
        request = re.findall(r"Request: (.*)", prompt)[-1]  # the last one: examples come first
        assert PLAN_SYSTEM in prompt, "only the planner calls the model"
        amount = re.search(r"\d+", request).group()
        return (f'1. convert_currency(amount={amount}, from_currency="USD", to_currency="EUR")\n'
                "2. join()<END_OF_PLAN>")


class SpyLLM(RuleLLM):
    prompts: list = []

    def _call(self, prompt, stop=None, run_manager=None, **kwargs):
        self.prompts.append(prompt)
        return super()._call(prompt, stop, run_manager, **kwargs)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    """The graph on the user's tools with the real Chroma tool index under a temporary data dir."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), lora_path=None, max_tools=2)
    graph = build_graph(tools=[get_weather, play_music, convert_currency, translate_text],
                        settings=settings, llm=SpyLLM())
    with pytest.MonkeyPatch.context() as mp:  # the shipped solved examples are not needed here
        mp.setattr("tinyagent.store.tool_index.load_examples", lambda: [])
        graph.resources.index()  # opens the real index and embeds the four tools' cards
    return graph


def ask(text):
    return {"messages": [("human", text)]}


def test_custom_tool_is_retrieved_planned_and_run(graph):
    out = graph.invoke(ask("How much is 100 US dollars in euros?"))
    assert "convert_currency" in out["tools"] and len(out["tools"]) == 2  # the real index chose it
    [task] = out["tasks"]
    assert (task["tool"], task["status"], task["result"]) == ("convert_currency", "done", "90.00 EUR")
    assert out["answer"] == "Convert currency: 90.00 EUR"
    # the planner was shown the tool from its schema: name, argument names, description
    prompt = graph.resources.llm().prompts[-1]  # the plan prompt: the model is asked once
    assert "convert_currency(" in prompt and "from_currency" in prompt and "to_currency" in prompt


def test_stream_and_astream_yield_node_updates_in_order(graph):
    order = ["retrieve", "plan", "compile", "execute", "join"]

    async def nodes():
        return [next(iter(chunk)) async for chunk in
                graph.astream(ask("Convert 20 dollars to euros"), stream_mode="updates")]
    assert asyncio.run(nodes()) == order
    chunks = list(graph.stream(ask("Convert 70 dollars to euros"), stream_mode="updates"))
    assert [next(iter(c)) for c in chunks] == order and chunks[-1]["join"]["answer"] == "Convert currency: 63.00 EUR"


def test_graph_is_a_runnable_that_composes_with_lcel(graph):
    assert isinstance(graph, Runnable)
    chain = RunnableLambda(ask) | graph | RunnableLambda(lambda state: state["tasks"][-1]["result"])
    assert chain.invoke("What is 10 USD in EUR?") == "9.00 EUR"
    assert chain.batch(["What is 30 USD in EUR?", "What is 50 USD in EUR?"]) == ["27.00 EUR", "45.00 EUR"]
    assert asyncio.run(chain.ainvoke("What is 40 USD in EUR?")) == "36.00 EUR"


def test_many_graphs_share_one_index_and_each_finds_its_own_tools(tmp_path):
    from langchain_core.language_models.fake import FakeListLLM

    from tinyagent.graph import build_graph, open_index

    @tool
    def water_plants(room: str) -> str:
        """Water the house plants in a room."""
        return f"Watered the plants in the {room}."

    @tool
    def book_parking(date: str) -> str:
        """Reserve a parking spot at the office for a date."""
        return f"Parking booked for {date}."

    settings = Settings(data_dir=tmp_path, lora_path=None)
    shared = open_index(settings)
    first = build_graph(tools=[water_plants], settings=settings, index=shared,
                        llm=FakeListLLM(responses=['1. water_plants(room="kitchen")\n2. join()']))
    second = build_graph(tools=[book_parking], settings=settings, index=shared,
                         llm=FakeListLLM(responses=['1. book_parking(date="tomorrow")\n2. join()']))
    assert first.invoke(ask("Water the kitchen plants"))["tools"] == ["water_plants"]
    out = second.invoke(ask("Book me a parking spot tomorrow"))
    assert out["tools"] == ["book_parking"] and out["answer"] == "Parking booked for tomorrow."
