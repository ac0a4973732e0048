"""`langgraph dev` serves the graph for real: Studio's view of it (nodes, context form) and a streamed run."""

import dataclasses

import pytest

from tests.langgraph_dev import LANGGRAPH, LIGHT, serve
from tinyagent.graph import Context

NODES = ["retrieve", "plan", "compile", "execute", "join"]

pytest.importorskip("langgraph_sdk")
if not LANGGRAPH.exists():
    pytest.skip("langgraph-cli is not installed (pip install -e '.[dev]')", allow_module_level=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`langgraph dev` offline on loopback, its data dir and workspace in a temporary folder."""
    tmp = tmp_path_factory.mktemp("studio")
    with serve(tmp, {"TINYAGENT_WORKSPACE": str(tmp / "workspace"), **LIGHT}) as (url, _log):
        yield url, tmp


@pytest.fixture(scope="module")
def client(server):
    from langgraph_sdk import get_sync_client
    return get_sync_client(url=server[0], timeout=300)


@pytest.fixture(scope="module")
def assistant(client):
    [found] = client.assistants.search(graph_id="tinyagent")
    return found["assistant_id"]


def test_studio_sees_the_five_nodes_and_the_context_form(client, assistant, server):
    graph = client.assistants.get_graph(assistant)
    assert [n for n in NODES if n in {node["id"] for node in graph["nodes"]}] == NODES
    schema = client.assistants.get_schemas(assistant)["context_schema"]
    fields = schema["properties"]
    assert {f.name for f in dataclasses.fields(Context)} <= set(fields)
    assert all(fields[f.name].get("description") for f in dataclasses.fields(Context))
    # Studio's form shows values, not None: each field has a default, the server's settings where
    # they have one (TINYAGENT_MAX_REPLANS=1 above)
    assert all("default" in fields[f.name] for f in dataclasses.fields(Context)), fields
    assert fields["max_replans"]["default"] == 1 and fields["dry_run"]["default"] is False
    assert (server[1] / "workspace" / "contacts.vcf").stat().st_size > 0  # made with sample data


def test_streamed_run_shows_node_updates_and_task_events(client, assistant):
    thread = client.threads.create()["thread_id"]
    nodes, custom = [], []
    for part in client.runs.stream(
            thread, assistant, stream_mode=["updates", "custom"],
            input={"messages": [{"role": "user", "content": "What is Sarah Lee's email address?"}]},
            context={"max_replans": 0, "today": "2026-11-23"}):
        assert part.event != "error", part.data
        if part.event == "updates":
            nodes.extend(part.data)
        elif part.event == "custom":
            custom.append(part.data)
    kinds = {e["type"] for e in custom}
    assert nodes[:3] == ["retrieve", "plan", "compile"]
    assert {"retrieved", "plan_token"} <= kinds
    if "execute" in nodes:  # the plan compiled: its tasks ran and the joiner answered
        assert "task" in kinds and nodes[-1] == "join"
        assert {e["status"] for e in custom if e["type"] == "task"} & {"done", "failed", "skipped"}

    values = client.threads.get_state(thread)["values"]
    assert values["answer"]
    assert values["messages"][-1]["type"] == "ai"
    assert values["messages"][-1]["content"] == values["answer"]


def test_approval_interrupt_is_resumed_through_the_api(client, assistant):
    thread = client.threads.create()["thread_id"]
    context = {"approve": "all", "max_replans": 0, "today": "2026-11-23"}
    request = {"messages": [{"role": "user", "content": "Text Marcus Chen that I am running late"}]}
    client.runs.wait(thread, assistant, input=request, context=context)
    state = client.threads.get_state(thread)
    if not state["next"]:  # the model's plan did not compile: the run ended without asking
        assert state["values"]["answer"]
        return
    assert state["next"] == ["compile"]
    [question] = state["interrupts"]
    assert question["value"]["plan"] and question["value"]["tasks"]
    # with approve "all" every step waits, each named with the risk its tool declares
    assert question["value"]["needs_approval"] == [t["id"] for t in question["value"]["tasks"]]
    risks = {t["tool"]: t["risk"] for t in question["value"]["tasks"]}
    assert set(risks.values()) <= {"read", "change", "send", "delete"} and risks.get("send_sms", "send") == "send"
    client.runs.wait(thread, assistant, command={"resume": False}, context=context)
    values = client.threads.get_state(thread)["values"]
    assert {t["status"] for t in values["tasks"]} == {"rejected"}
    # the answer lists each step as not run, from the records; Studio's thread state holds the
    # plan as tool calls and one error ToolMessage per call
    assert values["answer"].count("because you did not approve it") == len(values["tasks"])
    calls = [c for m in values["messages"] if m["type"] == "ai" for c in m.get("tool_calls") or []]
    results = [m for m in values["messages"] if m["type"] == "tool"]
    assert [c["name"] for c in calls] == [t["tool"] for t in values["tasks"]]
    assert {m["tool_call_id"] for m in results} == {c["id"] for c in calls}
    assert {m["status"] for m in results} == {"error"}
