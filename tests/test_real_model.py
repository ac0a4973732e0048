"""The real default GGUF (with the project's adapter when present) plans under the grammar."""

import pytest

from tests.fakes import AllToolsIndex, compose_new_email, get_email_address
from tinyagent.graph.graph import build_graph
from tinyagent.graph.settings import Settings
from tinyagent.nodes.plans.grammar import plan_grammar
from tinyagent.nodes.model.llm import complete, load_llama
from tinyagent.nodes.plans.planlang import compile_plan
from tinyagent.nodes.plans.prompts import plan_messages
from tinyagent.tools.specs import Param, ToolSpec, specs_for

llama_cpp = pytest.importorskip("llama_cpp")


@pytest.fixture(scope="module")
def llm():
    return load_llama(Settings())


def test_every_grammar_compiles_in_llama_cpp():
    odd = ToolSpec("odd_tool", "All the types.", (
        Param("n", "integer", True), Param("x", "number"), Param("flag", "boolean"),
        Param("names", "array", items="string"), Param("meta", "object"), Param("anything")))
    none_required = ToolSpec("maybe", "Only optional arguments.", (Param("a", "string"), Param("b", "integer")))
    for g in (plan_grammar([odd, none_required]), plan_grammar([odd], first_id=4, known_ids=[1, 2]),
              plan_grammar([]), plan_grammar([odd], when=["next Friday at 3pm", "tmrw"])):
        llama_cpp.LlamaGrammar.from_string(g, verbose=False)


def test_default_model_writes_a_plan_that_compiles(llm):
    specs = specs_for([get_email_address, compose_new_email])
    for query in ["Email Sarah Lee the slides", "What is Tom Baker's email address?"]:
        text, n_prompt, n_gen = complete(llm, plan_messages(query, list(specs.values())),
                                         plan_grammar(specs.values()), 256, 0.0)
        tasks = compile_plan(text, specs)  # raises PlanError if it does not compile
        assert text.endswith("join()<END_OF_PLAN>")
        assert {t.tool for t in tasks} <= set(specs) and n_prompt > 50 and n_gen > 3


def test_date_arguments_copy_the_requests_words(llm):
    from tinyagent.tools.date_phrases import find_phrases

    specs = {s.name: s for s in [ToolSpec("create_reminder", "Create a reminder.", (
        Param("name", "string", True), Param("due_date", "string", role="when")))]}
    query = "remind me to call mum next Friday at 3pm"
    text, _, _ = complete(llm, plan_messages(query, list(specs.values())),
                          plan_grammar(specs.values(), when=find_phrases(query)), 128, 0.0)
    tasks = compile_plan(text, specs)
    assert [t.args.get("due_date") for t in tasks if "due_date" in t.args] in ([], ["next Friday at 3pm"])


def test_whole_graph_dry_run_on_the_real_model(tmp_path):
    graph = build_graph(tools=[get_email_address, compose_new_email],
                        settings=Settings(data_dir=tmp_path), index=AllToolsIndex())
    out = graph.invoke({"messages": [("human", "Email Sarah Lee the slides")]},
                       context={"dry_run": True})
    assert out["plan_error"] is None and out["plans"][-1].endswith("<END_OF_PLAN>")
    assert all(t["status"] == "planned" for t in out["tasks"])


class FocusIndex:
    """Shows both email tools plus a note tool, and is 'sure' only of the note tool."""

    def retrieve(self, query, available, max_tools=5, n_examples=1, k_examples=4, match_above=0.0):
        from tinyagent.store.tool_index import Retrieved
        return Retrieved(sorted(available), [], {}, sure=["create_note"])


def test_first_plan_calls_only_the_tools_the_classifier_is_sure_of(tmp_path, llm):
    from langchain_core.tools import tool

    @tool
    def create_note(name: str, content: str = "") -> str:
        """Create a note."""
        return "ok"

    tools = [get_email_address, compose_new_email, create_note]
    ask = {"messages": [("human", "Email Sarah Lee the slides")]}
    focused = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "a", focus_tools=True),
                          index=FocusIndex(), llm=llm)
    # (verb_tool_first, off here, would let "Email ..." call the email tool whatever the classifier is sure of)
    out = focused.invoke(ask, context={"dry_run": True, "rules_off": "verb_tool_first"})
    assert out["tools"] == ["compose_new_email", "create_note", "get_email_address"]  # all in the prompt
    assert out["tasks"] and {t["tool"] for t in out["tasks"]} == {"create_note"}  # the grammar allowed one
    free = build_graph(tools=tools, settings=Settings(data_dir=tmp_path / "b", focus_tools=False),
                       index=FocusIndex(), llm=llm)
    out = free.invoke(ask, context={"dry_run": True})
    assert "get_email_address" in {t["tool"] for t in out["tasks"]}  # without focus it picks the email tools


def test_llama_cpps_amx_buffers_are_off_where_amx_is_advertised(tmp_path, monkeypatch):
    """llama.cpp put the weights in its AMX buffers on a VM that advertises AMX without running it,
    and the first long prompt died with SIGILL; there the extra buffers are off, and a long prompt
    runs."""
    from tinyagent.nodes.model.llm import amx_advertised, amx_compiled, extra_buffers, install_cpu_defaults

    amx, plain = tmp_path / "amx", tmp_path / "plain"
    amx.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f amx_bf16 amx_tile amx_int8\n")
    plain.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f\n")
    assert amx_advertised(str(amx)) and not amx_advertised(str(plain))
    assert not amx_advertised(str(tmp_path / "missing"))
    monkeypatch.setenv("TINYAGENT_LLAMA_EXTRA_BUFFERS", "1")
    assert extra_buffers()
    monkeypatch.setenv("TINYAGENT_LLAMA_EXTRA_BUFFERS", "0")
    assert not extra_buffers()
    monkeypatch.delenv("TINYAGENT_LLAMA_EXTRA_BUFFERS")
    crashes = amx_advertised() and amx_compiled()
    assert extra_buffers() == (not crashes)
    assert install_cpu_defaults() == crashes  # there, every load keeps its weights in plain buffers
    llm = load_llama(Settings())
    llm.client.reset()
    out = llm.client.create_completion("hello " * 300, max_tokens=2, temperature=0.0)
    assert out["usage"]["prompt_tokens"] >= 300
