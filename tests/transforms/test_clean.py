"""Unit tables for transforms.clean: chrome rules, captions, header lifting, main-block selection.

All texts are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

import pytest

from transforms import chrome_vocab as vocab
from transforms import clean
from transforms.clean import REASONS, CleanOptions, clean_document
from transforms.records import ArticleMeta

OPTS = CleanOptions()

# Four invented article paragraphs, long enough to read as running prose.
BODY = [
    "The harbour authority said on Monday that the new ferry terminal would open in the spring, two years "
    "later than first planned, after a dispute over the cost of the foundations was settled.",
    "Officials told reporters that the terminal will handle up to four thousand passengers a day and that "
    "the old pier, which has been closed since the storm of last winter, will be turned into a park.",
    "Local traders welcomed the news but warned that the delay had already cost them a season of visitors, "
    "and several of them said they would ask the council for help with their rents.",
    "The mayor, who visited the site with engineers on Friday, said the project was now on budget and that "
    "the contractors had agreed to work through the summer to make up for lost time.",
]


def page(*, top: list[str] = (), middle: list[str] = (), bottom: list[str] = ()) -> str:
    lines = [*top, "", BODY[0], "", BODY[1], "", *middle, "", BODY[2], "", BODY[3], "", *bottom]
    return "\n".join(lines)


def reason_of(cleaned, text: str) -> str | None:
    for r in cleaned.removed:
        if r.text == text:
            return r.reason
    return None


def kept(cleaned) -> list[str]:
    return [line for line in cleaned.text.split("\n") if line.strip()]


# --- rules, inside the article ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # share bars
        ("facebook sharing button Share", "share"),
        ("Share on WhatsApp", "share"),
        ("Tweet", "share"),
        ("Teilen Drucken", "share"),
        ("Partager sur Facebook", "share"),
        # captions and credits
        ("A ferry leaves the old pier at dawn. Photo: Jan Moller / AFP", "caption"),
        ("Photo: Jan Moller", "credit"),
        ("Foto: dpa", "credit"),
        ("The mayor at the site on Friday. Pic: PA", "caption"),
        ("EPA/JAN MOLLER MANDATORY CREDIT", "credit"),
        ("Source: Reuters, AP", "credit"),
        ("Quelle: dpa", "credit"),
        ("Image caption", "caption"),
        ("Bildunterschrift", "caption"),
        ("Image 3 of 12", "caption"),
        ("3 / 12", "caption"),
        # ads, related links, newsletters
        ("Advertisement", "advertisement"),
        ("ANZEIGE", "advertisement"),
        ("Publicidad", "advertisement"),
        ("Read more: Council approves budget", "related"),
        ("Lesen Sie auch: Neue Brücke eröffnet", "related"),
        ("Lees ook: nieuwe brug geopend", "related"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("Image caption The ferry leaves the old pier at dawn", "caption"),
        ("Photo: the old pier at dawn, seen from the harbour wall", "caption"),
        ("Follow the Harbour Daily on Facebook, Instagram and Twitter.", "share"),
        ("Subscribe to our weekly harbour briefing and never miss a sailing.", "newsletter"),
        ("New bridge opens to traffic after three years of work on the river crossing and...", "related"),
        ("Council approves harbour budget [VIDEO]", "related"),
        ("MAYOR SAYS FERRY DELAY WILL COST TRADERS MILLIONS", "related"),
    ],
)
def test_rules_inside_article(line: str, reason: str) -> None:
    assert reason in REASONS
    cleaned = clean_document(page(middle=[line]))
    assert reason_of(cleaned, line) == reason
    assert len(kept(cleaned)) == 4


@pytest.mark.parametrize(
    "line",
    [
        "Why did the ferry cost so much?",  # a question subheading
        "Traders: We need help now",  # a colon subheading
        "A new park on the old pier",  # a plain subheading
        "The photo agency said it had sent three photographers to the harbour to cover the opening.",
    ],
)
def test_subheadings_and_prose_are_kept(line: str) -> None:
    cleaned = clean_document(page(middle=[line]))
    assert line in kept(cleaned)


# --- forum chrome in several languages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Posts: 1234",
        "Berichten: 812",
        "Beiträge: 77",
        "Messages : 3 410",
        "Joined: 3 Jan 2019 10:12",
        "Lid geworden op: 3 jan 2019 10:12",
        "Registriert: 03.01.2019",
        "Post by harbourfan » 12 May 2024, 08:10",
        "Bericht door havenfan » ...",
        "Beitrag von Hafenfan » 12.05.2024",
        "Message par portfan » 12 mai 2024",
        "Post Reply",
        "Plaats reactie",
        "Antworten",
        "Répondre",
        "Return to “Local news”",
        "Terug naar “Binnenland”",
        "Zurück zu „Lokales“",
        "Volver a «Noticias»",
        "Site Admin",
        "Moderator",
        "Posty: 120",
        "Dołączył(a): 12 sty 2020",
        "Odpowiedz",
        "Wróć do „Polityka”",
        "Mensajes: 33",
        "Registrado: 3 ene 2021",
        "Re: Nieuwe veerterminal",
        "Zitat",
    ],
)
def test_forum_chrome(line: str) -> None:
    cleaned = clean_document(page(top=[line], bottom=[line]))
    assert reason_of(cleaned, line) == "forum"
    assert line not in kept(cleaned)


# --- chrome outside the article -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("© 2024 Harbour Media Ltd. All rights reserved.", "legal"),
        ("Privacy Policy", "legal"),
        ("Datenschutzerklärung", "legal"),
        ("We use cookies to improve your experience on our website. By browsing you accept them.", "cookie"),
        ("Comments", "comments"),
        ("12 comments", "comments"),
        ("Leave a Reply", "comments"),
        ("Kommentare", "comments"),
        ("Related Articles", "related"),
        ("You may also like", "related"),
        ("Home", "navigation"),
        ("Skip to main content", "navigation"),
        ("Back to top", "navigation"),
    ],
)
def test_footer_chrome(line: str, reason: str) -> None:
    cleaned = clean_document(page(bottom=[line]))
    assert reason_of(cleaned, line) == reason
    assert kept(cleaned) == BODY


def test_trailing_list_of_links_is_cut() -> None:
    links = [
        "More Great Harbour Stories",
        "Bridge repairs to start next month",
        "School bus routes change after complaints",
        "Why the old lighthouse is still standing",
        "Ferry fares to rise in the new year",
    ]
    cleaned = clean_document(page(bottom=links))
    assert kept(cleaned) == BODY


def test_headlines_on_consecutive_lines_inside_the_body_are_links() -> None:
    links = ["Bridge Repairs To Start Next Month", "School Bus Routes Change After Complaints"]
    cleaned = clean_document(page(middle=links))
    assert [reason_of(cleaned, line) for line in links] == ["related", "related"]
    assert kept(cleaned) == BODY


def test_closing_sentences_after_a_promo_line_are_kept_in_extracted_text() -> None:
    closing = ["The terminal opens in April.", "Tickets go on sale next week."]
    text = "\n".join([*BODY, "CLICK HERE TO GET THE HARBOUR APP", *closing])
    cleaned = clean_document(text, hints=ArticleMeta())
    assert kept(cleaned) == [*BODY, *closing]


def test_comment_section_is_cut() -> None:
    comments = [
        "Comments",
        "harbourwatcher says:",
        "The ferry was always going to be late and everyone in the town knew it, so nobody is surprised now.",
        "oldsailor says:",
        "I remember when the old pier was the busiest place in town and I hope the new park brings people back.",
        "Another reader says:",
        "It is a disgrace that the council waited so long before it did anything about the foundations at all.",
    ]
    cleaned = clean_document(page(bottom=comments))
    assert kept(cleaned) == BODY


def test_teaser_list_after_article_is_removed() -> None:
    teasers = [
        "Related Articles",
        "Bridge repairs to start next month",
        "Road closures are expected across the centre while engineers replace the old bearings.",
        "3 hours ago",
        "School bus routes change after complaints",
        "Parents say the new timetable leaves children waiting in the cold for too long.",
        "5 hours ago",
    ]
    cleaned = clean_document(page(bottom=teasers))
    assert kept(cleaned) == BODY


# --- header: title, site name, section, byline, date --------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "meta"),
    [
        (
            ["Harbour Daily News", "", "New ferry terminal to open in spring", "", "By Maria Lopez"],
            {
                "site_name": "Harbour Daily News",
                "title": "New ferry terminal to open in spring",
                "authors": ["Maria Lopez"],
            },
        ),
        (
            ["Business", "", "New ferry terminal to open in spring"],
            {"section": "Business", "title": "New ferry terminal to open in spring", "site_name": None},
        ),
        (
            ["New ferry terminal to open in spring", "", "From the Harbour Desk team"],
            {"title": "New ferry terminal to open in spring", "authors": ["Harbour Desk team"]},
        ),
        (
            ["New ferry terminal to open in spring", "Sarah Mitchell", "Tuesday 4 March 2025"],
            {
                "title": "New ferry terminal to open in spring",
                "authors": ["Sarah Mitchell"],
                "published": dt.date(2025, 3, 4),
            },
        ),
        (
            ["Neues Fährterminal öffnet im Frühjahr", "Von Jana Becker", "04.03.2025, 10:15 Uhr"],
            {
                "title": "Neues Fährterminal öffnet im Frühjahr",
                "authors": ["Jana Becker"],
                "published": dt.date(2025, 3, 4),
            },
        ),
        (
            ["Nieuwe veerterminal opent in het voorjaar", "Door Sanne de Vries", "4 maart 2025"],
            {
                "title": "Nieuwe veerterminal opent in het voorjaar",
                "authors": ["Sanne de Vries"],
                "published": dt.date(2025, 3, 4),
            },
        ),
    ],
)
def test_header_metadata(top: list[str], meta: dict) -> None:
    cleaned = clean_document(page(top=top))
    for field, value in meta.items():
        assert getattr(cleaned.meta, field) == value, field
    assert kept(cleaned) == BODY
    assert {r.reason for r in cleaned.removed} <= set(REASONS)


def test_title_is_the_headline_sharing_words_with_the_lead() -> None:
    top = [
        "Harbour Daily",
        "Home",
        "News",
        "New ferry terminal to open in spring after foundation dispute",
        "",
        "Schools to close early on Friday",
        "",
        "Weather warning for the coast",
    ]
    cleaned = clean_document(page(top=top))
    assert cleaned.meta.title == "New ferry terminal to open in spring after foundation dispute"
    assert kept(cleaned) == BODY


def test_standfirst_above_byline_and_date() -> None:
    standfirst = "The harbour's long-delayed terminal finally has an opening date, and the town is relieved."
    top = ["New ferry terminal to open in spring"]
    text = "\n".join([*top, "", standfirst, "", "Sarah Mitchell", "Tuesday 4 March 2025", "", *BODY])
    cleaned = clean_document(text)
    assert cleaned.meta.authors == ["Sarah Mitchell"]
    assert cleaned.meta.published == dt.date(2025, 3, 4)
    assert reason_of(cleaned, standfirst) == "standfirst"
    assert kept(cleaned) == BODY


def test_title_repeated_on_page_is_removed_everywhere() -> None:
    title = "New ferry terminal to open in spring"
    cleaned = clean_document(page(top=[title, "", "Site Admin", "", title, "", title]))
    assert cleaned.meta.title == title
    assert kept(cleaned) == BODY
    assert {r.reason for r in cleaned.removed if r.text == title} <= {"title", "duplicate"}


def test_page_without_title() -> None:
    text = "\n".join(BODY)
    cleaned = clean_document(text)
    assert cleaned.meta.title is None
    assert kept(cleaned) == BODY
    assert cleaned.removed == []


def test_copyright_date_is_not_published() -> None:
    cleaned = clean_document(page(top=["New ferry terminal to open in spring"], bottom=["© 2019 Harbour Media"]))
    assert cleaned.meta.published is None


def test_dateline_is_lifted_but_kept() -> None:
    first = "PORTVILLE (Reuters) - " + BODY[0]
    text = "\n".join([first, *BODY[1:]])
    cleaned = clean_document(text)
    assert cleaned.meta.dateline == "PORTVILLE (Reuters)"
    assert kept(cleaned)[0] == first


def test_language() -> None:
    assert clean_document(page()).meta.language == "en"


# --- captions -----------------------------------------------------------------------------------------------


def test_caption_repeating_a_sentence_is_removed() -> None:
    caption = "Officials told reporters that the terminal will handle up to four thousand passengers a day"
    cleaned = clean_document("\n".join([BODY[0], BODY[1], caption, BODY[2], BODY[3]]))
    assert reason_of(cleaned, caption) == "caption"
    assert kept(cleaned) == BODY


def test_caption_that_prefixes_a_credit_line() -> None:
    caption = "The mayor visits the site"
    credit = "The mayor visits the site Photo: Jan Moller / POOL / AFP"
    cleaned = clean_document(page(middle=[caption, "", credit]))
    assert reason_of(cleaned, caption) == "caption"
    assert reason_of(cleaned, credit) == "caption"
    assert kept(cleaned) == BODY


def test_soft_wrapped_line_is_not_a_caption() -> None:
    first = "The harbour authority said on Monday that the new ferry terminal would open in the spring, two"
    second = "years later than first planned, after a dispute over the cost of the foundations was settled."
    text = "\n".join([first, second, BODY[1], BODY[2], BODY[3]])
    cleaned = clean_document(text)
    assert kept(cleaned)[:2] == [first, second]


# --- the contract ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "Home\nNews\nSport\nContact us\n© 2024 Harbour Media",  # only chrome
        "Share\nTweet\nEmail",
        page(top=["Harbour Daily News", "Menu", "Search"], bottom=["Privacy Policy", "Terms of Use"]),
    ],
)
def test_line_structure_is_kept(text: str) -> None:
    cleaned = clean_document(text)
    assert len(cleaned.text.split("\n")) == len(text.split("\n"))
    in_lines, out_lines = text.split("\n"), cleaned.text.split("\n")
    removed = {r.line_number: r for r in cleaned.removed}
    for number, (a, b) in enumerate(zip(in_lines, out_lines, strict=True), start=1):
        if number in removed:
            assert b == "" and removed[number].text == a and a.strip()
            assert removed[number].reason in REASONS
        else:
            assert a == b


def test_hints_fill_missing_metadata() -> None:
    hints = ArticleMeta(
        title="New ferry terminal to open in spring",
        site_name="Harbour Daily",
        authors=["Maria Lopez"],
        published=dt.date(2025, 3, 4),
    )
    text = "\n".join(["New ferry terminal to open in spring", *BODY])
    cleaned = clean_document(text, hints=hints)
    assert cleaned.meta.title == hints.title
    assert cleaned.meta.site_name == "Harbour Daily"
    assert cleaned.meta.authors == ["Maria Lopez"]
    assert cleaned.meta.published == dt.date(2025, 3, 4)
    assert kept(cleaned) == BODY


def test_invisible_lines_count_as_blank() -> None:
    text = "\n".join([BODY[0], "\u200b", BODY[1], "\ufeff", BODY[2], BODY[3]])
    cleaned = clean_document(text)
    assert kept(cleaned) == BODY
    assert [r.line_number for r in cleaned.removed] == [2, 4]
    assert len(cleaned.text.split("\n")) == 6


def test_plain_text_table_in_the_body_is_kept() -> None:
    table = [
        "Pos  Harbour          Ferries  Passengers",
        "1    North Quay       12       40,000",
        "2    Old Pier         8        22,500",
        "3    East Basin       5        9,100",
    ]
    cleaned = clean_document(page(middle=table))
    assert kept(cleaned) == [BODY[0], BODY[1], *table, BODY[2], BODY[3]]


def test_disclaimer_between_legal_lines_is_footer() -> None:
    footer = [
        "Privacy Policy",
        "",
        "The information on these pages is provided for general guidance only and is not professional advice.",
        "",
        "© 2025 Harbour Media Group. All rights reserved.",
    ]
    cleaned = clean_document(page(bottom=footer))
    assert kept(cleaned) == BODY
    assert {r.reason for r in cleaned.removed} == {"legal"}


def test_list_right_below_the_body_is_kept() -> None:
    schedule = [
        "Sailing times",
        "Monday – from the north quay at 7:15",
        "Tuesday – from the old pier at 8:40",
        "Wednesday – from the east basin at 9:05",
    ]
    cleaned = clean_document(page(bottom=schedule))
    assert kept(cleaned) == [*BODY, *schedule]


def test_menu_right_below_the_body_is_not_a_list() -> None:
    menu = ["News", "Sport", "Weather", "Contact"]
    cleaned = clean_document(page(bottom=menu))
    assert kept(cleaned) == BODY


def test_hard_wrapped_article_is_kept_whole() -> None:
    wrapped = textwrap.wrap(BODY[0], 60) + [""] + textwrap.wrap(BODY[1], 60) + [""] + textwrap.wrap(BODY[2], 60)
    text = "\n".join(["Harbour Daily", "New ferry terminal to open in spring", "", *wrapped])
    cleaned = clean_document(text)
    assert cleaned.meta.title == "New ferry terminal to open in spring"
    assert kept(cleaned) == [line for line in wrapped if line]


# --- the seeds: the acceptance expectations for this stage (read from the expectations file) ----------------

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXPECTED = json.loads((Path(__file__).resolve().parents[1] / "seeds_expected.json").read_text(encoding="utf-8"))


def _norm(value: object) -> str | None:
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip().strip(" ,.;:!?\"'")


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_seed_expectations(name: str) -> None:
    expected = EXPECTED["articles"][name]
    cleaned = clean_document((SEEDS / name).read_text(encoding="utf-8"))
    meta = cleaned.meta
    for field in ("title", "site_name", "section", "dateline"):
        if field in expected:
            assert _norm(getattr(meta, field)) == _norm(expected[field]), field
    assert (meta.published.isoformat() if meta.published else None) == expected["published"]
    assert sorted(meta.authors) == sorted(expected["authors"])
    body = " ".join(_norm(line) for line in kept(cleaned))
    for line in expected["removed"]:
        assert _norm(line) not in body, line
    low, _high = expected["paragraphs"]
    assert len(kept(cleaned)) >= low


# --- shortcuts that must not change what the rules find ---------------------------------------------------


def _leading_alternatives(pattern: str) -> list[str]:
    """The literal starts of the alternatives of a pattern's leading group: "(posts|messages?)..." -> posts, message."""
    if not pattern.startswith("("):
        return [pattern]
    depth, end = 1, 0
    while depth:  # find the group's closing parenthesis
        end += 1
        depth += {"(": 1, ")": -1}.get(pattern[end], 0)
    alternatives, depth, current = [], 0, ""
    for char in pattern[1:end]:
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        current += char
    alternatives.append(current)
    return [re.split(r"[\\()\[?*+{.]", a)[0] for a in alternatives]


