"""Training on a tiny corpus made here: the loss falls, checkpoints resume, and the real
music21 corpus parses into pieces with modes."""

import random

from digitales.music import events as ev
from digitales.music.corpus import collection_paths, parse_file
from digitales.music.model import ModelConfig
from digitales.music.train import TrainConfig, sequence, train

TINY = ModelConfig(d_model=32, heads=2, layers=2, d_ff=64, max_len=70, dropout=0.0)
MAJOR, MINOR = [0, 2, 4, 5, 7, 9, 11, 12], [0, 2, 3, 5, 7, 8, 10, 12]


def scales(n: int) -> list[dict]:
    rng = random.Random(0)
    pieces = []
    for i in range(n):
        steps = MAJOR if i % 2 == 0 else MINOR
        root = rng.randrange(55, 67)
        notes = [[root + steps[j % 8], j * 0.5, 0.5, 80] for j in range(32)]
        pieces.append({"mode": "major" if i % 2 == 0 else "minor", "notes": notes})
    return pieces


def test_sequences_start_with_the_mood_and_tempo_tokens():
    seq = sequence(scales(2)[1], transpose=3, bpm=70)
    assert seq[:3] == [ev.CONTROL["minor"], ev.CONTROL["slow"], ev.CONTROL["bos"]] and seq[-1] == ev.CONTROL["eos"]
    assert ev.NOTE_ON + scales(2)[1]["notes"][0][0] + 3 in seq


def test_training_lowers_the_loss_and_a_stopped_run_resumes(tmp_path):
    cfg = TrainConfig(seq_len=64, batch=8, lr=3e-3, warmup=5, steps=40, eval_every=20, held_out=0.2)
    log = train(scales(10), tmp_path, TINY, cfg)
    first, last = log["evaluations"][0], log["evaluations"][-1]
    assert last["step"] == 40 and (tmp_path / "checkpoint.pt").exists()
    assert last["held_out_nll"] < first["held_out_nll"] < 6.0  # log(396) ≈ 6.0 is knowing nothing
    more = train(scales(10), tmp_path, TINY, TrainConfig(**{**cfg.__dict__, "steps": 60}))
    assert more["resumed_at"] == [40] and more["evaluations"][-1]["step"] == 60


def test_the_music21_corpus_parses_into_pieces_with_modes():
    pieces = parse_file(collection_paths("oneills1850")[0])
    assert len(pieces) > 30
    assert {p["mode"] for p in pieces} <= {"major", "minor"} and len({p["mode"] for p in pieces}) == 2
    assert all(len(p["notes"]) >= 8 for p in pieces)


def test_train_composer_command_trains_from_a_cached_collection_and_resumes(tmp_path):
    import gzip
    import json

    from tests.conftest import run_cli

    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "airdsAirs.json.gz").write_bytes(gzip.compress(json.dumps(scales(8)).encode()))
    args = ["train-composer", "--corpus", "airdsAirs", "--cache", str(cache), "--out", str(tmp_path / "m"),
            "--d-model", "32", "--layers", "1", "--seq-len", "48", "--batch", "4"]
    run = run_cli(*args, "--steps", "5")
    assert run.returncode == 0, run.stderr
    assert "5 steps, 8 pieces" in run.stdout and (tmp_path / "m" / "checkpoint.pt").exists()
    again = run_cli(*args, "--steps", "8")
    assert again.returncode == 0 and "8 steps" in again.stdout
    # the small file it ships is what `make` loads, with its log
    from digitales.music.compose import Part, compose, load_composer
    from digitales.music.style import style_for

    shipped = tmp_path / "m" / "composer.pt"
    assert str(shipped) in again.stdout
    assert json.loads((tmp_path / "m" / "composer-training.json").read_text())["collections"] == ["airdsAirs"]
    events = compose(load_composer(shipped), [Part(3.0, style_for("calm"), 0)], seed=0)
    assert sum((e - 256 + 1) * 0.01 for e in events if 256 <= e < 356) >= 3.0 - 1e-6
    refused = run_cli("train-composer", "--corpus", "essenFolksong", "--out", str(tmp_path / "x"))
    assert refused.returncode == 2 and "non-free" in refused.stderr


def test_a_run_stopped_by_the_clock_still_ends_with_an_evaluation(tmp_path):
    cfg = TrainConfig(seq_len=32, batch=2, steps=10_000, minutes=0.02, eval_every=10_000, held_out=0.2)
    log = train(scales(6), tmp_path, TINY, cfg)
    last = log["evaluations"][-1]
    assert 0 < last["step"] < 10_000 and last["held_out_nll"] is not None
