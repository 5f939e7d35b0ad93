"""Data, code and menus are not articles; news prose in any language is."""

import json
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.prose import (
    CODE_START,
    DELIMITERS,
    TYPOGRAPHIC,
    ProseOptions,
    delimited_by,
    has_body,
    looks_like_code,
    not_prose,
    space_punctuation,
)

PROSE = {
    "en": "The harbour authority said on Monday that the new ferry line would open in spring, "
    "two years later than planned.\n\nLocal shops welcomed the plan, which had been debated for years.",
    "de": "Die Hafenbehörde teilte am Montag mit, dass die neue Fährlinie im Frühjahr öffnen werde.",
    "fr": "L'autorité portuaire a annoncé lundi que la nouvelle ligne de ferry ouvrirait au printemps.",
    "ru": "Портовое управление сообщило в понедельник, что новая паромная линия откроется весной.",
    "el": "Η λιμενική αρχή ανακοίνωσε τη Δευτέρα ότι η νέα γραμμή πορθμείων θα ανοίξει την άνοιξη.",
    "ja": "港湾当局は月曜日、新しいフェリー航路が春に開設されると発表した。",
    "zh": "港务局周一表示，新的渡轮航线将于春季开通。",
    "ar": "قالت سلطة الميناء يوم الاثنين إن خط العبارات الجديد سيفتتح في الربيع المقبل.",
    "figures": "Unemployment fell to 4.2% in March from 4.5% in February, the statistics office said, "
    "the lowest rate since 2019; 120,000 jobs were added.",
}

DATA = {
    "json": json.dumps({"title": "x", "body": "A sentence that is only a value.", "tags": ["a", "b"]}, indent=2),
    "json lines": "\n".join(json.dumps({"id": i, "text": f"item number {i} of the list"}) for i in range(6)),
    "xml": '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title>'
    "<item><title>A story about the harbour</title></item></channel></rss>",
    "sitemap": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</loc></url></urlset>',
    "csv": "date,city,temperature,rain\n" + "\n".join(f"2024-03-{d:02d},Oslo,{d % 7},{d % 3}" for d in range(1, 9)),
    "csv with text": "id;name;comment\n" + "\n".join(f"{i};Person {i};likes the ferry a lot" for i in range(8)),
    "tsv": "\n".join(f"row {i}\tvalue\t{i * 3}" for i in range(7)),
    "python": "import os\n\n\ndef main():\n    path = os.getcwd()\n    for name in os.listdir(path):\n"
    "        print(name)\n    return 0\n\n\nif __name__ == '__main__':\n    main()\n",
    "javascript": "const a = require('a');\nfunction go(x) {\n  let y = x * 2;\n  if (y > 3) {\n    return y;\n"
    "  }\n  return 0;\n}\nmodule.exports = go;\n",
    "numbers": "\n".join("  ".join(f"{(i * 37 + j * 11) % 1000:>6}" for j in range(8)) for i in range(12)),
}


@pytest.mark.parametrize("kind", sorted(PROSE))
def test_prose_in_any_script_is_prose_and_has_a_body(kind):
    assert not_prose(PROSE[kind]) is None
    assert has_body(PROSE[kind])


@pytest.mark.parametrize(
    ("kind", "detail"),
    [
        ("json", "JSON data"),
        ("json lines", "JSON lines"),
        ("xml", "XML data (<rss>)"),
        ("sitemap", "XML data (<urlset>)"),
        ("csv", "delimited data (','-separated columns)"),
        ("csv with text", "delimited data (';'-separated columns)"),
        ("tsv", "delimited data (tab-separated columns)"),
        ("python", "program code"),
        ("javascript", "program code"),
        ("numbers", "numbers and symbols, not prose"),
    ],
)
def test_data_and_code_are_not_prose_and_say_what_they_are(kind, detail):
    assert not_prose(DATA[kind]) == detail


def test_an_article_with_a_table_or_a_listing_is_prose_and_a_data_file_with_a_title_is_not():
    table = "\n".join(f"| {i} | Team {i} | {100 - i} | {i % 3} |" for i in range(1, 25))
    intro = "The final standings after the last race of the season are below.\nThe champion won five of the races."
    assert not_prose(intro + "\n" + table) is None
    assert not_prose("The standings.\n" + table) == "delimited data ('|'-separated columns)"
    listing = "\n".join(["x = 1;", "y = x + 2;", "print(y);"])
    article = "\n".join([PROSE["en"], listing, "The program prints three, as the reader can check by hand."] * 2)
    assert not_prose(article) is None


