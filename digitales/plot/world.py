"""The story's rules, as small checks on a plan: a plan that breaks one is never told.

Nobody acts before being introduced; every character has a part; every thing bound is
used (a goal or an object at least twice: introduced, then paid off); time of day only
moves forward within a day; the ending comes back to the hero and to the title's goal.
"""

from __future__ import annotations

from digitales.tale import Character, Plan

TIMES = ("morning", "day", "evening", "night")


def problems(characters: list[Character], plan: Plan) -> list[str]:
    found = []
    names = {c.name for c in characters}
    seen: set[str] = set()
    for n, beat in enumerate(plan.beats, 1):
        for event in beat.events:
            for who in event.who + ([event.to] if event.to else []):
                if who not in names:
                    found.append(f"scene {n}: {who!r} acts but is not in the cast")
            seen.update(event.who)
            if event.to and event.to not in seen and event.to not in event.who:
                seen.add(event.to)  # met in this event: introduced by it
    found += [f"{c.name!r} has no part in any event" for c in characters if c.role != "narrator" and c.name not in seen]
    uses: dict[str, int] = {}
    for beat in plan.beats:
        for event in beat.events:
            for thing in set(event.objects):
                uses[thing] = uses.get(thing, 0) + 1
    for thing in plan.things:
        if thing.role in ("object", "goal") and uses.get(thing.name, 0) < 2:
            found.append(f"{thing.name!r} is introduced and never used again")
    at = 0
    for n, beat in enumerate(plan.beats, 1):
        now = TIMES.index(beat.time_of_day) if beat.time_of_day in TIMES else at
        new_day = any(e.slots.get("new_day") for e in beat.events)
        if now < at and not new_day:
            found.append(f"scene {n}: time goes back from {TIMES[at]} to {beat.time_of_day}")
        at = now
    goal = next((t.name for t in plan.things if t.role == "goal"), None)
    if plan.beats and goal and not plan.known and not any(goal in e.objects for e in plan.beats[-1].events + plan.beats[-2].events
                                                         if len(plan.beats) > 1):
        found.append(f"the ending does not come back to {goal!r}")
    return found
