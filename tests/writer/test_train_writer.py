"""train-writer end to end: a tiny random GPT-2 and a tiny corpus, both made here."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from tests.writer.test_lm import tiny_gpt2  # noqa: F401  (the fixture)

TALES = [{"title": "Лиса и заяц", "genre": "fable", "text": "Жила-была лиса в лесу . Заяц пошёл по тропинке ."},
         {"title": "The Fox", "genre": "fairy_tale", "text": "The fox lived in the forest . The hare walked along the path ."}]


def loss_of(folder, text):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok, model = AutoTokenizer.from_pretrained(folder), AutoModelForCausalLM.from_pretrained(folder)
    ids = torch.tensor([tok(text)["input_ids"]])
    with torch.inference_mode():
        return model(input_ids=ids, labels=ids).loss.item()


def test_train_writer_fine_tunes_resumes_and_writes(tmp_path, tiny_gpt2):  # noqa: F811
    from digitales.writer.train import tagged

    corpus = tmp_path / "tales.jsonl"
    corpus.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in TALES * 4), encoding="utf-8")
    out = tmp_path / "writer"
    args = ["train-writer", str(corpus), "--base", str(tiny_gpt2), "--out", str(out), "--batch", "4", "--block", "32",
            "--lr", "3e-3", "--save-every", "10"]
    run = run_cli(*args, "--steps", "20")
    assert run.returncode == 0, run.stderr
    assert "20 steps on 8 tales" in run.stdout and (out / "checkpoint" / "trainer.pt").is_file()
    sample = tagged(TALES[0])
    assert loss_of(out, sample) < 0.92 * loss_of(tiny_gpt2, sample)  # it learnt from the corpus
    again = run_cli(*args, "--steps", "30")
    assert again.returncode == 0 and "30 steps" in again.stdout
    log = json.loads((out / "training-log.json").read_text())
    assert log["resumed_at"] == [20] and log["losses"][-1][0] == 30
    made = run_cli("make", "Лиса и заяц", "--genre", "fable", "--minutes", "1", "--writer", f"hf:{out}", "--until", "writer",
                   "--out", str(tmp_path / "tales"), "--quiet", env={"DIGITALES_WRITER__TAG_PROMPT": "true",
                                                                       "DIGITALES_WRITER__MAX_TOKENS": "24"})
    assert made.returncode == 0, made.stderr


@pytest.mark.parametrize("content, message", [("not json\n", "not a JSON object"), ('{"title": "x"}\n', "non-empty"),
                                              ("\n", "no records")])
def test_bad_corpus_lines(tmp_path, content, message):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(content)
    run = run_cli("train-writer", str(corpus), "--base", "nowhere", "--out", str(tmp_path / "o"))
    assert run.returncode == 2 and message in run.stderr and len(run.stderr.strip().splitlines()) == 1
