import gzip
import re
import re._constants as sre
import re._parser as sre_parse
import unicodedata

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.decode import (
    FTFY_CONFIG,
    FTFY_OPTIONS,
    MOJIBAKE_TRIGGERS,
    MOJIBAKE_WIDTH,
    TOUCHABLE,
    Decoded,
    Rejected,
    decode_input,
    fix_text,
    ftfy_keeps,
    looks_like_mojibake,
    wrap_long_lines,
)

LIMIT = 1 << 20
TEXT = "Die Bürgermeisterin sagte: „Wir öffnen die Brücke“ – am Montag.\nZweite Zeile.\n"


def decoded(name: str, data: bytes) -> Decoded:
    got = decode_input(name, data, max_bytes=LIMIT)
    assert isinstance(got, Decoded), got
    return got


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_encodings_decode_exactly(data, encoding):
    got = decoded("a.txt", data)
    assert got.text == TEXT
    assert got.encoding == encoding


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Le ministre a déclaré que l'été serait très chaud et que les élèves resteraient à l'école. " * 3, "cp1252"),
        ("Die Bürgermeisterin öffnete die Brücke über den Fluß am Montag für Fußgänger und Radfahrer. " * 3, "latin-1"),
        ("Premier powiedział dziennikarzom, że rozmowy zakończyły się sukcesem i będą kontynuowane. " * 3, "cp1250"),
        ("Президент заявил журналистам, что переговоры прошли успешно и будут продолжены. " * 3, "koi8_r"),
        (
            "日本政府は二十三日、新しい経済対策を発表した。首相は記者団に対し、会談は成功したと述べた。"
            "専門家によると、物価の上昇はしばらく続く見通しだ。東京都内では多くの市民が集まった。",
            "shift_jis",
        ),
    ],
)
def test_legacy_encodings_are_detected(text, codec):
    got = decoded("a.txt", text.encode(codec))
    assert got.text == text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("The minister said itâ€™s time.", "The minister said it’s time."),
        ("cafÃ© au lait", "café au lait"),
        ("The minister said itÃ¢â‚¬â„¢s time.", "The minister said it’s time."),  # encoded twice
    ],
)
def test_mojibake_is_repaired_and_curly_quotes_kept(broken, fixed):
    got = decoded("a.txt", broken.encode("utf-8"))
    assert got.text == fixed
    assert "mojibake" in got.repairs


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_endings_become_lf(ending):
    got = decoded("a.txt", ending.join(["one.", "", "two."]).encode())
    assert got.text == "one.\n\ntwo."
    assert "line_endings" in got.repairs


def test_gzip_text_is_unpacked():
    got = decoded("story.txt.gz", gzip.compress(TEXT.encode()))
    assert got.text == TEXT
    assert got.repairs[0] == "gunzip"


