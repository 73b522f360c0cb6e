"""What a word of a tale looks like: the curated fairy-tale lexicon, and the places.

The clip-art's own names ("морда лисицы", "волшебница") catch most nouns; this table
covers what they miss or get wrong for tales: Колобок is a round golden face, Баба-яга a
witch, Змей Горыныч a dragon, жар-птица a phoenix, изба a hut. Words are dictionary
forms (lemmas); several words may share an asset.
"""

from __future__ import annotations

from digitales.plot.kinds import assets

# The cast's kinds and what they are drawn as: (asset, tint or None, relative size), from the characters
# table (plot/data/kinds.toml). Sizes are relative to a grown-up person standing; many emoji are a head or
# a bust, so they are smaller. "person" draws someone the table does not know.
# Characters of known tales that are no kind a new tale casts (kinds.toml): the sun and the wind of the fable.
KIND_ASSETS = {**assets(), "person": ("person-standing", None, 0.9), "sun": ("sun-with-face", None, 0.7),
               "wind": ("cloud", None, 0.7)}

# Other words of tales, Russian and English, and their asset.
WORDS = {
    "fire": "печь печка очаг костёр огонь пламя fire stove hearth oven flame",
    "hut": "изба избушка хижина хата теремок землянка hut cottage",
    "house": "дом домик house home",
    "castle": "замок терем дворец крепость castle palace fortress",
    "classical-building": "палата чертог hall",
    "egg": "яйцо яичко egg",
    "deciduous-tree": "дерево дуб берёза липа клён tree oak birch",
    "evergreen-tree": "ель ёлка сосна ельник pine fir spruce",
    "brown-mushroom": "гриб грибок mushroom",
    "red-apple": "яблоко яблочко молодильный apple",
    "cherries": "ягода ягодка вишня малина berry cherry",
    "crossed-swords": "меч сабля кладенец sword blade",
    "shield": "щит shield",
    "bow-and-arrow": "стрела лук arrow bow",
    "crown": "корона венец crown",
    "ring": "кольцо перстень ring",
    "old-key": "ключ ключик key",
    "package": "сундук ларец шкатулка chest box casket",
    "yarn": "клубок клубочек нитка yarn thread",
    "mirror": "зеркало зеркальце mirror",
    "pie": "пирог пирожок каравай pie",
    "bread": "хлеб хлебушек калач bread loaf",
    "pot-of-food": "каша горшок котёл pot porridge",
    "honey-pot": "мёд бочонок honey",
    "glass-of-milk": "молоко milk",
    "cheese-wedge": "сыр cheese",
    "star": "звезда звёздочка star",
    "crescent-moon": "луна месяц moon",
    "sun": "солнце солнышко sun",
    "cloud-with-rain": "дождь ливень туча rain storm",
    "snowflake": "снег снежинка метель вьюга snow snowflake blizzard",
    "snowman": "снеговик snowman",
    "blossom": "цветок цветочек flower",
    "rose": "роза rose",
    "water-wave": "волна wave",
    "canoe": "лодка лодочка челнок boat",
    "sailboat": "корабль парус ладья ship",
    "rock": "камень валун stone rock",
    "candle": "свеча свечка лучина candle",
    "open-book": "книга книжка book",
    "envelope": "письмо грамота letter",
    "bell": "колокол колокольчик bell",
    "flute": "дудка дудочка свирель рожок pipe flute",
    "banjo": "гусли балалайка harp",
    "musical-notes": "песня песенка музыка song music",
    "carrot": "морковь морковка carrot",
    "onion": "репа репка лук turnip",
    "ear-of-corn": "зерно колосок пшеница рожь зёрнышко grain wheat corn",
    "sheaf-of-rice": "сноп солома sheaf straw",
    "feather": "перо пёрышко feather",
    "nest-with-eggs": "гнездо nest",
    "fish": "рыба рыбка щука fish pike",
    "teapot": "самовар чайник teapot",
    "broom": "метла веник broom",
    "axe": "топор axe",
    "basket": "корзина корзинка лукошко basket",
    "coin": "монета копейка рубль грош coin",
    "gem-stone": "самоцвет сокровище клад драгоценность jewel treasure gem",
    "money-bag": "золото gold",  # not «мешок»: a sack of flour drawn with a dollar sign on it
    "fishing-pole": "невод сеть сети удочка net fishing-net rod",  # a fisherman's net, not a football goal
    "magic-wand": "волшебство чудо палочка wand magic",
    "crystal-ball": "колдовство ворожба spell",
    "door": "дверь ворота крыльцо порог сени door gate porch",
    "window": "окно окошко окошечко window",
    "bed": "кровать постель перина bed",
    "chair": "лавка скамья стул bench chair",
    "bridge-at-night": "мост мостик bridge",
    "mountain": "гора горка скала mountain hill",
    "tent": "шатёр палатка tent",
    "rainbow": "радуга rainbow",
    "fallen-leaf": "лист листок листья leaf leaves",
    "seedling": "росток семечко sprout seed",
    "sunflower": "подсолнух sunflower",
    "skull": "череп skull",
    "spider-web": "паутина web",
        "horse-racing": "скачка gallop",
    "wrapped-gift": "подарок гостинец gift present",
    "birthday-cake": "пир праздник торт feast cake",
    "snake": "змея змейка уж гадюка snake",
    "ewe": "овца овечка ягнёнок барашек lamb sheep",
    "horse": "жеребёнок лошадка foal",
    "cow": "корова коровушка бурёнка телёнок calf",
    "pig": "свинья поросёнок хрюшка piglet",
    "duck": "утка уточка утёнок duckling",
    "bucket": "ведро ведёрко вёдра bucket pail",
    "womans-boot": "сапог сапожок сапожки boot boots",
    "amphora": "кувшин крынка жбан jug pitcher",
    "guard": "солдат воин боец стражник дружинник soldier guard",
    "honeybee": "пчела пчёлка bee",
    "womans-hat": "шапка шляпа hat",
    "scroll": "свиток указ scroll",
}

