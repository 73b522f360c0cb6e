"""Places a title can name, in both languages: the planner sets part of the tale there, and
the caster knows such a word is nobody's name ("The Ghost in the Mill")."""

# A place the title names, by the start of the word (so "лесу", "woods" match): which kind it stands for.
TITLE_PLACES = {"замок": "lair", "castle": "lair", "башн": "lair", "tower": "lair", "пещер": "lair", "cave": "lair",
                "мельниц": "lair", "mill": "lair", "болот": "lair", "swamp": "lair", "marsh": "lair",
                "теремок": "home", "избушк": "home", "хижин": "home", "hut": "home", "house": "home",
                "деревн": "home", "village": "home",
                "лес": "wild", "forest": "wild", "wood": "wild", "мор": "wild", "sea": "wild", "рек": "wild", "river": "wild",
                "гор": "wild", "mountain": "wild", "сад": "wild", "garden": "wild", "пол": "wild", "field": "wild",
                "остров": "wild", "island": "wild", "дорог": "road", "road": "road"}
# The word a place is named by in the tale, when the title's form is not the dictionary one.
PLACE_WORD = {"мор": "море", "рек": "река", "гор": "гора", "пол": "поле", "башн": "башня", "пещер": "пещера",
              "мельниц": "мельница", "болот": "болото", "избушк": "избушка", "хижин": "хижина", "деревн": "деревня",
              "дорог": "дорога"}

# Other English title words that are no one's name however they are capitalised.
OTHER_NOT_NAMES_EN = {"kingdom", "night", "day", "winter"}


def is_place_en(word: str) -> bool:
    return word.lower().rstrip("s") in {w for w in TITLE_PLACES if w.isascii()} | OTHER_NOT_NAMES_EN
