"""The article inspector: finding an article, its evidence, the HTML page and the terminal view."""

import io
import re

import pytest
from rich.console import Console

from flows import inspector, sql
from tests.outputs import INPUT_A, MENTION, QUOTE, REMOVED_A, TEXT_A, A, B, write_output
from transforms import schemas


@pytest.fixture
def output(tmp_path):
    store = write_output(tmp_path)
    return store, sql.connect(store)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (A, ("article", A)),
        ("news/one.txt", ("article", A)),
        ("/home/me/input/news/one.txt", ("article", A)),  # the path as typed, ending with the input's path
        ("a1b2c3", ("article", A)),  # a unique prefix
        ("a1b2c", None),  # too short to be taken as a prefix
        ("news/bad.bin", ("reject", "news/bad.bin")),
        ("./news/bad.bin", ("reject", "news/bad.bin")),
        ("news/nothing.txt", None),
    ],
)
def test_find_resolves_ids_paths_and_prefixes(output, key, expected):
    assert inspector.find(output[1], key) == expected


def test_evidence_holds_the_input_lines_removed_lines_and_annotations(output):
    store, con = output
    found = inspector.gather(con, store, [A, B, "0000000000000000"])
    assert set(found) == {A, B}  # an unknown id has no evidence
    ev = found[A]
    assert ev.lines == INPUT_A
    assert {n: reason for n, (_, reason) in ev.removed.items()} == REMOVED_A
    assert [p["paragraph_index"] for p in ev.paragraphs] == [0, 1]
    quotes = [(q["char_start"], q["char_end"], q["speaker"], q["cue"]) for q in ev.quotes]
    assert quotes == [(*QUOTE, "Ann Lee", "said")]
    if "mentions" in schemas.TABLES:
        assert [(m["char_start"], m["char_end"], m["name"]) for m in ev.mentions] == [(*MENTION, "Ann Lee")]
    assert found[B].quotes == [] and found[B].lines[1] == "Ein kurzer Text ohne Zitate."


def test_segments_cut_the_text_at_every_mark():
    marks = [(2, 8, "quote", {}), (4, 6, "mention", {}), (7, 12, "mention", {})]
    assert inspector.segments(0, 10, marks) == [
        (0, 2, []),
        (2, 4, [0]),
        (4, 6, [0, 1]),
        (6, 7, [0]),
        (7, 8, [0, 2]),
        (8, 10, [2]),
    ]


def test_page_strikes_removed_lines_with_reasons_and_marks_quotes(output):
    store, con = output
    ev = inspector.gather(con, store, [A])[A]
    page = inspector.page_html(ev, linked={A})
    for number, reason in REMOVED_A.items():
        line = INPUT_A[number - 1]
        assert f'<span class="n">{number}</span><del>{line}</del> <span class="why">{reason}</span>' in page
    assert '<span class="n">4</span>The mayor opened the bridge on Monday.' in page
    quote = re.search(r'<mark class="q" title="([^"]*)">(.*?)</mark>', page)
    assert quote.group(2) == TEXT_A[QUOTE[0] : QUOTE[1]]
    assert quote.group(1) == "quote 1; full; speaker: Ann Lee; cue: said"
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in page and "<b>Not bold</b>" not in page  # input text is escaped
    assert '<p class=dup title="this paragraph appears in an earlier article">' in page
    if "mentions" in schemas.TABLES:
        assert '<u class="m" title="Ann Lee">Ann Lee</u>' in page


def test_speaker_words_are_marked_when_the_quotes_say_which(output):
    store, con = output
    ev = inspector.gather(con, store, [A])[A]
    start = TEXT_A.index("Ann Lee")
    ev.quotes[0] |= {"speaker_char_start": start, "speaker_char_end": start + 7, "attribution": "explicit"}
    page = inspector.page_html(ev, linked=set())
    assert '<span class="spk" title="speaker of quote 1">' in page
    assert "rule: explicit" in page and "<th>rule</th>" in page


def test_terminal_view_shows_the_same_evidence(output):
    store, con = output
    ev = inspector.gather(con, store, [A])[A]
    console = Console(file=io.StringIO(), width=120, force_terminal=True, color_system="truecolor")
    console.print(inspector.terminal(ev))
    text = console.file.getvalue()
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "Mayor opens [bridge]  ← title" in plain  # rich markup in the input is shown as written
    assert "Share on Facebook  ← share" in plain
    assert "\x1b[9" in text or ";9m" in text  # struck through
    assert "It is a great day," in plain and "said" in plain


def test_a_page_without_the_stored_input_says_so(output):
    store, con = output
    store.remove("_state/ingest/02.parquet")  # A's bucket (a1b2 -> 2 of 16)
    ev = inspector.gather(con, store, [A])[A]
    assert ev.lines is None
    assert "no longer stored" in inspector.page_html(ev, linked=set())
