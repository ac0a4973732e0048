"""The plan rules as one named, ordered, switchable pipeline that records what each rule changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from tinyagent.nodes.plans.planlang import PlanError, Task, format_call
from tinyagent.nodes.rules import (  # noqa: F401  (importing a rule's module declares its rules)
    attachments,
    checks,
    chosen_email,
    code,
    dangling,
    decoding,
    documents,
    email_read,
    extra_steps,
    fanout,
    files,
    fit,
    followups,
    ids,
    invitees,
    lengths,
    lookups,
    meetings,
    messages,
    notes,
    opening,
    received,
    refusals,
    shown_email,
    times,
    unstated,
)
from tinyagent.nodes.rules.registry import DECLARED, Facts, Rule

__all__ = ["BY_NAME", "EMBEDDED_ONLY", "Facts", "RULES", "Rule", "Trace", "describe_trace", "held",
           "parse_rules_off", "rules_off", "run_rules"]

# The order the rules run in; each is declared with ``@rule`` beside its code (nodes/rules/*.py).
# The retrieve rules (decline_unserved, decline_advice, decline_knowledge, decline_pleasantry, code_needs_numbers, documents_know, email_not_declined,
# contact_not_declined, plan_served) act before planning, in the retrieve node.
# Order matters where said: each rule reads the plan the rules before it left. Decode rules act
# while the model writes (nodes/rules/decoding.py): the grammar ones (focus_tools, own_focus, copy_spans) hold
# behind a model server too; the token refusers need llama.cpp in process at temperature 0
# (EMBEDDED_ONLY), behind a server (model_url) they do not run. Early start runs only the rules that
# judge a step by itself (stage "compile, early"); the others need the whole plan (a look-up nothing
# uses yet, a step restated later), and a step started early that compile's final plan no longer
# has, same tool and values, is not used (nodes/rules/early.py, EarlyStart.take). Among the compile
# rules: followup_people puts the earlier turn's people in first; followup_times writes the event's
# time after drop_unstated_optionals (a time counted from the event is in no word of the request, and
# was dropped); right_lookups runs before the rules that look people up; fit_values before the
# checks; the checks last.
ORDER = """
    decline_unserved decline_advice decline_knowledge decline_pleasantry code_needs_numbers documents_know email_not_declined contact_not_declined plan_served
    focus_tools own_focus copy_spans required_tools plan_when_sure followup_not_empty served_not_empty named_not_empty timed_not_empty contact_not_empty note_question_not_empty own_tools_required find_file_first search_named_first verb_tool_first use_lookups hold_counts
    stated_values
    person_not_the_firm named_person name_as_said followup_people pronoun_of_request same_way_again sent_to_named person_in_title names_without_times file_of_it add_to_named_note note_after_colon note_asked_about whole_note folder_not_said remind_me_what reminder_twin_of_event drop_copied_steps drop_restated_steps unasked_link_or_map unasked_directions unasked_note unasked_text reply_alone question_sends_nothing unasked_event no_summary_asked timeless_repeat no_place place_in_its_town drop_address_lookups names_not_a_place
    way_per_person right_lookups asked_lookup_kind file_for_note path_not_a_search file_not_a_search open_the_file looked_up_invited drop_stray_lookups new_email_for_unasked_reply mail_to_a_mail refs_swapped file_not_a_recipient answer_not_a_recipient unasked_attachment no_person_attached attach_not_paste
    attach_found_file file_sent fit_values whole_time day_and_time_apart time_out_of_name close_code drop_invented_steps percent_of percent_added percent_split drop_unstated_optionals followup_times it_is_the_subject length_is_an_event end_not_start all_day_only_if_said event_of_the_meeting online_is_a_link link_asked_for reminder_not_a_message message_about_the_event link_is_the_message find_the_id name_without_time fan_out one_per_time
    person_not_a_place invited_people all_invited one_link_per_time no_event_wanted meeting_event_asked link_sent_on link_of_the_event link_sent_after meeting_title_is_its_topic email_not_a_note named_recipients look_up_names stated_length stated_range received_for_asked forward_to_named
    reply_says_it courtesy_no_message answered_is_a_reply name_received_email one_reply pointed_email email_of_earlier_person same_files_again new_note_created note_name_as_called append_not_create added_items whole_list note_of_it note_sent_on list_sent_inline summary_not_a_file that_is_the_answer whole_message same_message_again said_before_instead quoted_text dangling_reference message_not_a_choice note_not_the_email forward_says_it forward_carries_files sender_not_copied broken_reference
    broken_optional_dropped code_as_given email_read search_said_words answer_sent_on search_named_document search_not_the_message title_from_request refuse_broken_text refuse_thanks_title refuse_unset_names refuse_meeting_as_email checks
""".split()
if set(ORDER) != set(DECLARED) or len(ORDER) != len(DECLARED):
    raise ImportError(f"the rule order and the declared rules differ: {sorted(set(ORDER) ^ set(DECLARED))}")
RULES: tuple[Rule, ...] = tuple(DECLARED[name] for name in ORDER)
BY_NAME = {r.name: r for r in RULES}
#: The decode rules that turn down tokens one by one: llama.cpp in process at temperature 0 only.
EMBEDDED_ONLY = ("required_tools", "plan_when_sure", "followup_not_empty", "served_not_empty", "named_not_empty",
                 "timed_not_empty", "contact_not_empty", "note_question_not_empty",
                 "own_tools_required",
                 "find_file_first", "search_named_first", "verb_tool_first", "use_lookups", "hold_counts", "stated_values")


def held(name: str | Callable[[str], list[str]], hook: Callable[[str, str], bool] | None,
         steps: list[dict]) -> Callable[[str, str], bool] | None:
    """The decode rule ``name``'s token refuser, recording in ``steps`` the first token it turned down
    at each step of the plan (the trace: {"rule", "stage": "decode", "removed": [], "added": [], "held"}).
    ``name`` may be a function of the plan so far that names the rules holding the token back (one
    refuser that serves several rules)."""
    if hook is None:
        return None
    seen: set[tuple[str, str]] = set()

    def refuse(text: str, piece: str) -> bool:
        if not hook(text, piece):
            return False
        line = (text + piece).rsplit("\n", 1)[-1].strip()
        step = line.split(".", 1)[0] if line[:1].isdigit() else "?"
        for rule in ([name] if isinstance(name, str) else name(text)):
            if (rule, step) not in seen:
                seen.add((rule, step))
                steps.append({"rule": rule, "stage": "decode", "removed": [], "added": [],
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
            f"before planning, {s['held']}" if s.get("held") and s.get("stage") == "retrieve" else
            f"while the plan was written, {s['held']}" if s.get("held") else "reordered steps")
        lines.append(f"{s['rule']} ({BY_NAME[s['rule']].purpose}): {what}" if s["rule"] in BY_NAME
                     else f"{s['rule']}: {what}")
    return "\n".join(lines)
