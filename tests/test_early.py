"""Early start: a read-only step runs as soon as its plan line is complete and valid, while the
model writes the rest; steps that change or send something wait for the whole plan; a plan that
turns out invalid still goes back to the planner with its exact error."""

import threading
import time
from typing import Any

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.language_models.fake import FakeStreamingListLLM
from langchain_core.tools import tool

from tests.fakes import AllToolsIndex
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings

CHAR_S = 0.004  # the scripted planner writes a character every 4 ms
CITIES = ("Oslo", "Rome", "Lima", "Pune")


class Log:
    """What happened, in order: ("start", key) / ("end", key) from the tools, ("plan_done",) when the
    planner has written its last token."""

    def __init__(self):
        self.events: list[tuple] = []
        self.started = {c: threading.Event() for c in (*CITIES, "sms")}
        self._lock = threading.Lock()

    def add(self, *event) -> None:
        with self._lock:
            self.events.append(event)
        if event[0] == "start":
            self.started[event[1]].set()

    def at(self, *event) -> int:
        return self.events.index(event)


def make_tools(log: Log):
    @tool
    def get_weather(city: str) -> str:
        """The weather in a city."""
        log.add("start", city)
        time.sleep(0.5)
        log.add("end", city)
        return f"sunny in {city}"

    @tool
    def send_sms(to: str, message: str) -> str:
        """Text someone."""
        log.add("start", "sms")
        return f"texted {to}"
    get_weather.metadata = {"risk": "read"}
    send_sms.metadata = {"risk": "send"}
    return [get_weather, send_sms]


class Prompts(BaseCallbackHandler):
    def __init__(self):
        self.prompts = []

    def on_llm_start(self, serialized, prompts, **kw):
        self.prompts += prompts


class Scripted(FakeStreamingListLLM):
    """The scripted planner, one character every CHAR_S. After a lookup's line is written it gives
    that lookup up to 5 s to start before writing on (a started lookup lets it go on at once), so with
    early start the lookups are logged as started before the plan is done, however slow the machine;
    without, they cannot be. Logs ("plan_done",) after its last character."""

    log: Any = None
    wait: bool = True

    def stream(self, input, config=None, *, stop=None, **kwargs):
        line, pending = "", None
        for c in super().stream(input, config, stop=stop, **kwargs):
            if pending and self.wait:
                self.log.started[pending].wait(5)
            pending = None
            yield c
            line += c
            if c == "\n":
                pending = next((city for city in CITIES if f'city="{city}")' in line), None)
                line = ""
        if pending and self.wait:
            self.log.started[pending].wait(5)
        self.log.add("plan_done")


def run(tmp_path, plans, early=True, seen=None, request="weather in Oslo, Rome, Lima and Pune, and text Sam",
        wait=True, **ctx):
    log = Log()
    llm = Scripted(responses=plans, sleep=CHAR_S, log=log, wait=wait)
    graph = build_graph(tools=make_tools(log), settings=Settings(data_dir=tmp_path, lora_path=None, early_start=early),
                        llm=llm, index=AllToolsIndex())
    out = graph.invoke({"messages": [("human", request)]}, context=ctx or None,
                       config={"callbacks": [seen] if seen else []})
    return out, log


FOUR = ('1. get_weather(city="Oslo")\n2. get_weather(city="Rome")\n3. get_weather(city="Lima")\n'
        '4. get_weather(city="Pune")\n5. join()<END_OF_PLAN>')


def test_read_only_steps_start_while_the_plan_is_written(tmp_path):
    out, log = run(tmp_path, [FOUR])
    assert [t["status"] for t in out["tasks"]] == ["done"] * 4
    assert out["tasks"][0]["result"] == "sunny in Oslo"
    # every lookup began before the plan was finished, each once its own line was written
    done = log.at("plan_done")
    assert all(log.at("start", c) < done for c in CITIES), log.events
    assert [log.at("start", c) for c in CITIES] == sorted(log.at("start", c) for c in CITIES)
    # and they ran side by side: the last one started before the first one ended
    assert log.at("start", "Pune") < log.at("end", "Oslo"), log.events


def test_without_early_start_every_step_waits_for_the_whole_plan(tmp_path):
    out, log = run(tmp_path, [FOUR], early=False, wait=False)
    assert [t["status"] for t in out["tasks"]] == ["done"] * 4
    assert all(log.at("start", c) > log.at("plan_done") for c in CITIES), log.events


def test_a_step_that_sends_waits_for_the_whole_plan(tmp_path):
    plan = ('1. send_sms(to="Sam", message="On my way")\n2. get_weather(city="Oslo")\n'
            '3. join()<END_OF_PLAN>')
    out, log = run(tmp_path, [plan], request="text Sam I'm on my way, and the weather in Oslo", approve="none")
    assert [t["status"] for t in out["tasks"]] == ["done", "done"]
    assert log.at("start", "sms") > log.at("plan_done")  # not before the plan was complete
    assert log.at("start", "Oslo") < log.at("plan_done")  # the read did start early


def test_a_plan_that_turns_out_invalid_goes_back_with_its_exact_error(tmp_path):
    bad = '1. get_weather(city="Oslo")\n2. get_wether(city="Rome")\n3. join()<END_OF_PLAN>'
    good = '1. get_weather(city="Rome")\n2. join()<END_OF_PLAN>'
    seen = Prompts()
    out, log = run(tmp_path, [bad, good], seen=seen, request="the weather in Rome please")
    assert out["replans"] == 1 and len(out["plans"]) == 2
    assert "unknown tool `get_wether`" in seen.prompts[1] and "unknown tool" not in seen.prompts[0]
    # the lookup from the invalid plan ran (a read) but is not reported; the new plan's one is
    assert ("start", "Oslo") in log.events and [t["args"] for t in out["tasks"]] == [{"city": "Rome"}]
    assert out["tasks"][0]["status"] == "done" and "Oslo" not in out["answer"]


def test_nothing_starts_early_in_a_dry_run_or_when_reads_need_approval(tmp_path):
    out, log = run(tmp_path, [FOUR], dry_run=True, wait=False)
    assert not [e for e in log.events if e[0] == "start"] and out["status"] == "dry_run"
    out, log = run(tmp_path, [FOUR], approve="all", wait=False)  # no checkpointer: refused, nothing ran
    assert not [e for e in log.events if e[0] == "start"] and {t["status"] for t in out["tasks"]} == {"rejected"}


def test_a_step_that_names_a_later_lookup_waits_for_it_and_the_lookups_still_start_early(tmp_path):
    plan = ('1. get_weather(city="Oslo")\n2. send_sms(to="$3", message="Bring a coat")\n'
            '3. get_weather(city="Rome")\n4. join()<END_OF_PLAN>')
    out, log = run(tmp_path, [plan], request="weather in Oslo and Rome, and text Sam", approve="none")
    assert [(t["id"], t["tool"], t["args"].get("city")) for t in out["tasks"]] == [
        (1, "get_weather", "Oslo"), (2, "get_weather", "Rome"), (3, "send_sms", None)]
    assert out["tasks"][2]["args"]["to"] == "$2" and out["tasks"][2]["deps"] == [2]
    assert all(t["status"] == "done" for t in out["tasks"]) and out["replans"] == 0
    # the later lookup started while the plan was written, under its new number
    assert log.at("start", "Rome") < log.at("plan_done") < log.at("start", "sms"), log.events
