"""Training the composer: pieces → augmented event sequences → next-event prediction.

Augmentation: transposition (−5…+6 semitones) and tempo (60–160 bpm, which also picks
the tempo-class token). Each training sequence starts with the piece's mode and tempo
class, so sampling can ask for a mood. A held-out split (by piece) measures progress;
a checkpoint after every evaluation makes a killed run resumable.
`ship` turns the checkpoint into the small file `make` loads (digitales/music/composer.pt
is one, with its log beside it).
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import torch

from digitales.files import atomic_path, write_text_atomic
from digitales.music import events as ev
from digitales.music.model import ModelConfig, MusicTransformer

CHECKPOINT = "checkpoint.pt"
SHIPPABLE = "composer.pt"  # what `make` loads: fp16 weights, config and log, no optimizer
LOG = "composer-training.json"


@dataclass
class TrainConfig:
    seq_len: int = 256
    batch: int = 16
    lr: float = 1e-3
    warmup: int = 200
    steps: int = 20000
    minutes: float = 60.0  # stop after this long even if steps remain
    eval_every: int = 200
    held_out: float = 0.05
    seed: int = 0


def tempo_class(bpm: float) -> str:
    return "slow" if bpm < 90 else "medium" if bpm < 120 else "fast"


def sequence(piece: dict, transpose: int, bpm: float) -> list[int]:
    """[mode, tempo class, bos] + the piece's events at that key and tempo."""
    beat = 60.0 / bpm
    notes = [ev.Note(min(127, max(0, p + transpose)), v, s * beat, (s + d) * beat) for p, s, d, v in piece["notes"]]
    return [ev.CONTROL[piece["mode"]], ev.CONTROL[tempo_class(bpm)], ev.CONTROL["bos"]] + ev.encode(notes) + [ev.CONTROL["eos"]]


def split(pieces: list[dict], held_out: float, seed: int) -> tuple[list[dict], list[dict]]:
    order = list(range(len(pieces)))
    random.Random(seed).shuffle(order)
    n = max(1, round(len(pieces) * held_out)) if len(pieces) > 1 else 0
    return [pieces[i] for i in order[n:]], [pieces[i] for i in order[:n]]


def batch_of(pieces: list[dict], cfg: TrainConfig, rng: random.Random) -> torch.Tensor:
    rows = []
    for _ in range(cfg.batch):
        seq = sequence(rng.choice(pieces), rng.randint(-5, 6), rng.uniform(60, 160))
        head, body = seq[:2], seq[2:]
        need = cfg.seq_len + 1 - len(head)
        start = rng.randint(0, max(0, len(body) - need))
        window = head + body[start : start + need]
        rows.append(window + [ev.CONTROL["pad"]] * (cfg.seq_len + 1 - len(window)))
    return torch.tensor(rows)


def held_out_nll(model: MusicTransformer, pieces: list[dict], cfg: TrainConfig) -> float:
    """Mean negative log-likelihood per event on the held-out pieces (original key, 120 bpm)."""
    model.eval()
    total, count = 0.0, 0
    with torch.inference_mode():
        for piece in pieces:
            seq = sequence(piece, 0, 120.0)
            for start in range(0, max(1, len(seq) - 1), cfg.seq_len):
                chunk = torch.tensor([seq[start : start + cfg.seq_len + 1]])
                if chunk.shape[1] < 2:
                    continue
                logits = model(chunk[:, :-1])
                nll = torch.nn.functional.cross_entropy(logits[0], chunk[0, 1:], reduction="sum")
                total, count = total + float(nll), count + chunk.shape[1] - 1
    model.train()
    return total / max(1, count)


def train(pieces: list[dict], out: Path, model_cfg: ModelConfig | None = None, cfg: TrainConfig | None = None,
          progress: Callable[[int, int, dict], None] = lambda step, steps, info: None) -> dict:
    """Train (or resume) into `out/`; return the log."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model_cfg, cfg = model_cfg or ModelConfig(max_len=(cfg or TrainConfig()).seq_len + 4), cfg or TrainConfig()
    torch.manual_seed(cfg.seed)
    model = MusicTransformer(model_cfg)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.01)
    train_set, held = split(pieces, cfg.held_out, cfg.seed)
    log: dict = {"model": asdict(model_cfg), "train": asdict(cfg), "pieces": len(train_set), "held_out": len(held),
                 "evaluations": [], "resumed_at": []}
    step = 0
    saved = out / CHECKPOINT
    if saved.exists():
        state = torch.load(saved, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        step, log = state["step"], state["log"]
        log["resumed_at"].append(step)
    rng = random.Random(cfg.seed * 1_000_003 + step)
    started = time.monotonic()

    def schedule(s: int) -> float:
        if s < cfg.warmup:
            return (s + 1) / cfg.warmup
        return 0.5 * (1 + math.cos(math.pi * min(1.0, (s - cfg.warmup) / max(1, cfg.steps - cfg.warmup))))

    model.train()
    while step < cfg.steps and time.monotonic() - started < cfg.minutes * 60:
        for group in optimizer.param_groups:
            group["lr"] = cfg.lr * schedule(step)
        batch = batch_of(train_set, cfg, rng)
        logits = model(batch[:, :-1])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), batch[:, 1:].reshape(-1),
                                                 ignore_index=ev.CONTROL["pad"])
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        step += 1
        info = {"loss": round(loss.item(), 4)}
        if step % cfg.eval_every == 0 or step == cfg.steps:
            info["held_out_nll"] = round(held_out_nll(model, held, cfg), 4) if held else None
            log["evaluations"].append({"step": step, "train_loss": info["loss"], "held_out_nll": info["held_out_nll"],
                                       "seconds": round(time.monotonic() - started, 1)})
            _save(saved, model, optimizer, step, log)
        progress(step, cfg.steps, info)
    if not log["evaluations"] or log["evaluations"][-1]["step"] != step:  # stopped by the clock: evaluate too
        nll = round(held_out_nll(model, held, cfg), 4) if held else None
        log["evaluations"].append({"step": step, "train_loss": None, "held_out_nll": nll,
                                   "seconds": round(time.monotonic() - started, 1)})
    _save(saved, model, optimizer, step, log)
    return log


def _save(path: Path, model, optimizer, step: int, log: dict) -> None:
    with atomic_path(path) as tmp:
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "step": step, "log": log}, tmp)


def ship(out: Path, collections: list[str]) -> Path:
    """From the training checkpoint in `out/`, the small file `make` loads and its log as JSON."""
    state = torch.load(Path(out) / CHECKPOINT, map_location="cpu", weights_only=True)
    log = {**state["log"], "collections": collections, "steps": state["step"]}
    weights = {k: v.half() for k, v in state["model"].items()}
    with atomic_path(Path(out) / SHIPPABLE) as tmp:
        torch.save({"config": log["model"], "model": weights, "log": log}, tmp)
    write_text_atomic(Path(out) / LOG, json.dumps(log, indent=1) + "\n")
    return Path(out) / SHIPPABLE
