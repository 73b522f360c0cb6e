"""`openai`: any OpenAI-compatible chat endpoint — Ollama, vLLM, LM Studio, llama.cpp's server.

    digitales make "Лиса и заяц" --writer openai:http://localhost:11434/v1#llama3.2

A key, if the server wants one, comes from OPENAI_API_KEY. Plain HTTP from the standard
library: no client package needed.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from urllib.parse import urlparse

from digitales.errors import UserError
from digitales.writer.lm import LanguageModel, LMWriterBase, Prompt


class OpenAIWriter(LMWriterBase):
    name = "openai"
    description = "an OpenAI-compatible chat endpoint (Ollama, vLLM, LM Studio): --writer openai:URL#MODEL"

    def source(self) -> tuple[str, str]:
        url, _, model = self.settings.writer.model.partition("#")
        if urlparse(url).scheme not in ("http", "https") or not urlparse(url).netloc or not model:
            raise UserError("--writer openai needs URL#MODEL, e.g. openai:http://localhost:11434/v1#llama3.2")
        return url.rstrip("/"), model

    def preflight(self) -> None:
        super().preflight()  # checks the URL#MODEL form
        url, _ = self.source()
        try:
            with urllib.request.urlopen(_request(f"{url}/models"), timeout=5):
                pass
        except urllib.error.HTTPError:
            pass  # it answered: the server is there (some have no /models)
        except (urllib.error.URLError, OSError) as e:
            raise UserError(f"cannot reach the writer's endpoint {url}: {getattr(e, 'reason', e)}") from None

    def model(self) -> LanguageModel:
        url, model = self.source()
        w = self.settings.writer
        return ChatEndpoint(url, model, w.temperature, w.max_tokens)


class ChatEndpoint:
    def __init__(self, url: str, model: str, temperature: float, max_tokens: int):
        self.url, self.model, self.temperature, self.max_tokens = url, model, temperature, max_tokens

    def complete(self, prompt: Prompt, n: int, seed: int) -> list[str]:
        out = []
        for k in range(n):  # one request per candidate: many servers ignore "n"
            body = {"model": self.model, "temperature": self.temperature, "max_tokens": self.max_tokens, "seed": seed + k,
                    "messages": [m for m in ({"role": "system", "content": prompt.system},
                                             {"role": "user", "content": prompt.user}) if m["content"]]}
            try:
                with urllib.request.urlopen(_request(f"{self.url}/chat/completions", body), timeout=300) as reply:
                    data = json.loads(reply.read())
                out.append(data["choices"][0]["message"]["content"] or "")
            except urllib.error.HTTPError as e:
                raise RuntimeError(f"the writer's endpoint answered {e.code}: {e.read()[:200].decode(errors='replace')}") from None
            except (urllib.error.URLError, OSError, KeyError, IndexError, ValueError) as e:
                raise RuntimeError(f"the writer's endpoint failed: {e}") from None
        return out


def _request(url: str, body: dict | None = None) -> urllib.request.Request:
    headers = {"Content-Type": "application/json"}
    if key := os.environ.get("OPENAI_API_KEY"):
        headers["Authorization"] = f"Bearer {key}"
    data = json.dumps(body).encode() if body is not None else None
    return urllib.request.Request(url, data=data, headers=headers, method="POST" if body is not None else "GET")
