"""Grammar-lazy greedy decoding gives exactly llama.cpp's grammar-constrained greedy output, streamed
without the stop string, and it reports to LangChain callbacks (traces, the chat's Ctrl-C)."""

import pytest
from langchain_core.callbacks import BaseCallbackHandler

from tests.fakes import compose_new_email, get_email_address, grammar_accepts
from tinyagent.graph.settings import Settings
from tinyagent.nodes.model.decode import greedy_complete
from tinyagent.nodes.plans.grammar import plan_grammar
from tinyagent.nodes.model.llm import complete, load_llama
from tinyagent.nodes.plans.prompts import chatml, model_prompt, plan_messages
from tinyagent.tools.specs import specs_for

llama_cpp = pytest.importorskip("llama_cpp")

QUERIES = ["Email Sarah Lee the slides", "What is Tom Baker's email address?",
           "mail sarah the notes and tom the budget", "Tell me a joke about cats"]


@pytest.fixture(scope="module")
def llm():
    return load_llama(Settings())


@pytest.mark.parametrize("penalty", [1.0, 1.1])
def test_same_tokens_as_llama_cpps_own_grammar_sampling(llm, penalty):
    specs = specs_for([get_email_address, compose_new_email])
    gbnf = plan_grammar(specs.values())
    for query in QUERIES:
        prompt = chatml(plan_messages(query, list(specs.values())))
        llm.client.reset()
        want = llm.client.create_completion(prompt, max_tokens=96, temperature=0.0, repeat_penalty=penalty,
                                            grammar=llama_cpp.LlamaGrammar.from_string(gbnf, verbose=False),
                                            stop=["<|im_end|>"])["choices"][0]["text"]
        # The same evaluation of the prompt for both: from scratch, in one batch. Reusing a cached
        # prefix evaluates the rest in other batch sizes, whose float results differ in the last
        # bits, and a near tie can then flip (it did at penalty 1.1 for the joke with the GPU-trained
        # adapter). This test is about the decoding: penalty, grammar, stops, given the same logits.
        llm.client.reset()
        cache, llm.client._tinyagent_prefix_cache = llm.client._tinyagent_prefix_cache, None
        pieces = []
        try:
            got, n_prompt, n_gen = greedy_complete(llm.client, prompt, gbnf, 96, ["<|im_end|>"], pieces.append,
                                                   repeat_penalty=penalty)
        finally:
            llm.client._tinyagent_prefix_cache = cache
        assert got == want, query
        assert "".join(pieces) == got and n_prompt > 50 and n_gen > 3


def test_a_stop_string_is_cut_and_never_streamed(llm):
    prompt = ("<|im_start|>user\nCount from 1 to 20, separated by commas.<|im_end|>\n"
              "<|im_start|>assistant\n1, 2, 3,")
    pieces = []
    text, _, _ = greedy_complete(llm.client, prompt, None, 60, ["5,"], pieces.append)
    assert text.replace(" ", "") == "4," and "".join(pieces) == text


def test_each_token_reaches_the_runs_callbacks_and_one_can_stop_it(llm):
    class Stop(Exception):
        pass

    class StopAfter(BaseCallbackHandler):
        raise_error = True

        def __init__(self):
            self.tokens = 0

        def on_llm_new_token(self, token, **kw):
            self.tokens += 1
            if self.tokens == 3:
                raise Stop()

    from langchain_core.runnables import RunnableLambda
    specs = specs_for([get_email_address, compose_new_email])
    node = RunnableLambda(lambda q: complete(llm, plan_messages(q, list(specs.values())),
                                             plan_grammar(specs.values()), 96, 0.0))
    handler = StopAfter()
    with pytest.raises(Stop):
        node.invoke("Email Sarah Lee the slides", config={"callbacks": [handler]})
    assert handler.tokens == 3


def test_join_is_refused_while_a_required_tool_has_no_step():
    from tinyagent.nodes.model.decode import join_refuser
    def fresh():
        return join_refuser(["send_sms"], ["get_phone_number", "send_sms", "jobs_find"])
    refuse = fresh()
    looked_up = '1. get_phone_number(name="Lars")\n2.'
    assert refuse(looked_up + " ", "join") and refuse(looked_up, " join(")
    assert not fresh()(looked_up + " ", "send")            # another tool is fine
    assert not fresh()(looked_up + " ", "jo")              # could still become jobs_find
    assert not refuse('1. send_sms(recipients=["x"], message="hi")\n2. ', "join")  # it has its step
    assert not refuse('1. get_phone_number(name="join")', "")  # text inside a call is not a step