@pytest.mark.parametrize("pattern", vocab.FORUM_PATTERNS)
def test_forum_leads_cover_every_pattern(pattern: str) -> None:
    for start in _leading_alternatives(pattern):
        assert start.startswith(r"\d") or start.lower().startswith(vocab.FORUM_LEADS), start


def test_case_oddities_cover_every_vocabulary_letter() -> None:
    """Letters IGNORECASE matches to a vocabulary letter that lower() maps elsewhere are all in the regex."""
    tables = (
        vocab.RELATED_PHRASES,
        vocab.LEGAL_PHRASES,
        vocab.STRONG_LEGAL_PHRASES,
        vocab.NEWSLETTER_PHRASES,
        vocab.SIGNUP_PHRASES,
        vocab.PROMO_PHRASES,
        vocab.CREDIT_LABELS,
        vocab.CREDIT_START_LABELS,
        vocab.CAPTION_START_LABELS,
        vocab.MORE_WORDS,
        vocab.MORE_STORIES_FIRST,
        vocab.FORUM_LEADS,
        vocab.COMMENTER_VERBS,
    )
    letters = {c for table in tables for phrase in table for c in phrase.lower() if c.isalpha()}
    for code in range(0x30000):
        char = chr(code)
        if not {char.lower(), char.upper().lower(), char.casefold()} & letters:
            continue  # no case relation to a vocabulary letter
        for letter in letters - {char.lower()}:
            if re.fullmatch(re.escape(letter), char, re.IGNORECASE):
                assert clean._CASE_ODDITIES_RE.match(char), (hex(code), letter)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Daily News",
        "Straße und Brücke: die Stadt plant ÄNDERUNGEN",  # ß: case folding differs from lower-casing
        "ΟΔΟΣ ΣΤΗΝ ΠΟΛΗ",  # final sigma
        "İstanbul limanı yeniden açıldı",  # İ lower-cases to two characters
        "Read the report at https://Example.com/Report_2024 or www.example.org today",
        "关于港口的新闻报道。",
        "12_000 passengers a day",
    ],
)
def test_line_key_and_words(line: str) -> None:
    """The key is the case-folded words joined by single spaces; words and stop words are counted as tokens."""
    features = clean._features(0, line, OPTS)
    assert features.key == re.sub(r"\W+", " ", line.casefold()).strip()
    tokens = [t.lower() for t in re.findall(r"\w+", re.sub(r"(?i)\b(?:https?://|www\.)\S+", " ", line))]
    assert features.words >= len(tokens)
    if tokens and features.stop_ratio != 1.0:
        assert features.stop_ratio == sum(t in vocab.STOPWORDS for t in tokens) / len(tokens)


