"""`digitales train-writer`: fine-tune a causal language model on tales in the DigiTales tag
format, "Имя: <title>. Жанр: <genre>. Текст: <text>", so `--writer hf:OUT` (with
writer.tag_prompt = true) writes in that manner.

The corpus is JSON Lines of {"title", "genre", "text"}. Progress is reported per step; a
checkpoint (weights, optimizer, step) is saved every `save_every` steps and at the end,
so a killed run resumes where it stopped. The finished model and tokenizer go to OUT.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from digitales.errors import UserError
from digitales.files import write_text_atomic
from digitales.writer.lm import GENRE_NAMES

CHECKPOINT = "checkpoint"


@dataclass
class WriterTrainConfig:
    steps: int = 1000
    batch: int = 4
    block: int = 256  # tokens per training row
    lr: float = 5e-5
    warmup: int = 20
    save_every: int = 100
    minutes: float = 60.0
    seed: int = 0


def tagged(record: dict, lang: str = "ru") -> str:
    genre = GENRE_NAMES.get(lang, {}).get(record["genre"], record["genre"])
    return f"Имя: {record['title']}. Жанр: {genre}. Текст: {record['text'].strip()}"


def read_corpus(path: Path) -> list[dict]:
    """The records, or a UserError naming the first bad line."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"corpus not found: {path}")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise UserError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) and record[k].strip()
                                                   for k in ("title", "genre", "text")):
            raise UserError(f"{path}:{number}: a record needs non-empty \"title\", \"genre\" and \"text\"")
        records.append(record)
    if not records:
        raise UserError(f"{path} has no records")
    return records


def train_writer(records: list[dict], base: str, out: Path, cfg: WriterTrainConfig,
                 progress: Callable[[int, int, float], None] = lambda step, steps, loss: None) -> dict:
    """Fine-tune (or resume) into `out`; returns the log."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    out = Path(out)
    saved = out / CHECKPOINT
    if not saved.exists() and saved.with_name(saved.name + ".old").exists():  # killed while swapping checkpoints
        saved.with_name(saved.name + ".old").rename(saved)
    source = str(saved) if (saved / "config.json").is_file() else base
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForCausalLM.from_pretrained(source)
    except (OSError, ValueError) as e:
        raise UserError(f"cannot load the base model {source}: {str(e).splitlines()[0]}") from None
    eos = tokenizer.eos_token or ""
    ids: list[int] = []
    for record in records:
        ids += tokenizer(tagged(record) + eos)["input_ids"]
    block = min(cfg.block, getattr(model.config, "n_positions", None) or getattr(model.config, "max_position_embeddings", cfg.block))
    rows = [ids[i : i + block] for i in range(0, max(1, len(ids) - block + 1), max(1, block // 2))]
    rows = [r for r in rows if len(r) >= 2]
    if not rows:
        raise UserError("the corpus is too small to train on")
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    state_file = saved / "trainer.pt"
    log = {"config": asdict(cfg), "base": base, "records": len(records), "tokens": len(ids), "losses": [], "resumed_at": []}
    step = 0
    if state_file.is_file():
        state = torch.load(state_file, weights_only=False)
        optimizer.load_state_dict(state["optimizer"])
        step, log = state["step"], state["log"]
        log["resumed_at"].append(step)
    torch.manual_seed(cfg.seed + step)
    rng = random.Random(cfg.seed * 7919 + step)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    started = time.monotonic()
    model.train()
    while step < cfg.steps and time.monotonic() - started < cfg.minutes * 60:
        lr = cfg.lr * min(1.0, (step + 1) / cfg.warmup) * 0.5 * (1 + math.cos(math.pi * step / max(1, cfg.steps)))
        for group in optimizer.param_groups:
            group["lr"] = lr
        chosen = [rng.choice(rows) for _ in range(cfg.batch)]
        width = max(len(r) for r in chosen)
        input_ids = torch.tensor([r + [pad] * (width - len(r)) for r in chosen])
        labels = torch.tensor([r + [-100] * (width - len(r)) for r in chosen])
        mask = (labels != -100).long()
        loss = model(input_ids=input_ids, attention_mask=mask, labels=labels).loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        step += 1
        log["losses"].append([step, round(loss.item(), 4)])
        progress(step, cfg.steps, loss.item())
        if step % cfg.save_every == 0:
            _checkpoint(model, tokenizer, optimizer, step, log, saved)
    _checkpoint(model, tokenizer, optimizer, step, log, saved)
    final = out / "model.tmp"
    shutil.rmtree(final, ignore_errors=True)
    model.save_pretrained(final)
    tokenizer.save_pretrained(final)
    for item in final.iterdir():  # the finished model sits in OUT itself: --writer hf:OUT
        item.replace(out / item.name)
    final.rmdir()
    write_text_atomic(out / "training-log.json", json.dumps(log, ensure_ascii=False, indent=1) + "\n")
    return log


def _checkpoint(model, tokenizer, optimizer, step: int, log: dict, saved: Path) -> None:
    """Weights, tokenizer and optimizer into a fresh folder, then swapped in whole."""
    import torch

    fresh = saved.with_name(saved.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    model.save_pretrained(fresh)
    tokenizer.save_pretrained(fresh)
    torch.save({"optimizer": optimizer.state_dict(), "step": step, "log": log}, fresh / "trainer.pt")
    old = saved.with_name(saved.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if saved.exists():
        saved.rename(old)
    fresh.rename(saved)
    shutil.rmtree(old, ignore_errors=True)