def test_the_step_where_join_was_refused_calls_a_required_tool():
    from tinyagent.nodes.model.decode import join_refuser
    refuse = join_refuser(["water_plants"], ["rent_bike", "water_plants", "get_air_quality"])
    assert not refuse("1. ", "rent")                     # before join was refused, any tool
    assert refuse("1. ", "join")                         # the model wanted to end here
    assert refuse("1. ", "rent") and refuse("1. ", "rent_bike(")  # now step 1 calls the missing tool
    assert refuse("1. ", " get_air")
    assert not refuse("1. ", "water") and not refuse("1. wat", "er_plants(")
    assert not refuse('1. water_plants(', 'zone="garage")')  # its arguments are the model's
    assert not refuse('1. water_plants(zone="garage")\n2. ', "join")  # called: the plan may end
    assert not refuse('1. water_plants(zone="garage")\n2. ', "rent")  # another step is free again
    two = join_refuser(["water_plants", "lock_door"], ["rent_bike", "water_plants", "lock_door"])
    assert two("1. ", "join") and two("1. ", "rent") and not two("1. ", "lock")
    assert not two('1. lock_door(', 'door="garage")')  # one of them chosen: its arguments are free


def test_join_is_refused_while_a_looked_up_person_is_used_by_no_step():
    from tinyagent.nodes.model.decode import join_refuser
    refuse = join_refuser([], ["get_phone_number", "send_sms"], ["get_phone_number"])
    looked_up = '1. get_phone_number(name="Lars")\n2. '
    assert refuse(looked_up, "join")
    assert refuse(looked_up, " join(")  # asked again at the same step: still refused
    used = looked_up + 'send_sms(recipients=["$1"], message="hi")\n3. '
    assert not refuse(used, "join")
    # once per plan: one more step to use it, then join is allowed even if it did not
    assert not refuse(looked_up + 'send_sms(recipients=["$12"], message="hi")\n3. ', "join")
    fresh = join_refuser([], ["get_phone_number", "send_sms"], ["get_phone_number"])
    assert fresh(looked_up + 'send_sms(recipients=["$12"], message="hi")\n3. ', "join")  # $12 is not $1
    assert join_refuser([], [], ["get_phone_number"])(used + 'get_phone_number(name="Ana")\n4. ', "join")
    assert not join_refuser([], ["get_phone_number", "send_sms"])(looked_up, "join")  # no lookups given


def test_an_empty_plan_is_refused_when_asked_and_any_step_makes_it_not_empty():
    from tinyagent.nodes.model.decode import join_refuser
    refuse = join_refuser([], ["water_plants", "lock_door"], not_empty=True)
    assert refuse("", "1. join") and refuse("1. ", "join")
    assert not refuse('1. water_plants(zone="garden")\n2. ', "join")
    assert not join_refuser([], ["water_plants"])("1. ", "join")


def test_a_request_for_the_address_or_number_itself_is_told_apart():
    from tinyagent.nodes.request.asks import asks_for_contact
    for query in ["What is Tom Baker's email address?", "give me the emal of Aaron White", "whats lena's cell",
                  "how can I calll Jonathan", "which email does Nadia use", "phone number for Dr. Okafor pls",
                  "get Ana's number and text her hi"]:
        assert asks_for_contact(query), query
    for query in ["email Tom the slides", "text Lena that I'm late", "invite Ana to lunch friday",
                  "write an email for Ana about the budget", "remind me to call mum at 6"]:
        assert not asks_for_contact(query), query


def test_the_real_model_calls_a_required_tool_before_it_may_join(llm):
    from tinyagent.nodes.model.decode import join_refuser
    specs = specs_for([get_email_address, compose_new_email])
    messages = plan_messages("What is Tom Baker's email address?", list(specs.values()))
    free, _, _ = complete(llm, messages, plan_grammar(specs.values()), 128, 0.0)
    assert "compose_new_email(" not in free  # a lookup alone answers it ...
    forced, _, _ = complete(llm, messages, plan_grammar(specs.values()), 128, 0.0,
                            refuse=join_refuser(["compose_new_email"], list(specs)))
    assert "compose_new_email(" in forced and forced.rstrip().endswith("join()<END_OF_PLAN>")  # ... until told


def test_the_prefix_cache_gives_back_a_saved_state_and_the_same_plan(llm):
    specs = specs_for([get_email_address, compose_new_email])
    gbnf = plan_grammar(specs.values())
    first_msgs, other_msgs = (plan_messages(q, list(specs.values())) for q in (QUERIES[0], QUERIES[3]))
    llm.client.reset()
    first = complete(llm, first_msgs, gbnf, 96, 0.0)[0]
    complete(llm, other_msgs, gbnf, 96, 0.0)  # the live context now holds another prompt
    cache = llm.client._tinyagent_prefix_cache
    assert len(cache._states) >= 2 and all(len(state) > 100_000 for _, state in cache._states)
    prompt = model_prompt(llm.client.metadata.get("tokenizer.chat_template"), first_msgs)
    tokens = llm.client.tokenize(prompt.encode(), add_bos=True, special=True)
    cache.restore(llm.client, tokens)
    assert llm.client.n_tokens >= len(tokens)  # the first prompt and its plan are back in the context
    assert complete(llm, first_msgs, gbnf, 96, 0.0)[0] == first


def test_with_no_prefix_cache_plans_are_the_same_and_no_state_is_kept():
    llm = load_llama(Settings(prefix_cache=0))
    assert llm.client._tinyagent_prefix_cache is None
    specs = specs_for([get_email_address, compose_new_email])
    msgs = plan_messages(QUERIES[0], list(specs.values()))
    gbnf = plan_grammar(specs.values())
    text = complete(llm, msgs, gbnf, 96, 0.0)[0]
    assert text.startswith("1. ") and "join()" in text


