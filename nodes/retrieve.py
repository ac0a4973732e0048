"""retrieve: find the tools (and solved examples) the planner should see for this request."""

from __future__ import annotations

import inspect
import re
import time
from typing import Any, Callable, Sequence

from langchain_core.messages import HumanMessage
from langgraph.runtime import Runtime

from tinyagent.nodes.request.reading import read_request
from tinyagent.nodes.request.lexicon import VERB_TOOLS
from tinyagent.nodes.context import Context
from tinyagent.nodes.rules.corrections import request_again, self_corrected
from tinyagent.nodes.rules.email_read import asks_to_see_email
from tinyagent.nodes.rules.pipeline import rules_off
from tinyagent.nodes.rules.opening import (asks_advice, asks_for_contact, asks_knowledge, asks_more, code_needs_numbers,
                                          documents_know, only_pleasantry, opening_tool, own_verb_tools, served_action, served_followup,
                                          reply_asked, timed_ask, unserved_action)
from tinyagent.nodes.request.dictation import spoken_punctuation
from tinyagent.nodes.request.language import foreign_language
from tinyagent.nodes.plans.prompts import composed_example, mapped_example
from tinyagent.nodes.report.record import earlier_turns
from tinyagent.nodes.resources import Resources, run_context, writer_of
from tinyagent.nodes.state import State
from tinyagent.store.own_tools import id_finders
from tinyagent.store.tool_matches import named_tools

#: How much of the earlier conversation the planner sees, for follow-up requests.
CONTEXT_TURNS = 2
CONTEXT_CHARS = 200


def message_text(message: Any) -> str:
    content = message.content if hasattr(message, "content") else message
    if isinstance(content, list):  # content blocks
        return " ".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return str(content)


def said_text(message: Any) -> str:
    """A message's text; the person's with the punctuation they said aloud written as marks ("comma" -> ",")."""
    text = message_text(message)
    return spoken_punctuation(text) if isinstance(message, HumanMessage) else text


def split_request(messages: list) -> tuple[str, str]:
    """(the last human message, a short transcript of the turns before it, tool results included)."""
    idx = next((i for i in range(len(messages) - 1, -1, -1)
                if isinstance(messages[i], HumanMessage)), None)
    if idx is None or not message_text(messages[idx]).strip():
        raise ValueError("No request found: send {'messages': [{'role': 'user', 'content': '...'}]} "
                         "with a non-empty last user message.")
    return (self_corrected(said_text(messages[idx]).strip()),
            earlier_turns(messages[:idx], said_text, CONTEXT_TURNS, CONTEXT_CHARS))


def earlier_requests(messages: list) -> tuple[list[str], list[str]]:
    """(the person's requests before the last one, the names the last of their plans looked up)."""
    humans = [i for i, m in enumerate(messages) if isinstance(m, HumanMessage)]
    if len(humans) < 2:
        return [], []
    prev = humans[-2]
    names = [str(c["args"].get("name")) for m in messages[prev:humans[-1]]
             for c in (getattr(m, "tool_calls", None) or ()) if c.get("args", {}).get("name")]
    return [said_text(messages[i]).strip() for i in humans[:-1]], names


def last_turn_text(messages: list) -> str:
    """What the turn before the last request said back: its tool results and answer, as one text."""
    humans = [i for i, m in enumerate(messages) if isinstance(m, HumanMessage)]
    if len(humans) < 2:
        return ""
    return "\n".join(message_text(m) for m in messages[humans[-2] + 1:humans[-1]])


