"""The plan rules as one named, ordered, switchable pipeline that records what each rule changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from tinyagent.nodes.rules.attachments import attach_not_paste
from tinyagent.nodes.rules.checks import check_plan
from tinyagent.nodes.rules.documents import search_named_document
from tinyagent.nodes.rules.fanout import fan_out
from tinyagent.nodes.rules.fit import fit_values
from tinyagent.nodes.rules.followups import people_of_pronouns, times_of_the_event
from tinyagent.nodes.rules.invitees import invited_people
from tinyagent.nodes.rules.lengths import stated_length
from tinyagent.nodes.plans.planlang import PlanError, Task, format_call
from tinyagent.nodes.request.reading import Request, read_request
from tinyagent.nodes.rules.received import (
    forward_to_named,
    name_received_email,
    new_email_for_unasked_reply,
    received_for_asked,
)
from tinyagent.nodes.rules.code import close_code
from tinyagent.nodes.rules.extra_steps import drop_copied_steps, drop_restated_steps
from tinyagent.nodes.rules.files import attach_found_file, file_for_note
from tinyagent.nodes.rules.lookups import (
    drop_address_lookups,
    drop_stray_lookups,
    look_up_names,
    right_lookups,
)
from tinyagent.nodes.rules.shown_email import pointed_email
from tinyagent.nodes.rules.unstated import drop_invented_steps, drop_unstated_optionals


@dataclass(frozen=True)
class Facts:
    """What the rules read of a request: the tool specs, the request as typed and as read (typos
    corrected), the earlier turns, the done tasks of earlier rounds and the solved examples shown."""

    specs: dict
    query: str
    reading: str = ""
    context: str = ""
    done: Sequence[dict] = ()
    examples: Sequence[dict] = ()

    @property
    def read(self) -> str:
        return self.reading or self.query

    @property
    def request(self) -> Request:
        """The request read once from its texts (nodes/request/reading.py; the same object for the same texts)."""
        return read_request(self.query, self.reading, self.context)


@dataclass(frozen=True)
class Rule:
    """One plan rule: its name (the switch), its stage, a one-line purpose, the outcome it guards
    (dates, people, attachments, made-up content; "" for one that only mends plans), and what it does:
    a rewrite gives the new tasks or None; a check raises PlanError."""

    name: str
    stage: str
    purpose: str
    guards: str
    apply: Callable[[list[Task], Facts], list[Task] | None] | None  # None: a decode rule, applied by the plan node

    def runs_in(self, stage: str) -> bool:
        """Whether the rule runs at ``stage``: "decode" (while the model writes, in the grammar or by
        turning down a token), "compile" (the whole plan), "early" (the finished lines of a plan being
        written, before a read-only step starts early)."""
        return stage in self.stage.split(", ")


# Order matters where said: each rule reads the plan the rules before it left. Early start runs
# only the rules that judge a step by itself (stage "compile, early"); the others need the whole plan
# (a look-up nothing uses yet, a step restated later), and a step started early that compile's final
# plan no longer has, same tool and values, is not used (nodes/rules/early.py, EarlyStart.take).
RULES: tuple[Rule, ...] = (
    # decode: the plan node applies these while the model writes (nodes/plan.py). The grammar ones
    # hold behind a model server too; the token refusers need llama.cpp in process at temperature 0
    # (EMBEDDED_ONLY), behind a server (model_url) they do not run.
    Rule("focus_tools", "decode", "the first plan calls only the tools the classifier is sure of (the prompt shows the rest)",
         "", None),
    Rule("copy_spans", "decode", "a person, file or note name is copied from the person's words, in the grammar",
         "people", None),
    Rule("required_tools", "decode", "no join() before the tools the classifier is sure of have a step, nor before any step where a tool of your own fits",
         "", None),
    Rule("use_lookups", "decode", "a person or file looked up gets one more step to use it before join() (off by default: lost plans on the blind set)",
         "people", None),
    Rule("hold_counts", "decode", "a first plan calls a tool the classifier is sure is needed once only once, and ends when every sure call is written (off by default: won 2, lost 3)",
         "made-up content", None),
    Rule("stated_values", "decode", "on your own tools, a number the request states gets one more chance to reach an optional number parameter",
         "made-up content", None),
    Rule("followup_people", "compile", "a follow-up's her/him/them are the people the earlier turn looked up",
         "people", lambda ts, f: people_of_pronouns(ts, f.specs, f.request)),
    Rule("followup_times", "compile", "a follow-up's 'the day before at 9' counts from the event the earlier turn made",
         "dates", lambda ts, f: times_of_the_event(ts, f.specs, f.request)),
    Rule("drop_copied_steps", "compile", "steps copied from the solved example that the request does not ask for",
         "made-up content", lambda ts, f: drop_copied_steps(ts, f.request, list(f.examples))),
    Rule("drop_restated_steps", "compile", "steps made of what earlier steps already hold, after the last ask",
         "", lambda ts, f: drop_restated_steps(ts)),
    Rule("drop_address_lookups", "compile", "an address or number written out is used as written, not looked up",
         "people", lambda ts, f: drop_address_lookups(ts, f.specs, f.request)),
    Rule("right_lookups", "compile", "a text's recipient is looked up by phone number, not email (before merging)",
         "people", lambda ts, f: right_lookups(ts, f.specs)),
    Rule("file_for_note", "compile", "a note the request calls a file is looked up as the file",
         "attachments", lambda ts, f: file_for_note(ts, f.specs, f.request)),
    Rule("drop_stray_lookups", "compile", "look-ups no step uses, of people or files the request never asks for",
         "", lambda ts, f: drop_stray_lookups(ts, f.specs, f.request)),
    Rule("new_email_for_unasked_reply", "compile", "a reply or forward where the request speaks of no received email is a new email",
         "people", lambda ts, f: new_email_for_unasked_reply(ts, f.specs, f.request)),
    Rule("attach_not_paste", "compile", "a file found to be sent along is attached, not pasted in as the text",
         "attachments", lambda ts, f: attach_not_paste(ts, f.specs, f.request)),
    Rule("attach_found_file", "compile", "the file the request names is looked up and attached",
         "attachments", lambda ts, f: attach_found_file(ts, f.specs, f.request)),
    Rule("fit_values", "compile, early", "numbers in the tool's unit, named choices, stated counts",
         "", lambda ts, f: fit_values(ts, f.specs, f.request)),
    Rule("close_code", "compile", "Python code a bracket short or over at its end is made whole",
         "", lambda ts, f: close_code(ts, f.specs)),
    Rule("drop_invented_steps", "compile", "steps made only of made-up values and what other steps hold",
         "made-up content", lambda ts, f: drop_invented_steps(ts, f.specs, f.request)),
    Rule("drop_unstated_optionals", "compile", "optional values the request never gives are left to the tool",
         "made-up content", lambda ts, f: drop_unstated_optionals(ts, f.specs, f.request)),
    Rule("fan_out", "compile", "one call per value the request lists for it",
         "", lambda ts, f: fan_out(ts, f.specs, f.request)),
    Rule("invited_people", "compile", "people the request invites ('invite Ana', 'a zoom call with Anika') are invited",
         "people", lambda ts, f: invited_people(ts, f.specs, f.request)),
    Rule("look_up_names", "compile", "a recipient written as a name is looked up first",
         "people", lambda ts, f: look_up_names(ts, f.specs, f.request)),
    Rule("stated_length", "compile", "a stated length ('for 45 minutes') is the event's end, not an event",
         "dates", lambda ts, f: stated_length(ts, f.specs, f.request)),
    Rule("received_for_asked", "compile", "'forward/reply to X's email' planned as a new email is the forward or reply",
         "people", lambda ts, f: received_for_asked(ts, f.specs, f.request)),
    Rule("forward_to_named", "compile", "a forward looked up for the email's own sender goes to the person named after 'to'",
         "people", lambda ts, f: forward_to_named(ts, f.specs, f.request)),
    Rule("name_received_email", "compile", "a reply or forward gets the person's words for which email it means",
         "people", lambda ts, f: name_received_email(ts, f.specs, f.request)),
    Rule("pointed_email", "compile", "'that email' in a follow-up is the email the conversation last showed",
         "people", lambda ts, f: pointed_email(ts, f.specs, f.context)),
    Rule("search_named_document", "compile", "a question about a named document searches that document by its name",
         "", lambda ts, f: search_named_document(ts, f.specs, f.request)),
    Rule("checks", "compile, early", "refuse a plan that invents people, files, dates or text, or misses what the request asks",
         "made-up content", lambda ts, f: check_plan(ts, f.specs, f.request, done=list(f.done))),
)
BY_NAME = {r.name: r for r in RULES}
#: The decode rules that turn down tokens one by one: llama.cpp in process at temperature 0 only.
EMBEDDED_ONLY = ("required_tools", "use_lookups", "hold_counts", "stated_values")


def held(name: str, hook: Callable[[str, str], bool] | None, steps: list[dict]) -> Callable[[str, str], bool] | None:
    """The decode rule ``name``'s token refuser, recording in ``steps`` the first token it turned down
    at each step of the plan (the trace: {"rule", "stage": "decode", "removed": [], "added": [], "held"})."""
    if hook is None:
        return None
    seen: set[str] = set()

    def refuse(text: str, piece: str) -> bool:
        if not hook(text, piece):
            return False
        line = (text + piece).rsplit("\n", 1)[-1].strip()
        step = line.split(".", 1)[0] if line[:1].isdigit() else "?"
        if step not in seen:
            seen.add(step)
            steps.append({"rule": name, "stage": "decode", "removed": [], "added": [],
                          "held": f"step {step}: turned down {piece.strip() or repr(piece)!s} ({line[:60]})"})
        return True
    return refuse


def parse_rules_off(text: str | Sequence[str]) -> tuple[str, ...]:
    """'fan_out, fit_values' -> the rule names, each checked; an unknown name is a ValueError that lists them."""
    names = [n.strip() for n in (text.split(",") if isinstance(text, str) else text) if n and n.strip()]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        raise ValueError(f"unknown rule(s) {', '.join(unknown)} in rules_off; the rules are: {', '.join(BY_NAME)}")
    return tuple(names)


def rules_off(ctx: object) -> tuple[str, ...]:
    """The plan rules a run switches off (its Context's ``rules_off``, checked when the context is made)."""
    return parse_rules_off(getattr(ctx, "rules_off", "") or "")


@dataclass
class Trace:
    """What the rules changed, in the order they ran: [{"rule", "removed", "added"}] in plan language."""

    steps: list[dict] = field(default_factory=list)

    def record(self, rule: str, before: list[Task], after: list[Task]) -> None:
        old = Counter(format_call(t.tool, t.args) for t in before)
        new = Counter(format_call(t.tool, t.args) for t in after)
        removed, added = list((old - new).elements()), list((new - old).elements())
        if removed or added:  # (a rule that only renumbered steps changed nothing a person sees)
            self.steps.append({"rule": rule, "removed": removed, "added": added})


def run_rules(tasks: list[Task], facts: Facts, off: Sequence[str] = (), stage: str = "compile",
              trace: Trace | None = None) -> list[Task]:
    """The tasks after every rule of ``stage`` not switched off, in order; what each changed goes to
    ``trace``. A check's PlanError goes to the caller (the plan is sent back with it)."""
    trace = trace if trace is not None else Trace()
    for rule in RULES:
        if not rule.runs_in(stage) or rule.name in off:
            continue
        try:
            out = rule.apply(tasks, facts)
        except PlanError as exc:  # a check refused the plan: traced, then sent back to be planned again
            trace.steps.append({"rule": rule.name, "removed": [], "added": [], "refused": str(exc)})
            raise
        if out:
            trace.record(rule.name, tasks, out)
            tasks = out
    return tasks


def describe_trace(steps: Sequence[dict]) -> str:
    """The trace for a person: one line per rule that changed the plan."""
    lines = []
    for s in steps:
        what = "; ".join([f"- {x}" for x in s["removed"]] + [f"+ {x}" for x in s["added"]]) or (
            f"refused the plan: {s['refused']}" if s.get("refused") else
            f"while the plan was written, {s['held']}" if s.get("held") else "reordered steps")
        lines.append(f"{s['rule']} ({BY_NAME[s['rule']].purpose}): {what}" if s["rule"] in BY_NAME
                     else f"{s['rule']}: {what}")
    return "\n".join(lines)
