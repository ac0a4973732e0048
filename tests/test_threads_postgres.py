"""Chat threads in a real PostgreSQL (database_url): two turns in one process, resumed from another.

Starts a throwaway cluster with scripts/pg-throwaway.sh (initdb + pg_ctl in a temporary folder, Unix
socket only). Skipped when the PostgreSQL binaries are absent (`make setup` as root installs them).
"""

import glob
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.language_models.fake import FakeListLLM
from pydantic import Field, ValidationError

from tests.fakes import AllToolsIndex, compose_new_email, get_email_address
from tinyagent.graph import threads as thread_store
from tinyagent.graph.graph import build_graph
from tinyagent.graph.inputs import InputError
from tinyagent.graph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PG = ROOT / "scripts" / "pg-throwaway.sh"
HAVE_PG = bool(shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb"))

PLAN_1 = ('1. get_email_address(name="Sarah Lee")\n'
          '2. compose_new_email(recipients=["$1"], subject="Slides")\n3. join()<END_OF_PLAN>')
PLAN_2 = '1. get_email_address(name="Tom Baker")\n2. join()<END_OF_PLAN>'
PLAN_3 = '1. compose_new_email(recipients=["tom.baker@example.com"], subject="Hi")\n2. join()<END_OF_PLAN>'


class ScriptedLLM(FakeListLLM):
    """FakeListLLM that keeps the prompts it was given."""

    prompts: list[str] = Field(default_factory=list)

    def _call(self, prompt, stop=None, run_manager=None, **kwargs):
        self.prompts.append(prompt)
        return super()._call(prompt, stop, run_manager, **kwargs)


def graph_on(saver, settings, responses):
    llm = ScriptedLLM(responses=responses)
    return build_graph(tools=[get_email_address, compose_new_email], settings=settings,
                       checkpointer=saver, llm=llm, index=AllToolsIndex()), llm


@pytest.fixture(scope="module")
def database_url():
    if not HAVE_PG:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not installed: `make setup` as root "
                    "installs Debian's postgresql, or run `apt-get install -y postgresql`")
    pytest.importorskip("langgraph.checkpoint.postgres",
                        reason="langgraph-checkpoint-postgres missing: pip install -e '.[postgres]'")
    out = subprocess.run([str(PG), "start"], capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, f"pg-throwaway.sh start failed: {out.stderr}"
    env = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    try:
        yield env["TINYAGENT_DATABASE_URL"]
    finally:
        subprocess.run([str(PG), "stop", env["PGDIR"]], capture_output=True, timeout=120)


RESUME = """
import json, sys
from tests.test_threads_postgres import PLAN_3, graph_on
from tinyagent.graph.settings import Settings
from tinyagent.graph.threads import open_checkpointer, list_threads

settings = Settings(data_dir=sys.argv[1], lora_path=None, database_url=sys.argv[2])
with open_checkpointer(settings) as saver:
    graph, llm = graph_on(saver, settings, [PLAN_3])
    config = {"configurable": {"thread_id": "t-1"}}
    before = graph.get_state(config).values
    out = graph.invoke({"messages": [("human", "Now email Tom hi")]}, config)
print(json.dumps({"humans_before": [m.content for m in before["messages"] if m.type == "human"],
                  "answer_before": before["answer"], "prompt": llm.prompts[0], "answer": out["answer"],
                  "humans_after": sum(m.type == "human" for m in out["messages"]),
                  "threads": list_threads(settings)}))
"""


def test_two_turns_then_resumed_from_another_process(database_url, tmp_path):
    settings = Settings(data_dir=tmp_path, lora_path=None, database_url=database_url)
    config = {"configurable": {"thread_id": "t-1"}}
    with thread_store.open_checkpointer(settings) as saver:
        assert type(saver).__name__ == "PostgresSaver"
        graph, _ = graph_on(saver, settings, [PLAN_1, PLAN_2])
        first = graph.invoke({"messages": [("human", "Email Sarah Lee the slides")]}, config)
        second = graph.invoke({"messages": [("human", "And what is Tom Baker's address?")]}, config)
    assert first["answer"] == "Draft to sarah.lee@example.com: Slides."
    assert "tom.baker@example.com" in second["answer"]
    assert not (tmp_path / "threads.sqlite").exists()  # the threads went to PostgreSQL

    proc = subprocess.run([sys.executable, "-c", RESUME, str(tmp_path), database_url], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["humans_before"] == ["Email Sarah Lee the slides", "And what is Tom Baker's address?"]
    assert got["answer_before"] == second["answer"]
    # the resumed turn's planner sees the earlier turns of the thread
    assert "Conversation so far" in got["prompt"] and "Sarah Lee" in got["prompt"]
    assert got["answer"] == "Draft to tom.baker@example.com: Hi." and got["humans_after"] == 3
    assert got["threads"] == [["t-1", "Now email Tom hi"]]
    thread_store.check_thread(settings, "t-1")
    with pytest.raises(InputError, match="no chat thread 'nope'"):
        thread_store.check_thread(settings, "nope")


def test_a_database_that_is_down_is_one_clear_error(tmp_path):
    pytest.importorskip("langgraph.checkpoint.postgres",
                        reason="langgraph-checkpoint-postgres missing: pip install -e '.[postgres]'")
    settings = Settings(data_dir=tmp_path, database_url="postgresql://me:secret@127.0.0.1:9/none")
    with pytest.raises(InputError) as err:
        with thread_store.open_checkpointer(settings):
            pass
    msg = str(err.value)
    assert msg.startswith("Cannot open the thread database postgresql://me:***@127.0.0.1:9/none (")
    assert "secret" not in msg and "unset it to keep threads in" in msg


def test_a_bad_database_url_names_the_setting():
    with pytest.raises(ValidationError, match="not a postgresql or postgres URL"):
        Settings(database_url="mysql://db/x")
    assert Settings(database_url="").database_url is None