def test_a_stated_number_keeps_a_call_with_an_unset_optional_number_open_once():
    from tinyagent.nodes.model.decode import stated_numbers, stated_value_refuser
    from tinyagent.tools.date_phrases import find_phrases
    from tinyagent.tools.specs import Param, ToolSpec

    # numbers inside the words for a time are not values to place
    query = "book a court for 4 players on 2026-12-06 at 8:30am"
    assert stated_numbers(query, find_phrases(query)) == {"4"}
    assert stated_numbers("a $300,000 loan at 6.5% for 30 years") == {"300000", "6.5", "30"}

    lights = ToolSpec(name="light_set", description="Set a light.",
                      params=[Param("room", "string", True), Param("brightness", "integer")])
    refuse = stated_value_refuser("dim the bedroom lights to 30%", {"light_set": lights})
    assert not refuse('1. light_set(room="bed', ')')        # a ")" inside the value is text
    hourly = ToolSpec(name="hourly", description="", params=[Param("city", "string", True), Param("hours", "integer"),
                                                            Param("step", "integer")])
    # a token that also ends a value ("2)" of hours=12): refusing it would change the value
    assert not stated_value_refuser("hourly for Oslo, next 12 hours", {"hourly": hourly})('1. hourly(city="Oslo", hours=1', '2)')
    assert refuse('1. light_set(room="bedroom"', ')')         # 30 is stated and used nowhere: not yet
    assert not refuse('1. light_set(room="bedroom"', ')')     # once per step: then it may close
    assert refuse('1. light_set(room="bedroom")\n2. light_set(room="hall"', ')')  # the next step's own turn
    # the number already in the plan, or the parameter already set: nothing to refuse
    refuse = stated_value_refuser("dim the bedroom lights to 30%", {"light_set": lights})
    assert not refuse('1. light_set(room="bedroom 30"', ')')
    assert not refuse('2. light_set(room="bedroom", brightness=20', ')')
    # no number stated, or a tool without optional number parameters: no hook, or no refusal
    assert stated_value_refuser("turn on the bedroom lights", {"light_set": lights}) is None
    plain = ToolSpec(name="light_on", description="", params=[Param("room", "string", True)])
    assert stated_value_refuser("lights on in room 2", {"light_on": plain}) is None


def test_a_person_or_a_file_is_a_name_an_address_or_a_whole_reference(llm):
    from tinyagent.tools.specs import Param, ToolSpec

    lookup = ToolSpec("get_email_address", "Look a person up.", (Param("name", "string", True, role="person"),))
    send = ToolSpec("send_mail", "Send an email.", (
        Param("recipients", "array", True, items="string", role="people"), Param("subject", "string"),
        Param("attachments", "array", items="string", role="attachments")))
    gbnf = plan_grammar([lookup, send])
    head = '1. get_email_address(name="Ana")\n2. send_mail(recipients=['

    def accepts(text: str) -> bool:
        return grammar_accepts(llm.client, gbnf, text)  # the llama_cpp.Llama under LangChain's LlamaCpp

    assert accepts(head + '"$1"], subject="Hi")\n3. join()<END_OF_PLAN>')
    assert accepts(head + '"bob@example.com", "Ana"], attachments=["/files/a.pdf"])\n3. join()')
    assert not accepts(head + '"$42\'])  # Added Ana')  # money and code in a person's place
    assert not accepts(head + '"$1 and $2"]')
    assert not accepts(head + '"$1"], attachments=["$2"]')  # step 2 itself
    # other text keeps its freedom: an amount in a subject
    assert accepts(head + '"$1"], subject="Pay $42 today")\n3. join()<END_OF_PLAN>')


def test_who_to_look_up_and_which_file_are_copied_from_the_persons_words(llm):
    from tinyagent.nodes.request.spans import request_spans
    from tinyagent.tools.specs import Param, ToolSpec

    lookup = ToolSpec("get_email_address", "Look a person up.", (Param("name", "string", True, role="person"),))
    find = ToolSpec("open_and_get_file_path", "Find a file.", (Param("file_name", "string", True, role="file"),))
    query = "email the lisbon trip itinerary pdf to Aisha Okafor"
    spans = request_spans(query, context="User: what's Tom's number?\nResult: get_phone_number(name='Tom') -> 555")
    assert "lisbon trip itinerary pdf" in spans and "lisbon trip itinerary" in spans and "Tom" in spans
    assert "the lisbon trip" not in spans and "Aisha Okafor" in spans
    gbnf = plan_grammar([lookup, find], spans=spans)

    def accepts(text: str) -> bool:
        return grammar_accepts(llm.client, gbnf, text)

    assert accepts('1. get_email_address(name="Aisha Okafor")\n2. open_and_get_file_path(file_name="lisbon trip itinerary")\n')
    assert accepts('1. get_email_address(name="Tom")\n')  # from the earlier turn
    assert not accepts('1. open_and_get_file_path(file_name="Longhouse trip itinerary")')  # garbled copy
    assert not accepts('1. get_email_address(name="Aisha Okonkwo")')
