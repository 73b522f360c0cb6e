"""The composer: how well it predicts held-out music, how fast it samples, whether it keeps
to the mood asked of it.

    .venv/bin/python benchmarks/music.py [--checkpoint PATH] [--samples 50] [--seconds 20]

Prints three tables:
  1. held-out negative log-likelihood per event of the model next to a bigram baseline
     counted on the same training split (the split train.py made, original keys, 120 bpm);
  2. sampling speed in events per second (one and two threads);
  3. per mood, over N samples: the share whose key (music21 `analyze('key')`) has the
     requested mode — for the whole score `make` writes (the composer's notes with the
     pad's tonic chord under them), for the composer's notes alone as `make` samples them
     (steered: scale, tonic pull, note length limit; see compose.py), and for the model
     alone, conditioned by its mode and tempo tokens only — with stuck notes (held over
     4 s) and the pitch range.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import torch

from digitales.music import events as ev
from digitales.music.compose import LONGEST_NOTE, SHIPPED, Part, arrange, compose, load_composer
from digitales.music.corpus import load_collection
from digitales.music.style import STYLES, key_name
from digitales.music.train import TrainConfig, held_out_nll, sequence, split

CACHE = Path("~/.cache/digitales/corpus").expanduser()


def bigram_nll(train_seqs: list[list[int]], test_seqs: list[list[int]], k: float = 0.05) -> float:
    """Add-k smoothed bigram over events, per predicted event."""
    pairs, firsts = Counter(), Counter()
    for s in train_seqs:
        for a, b in zip(s, s[1:]):
            pairs[a, b] += 1
            firsts[a] += 1
    total, count = 0.0, 0
    for s in test_seqs:
        for a, b in zip(s, s[1:]):
            total -= math.log((pairs[a, b] + k) / (firsts[a] + k * ev.VOCAB))
            count += 1
    return total / count


def likelihood_table(model, log: dict) -> None:
    names = log.get("collections", ["bach", "oneills1850", "ryansMammoth", "airdsAirs"])
    pieces = [p for name in names for p in load_collection(name, CACHE)]
    cfg = TrainConfig(**{k: v for k, v in log["train"].items() if k in TrainConfig.__dataclass_fields__})
    train_set, held = split(pieces, cfg.held_out, cfg.seed)
    t = time.monotonic()
    model_nll = held_out_nll(model, held, cfg)
    model_s = time.monotonic() - t
    base = bigram_nll([sequence(p, 0, 120.0) for p in train_set], [sequence(p, 0, 120.0) for p in held])
    print(f"held-out split: {len(held)} pieces (training: {len(train_set)})\n")
    print("| model | held-out NLL per event (nats) | perplexity |")
    print("|---|---|---|")
    print(f"| shipped Music Transformer ({log['evaluations'][-1]['step']} steps) | {model_nll:.3f} | {math.exp(model_nll):.1f} |")
    print(f"| bigram, add-0.05 (same split) | {base:.3f} | {math.exp(base):.1f} |")
    print(f"\n(model evaluation took {model_s:.0f} s)\n")


def speed_table(model) -> None:
    print("| threads | events | seconds | events per second |")
    print("|---|---|---|---|")
    prime = [ev.CONTROL["major"], ev.CONTROL["medium"], ev.CONTROL["bos"]]
    for threads in (1, 2):
        before = torch.get_num_threads()
        torch.set_num_threads(threads)
        model.generate(prime, 20, seed=0)  # warm-up
        t = time.monotonic()
        n = 0
        for seed in range(4):  # windows as make samples them
            n += len(model.generate(prime, model.cfg.max_len - len(prime) - 1, seed=seed))
        dt = time.monotonic() - t
        torch.set_num_threads(before)
        print(f"| {threads} | {n} | {dt:.2f} | {n / dt:.0f} |")
    for mood in ("calm", "joyful"):  # a minute of music the way make composes it (steered, window by window)
        t = time.monotonic()
        events = compose(model, [Part(60.0, STYLES[mood], STYLES[mood].tonics[0])], seed=7)
        dt = time.monotonic() - t
        print(f"| make's composer, 60 s of {mood} music | {len(events)} | {dt:.2f} | {len(events) / dt:.0f} |")
    print()


def analysed_mode(notes: list[ev.Note]) -> str:
    from music21 import note, stream

    s = stream.Stream()
    for n in notes:  # 120 bpm: a second is two quarters
        s.insert(round(n.start * 2, 3), note.Note(n.pitch, quarterLength=max(0.125, round((n.end - n.start) * 2, 3))))
    return s.analyze("key").mode


def mood_table(model, samples: int, seconds: float) -> None:
    print("| mood | asked | make's score (with the pad): mode right | make's notes (steered, no pad): mode right | stuck "
          "| pitch range | model alone (mode token): mode right | stuck | pitch range |")
    print("|---|---|---|---|---|---|---|---|---|")
    overall = {"arranged": [], True: [], False: []}
    for mood, style in STYLES.items():
        cells = []
        arranged_right = 0
        for keep in (True, False):
            right = stuck = 0
            lows, highs, spans = [], [], []
            for i in range(samples):
                part = Part(seconds, style, style.tonics[i % len(style.tonics)])
                events = compose(model, [part], seed=1000 + i, steer=keep)
                notes = [n for n in ev.decode(events) if n.start < seconds]
                if not notes:
                    continue
                if keep:  # the whole score make writes: melody, low part and the pad's tonic chord
                    midi = arrange(events, [part])
                    score = [ev.Note(n.pitch, n.velocity, n.start, n.end) for inst in midi.instruments for n in inst.notes]
                    arranged_right += analysed_mode(score) == style.mode
                right += analysed_mode(notes) == style.mode
                stuck += sum(n.end - n.start > LONGEST_NOTE for n in notes)
                pitches = [n.pitch for n in notes]
                lows.append(min(pitches))
                highs.append(max(pitches))
                spans.append(max(pitches) - min(pitches))
            overall[keep].append(right / samples)
            cells += [f"{100 * right / samples:.0f}%", str(stuck),
                      f"{min(lows)}–{max(highs)} (median span {statistics.median(spans):.0f})"]
        overall["arranged"].append(arranged_right / samples)
        print(f"| {mood} | {key_name(style.tonics[0], style.mode).split()[1]}, {style.tempo} "
              f"| {100 * arranged_right / samples:.0f}% | " + " | ".join(cells) + " |")
        sys.stdout.flush()
    print(f"| all | | {100 * statistics.mean(overall['arranged']):.0f}% | {100 * statistics.mean(overall[True]):.0f}% | | "
          f"| {100 * statistics.mean(overall[False]):.0f}% | | |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", default=str(SHIPPED))
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--skip-likelihood", action="store_true")
    args = parser.parse_args()
    model = load_composer(Path(args.checkpoint))
    log = torch.load(args.checkpoint, map_location="cpu", weights_only=True).get("log", {})
    print(f"# composer {args.checkpoint}: {sum(p.numel() for p in model.parameters()) / 1e6:.2f} M parameters\n")
    if not args.skip_likelihood and log:
        likelihood_table(model, log)
    speed_table(model)
    mood_table(model, args.samples, args.seconds)


if __name__ == "__main__":
    main()
