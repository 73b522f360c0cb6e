"""`hf`: any causal language model transformers can load — a Hugging Face id (downloaded
once at run time) or a local folder.

    digitales make "Лиса и заяц" --writer hf:./my-rugpt3-finetune
    (writer.tag_prompt = true: the DigiTales tag prompts ruGPT-3 fine-tunes were trained on)
"""

from __future__ import annotations


from digitales.errors import ToolMissing, UserError
from digitales.backend import model_source
from digitales.writer.lm import LanguageModel, LMWriterBase, Prompt


class HFWriter(LMWriterBase):
    name = "hf"
    description = "a transformers causal LM (a Hugging Face id or a local folder): --writer hf:MODEL"

    @classmethod
    def problem(cls) -> str | None:
        try:
            import transformers  # noqa: F401
        except ImportError:
            return "transformers is not installed: pip install 'digitales[lm]' (or pip install transformers)"
        return None

    def source(self) -> str:
        return model_source(self.settings.writer.model, "transformers model", "config.json",
                            "--writer hf needs a model: hf:MODEL_ID or hf:FOLDER")

    def model(self) -> LanguageModel:
        w = self.settings.writer
        return CausalLM(self.source(), w.temperature, w.max_tokens)


class CausalLM:
    def __init__(self, source: str, temperature: float, max_tokens: int):
        try:
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as e:
            raise ToolMissing(HFWriter.problem() or str(e)) from None
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(source)
            self.lm = AutoModelForCausalLM.from_pretrained(source).eval()
        except (OSError, ValueError) as e:
            raise UserError(f"cannot load the writer's model {source}: {str(e).splitlines()[0]}") from None
        self.temperature, self.max_tokens = temperature, max_tokens

    def complete(self, prompt: Prompt, n: int, seed: int) -> list[str]:
        import torch

        if getattr(self.tokenizer, "chat_template", None) and prompt.system:
            messages = [{"role": "system", "content": prompt.system}, {"role": "user", "content": prompt.user}]
            text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        else:
            text = prompt.plain
        inputs = self.tokenizer(text, return_tensors="pt")
        torch.manual_seed(seed)
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id
        with torch.inference_mode():
            out = self.lm.generate(**inputs, do_sample=True, temperature=self.temperature, top_p=0.95,
                                   max_new_tokens=self.max_tokens, num_return_sequences=n, pad_token_id=pad)
        start = inputs["input_ids"].shape[1]
        return [self.tokenizer.decode(row[start:], skip_special_tokens=True) for row in out]
