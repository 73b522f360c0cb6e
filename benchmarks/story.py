"""The story engine, read by numbers: 40 titles per language planned and told, each with its genre.

    .venv/bin/python benchmarks/story.py [--lang ru] [--minutes 2]
    .venv/bin/python benchmarks/story.py --show "Как ёжик искал весну" [--genre fairy_tale] [--lang ru] [--seed 0]

Per language: the title's content words present in the first scene and in the last two
(goal ≥ 95%), characters acting before they are introduced (0), things introduced and
never used (0), filler sentences (≤ 10%), known tales recognised (100%), hunspell
(≤ 0.5%), LanguageTool (≤ 1 per 100 words), length within ±10% of the minutes asked,
and the most sentences two tales with different titles share (≤ 30%). A number is a
proxy: read the tales too (--show).
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import time
from pathlib import Path

from digitales.plot.known import known_tales, recognise, title_key
from digitales.plot.story import planned_tale
from digitales.settings import choices, load_settings
from digitales.tale import Tale
from digitales.text.morph import lemmas
from digitales.text.sentences import split_sentences
from digitales.voice import narration_seconds
from digitales.writer.embedded import EmbeddedWriter, write
from digitales.writer.quality import languagetool_per_100, rejected_share

TITLES = {
    "ru": [("Репка", "fairy_tale"), ("колобок", "fairy_tale"), ("Теремок", "fairy_tale"), ("Курочка ряба", "fairy_tale"),
           ("Кот и петух", "fairy_tale"), ("Гуси-лебеди", "fairy_tale"), ("Журавль и лиса", "fable"),
           ("Волк и семеро козлят", "fairy_tale"), ("Маша и медведь", "fairy_tale"), ("Морозко", "fairy_tale"),
           ("Лиса и заяц", "fairy_tale"), ("Ворона и лиса", "fable"), ("Стрекоза и муравей", "fable"),
           ("Три поросёнка", "fairy_tale"), ("Черепаха и заяц", "fable"), ("Красная Шапочка", "fairy_tale"),
           ("Как ёжик искал весну", "fairy_tale"), ("Как медвежонок учился плавать", "fairy_tale"),
           ("Почему у зайца длинные уши", "fable"), ("Мышка и сыр", "comedy"), ("Как утёнок искал маму", "fairy_tale"),
           ("Почему у медведя короткий хвост", "fable"), ("Тайна старого колодца", "horror"), ("Бабушкин сундук", "novella"),
           ("Последний день снеговика", "tragedy"), ("Как котёнок учился мурлыкать", "comedy"), ("Волк и ягнёнок", "fable"),
           ("Сова и мышь", "fable"), ("Медведь и комар", "fairy_tale"), ("Добрыня Никитич и Змей Горыныч", "bylina"),
           ("Алёша Попович и Тугарин", "bylina"), ("Как белочка искала орешки", "novella"), ("Кто стучит на чердаке", "horror"),
           ("Петушок и солнышко", "fairy_tale"), ("Слон и моська", "fable"), ("Как лягушонок хотел летать", "comedy"),
           ("Лесная избушка", "fairy_tale"), ("Ёжик и тучка", "drama"), ("Большая тыква", "comedy"), ("Девочка и ветер", "drama")],
    "en": [("The Enormous Turnip", "fairy_tale"), ("the gingerbread man", "fairy_tale"), ("The Three Little Pigs", "fairy_tale"),
           ("The Three Bears", "fairy_tale"), ("The Little Red Hen", "fairy_tale"), ("The Hare and the Tortoise", "fable"),
           ("The Ant and the Grasshopper", "fable"), ("The Boy Who Cried Wolf", "fable"),
           ("The Country Mouse and the Town Mouse", "fable"), ("The Lion and the Mouse", "fable"),
           ("Little Red Riding Hood", "fairy_tale"), ("Kolobok", "fairy_tale"), ("The Fox and the Crow", "fable"),
           ("Masha and the Bear", "fairy_tale"), ("The Owl Who Was Afraid of the Dark", "fairy_tale"),
           ("How the Turtle Learned to Sing", "comedy"), ("The Snowman's Last Day", "tragedy"),
           ("How the Camel Got Its Hump", "fable"), ("The Hedgehog Who Lost His Way", "fairy_tale"),
           ("The Duckling Who Wanted the Stars", "fairy_tale"), ("The Bear and the Little Wren", "fable"),
           ("The Secret of the Old Well", "horror"), ("Grandpa's Clock", "novella"), ("The Mouse and the Cheese", "comedy"),
           ("The Fox and the Hen", "fable"), ("The Piglet Who Could Not Swim", "comedy"), ("Why the Bear Has a Short Tail", "fable"),
           ("The Knight and the Dragon", "bylina"), ("The Noise in the Attic", "horror"), ("The Squirrel and the Acorn", "novella"),
           ("The Wolf and the Goat", "fable"), ("The Girl and the Wind", "drama"), ("The Little Frog Who Wanted to Fly", "comedy"),
           ("The Rabbit Who Looked for Spring", "fairy_tale"), ("The Last Apple of Summer", "tragedy"),
           ("The Elephant and the Ant", "fable"), ("The Cat Who Wanted the Moon", "fairy_tale"), ("The Giant Pumpkin", "comedy"),
           ("The Hut in the Woods", "fairy_tale"), ("The Kitten and the Storm", "drama")],
}
# Spellings of the known tales a user may type; each must be recognised as its tale.
KNOWN_SPELLINGS = {"repka": ["репка", "The Enormous Turnip"], "kolobok": ["Колобок", "КОЛОБОК"],
                   "kot-petukh-i-lisa": ["Кот, петух и лиса", "Кот и петух", "Петух и кот"],
                   "kurochka-ryaba": ["Курочка Ряба", "курочка-ряба"], "volk-i-semero-kozlyat": ["Волк и семеро козлят"],
                   "zayushkina-izbushka": ["Заюшкина избушка", "Заюшкина избушка"], "lisa-i-zhuravl": ["Журавль и лиса"],
                   "vorona-i-lisitsa": ["Ворона и лисица", "Лисица и ворона"], "strekoza-i-muravey": ["Стрекоза и муравей"],
                   "masha-i-medved": ["Маша и медведь"], "morozko": ["Морозко"], "teremok": ["Теремок"],
                   "gusi-lebedi": ["Гуси-лебеди"], "gingerbread-man": ["The Gingerbread Man", "gingerbread man"],
                   "three-little-pigs": ["The Three Little Pigs", "Three little pigs"],
                   "goldilocks": ["Goldilocks and the Three Bears", "Goldilocks and the three bears"],
                   "little-red-hen": ["The Little Red Hen"], "tortoise-and-hare": ["The Tortoise and the Hare", "The Hare and the Tortoise"],
                   "ant-and-grasshopper": ["The Ant and the Grasshopper", "The Grasshopper and the Ant"],
                   "boy-who-cried-wolf": ["The Boy Who Cried Wolf"],
                   "town-mouse-country-mouse": ["The Town Mouse and the Country Mouse", "The Country Mouse and the Town Mouse"],
                   "lion-and-mouse": ["The Lion and the Mouse", "The Mouse and the Lion"],
                   "little-red-riding-hood": ["Little Red Riding Hood", "little red riding hood"]}
PRONOUNS = set("он она оно они его её их ему ей им него неё них he she it they him her them his its their".split())
DIALOGUE = re.compile(r"^[—–-]\s|[«»\"“”]")


def told(title: str, genre: str, lang: str, seed: int, minutes: float, settings) -> Tale:
    from digitales.backend import Job  # noqa: F401  (the writer runs outside a pipeline here)

    v = settings.voice

    def seconds(text: str) -> float:
        return narration_seconds(text, lang, settings) + v.scene_lead + v.scene_tail + v.paragraph_pause * text.count("\n\n")

    tale = planned_tale(title, genre, lang, seed, minutes, seconds)
    EmbeddedWriter.place_scenes(tale, write(tale))
    return tale


def heads(name: str, lang: str) -> set[str]:
    """The words a character or a thing is known by in the text (any of its lemmas but articles)."""
    return {w for w in lemmas(name, lang) if w not in ("the", "a", "an", "old", "little")}


def measures(tale: Tale, lang: str, minutes: float, settings) -> dict:
    scenes = [set(lemmas(s.text, lang)) for s in tale.scenes]
    content = set(title_key(tale.title))
    content = {w for w in content if not re.fullmatch(r"\d+", w) and w not in ("how", "why", "was", "who", "could", "not",
                                                                                  "как", "почему", "кто")}
    first, last = scenes[0], set().union(*scenes[-2:])
    title_share = sum(w in first and w in last for w in content) / max(1, len(content))
    early, said = 0, set()
    for beat, words in zip(tale.plan.beats, scenes):
        said |= words
        for event in beat.events:
            for who in event.who:
                if not heads(who, lang) & said:
                    early += 1
    text_all = set().union(*scenes)
    unused = [t.name for t in tale.plan.things if t.role in ("object", "goal") and not heads(t.name, lang) & text_all]
    names = set().union(*(heads(c.name, lang) for c in tale.characters)) | set().union(
        *(heads(t.name, lang) for t in tale.plan.things))
    sentences = [x for s in tale.scenes for p in s.text.split("\n\n") for x in split_sentences(p)]
    spoken = {x for s in tale.scenes for p in s.text.split("\n\n") if DIALOGUE.search(p) for x in split_sentences(p)}
    refrains = {x for x in sentences if sentences.count(x) > 1}  # a refrain is said again: it is the tale's shape
    filler = [x for x in sentences if x not in spoken | refrains and not (set(lemmas(x, lang)) & (names | PRONOUNS))]
    seconds = sum(narration_seconds(s.text, lang, settings) + settings.voice.scene_lead + settings.voice.scene_tail
                  + settings.voice.paragraph_pause * s.text.count("\n\n") for s in tale.scenes)
    minutes = minutes or 2.0
    text = "\n\n".join(s.text for s in tale.scenes)
    return {"title": title_share, "early": early, "unused": len(unused), "filler": (len(filler), len(sentences)),
            "hunspell": rejected_share(text, lang, tuple(c.name for c in tale.characters)) or 0.0,
            "lt": languagetool_per_100(text, lang, tuple(c.name for c in tale.characters)),
            "length": seconds / (minutes * 60), "sentences": set(sentences), "filler_examples": filler[:3]}


def markdown(tale: Tale, args) -> str:
    """The tale as a reader sees it, then its plan as the manifest has it."""
    p = tale.plan
    how = f"known tale `{p.known}`" if p.known else f"tale type `{p.tale_type}`"
    lines = [f"# {tale.title}", "",
             f"Written by the story engine from the title alone ({how}, genre {tale.genre}, seed {args.seed}):",
             f"`benchmarks/story.py --show \"{tale.title}\" --genre {tale.genre} --lang {tale.lang}`.", ""]
    for s in tale.scenes:
        lines += [s.text, ""]
    lines += ["## The plan", "", f"Premise: {p.premise}", "",
              "Cast: " + ", ".join(f"{c.name} ({c.role}, {c.kind})" for c in tale.characters if c.role != "narrator"), ""]
    for i, b in enumerate(p.beats, 1):
        for e in b.events:
            lines.append(f"{i}. *{b.function}* · {b.place}, {b.time_of_day}, {b.mood} — {e.summary or e.action}"
                         f" (who: {', '.join(e.who) or '—'}; with: {', '.join(e.objects) or '—'})")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=["ru", "en"], action="append")
    parser.add_argument("--minutes", type=float, default=None, help="default: 2 for the table, the tale's own for --show")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show")
    parser.add_argument("--genre", default="fairy_tale")
    parser.add_argument("--markdown", help="with --show: also write the tale and its plan to this Markdown file")
    args = parser.parse_args()
    if args.show:
        lang = (args.lang or ["ru" if re.search("[а-яё]", args.show.lower()) else "en"])[0]
        settings = load_settings(None, None, {**choices(minutes=args.minutes), "lang": lang})
        tale = told(args.show, args.genre, lang, args.seed, args.minutes, settings)
        print(f"# {tale.title}  ({tale.plan.tale_type or 'known: ' + tale.plan.known}; {tale.genre})")
        print("cast:", ", ".join(f"{c.name} ({c.role}, {c.kind})" for c in tale.characters if c.role != "narrator"))
        print("premise:", tale.plan.premise, "\n")
        for s in tale.scenes:
            print(f"[{s.index}: {s.place}, {s.time_of_day}, {s.mood}]\n{s.text}\n")
        m = measures(tale, lang, args.minutes, settings)
        print({k: v for k, v in m.items() if k != "sentences"})
        if args.markdown:
            Path(args.markdown).write_text(markdown(tale, args), encoding="utf-8")
        return
    args.minutes = args.minutes or 2.0
    recognised = sum(getattr(recognise(t), "id", None) == tid for tid, ts in KNOWN_SPELLINGS.items() for t in ts)
    total_spellings = sum(len(ts) for ts in KNOWN_SPELLINGS.values())
    rows = []
    for lang in args.lang or ("ru", "en"):
        settings = load_settings(None, None, {**choices(minutes=args.minutes), "lang": lang})
        started = time.perf_counter()
        tales = [told(t, g, lang, args.seed, args.minutes, settings) for t, g in TITLES[lang]]
        spent = (time.perf_counter() - started) / len(tales)
        m = [measures(t, lang, args.minutes, settings) for t in tales]
        overlap, pair = max(((len(a["sentences"] & b["sentences"]) / max(1, min(len(a["sentences"]), len(b["sentences"]))),
                              f"{ta.title} / {tb.title}")
                             for (ta, a), (tb, b) in itertools.combinations(zip(tales, m), 2)), default=(0.0, ""))
        lt = [x["lt"] for x in m if x["lt"] is not None]
        filler = sum(x["filler"][0] for x in m) / max(1, sum(x["filler"][1] for x in m))
        rows.append({"lang": lang, "tales": len(tales),
                     "title words first & last (mean / all)": f"{100 * statistics.mean(x['title'] for x in m):.0f}% / "
                                                              f"{100 * statistics.mean(x['title'] == 1 for x in m):.0f}%",
                     "act before introduced": sum(x["early"] for x in m),
                     "things never used": sum(x["unused"] for x in m),
                     "filler sentences": f"{100 * filler:.1f}%",
                     "known recognised": f"{recognised}/{total_spellings}",
                     "hunspell % (max)": f"{100 * max(x['hunspell'] for x in m):.2f}",
                     "LT / 100 words (max)": f"{max(lt):.2f}" if lt else "n/a",
                     "length (mean, ±10%)": f"{statistics.mean(x['length'] for x in m):.2f}, "
                                            f"{100 * statistics.mean(abs(x['length'] - 1) <= 0.1 for x in m):.0f}%",
                     "max shared sentences": f"{100 * overlap:.0f}% ({pair})",
                     "tale types": len({t.plan.tale_type for t in tales}),
                     "s per tale": f"{spent:.2f}"})
        worst = sorted(zip(tales, m), key=lambda tm: tm[1]["title"])[:3]
        for t, x in worst:
            if x["title"] < 1:
                print(f"  {lang}: title words missing in {t.title!r} ({x['title']:.0%})")
    keys = list(rows[0])
    print(f"story engine, {args.minutes} minutes asked, seed {args.seed}\n")
    print("| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k in keys) + " |")


if __name__ == "__main__":
    main()
