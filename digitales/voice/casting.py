"""Casting: a voice for the narrator and one for each character, chosen once per tale.

Every installed voice is used first (espeak-ng's variants: +f2, +m3…). With a single
voice (festival's one Russian voice, Piper's joe), characters are made distinct by
shifting pitch together with formants (a resample: the voice sounds like a smaller or
larger speaker) and by tempo:

    women     pitch 1.30, 1.22, 1.42   tempo 1.00, 0.97, 1.04
    men       pitch 0.93, 1.12, 0.86, 1.20   tempo 0.99, 1.05, 0.96, 1.06
    others    pitch 1.16, 0.90, 1.26   tempo 1.03, 0.97, 1.05

Big creatures (bear, wolf, giant…) take the deepest free voice, small ones (hare,
mouse, bun…) the highest. Shifts stay within ±45 %, where speech still sounds natural.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from digitales.tale import Character

POOLS = {  # moderate shifts first: the extremes wait for the big and the small
    "female": [(1.30, 1.00), (1.22, 0.97), (1.42, 1.04)],
    "male": [(0.93, 0.99), (1.12, 1.05), (0.86, 0.96), (1.20, 1.06)],
    "unknown": [(1.16, 1.03), (0.90, 0.97), (1.26, 1.05)],
}
BIG = ("медвед", "волк", "великан", "змей", "кощ", "богатыр", "bear", "wolf", "giant", "ogre", "troll", "king")
SMALL = ("заяц", "зайч", "мыш", "колобок", "лягуш", "воробь", "цыпл", "hare", "rabbit", "mouse", "frog", "bird",
         "dragon", "chick", "bun")


@dataclass(frozen=True)
class Voice:
    name: str = ""  # the engine's voice (empty: its default)
    pitch: float = 1.0
    tempo: float = 1.0

    def label(self, backend: str) -> str:
        shift = "" if (self.pitch, self.tempo) == (1.0, 1.0) else f" pitch {self.pitch:.2f} tempo {self.tempo:.2f}"
        return f"{backend}:{self.name}{shift}"

    def key(self) -> dict:
        return asdict(self)


def sex(gender: str) -> str:
    return {"masc": "male", "male": "male", "femn": "female", "female": "female"}.get(gender, "unknown")


def cast(characters: list[Character], base_voice: str, pools: dict[str, list[str]] | None = None) -> dict[str, Voice]:
    """A voice per character name, all different; the narrator keeps the engine's own voice.

    `pools` are the engine's other installed voices by kind (female, male, unknown): they
    are given out first; after them come pitch and tempo shifts of the narrator's voice.
    """
    voices = {"narrator": Voice(base_voice)}
    installed = {kind: list((pools or {}).get(kind, [])) for kind in POOLS}
    free = {kind: list(pool) for kind, pool in POOLS.items()}  # shifts not yet given to anyone
    rounds = {kind: 0 for kind in POOLS}
    for character in characters:
        if character.name in voices:
            continue
        kind = sex(character.gender)
        if installed[kind]:
            voices[character.name] = Voice(installed[kind].pop(0))
            continue
        if not free[kind]:  # more characters than shifts: a new round, a little further out
            rounds[kind] += 1
            free[kind] = [(p * (1.06 if p >= 1 else 0.95) ** rounds[kind], t) for p, t in POOLS[kind]]
        lower = character.name.lower()
        if any(lower.startswith(b) for b in BIG):
            choice = min(free[kind])
        elif any(lower.startswith(s) for s in SMALL):
            choice = max(free[kind])
        else:
            choice = free[kind][0]
        free[kind].remove(choice)
        voices[character.name] = Voice(base_voice, round(choice[0], 3), choice[1])
    return voices