def test_ascii_tokens_are_the_word_regex_tokens() -> None:
    """An ASCII line's tokens by byte translation are ``\\w+``'s, whatever ASCII characters stand between."""
    ascii_chars = "".join(map(chr, range(128)))
    for line in (ascii_chars, ascii_chars[::-1], "a\x1fb\x0bc_d  9-to-5 e.g. O'Neil", "", "  "):
        assert line.encode().translate(clean._ASCII_WORD_BYTES).decode().split() == re.findall(r"\w+", line)


def test_a_line_with_typographic_punctuation_has_the_word_regex_tokens() -> None:
    """Such a line takes the ASCII way once its punctuation is spaces: the same words."""
    for line in (
        "“It’s done,” she said — twice – in 2024…",
        "«Oui» • ©\xa0Le Monde ―\u2212 ‘x’",
        "naïve café “quoted” — não",  # letters beyond ASCII stay: the regex reads the line
        "Visit www.example.com/a’s “page” — now",
    ):
        features = clean._features(0, line, OPTS)
        tokens = re.findall(r"\w+", re.sub(r"\b(?:https?://|www\.)\S+", " ", line.lower()))
        assert (features.words, features.key) == (len(tokens), " ".join(re.findall(r"\w+", line.casefold())))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Beiträge: 1.234", "forum"),
        ("Registriert2019-03-01", "forum"),
        ("12 replies to this topic", "forum"),
        ("joetoronto says:", "comments"),
        ("Anna a écrit :", "comments"),
        ("34 responses to “Ferry delayed again”", "comments"),
        ("3Read more", "related"),
        ("» Lesen Sie auch", "related"),
        ("More World", "related"),
        ("Other news in this section", "related"),
        ("© 2024 Harbour Daily. All rights reserved.", "legal"),
        ("(c) 2024 Harbour Daily", "legal"),
        ("Image copyright Getty Images", "credit"),
        ("Image caption The pier at dawn", "caption"),
        ("The pier at dawn — AFP", "credit"),
        ("The pier at dawn, Getty Images )", "credit"),
        ("Pictures at www.harbour-daily.example/AFP", "credit"),  # the URL's words are not tokens
    ],
)
def test_rules_with_and_without_shortcuts(line: str, reason: str) -> None:
    """The lower-case prefix and substring checks only skip regexes that would not match."""
    features = clean._features(0, line, OPTS)
    tokens = [t.lower() for t in re.findall(r"\w+", re.sub(r"(?i)\b(?:https?://|www\.)\S+", " ", line))]
    for low in (line.lower(), None):  # None: every regex runs
        got = clean._rule_reason(line, features.key, features.words, features.terminal, False, tokens, low, OPTS)
        assert got == reason