# A place, by the words that name it (lemmas), and the background painted for it.
PLACE_KINDS = {
    "forest": "лес чаща бор роща опушка парк дубрава тайга дуб дупло пень forest wood woods thicket grove park oak hollow stump",
    "field": "поле луг поляна степь нива застава луговина field meadow steppe clearing",
    "village": "деревня село площадь улица улочка двор ярмарка городок колодец village square lane yard fair town street",
    "hut": "изба избушка хижина домик дом теремок хата горница кухня hut cottage house home kitchen",
    "castle": "замок терем дворец палата крепость башня castle palace tower fortress hall",
    "kingdom": "царство королевство град город Киев-град столица kingdom city capital",
    "sea": "море океан остров берег sea ocean island shore",
    "river": "река речка ручей озеро пруд мельница болото мост мостик камыш камыши river brook stream lake pond mill swamp marsh bridge reeds",
    "mountains": "гора горы скала утёс перевал овраг mountain mountains cliff rock ravine",
    "cave": "пещера нора логово подземелье грот cave den lair dungeon burrow",
    "sky": "небо облако туча высота sky cloud clouds",
    "road": "дорога дорожка тропа тропинка путь тракт road path way trail",
}


def _index(table: dict[str, str]) -> dict[str, str]:
    return {word.lower(): key for key, words in table.items() for word in words.split()}


WORD_ASSET = _index(WORDS)
PLACE_OF_WORD = _index(PLACE_KINDS)
# Words whose only clip-art would mislead a child: «мешок» finds a money bag with a dollar on it.
NOT_DRAWN = {"мешок", "мешочек", "sack", "bag"}

# Things that belong in the sky, not on the ground; and small things that stand near someone.
SKY_ASSETS = {"sun", "crescent-moon", "star", "cloud-with-rain", "snowflake", "rainbow", "comet", "bird", "dove", "eagle",
              "phoenix-bird", "blackbird", "bat", "butterfly", "sun-with-face", "full-moon-face", "cloud", "shooting-star"}
