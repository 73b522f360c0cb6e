import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digitales.text.sentences import split_sentences
from digitales.text.source import paragraphs
from digitales.writer.textfile import cut_scenes

WORDS = ["лиса", "заяц", "колобок", "покатился", "по", "дорожке", "и", "запел", "песенку", "старик", "старуха"]


def seconds(text: str) -> float:
    return len(text) / 12.0


def sentences_of(text: str) -> list[str]:
    return [s for p in paragraphs(text) for s in split_sentences(p)]


sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=6).map(" ".join)
story = st.lists(paragraph, min_size=1, max_size=12).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(story)
def test_scenes_keep_every_sentence_in_order_and_stay_in_bounds(text):
    scenes = cut_scenes(text, seconds, 10, 25)
    assert sentences_of("\n\n".join(scenes)) == sentences_of(text)
    for scene in scenes:
        n = len(sentences_of(scene))
        # Over the upper bound only when a single sentence is that long, or when a short tail joined (≤ 1.2×).
        assert seconds(scene) <= 25 * 1.2 + 2 or n == 1


def test_cuts_prefer_paragraph_ends():
    para = "Лиса бежала по лесу и искала еду. " * 3  # ~100 chars ≈ 8.5 s at 12 chars/s
    text = "\n\n".join([para.strip()] * 6)
    scenes = cut_scenes(text, seconds, 10, 25)
    assert all(s.count("\n\n") >= 1 for s in scenes)  # each scene is whole paragraphs
    assert all(re.sub(r"\s+", " ", s).count("Лиса") % 3 == 0 for s in scenes)
