"""Each genre's arc: the steps a tale of that genre goes through, in order.

A step is (function, mood, place kind, optional). Fairy tales follow Propp's functions
(Morphology of the Folktale, 1928); the other genres have their own classic arcs. The
planner keeps every required step and enough optional ones to reach the beat count it
drew (8–16), so tales of one genre share a shape but not a skeleton.

Place kinds: home (where the tale starts), road, wild (forest, field, river…), lair
(the antagonist's place), court (a feast hall, a village square), and `same` (where the
previous beat was).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    function: str
    mood: str
    place: str
    optional: bool = False


def _arc(spec: str) -> tuple[Step, ...]:
    """One step per line: `function mood place`, a leading ? marks an optional step."""
    steps = []
    for line in spec.strip().splitlines():
        words = line.split()
        optional = words[0] == "?"
        function, mood, place = words[1:] if optional else words
        steps.append(Step(function, mood, place, optional))
    return tuple(steps)


ARCS = {
    # Propp's functions, the ones a children's tale keeps
    "fairy_tale": _arc("""
        initial_situation calm home
        ? absentation calm home
        interdiction calm home
        violation tense home
        villainy scary lair
        ? mediation sad home
        departure tense road
        donor_test magic wild
        magical_agent magic wild
        ? guidance magic road
        struggle heroic lair
        victory heroic lair
        ? pursuit tense road
        ? rescue tense wild
        return joyful road
        ? recognition joyful home
        reward joyful home
    """),
    # a fable: a short story and its moral
    "fable": _arc("""
        introduction calm wild
        ? second_character calm same
        desire calm same
        ? boast joyful same
        encounter tense wild
        flattery_or_trick tense same
        ? warning calm same
        choice tense same
        ? second_chance calm same
        consequence sad same
        ? reflection sad same
        aftermath calm home
        moral calm same
    """),
    # a bylina: the singer's opening, the hero's strength, the ride, the fight, the glory
    "bylina": _arc("""
        zachin calm court
        ? hero_origin heroic home
        hero_strength heroic home
        call_to_service heroic court
        ? feast_boast joyful court
        threat scary court
        ride heroic road
        ? outpost heroic road
        enemy_challenge scary lair
        battle heroic lair
        ? hard_moment tense lair
        victory heroic lair
        ? homecoming joyful road
        glory joyful court
        slava calm court
    """),
    "novella": _arc("""
        ordinary_day calm home
        ? companion calm same
        unusual_event magic wild
        curiosity calm same
        complication tense wild
        ? misunderstanding tense same
        turning_point magic same
        ? help_arrives joyful same
        unexpected_ending joyful home
        ? afterthought calm home
    """),
    "comedy": _arc("""
        introduction joyful home
        plan joyful same
        ? rehearsal joyful same
        first_mixup tense court
        ? disguise joyful same
        escalation tense court
        ? chase tense road
        everything_goes_wrong tense court
        ? confession calm same
        reveal joyful court
        reconciliation joyful court
        celebration joyful court
    """),
    # a tragedy for children: loss, but courage and memory, never despair
    "tragedy": _arc("""
        happy_time joyful home
        ? friendship joyful same
        hubris calm same
        warning calm same
        ? ignoring_the_warning tense same
        fateful_choice tense wild
        ? brief_success joyful same
        downfall sad wild
        ? last_stand heroic same
        loss sad same
        ? lament sad home
        remembrance calm home
        lesson calm home
    """),
    "drama": _arc("""
        ordinary_life calm home
        ? longing sad same
        conflict tense home
        ? separation sad road
        struggle tense wild
        ? ally calm same
        crisis sad wild
        ? hard_decision tense same
        sacrifice sad same
        ? forgiveness calm same
        resolution calm home
        new_beginning joyful home
    """),
    # horror made safe: a scare that turns out to be bearable, and a warm ending
    "horror": _arc("""
        cosy_home calm home
        ? rumour calm same
        dare tense home
        into_the_dark scary wild
        ? strange_sounds scary same
        first_sign scary same
        ? hiding tense same
        the_thing_appears scary lair
        ? brave_moment heroic same
        truth_revealed magic same
        ? friendship_with_the_thing joyful same
        safe_return joyful home
        cocoa_by_the_fire calm home
    """),
}

# Roles every genre needs besides the characters the title names, in the order they are cast.
ROLES = {
    "fairy_tale": ("hero", "antagonist", "donor", "helper", "false_hero", "princess"),
    "fable": ("hero", "antagonist"),
    "bylina": ("hero", "antagonist", "prince", "helper"),
    "novella": ("hero", "helper", "donor"),
    "comedy": ("hero", "helper", "antagonist", "donor"),
    "tragedy": ("hero", "helper", "antagonist"),
    "drama": ("hero", "helper", "antagonist", "donor"),
    "horror": ("hero", "helper", "antagonist"),
}

# Which roles take part in which functions (the writer names them; pictures show them).
# A function not listed has the hero alone.
CAST_OF = {
    "interdiction": ("hero", "donor"), "villainy": ("hero", "antagonist"), "donor_test": ("hero", "donor"),
    "magical_agent": ("hero", "donor"), "guidance": ("hero", "helper"), "struggle": ("hero", "antagonist"),
    "victory": ("hero", "antagonist"), "pursuit": ("hero", "antagonist"), "rescue": ("hero", "helper"),
    "recognition": ("hero", "false_hero"), "reward": ("hero", "princess"), "mediation": ("hero", "helper"),
    "second_character": ("hero", "antagonist"), "encounter": ("hero", "antagonist"),
    "flattery_or_trick": ("hero", "antagonist"), "choice": ("hero", "antagonist"), "consequence": ("hero", "antagonist"),
    "warning": ("hero", "helper"), "call_to_service": ("hero", "prince"), "feast_boast": ("hero", "prince"),
    "threat": ("prince", "antagonist"), "enemy_challenge": ("hero", "antagonist"), "battle": ("hero", "antagonist"),
    "victory_bylina": ("hero", "antagonist"), "glory": ("hero", "prince"), "companion": ("hero", "helper"),
    "help_arrives": ("hero", "helper"), "plan": ("hero", "helper"), "first_mixup": ("hero", "antagonist"),
    "escalation": ("hero", "helper", "antagonist"), "reveal": ("hero", "antagonist"),
    "reconciliation": ("hero", "antagonist"), "celebration": ("hero", "helper", "antagonist", "donor"),
    "friendship": ("hero", "helper"), "downfall": ("hero", "antagonist"), "conflict": ("hero", "antagonist"),
    "ally": ("hero", "helper"), "forgiveness": ("hero", "antagonist"), "dare": ("hero", "helper"),
    "the_thing_appears": ("hero", "antagonist"), "truth_revealed": ("hero", "antagonist"),
    "friendship_with_the_thing": ("hero", "antagonist"), "safe_return": ("hero", "helper"),
}
