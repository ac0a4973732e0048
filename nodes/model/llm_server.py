"""The planner's model behind a llama.cpp server (`llama-server`): /v1/completions with the GBNF grammar passed through."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, Callable

from tinyagent.nodes.plans.prompts import chatml, render_chat

#: Sampling as the embedded path gets it from LangChain's LlamaCpp and llama-cpp-python's defaults,
#: so a plan does not depend on where the model runs.
SAMPLING = {"top_k": 40, "top_p": 0.95, "min_p": 0.05, "repeat_penalty": 1.1, "repeat_last_n": 64, "seed": 0}


class ModelServerError(RuntimeError):
    """The model server cannot be used; the message names the URL, the reason and what to do."""


def _unreachable(url: str, reason: str) -> ModelServerError:
    return ModelServerError(
        f"The model server at {url} is not reachable ({reason}). Start it with scripts/llama-server.sh "
        f"(or point TINYAGENT_MODEL_URL at a running llama-server), or unset TINYAGENT_MODEL_URL to "
        f"use the embedded model.")


class ServerLLM:
    """A llama-server that many agent processes share; its slots serve their requests in parallel."""

    is_model_server = True  # nodes.model.llm.complete() hands such a model its own completions

    def __init__(self, url: str, timeout_s: float = 600.0):
        self.url, self.timeout_s = url.rstrip("/"), timeout_s
        self._call("GET", "/health", timeout=10, what="GET /health")  # up, and its model loaded
        props = self._call("GET", "/props", timeout=10, what="GET /props") or {}
        #: the model's own chat template (GGUF tokenizer.chat_template), rendered here with jinja2
        self.chat_template: str | None = props.get("chat_template") or None
        self.eos_token: str = props.get("eos_token") or "<|im_end|>"
        self.slots: int = int(props.get("total_slots") or 1)
        self.model: str = str(props.get("model_path") or props.get("model_alias") or "llama-server")

    def _call(self, method: str, path: str, body: dict | None = None, timeout: float | None = None,
              what: str = "", read: Callable[[Any], Any] | None = None) -> Any:
        """One request; its JSON answer, or what ``read(response)`` makes of it."""
        data = json.dumps(body).encode("utf-8") if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout or self.timeout_s) as resp:
                if read is not None:
                    return read(resp)
                return json.loads(resp.read().decode("utf-8") or "null")
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")
            try:
                detail = json.loads(detail).get("error", {}).get("message", detail)
            except (ValueError, AttributeError):
                pass
            detail = " ".join(str(detail).split())[:300]
            if exc.code == 503:
                raise ModelServerError(f"The model server at {self.url} is still loading its model "
                                       f"({detail or 'HTTP 503'}); try again in a few seconds.") from None
            if exc.code == 404 and path == "/props":
                return None  # an OpenAI-compatible server without llama.cpp's /props: ChatML prompts
            raise ModelServerError(f"The model server at {self.url} refused {what or path} "
                                   f"(HTTP {exc.code}: {detail}). Is it llama.cpp's llama-server "
                                   f"(it must accept a GBNF 'grammar')?") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise _unreachable(self.url, " ".join(str(reason).split()) or type(exc).__name__) from None
        except ValueError as exc:  # not JSON
            raise ModelServerError(f"The model server at {self.url} answered {what or path} with "
                                   f"something other than JSON ({exc}); is TINYAGENT_MODEL_URL the "
                                   f"llama-server's address?") from None

    def _read_events(self, resp: Any, on_token: Callable[[str], None]) -> tuple[str, dict]:
        """A streamed completion: ``data: {...}`` events until ``data: [DONE]``; the text and the
        usage the last event reports."""
        pieces: list[str] = []
        usage: dict = {}
        for raw in resp:
            line = raw.decode("utf-8").strip()
            if line.startswith("error:"):
                raise _event_error(self.url, line[6:].strip())
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                break
            event = json.loads(data)
            if "error" in event:
                raise _event_error(self.url, data)
            for choice in event.get("choices") or []:
                piece = choice.get("text") or ""
                if piece:
                    pieces.append(piece)
                    on_token(piece)
            usage = event.get("usage") or usage
        return "".join(pieces), usage

    def prompt(self, messages: list[dict[str, str]]) -> str:
        """The messages in the model's own chat template (ChatML when the server gives none). The
        BOS token is left out: llama.cpp adds it when it tokenizes the prompt."""
        if self.chat_template:
            return render_chat(self.chat_template, messages, eos_token=self.eos_token)
        return chatml(messages)

    def complete(self, messages: list[dict[str, str]], grammar: str | None, max_tokens: int,
                 temperature: float, on_token: Callable[[str], None] | None = None) -> tuple[str, int, int]:
        """One completion under ``grammar``; (text, prompt tokens, generated tokens). With
        ``on_token`` it is streamed (server-sent events), so the plan shows, and its read-only
        steps can start, while it is written."""
        body: dict[str, Any] = {"prompt": self.prompt(messages), "max_tokens": max_tokens,
                                "temperature": temperature, "stop": [self.eos_token],
                                "cache_prompt": True, **SAMPLING}
        if grammar:
            body["grammar"] = grammar
        if on_token:
            body["stream"] = True
            text, usage = self._call("POST", "/v1/completions", body, what="a completion",
                                     read=lambda resp: self._read_events(resp, on_token))
        else:
            out = self._call("POST", "/v1/completions", body, what="a completion")
            try:
                text = out["choices"][0]["text"]
            except (KeyError, IndexError, TypeError):
                raise ModelServerError(f"The model server at {self.url} answered a completion without "
                                       f"choices[0].text: {str(out)[:200]}") from None
            usage = out.get("usage") or {}
        return (text, int(usage.get("prompt_tokens") or max(1, len(body["prompt"]) // 4)),
                int(usage.get("completion_tokens") or max(1, len(text) // 4)))


def _event_error(url: str, data: str) -> ModelServerError:
    try:
        data = json.loads(data).get("error", {}).get("message", data)
    except (ValueError, AttributeError):
        pass
    return ModelServerError(f"The model server at {url} failed during a completion: "
                            f"{' '.join(str(data).split())[:300]}")


def load_server(settings) -> ServerLLM:
    """The settings' model server, checked: it answers /health (ModelServerError if not)."""
    return ServerLLM(settings.model_url)
