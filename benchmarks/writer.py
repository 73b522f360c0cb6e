"""The writer: 20 titles × 8 genres in Russian and in English, planned and written, with the
quality numbers of each tale (writer/quality.py) summed up per language.

    .venv/bin/python benchmarks/writer.py [--titles 20] [--writer embedded|hf:MODEL|gguf[:FILE]|openai:URL#MODEL]
        [--voiced 4]   also narrate this many tales per language to check the real length

Targets for the default writer: ≤ 0.5% of words rejected by hunspell, ≤ 1 LanguageTool
issue per 100 words, distinct-2 ≥ 0.7, every main character in ≥ 3 scenes, the title's
nouns present, length within ±10%, no two tales with different titles sharing more than
30% of their sentences.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from digitales.plot.genres import GENRES
from digitales.plot.story import planned_tale
from digitales.settings import choices, load_settings
from digitales.tale import Tale
from digitales.text.sentences import split_sentences
from digitales.voice import narration_seconds

TITLES = {
    "ru": ["Лиса и заяц", "Колобок", "Кощей Бессмертный", "Серый волк и Иван-царевич", "Курочка Ряба", "Гуси-лебеди",
           "Маша и медведь", "Кот и петух", "Волк и семеро козлят", "Илья Муромец и Соловей-разбойник", "Баба-яга",
           "Ворона и лисица", "Снегурочка", "Жар-птица", "Ёжик и мышка", "Сова и заяц", "Царевна-лягушка",
           "Медведь и лиса", "Конь и богатырь", "Змей Горыныч"],
    "en": ["The Fox and the Castle", "The Fox and the Hare", "Ivan and the Grey Wolf", "The Little Hen", "The Brave Mouse",
           "The Owl and the Cat", "The Wolf and the Seven Kids", "The Frog Princess", "The Firebird", "The Bear and the Boy",
           "The Crow and the Fox", "The Hedgehog's Journey", "The Witch of the Woods", "The Dragon and the Girl",
           "The Horse and the Knight", "The Goat and the Wolf", "Masha and the Bear", "The Dog and the Cat",
           "The Swan Princess", "The Ghost in the Mill"],
}


def planned(title: str, genre: str, lang: str, minutes: float) -> Tale:
    return planned_tale(title, genre, lang, 0, minutes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--titles", type=int, default=20)
    parser.add_argument("--writer", default="embedded")
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--voiced", type=int, default=0)
    parser.add_argument("--lang", choices=["ru", "en"], action="append", help="one language only (default: both)")
    args = parser.parse_args()
    from digitales.backend import Job
    from digitales.cache import StageCache
    from digitales.pipeline import GRAPH, backend_for

    rows = []
    for lang in args.lang or ("ru", "en"):
        settings = load_settings(None, None, {**choices(writer=args.writer, minutes=args.minutes), "lang": lang})
        writer = backend_for(next(s for s in GRAPH if s.name == "writer"), settings, lang)
        writer.preflight()
        tales, seconds_each = [], []
        scratch = Path(tempfile.mkdtemp(prefix="digitales-writer-bench-"))
        for title, genre in itertools.product(TITLES[lang][: args.titles], GENRES):
            tale = planned(title, genre, lang, args.minutes)
            started = time.perf_counter()
            writer.run(tale, Job(scratch, settings, StageCache(scratch / ".cache", "writer", {"bench": 1})))
            seconds_each.append(time.perf_counter() - started)
            tales.append(tale)
        m = [t.metrics["writer"] for t in tales]
        v = settings.voice  # the narration estimate with the silences the voice stage adds
        estimate = [sum(narration_seconds(s.text, lang, settings) + v.scene_lead + v.scene_tail
                        + v.paragraph_pause * s.text.count("\n\n") for s in t.scenes) / (args.minutes * 60) for t in tales]
        sentences = [{x for s in t.scenes for p in s.text.split("\n\n") for x in split_sentences(p)} for t in tales]
        overlap, pair = max(((len(a & b) / max(1, min(len(a), len(b))), f"{ta.title}/{tb.title} ({ta.genre})")
                             for (ta, a), (tb, b) in itertools.combinations(zip(tales, sentences), 2) if ta.title != tb.title),
                            default=(0.0, ""))
        lt = [x["languagetool_per_100_words"] for x in m if x["languagetool_per_100_words"] is not None]
        rows.append({
            "lang": lang, "tales": len(tales),
            "hunspell % (mean / max)": f"{100 * statistics.mean(x['hunspell_rejected'] for x in m):.2f} / "
                                        f"{100 * max(x['hunspell_rejected'] for x in m):.2f}",
            "LT per 100 words (mean / max)": f"{statistics.mean(lt):.2f} / {max(lt):.2f}" if lt else "n/a (no offline LT)",
            "distinct-2 (mean / min)": f"{statistics.mean(x['distinct_2'] for x in m):.2f} / {min(x['distinct_2'] for x in m):.2f}",
            "main chars in ≥3 scenes": f"{100 * statistics.mean(all(v >= 3 for v in x['scenes_with'].values()) for x in m):.0f}%",
            "title nouns present": f"{100 * statistics.mean(x['title_nouns_present'] for x in m):.0f}%",
            "length est. (mean, within ±10%)": f"{statistics.mean(estimate):.2f}, "
                                                f"{100 * statistics.mean(abs(e - 1) <= 0.1 for e in estimate):.0f}%",
            "max shared sentences": f"{100 * overlap:.0f}% ({pair})",
            "s per tale": f"{statistics.mean(seconds_each):.2f}",
        })
        if args.voiced:
            rows[-1]["voiced length (mean, within ±10%)"] = voiced_lengths(lang, args, settings)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print(f"writer: {args.writer}, {args.minutes} minutes asked\n")
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")


def voiced_lengths(lang: str, args, settings) -> str:
    """Narrate a few whole tales (up to the voice stage), compare their length to the target,
    and fit the voice's speaking rate (chars_per_second) that would have made the estimate right."""
    from digitales.pipeline import make_tale
    from digitales.voice import voice_for

    out = Path(tempfile.mkdtemp(prefix="digitales-writer-voiced-"))
    ratios, chars, speech = [], 0, 0.0
    for title, genre in list(itertools.product(TITLES[lang][: args.voiced], ["fairy_tale", "fable"]))[: args.voiced]:
        s = load_settings(None, None, {**choices(writer=args.writer, minutes=args.minutes, genre=genre, out=out), "lang": lang})
        tale, _ = make_tale(title, s, None, "voice")
        ratios.append(sum(sc.duration for sc in tale.scenes) / (args.minutes * 60))
        v = s.voice
        for sc in tale.scenes:  # the silences the estimate adds, taken off; what is left is speech
            pauses = (v.scene_lead + v.scene_tail + v.paragraph_pause * sc.text.count("\n\n")
                      + v.sentence_pause * max(1, sum(sc.text.count(p) for p in ".!?…")))
            chars += len(sc.text)
            speech += sc.duration - pauses
    voice = voice_for(settings, lang)
    return (f"{statistics.mean(ratios):.2f}, {100 * statistics.mean(abs(r - 1) <= 0.1 for r in ratios):.0f}% "
            f"({voice.name}: {chars / speech:.1f} chars/s measured, {voice.chars_per_second} assumed)")

if __name__ == "__main__":
    main()
