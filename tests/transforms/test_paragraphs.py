import re

import pytest

from transforms.paragraphs import GLUED, ParagraphOptions, split_paragraphs


def texts(text: str) -> list[str]:
    return [p.text for p in split_paragraphs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soft wrap: the sentence goes on in lower case
        ("The mayor said the bridge would\nreopen on Monday.", ["The mayor said the bridge would reopen on Monday."]),
        # one paragraph a line, no blank lines
        ("First point made.\nSecond point made.", ["First point made.", "Second point made."]),
        # blank lines separate paragraphs; removed lines are blank
        ("One.\n\n\nTwo.", ["One.", "Two."]),
        # a word hyphenated at the wrap keeps its hyphen
        ("a long-\nterm plan.", ["a long-term plan."]),
        # a fixed-width block wraps before capitals too
        (
            "The committee met on Tuesday to discuss the proposal from\n"
            "Senator Alvarez about the new harbour tunnel, which has been\n"
            "debated for years.\nA second paragraph starts here.",
            [
                "The committee met on Tuesday to discuss the proposal from Senator Alvarez about the new "
                "harbour tunnel, which has been debated for years.",
                "A second paragraph starts here.",
            ],
        ),
    ],
)
def test_lines_join_or_break(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('It was a reference to the North."We will win," she said.',
         ["It was a reference to the North.", '"We will win," she said.']),
        ("They were glad to see him.After the tour, they left.",
         ["They were glad to see him.", "After the tour, they left."]),
        ("The minister said.“Nothing changes,” he added.", ["The minister said.", "“Nothing changes,” he added."]),
        # not glue: abbreviations, domains, closing quotes
        ("The U.S.Army base and example.com site.", ["The U.S.Army base and example.com site."]),
        ('She said "no."And then left.', ['She said "no."', "And then left."]),
        ('He called it "a bad idea."', ['He called it "a bad idea."']),
    ],
)
def test_glued_paragraphs_are_split(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Why the vote matters", "heading"),
        ("What happens next?", "heading"),
        ("The council voted on Tuesday.", "body"),
        ("“We are ready”", "body"),
        ("This long line has no final stop but has far too many words in it to be a heading at all", "body"),
    ],
)
def test_headings_are_marked(text, kind):
    assert split_paragraphs(text)[0].kind == kind


def test_paragraph_limit():
    assert len(split_paragraphs("x.\n" * 100, ParagraphOptions(max_paragraphs=10))) == 10


def test_glued_regex_matches_as_its_lookbehind_first_form() -> None:
    """GLUED puts the stop before its lookbehind for speed; it matches where the lookbehind-first form does."""
    reference = re.compile(r"(?<=[a-z\u00df-\u00ff]{2})[.!?]([\"“”]?)(?=[\"“]?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])")
    texts = [
        "He left.During the night it rained!Then?Why not.",
        'She said "no."And then: "West."We went.“Über”.Über.Ok',
        "U.S.Army and e.g.The Node.js site; a.Bc ab.Bc äß.Éa ab!“Cd ab?”Cd",
        ".Ab",
        "ab.",
        "",
        "x.Yz",
    ]
    for text in texts:
        got = [(m.span(), m.group(1)) for m in GLUED.finditer(text)]
        assert got == [(m.span(), m.group(1)) for m in reference.finditer(text)]
    assert GLUED.search("He left.During")