def test_html_markup_is_left_to_the_html_extractor():
    assert not_prose("<!DOCTYPE html>\n<html><body><p>" + PROSE["en"] + "</p></body></html>") is None
    assert not_prose("<div class='story'><p>" + PROSE["en"] + "</p></div>") is None


def test_a_list_of_sentences_with_the_same_comma_count_is_still_prose():
    lines = [f"On day {i}, the ferry left the harbour late, and the crew blamed the weather again." for i in range(6)]
    assert not_prose("\n".join(lines)) is None


@pytest.mark.parametrize(
    "chrome",
    [
        "Home | News | Sport | Weather | Business | Culture",
        "Home\nNews\nSport\nWeather",
        "Home › World › Europe › Ferry Line Opens In Spring",
        "FERRY LINE TO OPEN IN SPRING",
        "Ferry Line To Open In Spring After Years Of Debate",
        "",
    ],
)
def test_menus_headings_and_labels_are_no_body(chrome):
    assert not has_body(chrome)


def test_the_thresholds_are_the_options_given():
    assert has_body("The ferry opens soon.", ProseOptions(sentence_words=4))
    assert not has_body("The ferry opens soon.", ProseOptions(sentence_words=5))
    assert not_prose("a,b\n" * 4, ProseOptions(min_lines=5)) is None


# The plain form of looks_like_code's line-end test: a statement, block, call or signature end.
CODE_END = re.compile(r"(?:[;{}]|\):|=>|\)\s*\{?)\s*$")


def test_regex_spaces_are_the_ones_rstrip_strips():
    assert all(bool(re.fullmatch(r"\s", chr(c))) == chr(c).isspace() for c in range(0x110000))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(["a", "x ", ";", "{", "}", ")", "(", ":", "=", ">", " ", "\t", "\u2003", "\n"])).map(
        "".join
    )
)
def test_code_line_ends_as_the_plain_regex_says(line):
    assert looks_like_code(line) == bool(CODE_START.match(line) or CODE_END.search(line))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.lists(st.sampled_from(["word", " ", ",", ";", "\t", "|"]), max_size=12).map("".join), min_size=1),
    st.sampled_from(DELIMITERS),
    st.floats(0.1, 1.0),
)
def test_a_delimiter_too_rare_in_all_cannot_split_a_share_of_the_lines(lines, delimiter, share):
    """delimited_by skips a delimiter found fewer than ``least * share * len(lines)`` times in all:
    then no count of ``least`` or more is shared by ``share`` of the lines."""
    least = 2 if delimiter == "," else 1
    if "\n".join(lines).count(delimiter) < least * share * len(lines):
        count, n = Counter(line.count(delimiter) for line in lines).most_common(1)[0]
        assert not (count >= least and n >= share * len(lines))


@pytest.mark.parametrize("delimiter", DELIMITERS)
def test_a_table_with_just_enough_delimiters_is_still_found(delimiter):
    least = 2 if delimiter == "," else 1
    lines = [delimiter.join(["cell"] * (least + 1))] * 4 + ["title"]
    assert "\n".join(lines).count(delimiter) == least * 0.8 * len(lines)
    assert delimited_by(lines, 0.8) == delimiter


def test_typographic_punctuation_as_spaces_leaves_the_words_and_the_non_word_runs():
    assert not any(re.match(r"\w", char) for char in TYPOGRAPHIC)
    texts = ("“It’s done,” she said — twice – in 2024…", "«Oui» • ©\xa0Le Monde ―\u2212 ‘x’", "“café”", TYPOGRAPHIC)
    for text in texts:
        spaced = space_punctuation(text)
        assert re.findall(r"\w+", spaced) == re.findall(r"\w+", text)
        assert [m.span() for m in re.finditer(r"[\W_]+", spaced)] == [m.span() for m in re.finditer(r"[\W_]+", text)]
    assert space_punctuation("“It’s”").isascii()