def test_control_and_invisible_characters_are_removed():
    got = decoded("a.txt", "A\u200bB\u202eC\x00D\u200dE".encode())
    assert got.text == "ABCD\u200dE"  # zero-width joiner stays


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.txt", b"", "empty"),
        ("a.txt", b" \n\t\n", "empty"),
        ("a.txt", "\u200b\ufeff".encode(), "empty"),
        ("a.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "unsupported_type"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unsupported_type"),
        ("a.txt", bytes(range(256)) * 8, "binary"),
        ("a.txt.gz", b"\x1f\x8b\x08\x00broken", "undecodable"),
        ("a.txt", b"x" * (LIMIT + 1), "too_large"),
        ("a.txt.gz", gzip.compress(b"a" * (LIMIT + 10)), "too_large"),
    ],
)
def test_rejects_say_why(name, data, reason):
    got = decode_input(name, data, max_bytes=LIMIT)
    assert isinstance(got, Rejected)
    assert got.reason == reason
    assert got.detail


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("page.html", "<p>Hello</p>", "html"),
        ("page.HTM", "<p>Hello</p>", "html"),
        ("page.txt", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("page.txt", "He wrote <b> in a sentence.", "text"),
    ],
)
def test_html_is_recognised(name, text, fmt):
    assert decoded(name, text.encode()).format == fmt


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short line\nanother", 20, "short line\nanother"),
        ("one two three four five six", 10, "one two\nthree four\nfive six"),
        ("x" * 25, 10, "x" * 10 + "\n" + "x" * 10 + "\n" + "x" * 5),
    ],
)
def test_long_lines_are_wrapped(text, limit, expected):
    assert wrap_long_lines(text, limit) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII news.\nA second line.\n",
        "Caf\u00c3\u00a9 owners met on Tuesday.\nThe mayor\u00e2\u20ac\u2122s office said so.",
        "Fish &amp; chips.\nA <b>bold</b> line.\nAfter markup, &amp; stays as written.\n",
        "<p>markup first</p>\nthen &eacute;t&eacute; is not unescaped\n",
        "Entities &eacute;t&eacute; and &quot;quotes&quot; before any markup\n\n",
        "tabs\tstay\nbell\x07 and escape \x1b[31mred\x1b[0m go\nno final newline caf\u00c3\u00a9",
        "line\u2028separator and next\u0085line\n\ufb01 ligature, \uff0c full width, e\u0301 combining\n",
        "\u201cQuoted\u201d \u2014 caf\u0065\u0301 and \u1100\u1161 compose, a\u0316\u0301 reorders\n",
        "\u2018Typographic\u2019 line &amp; entity\nformat\u206a\ufeff controls \u2026\nlone \ud83d surrogate\n",
        "plain\n\u201cquoted\u201d <i>\ncafe\u0301 combining\nplain\n&eacute; after markup\n\u00e9t\u00e9\n",
        "",
    ],
)
def test_fix_text_is_ftfy_line_by_line(text):
    """The fast path gives ftfy's own answer, entity state across lines included."""
    assert fix_text(text) == ftfy.fix_text(text, **FTFY_OPTIONS)


def char_set(op, arg) -> set[str] | None:
    """The characters a parsed regex item matches, or None when not a plain list (\\s, \\w, ., [^...])."""
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is not sre.IN or any(kind not in (sre.LITERAL, sre.RANGE) for kind, _ in arg):
        return None
    return {chr(c) for kind, value in arg for c in ([value] if kind is sre.LITERAL else range(value[0], value[1] + 1))}


def items(parsed):
    """Every (opcode, argument) of a parsed regex, nested ones included."""
    for op, arg in parsed:
        yield op, arg
        if op is sre.BRANCH:
            for alternative in arg[1]:
                yield from items(alternative)
        elif op is sre.MAX_REPEAT:
            yield from items(arg[2])


def opcodes(parsed) -> set:
    return {op for op, _ in items(parsed)}


def anchors(parsed) -> set:
    return {arg for op, arg in items(parsed) if op is sre.AT}


