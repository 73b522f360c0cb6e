from hypothesis import given, settings
from hypothesis import strategies as st

from digitales.text.chunks import chunks

WORDS = ["лиса", "заяц", "колобок,", "покатился", "—", "по", "дорожке;", "«не", "ешь", "меня»", "1", "000", "и",
         "песенку:", "полежал-полежал", "\"да\"", "прочь!"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), st.integers(min_value=5, max_value=120))
def test_chunks_never_split_a_word_and_keep_the_limit(words, limit):
    sentence = " ".join(words)
    pieces = chunks(sentence, limit)
    assert " ".join(pieces) == sentence  # nothing lost, nothing reordered: cuts only at spaces
    for piece in pieces:
        assert len(piece) <= limit or " " not in piece  # over the limit only a single word


def test_cuts_prefer_clause_ends():
    s = "Колобок полежал-полежал, да вдруг и покатился — с окна на лавку, с лавки на пол, по полу да к дверям."
    assert chunks(s, 60) == ["Колобок полежал-полежал, да вдруг и покатился —", "с окна на лавку, с лавки на пол, по полу да к дверям."]


def test_no_cut_inside_a_quote_or_a_number_when_another_cut_fits():
    pieces = chunks("Он сказал «не ешь меня, серый волк» и ушёл далеко-далеко, куда глаза глядят.", 40)
    assert pieces[0] == "Он сказал «не ешь меня, серый волк» и"
    assert all(not p.endswith("1") for p in chunks("Было 1 000 000 монет и ещё 25 000 рублей у старика.", 15))
