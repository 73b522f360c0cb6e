"""A scene's mood and time of day guessed from its words (when no plan supplies them).

Word stems in Russian and English; the mood with most hits wins, `calm` when none.
Pictures take their palette from the mood, music its mode and tempo.
"""

from __future__ import annotations

import re
from collections import Counter

MOODS = ("calm", "joyful", "sad", "tense", "scary", "magic", "heroic")

_MOOD_STEMS = {
    "joyful": "рад весел весёл смея смех счаст пляс пе+л песн улыб праздн пир ура "
    "happy joy laugh smil merr danc sing song feast cheer delight glad",
    "sad": "плак слез слёз грус печал горь тоск одино умер умир беда бед жаль "
    "cry tear sad sorrow weep lonely grief mourn alas died",
    "tense": "бежа убег погон спеш испуг страх дрож кричал крик угрож съем съест хищ "
    "ran run chase hurr afraid fear trembl shout threat eat snatch",
    "scary": "ноч ужас страшн чудовищ ведьм колдун змей кощ яга волк вой призрак "
    "night horror terribl monster witch ghost howl wolf dragon shadow",
    "magic": "волшеб чуд колдов заколд фея жар-птиц сия свет звёзд звезд превратил "
    "magic wonder fairy enchant spell sparkl glow star transform",
    "heroic": "богатыр битв бой побед меч сраз храбр смел подвиг войн "
    "hero battle fight victor sword brave courage knight warrior",
}
_TIME_STEMS = {
    "night": "ноч полноч луна месяц звёзд звезд night midnight moon star",
    "evening": "вечер закат сумер evening sunset dusk",
    "morning": "утр рассвет заря зорьк morning dawn sunrise",
}


def _stems(table: dict[str, str]) -> dict[str, list[str]]:
    return {k: [s.replace("+", "") for s in v.split()] for k, v in table.items()}


MOOD_STEMS = _stems(_MOOD_STEMS)
TIME_STEMS = _stems(_TIME_STEMS)


def _count(text: str, table: dict[str, list[str]]) -> Counter[str]:
    words = re.findall(r"[\w-]+", text.lower().replace("ё", "е"))
    hits: Counter[str] = Counter()
    for word in words:
        for label, stems in table.items():
            if any(word.startswith(s.replace("ё", "е")) for s in stems):
                hits[label] += 1
    return hits


def guess_mood(text: str) -> str:
    hits = _count(text, MOOD_STEMS)
    return hits.most_common(1)[0][0] if hits else "calm"


def guess_time_of_day(text: str) -> str:
    hits = _count(text, TIME_STEMS)
    return hits.most_common(1)[0][0] if hits else "day"