def test_every_mojibake_alternative_needs_a_trigger():
    """Each alternative of ftfy's mojibake regex has an item outside any repetition that matches only
    characters of MOJIBAKE_TRIGGERS, so a line without them cannot match it."""
    triggers = re.compile(f"[{MOJIBAKE_TRIGGERS}]")
    parsed = sre_parse.parse(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags)
    assert len(parsed) == 1 and parsed[0][0] is sre.BRANCH
    # looks_like_mojibake's windows: a match is at most MOJIBAKE_WIDTH long and looks at nothing
    # outside itself (no lookaround, no "$" or "\\b", which a window's end would satisfy; "^" matches
    # only at the line's start, not a window's)
    assert parsed.getwidth()[1] <= MOJIBAKE_WIDTH
    assert opcodes(parsed) <= {sre.BRANCH, sre.IN, sre.LITERAL, sre.ANY, sre.MAX_REPEAT, sre.AT}
    assert anchors(parsed) == {sre.AT_BEGINNING}
    alternatives = parsed[0][1][1]
    assert len(alternatives) > 30
    for alternative in alternatives:
        required = [chars for op, arg in alternative if (chars := char_set(op, arg)) is not None]
        assert any(all(triggers.fullmatch(c) for c in chars) for chars in required), alternative
    # curly quotes, dashes, the ellipsis and the no-break space are not among them
    assert not any(triggers.search(c) for c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xa0«»•·")


def test_the_fixers_are_the_ones_untouched_line_accounts_for():
    """TOUCHABLE lists what each fixer of this ftfy acts on; a new fixer (a new option) must be
    looked at, and the ones acting on other characters must stay off."""
    assert ftfy.TextFixerConfig._fields == (
        "unescape_html", "remove_terminal_escapes", "fix_encoding", "restore_byte_a0", "replace_lossy_sequences",
        "decode_inconsistent_utf8", "fix_c1_controls", "fix_latin_ligatures", "fix_character_width",
        "uncurl_quotes", "fix_line_breaks", "fix_surrogates", "remove_control_chars", "normalization",
        "max_decode_length", "explain",
    )  # fmt: skip
    assert not (FTFY_CONFIG.fix_latin_ligatures or FTFY_CONFIG.fix_character_width or FTFY_CONFIG.uncurl_quotes)
    assert FTFY_CONFIG.normalization == "NFC"


def untouched(text: str) -> bool:
    return not TOUCHABLE.search(text) and unicodedata.is_normalized("NFC", text)


def test_a_line_ftfy_reads_in_pieces_goes_to_ftfy():
    """ftfy cuts a line longer than max_decode_length; its second piece starts a line of its own
    ("^Ã " is mojibake there, not after "1")."""
    line = "1" * FTFY_CONFIG.max_decode_length + "\u00c3 more\n"
    assert not ftfy.badness.is_bad(line)
    assert fix_text(line) == ftfy.fix_text(line, **FTFY_OPTIONS) == line.replace("\u00c3 ", "\u00e0 ")


@pytest.mark.parametrize(
    "line",
    [
        "Caf\u00c3\u00a9 owners",
        "\u00c3 at the start",
        "x" * 20 + "\u00c3 " + "y" * 20,
        "S\u00e3o Paulo and Bras\u00edlia, \u00a3400 \u00b0C",
        "\u0412\u201c\u0421 and \u0432\u0402",
        "\u00e9\u201ds " * 5,
    ],
)
def test_looks_like_mojibake_is_is_bad(line):
    assert looks_like_mojibake(line) == ftfy.badness.is_bad(line)


@pytest.mark.parametrize("block", range(0, 0x110000, 0x10000))
def test_ftfy_leaves_untouched_characters_alone(block):
    """Every code point, in runs of 128: on its own between spaces, and next to its neighbours."""
    for start in range(block, block + 0x10000, 128):
        chars = [chr(c) for c in range(start, start + 128) if untouched(chr(c))]
        for text in (" ".join(chars), "a" + "".join(chars) + "\n"):
            if untouched(text):
                assert ftfy.fix_text(text, FTFY_CONFIG) == text, text


# Characters of every kind the fast path tells apart: ASCII (with "&", "<" and ";" for entities),
# typographic punctuation and letters ftfy does not look at, combining marks and Hangul jamo (NFC
# composes or reorders them), controls, line separators, a lone surrogate ...
QUIET = (
    "aeiouAEOst ;#&<>\n\t\x1b[0m"
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xa0«»•·©®™"
    "абвгдеЂ αβγ\u0301\u0308\u0316\u1100\u1161\u11a8\uac00"
    "\x85\u2028\u200b\u206a\ufeff\ufffd\ud83d"
)
# ... and characters of mojibake.
LOUD = "éèàâäöüñçÃÂÐØÙóšžœ°€£ВГРСΒΓΞΟ\x92\x9d"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(QUIET), max_size=30).map("".join)
    | st.lists(st.sampled_from(QUIET + LOUD), max_size=60).map("".join)
    | st.text(max_size=40).map(lambda text: text.encode("utf-8", "surrogatepass").decode("windows-1252", "ignore"))
)
def test_fix_text_is_ftfy_on_mixed_text(text):
    """Mixed lines and mojibake: the fast path changes nothing ftfy would have changed."""
    assert fix_text(text) == ftfy.fix_text(text, **FTFY_OPTIONS)
    assert looks_like_mojibake(text) == ftfy.badness.is_bad(text)
    if ftfy_keeps(text):
        assert ftfy.fix_text(text, FTFY_CONFIG) == text