@pytest.mark.parametrize("agency", vocab.CREDIT_AGENCIES)
def test_agency_last_words_cover_every_agency(agency: str) -> None:
    # agencies are printed in capitals, names longer than three letters also in title case
    for name in (agency.upper(), agency.title()) if len(agency) > 3 else (agency.upper(),):
        assert clean._features(0, f"The pier at dawn, {name}", OPTS).rule == "credit", name


def test_share_triggers_are_words() -> None:
    """The share rule checks for a trigger among all tokens, counters included: no trigger is a number."""
    assert not any(t.isdigit() for t in vocab.SHARE_TRIGGERS)


def test_line_features_are_cached_per_line_not_per_occurrence() -> None:
    clean._cached_facts(OPTS).cache_clear()
    first = clean._features(0, "Share on Facebook", OPTS)
    first.rule = None  # the body passes change a line's rule and prose
    again = clean._features(7, "Share on Facebook", OPTS)
    assert (again.index, again.rule) == (7, "share")
    assert clean._cached_facts(OPTS).cache_info().hits == 1
    clean._features(0, " ".join(["word"] * clean.CACHED_LINE_CHARS), OPTS)  # a paragraph is not kept
    assert clean._cached_facts(OPTS).cache_info().currsize == 1


def test_letters_that_ignorecase_folds_turn_the_shortcuts_off() -> None:
    # the long s matches "s" in the rule's regex but lower() keeps it: the line is read without shortcuts
    line = "joetoronto ſays:"
    assert clean._CASE_ODDITIES_RE.search(line)
    assert reason_of(clean_document(page(middle=[line])), line) == "comments"


