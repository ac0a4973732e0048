"""Early start: a read-only step runs as soon as its plan line is complete and valid, while the
model writes the rest; steps that change or send something wait for the whole plan; a plan that
turns out invalid still goes back to the planner with its exact error."""

import threading
import time

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake import FakeStreamingListLLM
from langchain_core.tools import tool

from tests.fakes import AllToolsIndex
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings

CHAR_S = 0.004  # the scripted planner writes a character every 4 ms


def make_tools():
    starts: dict[str, float] = {}
    lock = threading.Lock()

    def stamp(key):
        with lock:
            starts.setdefault(key, time.perf_counter())

    @tool
    def get_weather(city: str) -> str:
        """The weather in a city."""
        stamp(city)
        time.sleep(0.5)
        return f"sunny in {city}"

    @tool
    def send_sms(to: str, message: str) -> str:
        """Text someone."""
        stamp("sms")
        return f"texted {to}"
    get_weather.metadata = {"risk": "read"}
    send_sms.metadata = {"risk": "send"}
    return [get_weather, send_sms], starts


class Prompts(BaseCallbackHandler):
    def __init__(self):
        self.prompts = []

    def on_llm_start(self, serialized, prompts, **kw):
        self.prompts += prompts


def run(tmp_path, plans, early=True, seen=None, request="weather in Oslo, Rome, Lima and Pune, and text Sam", **ctx):
    tools, starts = make_tools()
    llm = FakeStreamingListLLM(responses=plans, sleep=CHAR_S)
    graph = build_graph(tools=tools, settings=Settings(data_dir=tmp_path, lora_path=None, early_start=early),
                        llm=llm, index=AllToolsIndex())
    t0 = time.perf_counter()
    out = graph.invoke({"messages": [("human", request)]},
                       context=ctx or None, config={"callbacks": [seen] if seen else []})
    return out, starts, t0, time.perf_counter() - t0


FOUR = ('1. get_weather(city="Oslo")\n2. get_weather(city="Rome")\n3. get_weather(city="Lima")\n'
        '4. get_weather(city="Pune")\n5. join()<END_OF_PLAN>')


def test_read_only_steps_start_while_the_plan_is_written(tmp_path):
    out, starts, t0, total = run(tmp_path, [FOUR])
    plan_s = out["timings"]["plan"]
    assert [t["status"] for t in out["tasks"]] == ["done"] * 4
    assert out["tasks"][0]["result"] == "sunny in Oslo"
    # the first lookup began long before the plan was finished (its line is ~30 of ~150 characters)
    assert starts["Oslo"] - t0 < plan_s * 0.6, (starts, plan_s)
    # all four ran while the plan was written or right after: the run ends well before plan + 0.5 s
    # lookups one after another (which is what waiting for the whole plan costs, plus the 0.5 s)
    assert total < plan_s + 0.5 + 0.4, (total, plan_s)


def test_without_early_start_every_step_waits_for_the_whole_plan(tmp_path):
    out, starts, t0, total = run(tmp_path, [FOUR], early=False)
    assert min(starts.values()) - t0 >= out["timings"]["plan"]
    assert total >= out["timings"]["plan"] + 0.5


def test_a_step_that_sends_waits_for_the_whole_plan(tmp_path):
    plan = ('1. send_sms(to="Sam", message="On my way")\n2. get_weather(city="Oslo")\n'
            '3. join()<END_OF_PLAN>')
    out, starts, t0, _ = run(tmp_path, [plan], request="text Sam I'm on my way, and the weather in Oslo", approve="none")
    assert [t["status"] for t in out["tasks"]] == ["done", "done"]
    assert starts["sms"] - t0 >= out["timings"]["plan"]  # not before the plan was complete
    assert starts["Oslo"] - t0 < out["timings"]["plan"]  # the read did start early


def test_a_plan_that_turns_out_invalid_goes_back_with_its_exact_error(tmp_path):
    bad = '1. get_weather(city="Oslo")\n2. get_wether(city="Rome")\n3. join()<END_OF_PLAN>'
    good = '1. get_weather(city="Rome")\n2. join()<END_OF_PLAN>'
    seen = Prompts()
    out, starts, _, _ = run(tmp_path, [bad, good], seen=seen, request="the weather in Rome please")
    assert out["replans"] == 1 and len(out["plans"]) == 2
    assert "unknown tool `get_wether`" in seen.prompts[1] and "unknown tool" not in seen.prompts[0]
    # the lookup from the invalid plan ran (a read) but is not reported; the new plan's one is
    assert "Oslo" in starts and [t["args"] for t in out["tasks"]] == [{"city": "Rome"}]
    assert out["tasks"][0]["status"] == "done" and "Oslo" not in out["answer"]


def test_nothing_starts_early_in_a_dry_run_or_when_reads_need_approval(tmp_path):
    out, starts, _, _ = run(tmp_path, [FOUR], dry_run=True)
    assert starts == {} and out["status"] == "dry_run"
    out, starts, _, _ = run(tmp_path, [FOUR], approve="all")  # no checkpointer: refused, nothing ran
    assert starts == {} and {t["status"] for t in out["tasks"]} == {"rejected"}


def test_a_step_that_names_a_later_lookup_waits_for_it_and_the_lookups_still_start_early(tmp_path):
    plan = ('1. get_weather(city="Oslo")\n2. send_sms(to="$3", message="Bring a coat")\n'
            '3. get_weather(city="Rome")\n4. join()<END_OF_PLAN>')
    out, starts, t0, _ = run(tmp_path, [plan], request="weather in Oslo and Rome, and text Sam", approve="none")
    assert [(t["id"], t["tool"], t["args"].get("city")) for t in out["tasks"]] == [
        (1, "get_weather", "Oslo"), (2, "get_weather", "Rome"), (3, "send_sms", None)]
    assert out["tasks"][2]["args"]["to"] == "$2" and out["tasks"][2]["deps"] == [2]
    assert all(t["status"] == "done" for t in out["tasks"]) and out["replans"] == 0
    # the later lookup started while the plan was written, under its new number
    assert starts["Rome"] - t0 < out["timings"]["plan"] and starts["sms"] - t0 >= out["timings"]["plan"]