def _takes(fn: Callable, name: str) -> bool:
    """Whether ``fn`` accepts the keyword ``name`` (an index of your own may predate it)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def domain_example(res: Resources, index: Any, query: str, shown: Sequence[str],
                   fit: dict[str, float], vector: Any = None) -> dict[str, str] | None:
    """The nearest solved plan of the bank over other domains' tools (store/domain_examples.py) whose
    tools and arguments map cleanly onto the ``shown`` tools, rewritten with their names; None when
    switched off (settings.domain_examples), the index has no embedder, or none maps. ``fit``: how close
    each shown tool is to the request (the example must use the closest); ``vector``: the request's
    embedding, where retrieval has it."""
    embedder = getattr(index, "embedder", None)
    if not getattr(res.settings, "domain_examples", False) or embedder is None:
        return None
    from tinyagent.store.domain_examples import DOMAIN_EXAMPLES_FILE, domain_bank

    bank = domain_bank(str(getattr(res.settings, "domain_bank", None) or DOMAIN_EXAMPLES_FILE))
    if not bank.rows:
        return None
    vector = embedder.embed([query])[0] if vector is None else vector
    for m in bank.mappings(query, vector, res.specs, shown, embedder.embed, fit):
        example = mapped_example(m.query, m.plan, m.tools, m.params, res.specs)
        if example:
            return example
    return None


#: A question ("is chocolate bad for dogs?", "whats the wifi password at camden"), not an errand ("new pw 32 chars
#: no symbols", "could you look for a dog walker?"): a polite "could you ..." asks for something done
_QUESTION = re.compile(r"^\s*(?:(?:hey|hi|so|ok|okay|um|uh|and|also|quick\s+question|remind\s+me)[,!:]?\s+){0,2}"
                       r"(?:what|whats|what's|wat|how|is|are|was|were|do|does|did|should|why|where|when|who|which|"
                       r"(?:can|could|would|will)(?!\s+(?:you|u|ya)\b))\b", re.I)
_ASKS_DONE = re.compile(r"^\s*(?:(?:hey|hi|so|ok|okay|um|uh|pls|please)[,!]?\s+){0,2}(?:can|could|would|will)\s+(?:you|u|ya)\b",
                        re.I)


def asks_a_question(query: str) -> bool:
    """The request asks something rather than asks for something to be done."""
    return bool(_QUESTION.search(query)) or (query.rstrip().endswith("?") and not _ASKS_DONE.search(query))


def retrieval(res: Resources, query: str, max_tools: int, context: str = "",
              progress: Callable[[str], None] | None = None, off: Sequence[str] = ()) -> dict[str, Any]:
    """What the planner is shown for ``query`` (the whole request, or one part of it planned
    alone): tools, the ones it may call (focus) and must call (required: the classifier's very sure
    ones; required_own: your own tools that fit a part; required_file: the file finder of a file to
    send; required_search: the search of a document the request asks about; required_verb: the tool the
    opening verb names; nodes/rules/decoding.py), the solved examples, and whether nothing fits."""
    index = res.index(progress=progress)
    # a file to send along: the example shown finds a file and sends it ("Email Sarah Lee the Q3
    # report" was shown an email without one, and planned a reply)
    attach = read_request(query).asks_to_attach
    required_file: list[str] = []
    prefer = [n for n, s in res.specs.items() if "file" in s.roles][:1] if attach else []
    found = index.retrieve(query, list(res.specs), max_tools=max_tools,
                           n_examples=res.settings.n_examples,
                           match_above=res.settings.match_unknown_above,
                           **({"prefer": prefer} if prefer and _takes(index.retrieve, "prefer") else {}))
    # Nothing fits: the classifier judged every shown tool and is unsure of all of them. Only on
    # a first turn: a follow-up ("send that to Elena too") is judged by the planner with context.
    judged = bool(found.tools) and all(name in found.probabilities for name in found.tools)
    nothing_fits = (judged and not context
                    and max(found.probabilities.values(), default=0.0) < res.settings.decline_below)
    # Only tools the classifier does not know (an app's own): nothing fits when the request and
    # each of its clauses are far from every shown tool's description (tuned on the generator's
    # synthetic tools: at 0.2, 97% of fitting requests kept, 88% of unservable ones declined)
    unjudged = bool(found.tools) and not found.probabilities and not found.sure  # the user's own tools
    nothing_fits = nothing_fits or (unjudged and bool(found.similarity) and not context
                                    and max(found.similarity.values()) < res.settings.unknown_decline_below
                                    and asks_a_question(query))
    # A tool of the user's own very close to the request (or a clause): the first plan may not be empty
    must_plan = not context and any(found.similarity.get(n, 0.0) >= res.settings.unknown_plan_above > 0
                                    for n in found.tools if n not in found.probabilities)
    # One of your own tools the fit of store/own_tools.py is very sure of: planned, and not with an empty plan
    # ("show my upcoming bookings" with list_pet_bookings at 0.8 was declined by the model)
    sure_own = not context and "own_tools_required" not in off and max(
        (p for n, p in getattr(found, "own_fit", {}).items() if n in found.tools), default=0.0) \
        >= res.settings.own_plan_above > 0
    nothing_fits = nothing_fits and not sure_own
    must_plan = must_plan or sure_own
    # A new request starts a fresh record; the conversation itself stays in `messages`.
    # Tools the classifier is very sure of: the first plan may not end before it calls them.
    required = [] if context else [n for n in found.tools
                                   if found.probabilities.get(n, 0.0) >= res.settings.require_above > 0]
    # Tools of the user's own that are clearly one clause's: the same ("lock up the garage" and
    # "so, run the sprinklers in the garage for 15 minutes" were planned as join())
    required_own = [] if context or nothing_fits else [n for n in found.matched if n not in required]
    # A tool the classifier is very sure of: the first plan may not be empty (the model's own decline)
    sure_plan = not context and not nothing_fits and any(
        found.probabilities.get(n, 0.0) >= res.settings.plan_when_sure_above > 0 for n in found.tools)
    focus = list(found.sure)
    tools = list(found.tools)
    reading = found.reading or query  # with its typos corrected ("emial Sarah the Q3 reprot")
    if read_request(query, reading).asks_to_attach:
        # a file to send along is found by name first: the file tool is shown and must be called,
        # which the classifier, judging the words, often misses ("email Sarah the Q3 report");
        # the shown tools that send files may be called, or, where none is shown, all are shown
        # (showing the others beside a shown one was measured: the planner then picks a reply or
        # a forward for a new email)
        finders = [n for n, s in res.specs.items() if "file" in s.roles]
        senders = [n for n in tools if "attachments" in res.specs[n].roles]
        if not senders:  # none shown ("find the budget sheet and send it to Ravi"): all of them
            senders = [n for n, s in res.specs.items() if "attachments" in s.roles]
        tools += [n for n in finders + senders if n not in tools]
        if focus:  # (an empty focus leaves every shown tool callable)
            focus += [n for n in finders + senders if n not in focus]
        required_file = [n for n in finders if n not in required + required_own]
    # the default tool the opening verb names ("forward ...": forward_email) is shown and must be called; with your own
    # tools, the one whose name opens with the verb a clause opens with ("book me at the closest place to Camden
    # saturday 11am" was planned with the site search alone)
    verb_tools: list[str] = []
    if "verb_tool_first" not in off:
        verb_tools = [t for t in [opening_tool(query, VERB_TOOLS)] if t in res.specs]
        if not verb_tools and not context and reply_asked(query) and "reply_to_email" in res.specs:
            verb_tools = ["reply_to_email"]  # ("re the invoice from Lucas: pls reply that ...": the reply is the ask)
        if unjudged and not context and not nothing_fits:
            verb_tools += own_verb_tools(reading, list(res.specs))
    required_verb: list[str] = []
    for name in verb_tools:
        tools += [name] if name not in tools else []
        if focus and name not in focus:
            focus.append(name)
        required_verb += [name] if name not in required + required_own + required_file + required_verb else []
    # a question about what a named document says is answered from a search of it: the search tool
    # is shown and must be called ("what am i doing on tuesday according to the itinerary" was join())
    required_search: list[str] = []
    if "search_named_first" not in off and read_request(query, reading, context).document_named \
            and not _SUMMARY.search(query):
        searchers = [n for n, s in res.specs.items() if "question" in s.roles]
        tools += [n for n in searchers if n not in tools]
        if focus:
            focus += [n for n in searchers if n not in focus]
        required_search = [n for n in searchers if n not in required + required_own]
    # your own tools the fit finds unlikely for a first request are not callable in its first plan
    # (store/own_tools.py): the likely ones, the likeliest, and the finders their ids come from
    own_fit = {n: p for n, p in getattr(found, "own_fit", {}).items() if n in tools}
    own_focus: list[str] = []
    above = res.settings.own_focus_above
    if own_fit and above > 0 and not context and not nothing_fits and "own_focus" not in off:
        own_focus = [n for n in own_fit if own_fit[n] >= above] or [max(own_fit, key=own_fit.get)]
        own_focus += [n for n in id_finders({n: [p.name for p in res.specs[n].params] for n in own_fit},
                                            own_focus) if n not in own_focus]
        own_focus += [n for n in required_own + required_verb + named_tools(reading, own_fit) if n not in own_focus]
    # how sure the classifier is of each known tool's count (nodes/model/counts.py): first turn only
    repeats = {} if context else getattr(found, "repeats", {})
    counts = {n: [p, p * repeats[n]] for n, p in found.probabilities.items() if n in repeats}
    examples = [{"query": e["query"], "plan": e["plan"]} for e in found.examples]
    if not examples and unjudged:
        # the index judges none of these tools and no stored example fits: a solved plan over another
        # domain's tools with these tools' names swapped in, else one made from the likeliest tool
        mapped = domain_example(res, index, reading, tools, {n: found.scores.get(n, 0.0) for n in tools},
                                getattr(found, "vector", None))
        best = max(found.tools, key=lambda n: found.scores.get(n, 0.0))
        examples = [e for e in [mapped or composed_example(res.specs[best])] if e]
    return {"tools": tools, "focus": focus, "required": required, "required_own": required_own,
            "required_file": required_file, "required_search": required_search, "required_verb": required_verb,
            "reading": reading,
            "nothing_fits": nothing_fits, "must_plan": must_plan and not nothing_fits, "sure_plan": sure_plan,
            "examples": examples,
            "counts": counts, "own_fit": own_fit, "own_focus": own_focus}


def opening_rules(res: Resources, ctx: Context, query: str, found: dict,
                  followup: bool = False) -> tuple[dict, str | None, list[dict]]:
    """The retrieve rules (nodes/rules/opening.py) on a request in English (``query``; "" otherwise), where
    every tool is one the classifier knows (with your own tools, decline_unserved alone, on a first turn, judged by
    the tools' names and descriptions): on a first
    request all of them; on a ``followup`` only decline_unserved, where no served verb asks for more ("ok pay
    it" is declined, "cancel that and instead remind me on friday" is not): (``found`` as they leave it, the
    verb no tool serves or None, their trace)."""
    clf = getattr(res.index(), "classifier", None)
    if not query or clf is None:
        return found, None, []
    off = rules_off(ctx)
    # your own tools: decline_unserved alone, on a first turn ("pay the electrician's invoice" with a contractors
    # app; held-out corpus tool sets and dev4-domains: 13 declines won, 1 lost)
    known = set(res.specs) <= set(clf.names)
    if followup and (not known or asks_more(query)):
        return found, None, []
    if not found["nothing_fits"] and "decline_unserved" not in off:
        # (the request as read, its typos corrected: "cancle the dentist appoinment" asks to cancel)
        readings = [query, found.get("reading") or ""] if known else [query]
        verb = next((v for text in readings if (v := unserved_action(text, res.specs.values()))), None)
        if verb:  # "pay the gas bill": no tool pays; nothing is planned, and the answer says what it can't do
            return {**found, "nothing_fits": True, "must_plan": False}, verb, [
                {"rule": "decline_unserved", "stage": "retrieve", "removed": [], "added": [],
                 "held": f"the request asks to {verb}, which no tool does: nothing planned"}]
    if not followup and not found["nothing_fits"] and "decline_advice" not in off and asks_advice(query, res.specs.values()):
        # "any tips for getting off the start line cleaner?": no tool gives advice; nothing is planned
        return {**found, "nothing_fits": True, "must_plan": False}, "give advice or opinions", [
            {"rule": "decline_advice", "stage": "retrieve", "removed": [], "added": [],
             "held": "the request asks for advice or an opinion, which no tool gives: nothing planned"}]
    if not followup and not known and not found["nothing_fits"] and "decline_knowledge" not in off \
            and asks_knowledge(query, res.specs.values()):
        # your own tools: "who won the f1 championship this year lol" to a go-kart track's; no tool answers it
        return {**found, "nothing_fits": True, "must_plan": False}, "answer general questions", [
            {"rule": "decline_knowledge", "stage": "retrieve", "removed": [], "added": [],
             "held": "the request asks a question of general knowledge, which no tool answers: nothing planned"}]
    if not followup and not found["nothing_fits"] and "decline_pleasantry" not in off and only_pleasantry(query):
        # "Thank you, you are a big help! Have a nice evening.": nothing is asked; nothing is planned
        return {**found, "nothing_fits": True, "must_plan": False}, None, [
            {"rule": "decline_pleasantry", "stage": "retrieve", "removed": [], "added": [],
             "held": "the request only thanks, greets or says goodbye: nothing planned"}]
    if followup or not known:
        return found, None, []
    held = code_needs_numbers(query, found.get("focus") or [], res.specs) if "code_needs_numbers" not in off else []
    trace: list[dict] = []
    if held:  # "whats the lead time on the particulate matter sensor": no number, no sum; not Python code
        found = {**found, **{k: [n for n in found.get(k) or [] if n not in held] for k in ("tools", "focus", "required")}}
        trace = [{"rule": "code_needs_numbers", "stage": "retrieve", "removed": [], "added": [],
                  "held": f"no number and no sum asked: {', '.join(held)} not shown"}]
    searchers = [n for n, s in res.specs.items() if "question" in s.roles and n in res.tools]
    # (a question held back from code is asked of the documents too: shown the others, the planner made a meeting
    # link "Particulate matter")
    if (found["nothing_fits"] or held) and searchers and "documents_know" not in off:
        hit = documents_know(query, lambda q: res.tools[searchers[0]].invoke({"query": q, "k": 3}))
        if hit:  # "what time is my return flight from lisbon?": the itinerary says; searched, not declined, and
            # with the search alone shown (shown the others, the planner also made a meeting link "Flight to Lisbon")
            return {**found, "nothing_fits": False, "tools": searchers, "focus": searchers,
                    "required_search": searchers}, \
                None, trace + [{"rule": "documents_know", "stage": "retrieve", "removed": [], "added": [],
                                "held": f"a passage of {hit.get('path', 'your documents')} answers the question: "
                                        f"searched, not declined"}]
    if not found["nothing_fits"] and not held and searchers and not found.get("required_search") \
            and "documents_know" not in off and asks_a_question(query):
        hit = documents_know(query, lambda q: res.tools[searchers[0]].invoke({"query": q, "k": 3}))
        if hit:  # "when is the weekly sync?": the handbook says; planned with the search, which the model left out
            return {**found, "tools": list(dict.fromkeys([*found["tools"], *searchers])),
                    "focus": list(dict.fromkeys([*found["focus"], *searchers])) if found.get("focus") else found.get("focus"),
                    "required_search": searchers}, \
                None, trace + [{"rule": "documents_know", "stage": "retrieve", "removed": [], "added": [],
                                "held": f"a passage of {hit.get('path', 'your documents')} answers the question: "
                                        f"the plan searches"}]
    if searchers and not found.get("required_search") and "email_not_declined" not in off and asks_to_see_email(query):
        # "anything from David Kim at Northwind?": the inbox's emails are searched (nodes/rules/email_read.py)
        return {**found, "nothing_fits": False, "tools": searchers, "focus": searchers, "required_search": searchers}, \
            None, trace + [{"rule": "email_not_declined", "stage": "retrieve", "removed": [], "added": [],
                            "held": "the request asks to see an email: the inbox is searched, not declined"}]
    if found["nothing_fits"] and "plan_served" not in off:
        # (or the request as read, its typos corrected: "ad chickpeas and lentils to shoping list")
        verb = served_action(query) or served_action(found.get("reading") or "")
        if verb:  # "note: gate code is 4471": the classifier was unsure of every tool; the verb names one
            return {**found, "nothing_fits": False}, None, trace + [
                {"rule": "plan_served", "stage": "retrieve", "removed": [], "added": [],
                 "held": f"the request asks to {verb}, which a tool does: planned, not declined"}]
    if found["nothing_fits"] and "contact_not_declined" not in off and asks_for_contact(query) \
            and any("person" in s.roles for s in res.specs.values()):
        # "what's Tom Becker's cell": a look-up is the answer
        return {**found, "nothing_fits": False}, None, trace + [
            {"rule": "contact_not_declined", "stage": "retrieve", "removed": [], "added": [],
             "held": "the request asks for someone's number or address: planned, not declined"}]
    if found["nothing_fits"] and "timed_not_empty" not in off and _TIMED_TOOLS & set(res.specs) and timed_ask(query):
        # "Can you block 90 minutes tomorrow at 2pm for going through the budget section?": a time for the calendar
        return {**found, "nothing_fits": False}, None, trace + [
            {"rule": "timed_not_empty", "stage": "retrieve", "removed": [], "added": [],
             "held": "the request gives a clock time and asks nothing back: planned, not declined"}]
    return found, None, trace


#: A request for a document's summary, not for what it says of something ("just give me the gist")
_SUMMARY = re.compile(r"\b(?:summar(?:y|ies|i[sz]e)|gist|overview|rundown|sum\s+(?:it\s+)?up|tl;?dr|short\s+version)\b", re.I)
#: The default tools a request with a clock time is for
_TIMED_TOOLS = {"create_calendar_event", "create_reminder", "get_zoom_meeting_link"}


def make_retrieve(res: Resources):
    def retrieve(state: State, runtime: Runtime[Context]) -> dict:
        ctx = run_context(runtime, res)
        started = time.time()
        t = time.perf_counter()
        query, context = split_request(state.get("messages", []))
        write = writer_of(runtime)
        earlier, looked_up = earlier_requests(state.get("messages", []))
        again = request_again(query, earlier, looked_up, last_turn_text(state.get("messages", [])))
        fixed = again[0] if again else None
        if again:  # "i mean Aisha", "actually make it 4pm", "the q3 one": the request before, changed, planned again whole
            write({"type": "progress", "text": f"Planning your earlier request again, {again[1]}: {fixed}"})
        if fixed:
            query, context = fixed, ""  # (a request of its own: the turn it repeats would only mislead the planner)
        found = retrieval(res, query, ctx.max_tools, context, progress=lambda text: write({"type": "progress", "text": text}),
                          off=rules_off(ctx))
        language = foreign_language(query)
        if language:  # the planner reads English only: nothing is planned, and the answer says so
            found = {**found, "nothing_fits": True, "must_plan": False}
        found, unserved, trace = opening_rules(res, ctx, query if not language else "", found, followup=bool(context))
        # a follow-up that opens with a tool's own verb ("text her to check her inbox") or adds to the turn
        # before ("oh and bread too"): the followup_not_empty rule holds an empty plan back
        found = {**found, "served_followup": bool(context) and served_followup(query, res.specs.values()),
                 # a first request that opens with a tool's own verb ("note: gate code is 4471"), not declined
                 # before planning: the served_not_empty rule holds an empty plan back
                 "served_first": not context and not found["nothing_fits"] and not language and any(
                     served_action(q) is not None for q in dict.fromkeys([query, found.get("reading") or query])),
                 # a first request with a clock time for the calendar, a reminder or a link: the timed_not_empty rule
                 "timed_first": not context and not found["nothing_fits"] and not language
                 and bool(_TIMED_TOOLS & set(res.specs)) and timed_ask(query)}
        write({"type": "retrieved", "tools": found["tools"]})
        if trace:
            write({"type": "rules", "trace": trace})
        return {"query": query, "context": context, **found, "language": language, "unserved": unserved,
                "again": again[1] if again else None,
                "plan": "", "plans": [], "plan_error": None, "pending": [], "tasks": [],
                "round": 0, "replans": 0, "replan_reason": None, "answer": "", "status": "", "stop": None,
                "parts": [], "rule_trace": trace,
                "prompt_tokens": 0, "started": started, "feedback": None,
                "timings": {"retrieve": time.perf_counter() - t, "plan": 0.0, "compile": 0.0,
                            "execute": 0.0, "join": 0.0}}
    return retrieve