@pytest.mark.parametrize(
    ("line", "terminal"),
    [
        ("The ferry left.", True),
        ("“We will wait,” she said.”", True),
        ("Will it open? »", False),  # a space between the question mark and the quote
        ("Will it open?»\u2003", True),  # trailing whitespace of any kind
        ("Key points:", True),
        ("(Reuters)", False),
        ("Harbour news", False),
        ("港口今天开放。", True),
    ],
)
def test_terminal_punctuation(line: str, terminal: bool) -> None:
    assert clean._features(0, line, OPTS).terminal is terminal


def test_clean_page_cleans_without_the_chrome_lines_and_reports_them():
    text = "Home | News | Sport\nThe council voted on Tuesday to close the old harbour bridge for repairs.\nShare this"
    page = clean.clean_page(text, [1])
    assert page.text.split("\n") == ["", clean.clean_document(text.split("\n", 1)[1]).text.split("\n")[0], ""]
    assert [(r.line_number, r.reason) for r in page.removed][0] == (1, "html_chrome")
    assert [r.line_number for r in page.removed] == sorted(r.line_number for r in page.removed)
    assert {r.line_number for r in page.removed} == {1, 3}  # "Share this" removed by the clean rules
    assert clean.clean_page(text, []).text == clean.clean_document(text).text
