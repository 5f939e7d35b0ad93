"""Non-UTF-8 inputs decode to exactly the text that was written: the same passages in 17 languages
(tests/transforms/charset_corpus.py), one sentence and a paragraph, in each of their usual code pages."""

import pytest

from tests.transforms.charset_corpus import ENCODINGS, LONG, SHORT, cases
from transforms import charsets
from transforms.decode import Decoded, decode_input

MAX = 16 * 1024 * 1024
CASES = cases()


def test_the_corpus_covers_twelve_languages_and_more_in_their_code_pages():
    assert (
        {"fr", "de", "es", "it", "pt", "nl", "pl", "cs", "tr", "ru", "el", "ja", "zh", "ko"} <= set(SHORT) == set(LONG)
    )
    assert len(CASES) == 2 * sum(len(v) for v in ENCODINGS.values())


@pytest.mark.parametrize(
    ("language", "length", "encoding", "text"), CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES]
)
def test_every_passage_round_trips_exactly(language, length, encoding, text):
    got = decode_input("story.txt", text.encode(encoding), max_bytes=MAX)
    assert isinstance(got, Decoded)
    assert got.text == text
    # the code page named reads the bytes as the same text (cp1252 for a Latin-1 file, say)
    assert text.encode(encoding).decode(got.encoding) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # read before as mac_latin2, cp775 and cp1250
        ("Il a dit que le café était très bon et que la fête aurait lieu en été.", "latin-1"),
        ("The cafés in München were full, said Jürgen Müller and François Lévesque.", "latin-1"),
        ("Ils étaient présents à la cérémonie.", "latin-1"),
        ("Zażółć gęślą jaźń.", "cp1250"),
        ("Съешь же ещё этих мягких французских булок.", "koi8-r"),
    ],
)
def test_short_texts_that_a_general_detector_got_wrong(text, encoding):
    got = decode_input("a.txt", text.encode(encoding), max_bytes=MAX)
    assert got.text == text


def test_the_long_passages_are_sure_choices_and_a_close_one_is_marked():
    for language, text in LONG.items():
        encoding = ENCODINGS[language][0]
        got = decode_input("a.txt", text.encode(encoding), max_bytes=MAX)
        assert "low_confidence" not in got.repairs, language
    # ą is "±" in cp1250 and the rest of the sentence reads the same in both: a close call
    close = decode_input("a.txt", "Przyszła jesień, mówią.".encode("iso-8859-2"), max_bytes=MAX)
    assert close.text == "Przyszła jesień, mówią." and "low_confidence" in close.repairs


def test_a_reading_costs_more_with_odd_symbols_capitals_and_mixed_scripts():
    plain = charsets.read("Jürgen Müller, François")
    assert plain.fixed == 0
    assert charsets.read("J³rgen M³ller").fixed == 2 * charsets.ODD_SYMBOL
    assert charsets.read("FranÁois").fixed == charsets.UPPER_AFTER_LOWER
    assert charsets.read("ééн").fixed == charsets.ODD_SYMBOL
    assert charsets.read("«Oui», dit-il à 20 °C, “yes” – l’été").fixed == 7 * charsets.SYMBOL
    assert charsets.cost(charsets.read("cérémonie à"), "fr") < charsets.cost(charsets.read("cérémonie ŕ"), "fr")


def test_the_sample_holds_whole_characters():
    data = ("日本語の文章です。 " * 2000).encode("cp932")
    part = charsets.sample(data)
    assert len(part) < len(data) and part.decode("cp932").endswith("。")
    assert charsets.sample(b"plain ascii") == b"plain ascii"


def test_iso_2022_escapes_are_read_before_utf_8_and_other_bytes_are_left_to_the_detector():
    text = "市長は火曜日に発表した。"
    assert decode_input("a.txt", text.encode("iso2022_jp"), max_bytes=MAX).text == text
    assert charsets.iso2022(b"plain") is None


def test_a_script_no_common_code_page_writes_is_left_to_the_general_detector():
    thai = "ภาษาไทยเป็นภาษาที่สวยงามมาก และมีประวัติศาสตร์ยาวนาน นายกรัฐมนตรีกล่าวเมื่อวันอังคาร"
    got = decode_input("a.txt", thai.encode("cp874"), max_bytes=MAX)
    assert got.text == thai and got.encoding == "cp874"
