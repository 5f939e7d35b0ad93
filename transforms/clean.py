"""Line-by-line removal of page chrome, with a named reason for every removed line.

``clean_document`` keeps the input's line structure: a removed line becomes an
empty line, so line i of the output is line i of the input or blank. Every pass
is linear in the number of lines:

1. **Rules.** Each line is matched against the vocabularies of
   ``transforms.chrome_vocab`` (share bars, forum headers, photo credits and
   captions, related links, menus, legal footers, cookie banners, comment
   headers, ads, newsletter prompts). Lines between two legal lines are footer.
2. **Main block.** Every line gets a score: running prose (enough words, terminal
   punctuation, function words of some language) scores its word count minus an
   offset, other lines a small penalty, rule-matched chrome and lone person
   names (teaser authors) a larger one; a prose line alone between non-prose
   lines (a teaser summary under its headline) keeps half its words; plain-text
   table rows score a little. The contiguous run with the highest total
   (Kadane's maximum subarray) is the article body; the gaps it bridges are its
   subheadings, captions and ads. The body stops at a comment header below
   enough prose, and before a trailing list of links under a related/newsletter
   header. Text already extracted by trafilatura (``hints`` given) is kept whole
   down to those two cuts.
3. **Header.** Above the body: the title (the headline sharing most words with
   the first paragraphs, else the nearest title-shaped line), bylines and date
   lines between it and the body (or under a standfirst), then a site name or
   section when the title is the page's second line.
4. **Inside the body.** Rule-matched lines, lines repeated elsewhere on the page,
   captions (a line that prefixes a credit line, or repeats a long run of a
   neighbouring sentence without its full stop) and headlines on consecutive
   lines (links) are removed; everything else stays, including subheadings.

Speed: a line's features are a function of the line alone and cached (menus, share bars and footers
repeat across a site's pages); each line is tokenised once (lower-cased, for the stop words, the rule
gates and the repetition key); a phrase rule's regex runs only when the lower-cased line holds, or starts
with, a phrase of its vocabulary (such regexes are slow to fail: hundreds of case-insensitive
alternatives), or when the tokens it needs are there.

The tuned numbers below were chosen on the 80 aeb-dev pages with
``benchmarks/eval.py`` (each moved one step either way in a grid;
the ones marked sensitive lose 0.5-2 F1 points a step) and checked on the seeds.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass
from functools import cached_property, lru_cache, partial

from transforms import chrome_vocab as vocab
from transforms import metadata as md
from transforms.prose import ProseOptions, space_punctuation
from transforms.records import ArticleMeta, Cleaned, RemovedLine

REASONS: tuple[str, ...] = (
    "title",  # the article's headline (lifted into meta.title)
    "site_name",  # the publication's name above the title (meta.site_name)
    "section",  # the section/category label above the title (meta.section)
    "byline",  # author line (meta.authors)
    "standfirst",  # summary or lead-photo caption between the title and the byline
    "date",  # publication date line (meta.published)
    "share",  # share / social buttons
    "forum",  # forum software: poster info, post counters, reply and back links
    "caption",  # photo caption
    "credit",  # photo credit, agency source line
    "related",  # related-article links and teasers
    "navigation",  # menus, breadcrumbs, pagination, login links
    "comments",  # comment section headers and everything below them
    "legal",  # copyright, privacy and terms footers
    "cookie",  # cookie / consent banners
    "advertisement",  # ad labels
    "newsletter",  # newsletter and subscription prompts
    "duplicate",  # a line repeated elsewhere on the page
    "chrome",  # other page furniture outside the article body
    "html_chrome",  # a line of an HTML page that the HTML extractor left out of the article (flows.stages.clean)
)

# --- tuned numbers -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanOptions:
    """The clean stage's tuned numbers (see the module's docstring for how they were chosen). The
    pipeline passes ``Settings.clean``; a test or a user may pass other values."""

    # A line of prose: at least this many words with terminal punctuation ...
    prose_min_words: int = 5
    # ... or this many without (paragraphs cut before their full stop, run-in quotes).
    prose_min_words_unpunctuated: int = 15
    # Share of function words below which a line is not prose (teaser headlines, menus, credits have ~0).
    prose_min_stop_ratio: float = 0.08
    # Score of a line that is neither prose nor known chrome: headings, menu items, names (grid 3/5/7).
    short_penalty: float = 5.0
    # Score of a plain-text table row (cells separated by runs of spaces): tables in the body are content.
    table_row_score: float = 2.0
    # Score of a line matched by a chrome rule: the body bridges a caption or an ad label, not a menu
    # (grid 6/10/15; sensitive).
    rule_penalty: float = 10.0
    # A prose line counts its words up to this cap, so one huge footer paragraph cannot outweigh an article.
    prose_score_cap: int = 120
    # Lines longer than this are article paragraphs: no rule looks at them (cookie banners and legal footers
    # that long are left to the main-block selection).
    long_line_chars: int = 400
    # Lines longer than this are never matched by the phrase rules (they are sentences that mention a word).
    short_line_chars: int = 100
    # Non-blank lines above the body searched for the title, byline and date.
    header_window: int = 8
    # Non-blank lines above the body searched for a headline that shares words with the first paragraphs ...
    title_window: int = 25
    # ... the first this-many prose lines of the body ...
    title_body_lines: int = 3
    # ... sharing at least this share of the headline's content words; such a headline has at least
    # title_min_words words (two-word lines sharing words with the lead are menu items: "Black Friday").
    title_min_words: int = 4
    title_min_overlap: float = 0.3
    # Non-blank lines at the top of the body searched for a byline or date under a standfirst.
    body_header_window: int = 4
    # At most this many lines above a byline/date line at the top of the body are its standfirst.
    standfirst_max_lines: int = 2
    # A title has 2..title_max_words words; longer lines above the body are standfirsts or teasers.
    title_max_words: int = 30
    # A caption repeats a run of at least this many words of a neighbouring line ...
    caption_min_run: int = 8
    # ... covering at least this share of its own words, within this many lines.
    caption_min_cover: float = 0.6
    caption_window: int = 3
    # A line of at least this many words ending mid-sentence in "..." is a teaser cut short.
    truncated_min_words: int = 8
    # An all-capitals line of at least this many words is a link to another story ("SEAN SPICER ELIMINATED ...").
    caps_link_min_words: int = 6
    # Prose scores its words minus this: one-sentence teaser summaries (10-20 words) barely count, article
    # paragraphs (30-80 words) do (grid 4/6/8 with short_penalty 3/5/7: 6 and 5 best, flat within 0.005).
    prose_offset: int = 6
    # Share of its words an isolated prose line (non-prose lines on both sides) scores (grid 0.4/0.5/0.7;
    # sensitive: teaser lists are headline/summary pairs, but so are articles with many subheadings).
    isolated_prose_factor: float = 0.5
    # A trailing list (related links, newsletter box) holds at most this share of the body's prose words ...
    tail_max_share: float = 0.25
    # ... where headlines (non-prose lines) make up at least a third of the lines (teaser: headline + summary).
    tail_headline_ratio: int = 2
    # ... of at least this many lines, header included (an app promo above two closing sentences is no list).
    tail_min_lines: int = 4
    # The comment section starts at a comment header once this much prose (score) lies above it.
    comments_min_article_score: int = 40
    # Headlines on this many consecutive lines inside the body are links to other stories, not subheadings ...
    headline_run_min: int = 2
    # ... a headline having at least this many words, and this share of its words of 4+ letters capitalised.
    headline_min_words: int = 4
    headline_caps_share: float = 0.7
    # A list right below the body has at least this many items of at least this many words each.
    list_min_items: int = 3
    list_item_min_words: int = 3
    # ... of which at most this share look like headlines (more: it is a list of links to other stories).
    list_max_headline_share: float = 0.5
    # At most this many lines between two legal lines are part of the footer (disclaimers).
    footer_max_lines: int = 4
    # A site name above the title has at most this many words.
    site_name_max_words: int = 6
    # What is left must read as a body (a sentence; not a menu bar or a lone heading), else the page
    # is rejected as no_content (transforms.prose.has_body).
    body: ProseOptions = ProseOptions()

    # Options are part of the line cache's key: hashed once, not field by field on every lookup.
    def __hash__(self) -> int:
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash(astuple(self))


DEFAULTS = CleanOptions()


# --- compiled rules ----------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# An ASCII line's bytes with every non-word character (what ``\w`` does not match) turned into a space: the
# ``split()`` of its text is its ``_TOKEN_RE.findall``, at a third of the cost (most lines are ASCII).
_ASCII_WORD_BYTES = bytes(c if re.match(r"\w", chr(c)) else 0x20 for c in range(256))
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# terminal punctuation at the end of a line, maybe followed by closing quotes and brackets, then spaces
_TERMINAL_CHARS = ".!?…。！？:;"
_CLOSING_CHARS = "\"'”’»)]"
_SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
_NO_LETTER_RE = re.compile(r"^[\W\d_]*$", re.UNICODE)
_NORM_RE = re.compile(r"\W+", re.UNICODE)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
_TITLE_SPLIT_RE = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
# three or more cells separated by runs of spaces (so a line without two spaces in a row is no row)
_TABLE_ROW_RE = re.compile(r"\S {2,}\S.* {2,}\S")
_NAME_SHAPE_RE = re.compile(r"^[A-ZÀ-Þ][\w'’.-]+(?:,? [A-ZÀ-Þ][\w'’.-]+){1,3}$")
# whitespace plus zero-width and format characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen)
_INVISIBLE = " \t\r\f\v\xa0\u200b\u200c\u200d\u2060\ufeff\u00ad\u3000"
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


def _alt(phrases: tuple[str, ...]) -> str:
    # phrases may hold regex fragments (\\d+); plain words are escaped where they contain specials
    def esc(p: str) -> str:
        return p if "\\" in p else re.escape(p)

    return "|".join(esc(p) for p in sorted(phrases, key=len, reverse=True))


_FORUM_RE = re.compile("|".join(f"(?:{p})" for p in vocab.FORUM_PATTERNS), re.IGNORECASE)
# Whole-line phrases, looked up after casefolding and turning digits and punctuation into spaces
# ("12 Comments" -> "comments", "Image 3 of 12" -> "image of"); later tables win over earlier ones.
_PHRASE_KEY_RE = re.compile(r"[\W\d_]+", re.UNICODE)
_DIGIT_OR_UNDERSCORE_RE = re.compile(r"[\d_]")
_WHOLE_LINE: dict[str, str] = {}
for _reason, _phrases in (
    ("navigation", vocab.NAVIGATION_PHRASES),
    ("related", vocab.RELATED_PHRASES),
    ("advertisement", vocab.ADVERT_PHRASES),
    ("caption", vocab.CAPTION_PHRASES),
    ("legal", tuple(p for p in vocab.LEGAL_PHRASES if "\\" not in p)),
    ("comments", vocab.COMMENTS_PHRASES),
):
    for _phrase in _phrases:
        _key = _PHRASE_KEY_RE.sub(" ", _phrase.casefold()).strip()
        if _key:
            _WHOLE_LINE[_key] = _reason
_EDGE = r"[\s\W\d]*"
# line-start phrases (short lines only)
_RELATED_RE = re.compile(rf"^{_EDGE}(?:{_alt(vocab.RELATED_PHRASES)})(?:\W|$)", re.IGNORECASE)
_NEWSLETTER_RE = re.compile(
    rf"(?:^|\W)(?:{_alt(vocab.NEWSLETTER_PHRASES)})(?:\W|$)"
    rf"|^\W*(?:{_alt(vocab.SIGNUP_PHRASES)})\b.{{0,25}}\b(?:{_alt(vocab.SIGNUP_OBJECTS)})\b",
    re.IGNORECASE,
)
_LEGAL_RE = re.compile(rf"(?:^|\W)(?:{_alt(vocab.LEGAL_PHRASES)})(?:\W|$)", re.IGNORECASE)
_STRONG_LEGAL_RE = re.compile(rf"©|\b(?:{_alt(vocab.STRONG_LEGAL_PHRASES)})\b", re.IGNORECASE)
_COOKIE_RE = re.compile(rf"\b(?:{_alt(vocab.COOKIE_WORDS)})\b", re.IGNORECASE)
# a sentence about cookies is a banner when it also speaks of using, accepting or browsing
_COOKIE_BANNER_RE = re.compile(rf"\b(?:{_alt(vocab.COOKIE_BANNER_WORDS)})", re.IGNORECASE)
# credits: "... Photo: Mikhail Metzel / POOL / AFP", "Pic: AP", "(Foto: dpa)", "EPA/NAME / MANDATORY CREDIT"
_CREDIT_LABEL_RE = re.compile(
    rf"(?:^|[\s(\[|])(?:{_alt(vocab.CREDIT_LABELS)})\s*:\s*(?P<tail>[^:]{{1,80}})$", re.IGNORECASE
)
_AGENCY_ALT = _alt(vocab.CREDIT_AGENCIES)
# agency names as printed in credits: "AFP", "Reuters", "Getty Images" (case-sensitive: "(ePA)" is no agency)
_AGENCY_CASED_ALT = _alt(
    tuple({a.upper() for a in vocab.CREDIT_AGENCIES} | {a.title() for a in vocab.CREDIT_AGENCIES if len(a) > 3})
)
_CREDIT_AGENCY_END_RE = re.compile(rf"(?:/|\||—|–|\s-|,|\()\s*(?:{_AGENCY_CASED_ALT})\s*\)?\s*\.?$")
_CREDIT_SLASH_RE = re.compile(rf"^(?:{_AGENCY_ALT})\s*/|mandatory credit|\bvia getty images\b", re.IGNORECASE)
_SOURCE_RE = re.compile(rf"^\s*(?:{_alt(vocab.SOURCE_LABELS)})\s*:", re.IGNORECASE)
_IMAGE_COUNTER_RE = re.compile(r"^\s*\d+\s*(?:/|of|von|de|di|van|z|из)\s*\d+\s*$", re.IGNORECASE)
# "34 responses to “Title”", "12 thoughts on ...": the head of a comment section
_COMMENT_COUNT_RE = re.compile(rf"^\W*\d+\s+(?:{_alt(vocab.COMMENT_COUNT_WORDS)})\b", re.IGNORECASE)
# "joetoronto says:", "Anna schreibt:" -- a commenter's name line
_COMMENTER_RE = re.compile(rf"^\S+(?:\s\S+){{0,3}}\s+(?:{_alt(vocab.COMMENTER_VERBS)})\s*:?\s*$", re.IGNORECASE)
# "2 days ago", "1H ago", "vor 3 Stunden": relative timestamps of teasers and comments
_RELATIVE_TIME_RE = re.compile(
    rf"(?:^|\s)(?:\d+\s*\w{{0,8}}\s+(?:{_alt(vocab.AGO_WORDS)})|(?:{_alt(vocab.AGO_WORDS)})\s+\d+\s*\w+)\b",
    re.IGNORECASE,
)
# A teaser cut off mid-sentence: "... may soon..." (a word directly followed by an ellipsis at the end)
_TRUNCATED_RE = re.compile(r"\w,?(?:\.\.\.|…)\s*$")
# "Hong Kong protests [VIDEO]", "Minister resigns [PICS]": a link to another story
_TAGGED_LINK_RE = re.compile(r"^\w.{8,}\[[A-Z][A-Z ]{2,15}\]\W*$")
# "Image caption ...", "Photo: ..." at the start of a line: a caption with its label
_CAPTION_START_RE = re.compile(rf"^(?:{_alt(vocab.CAPTION_START_LABELS)})(?:\s|$)", re.IGNORECASE)
# "Image copyright Getty Images", "Photo credit: NAME"
_CREDIT_START_RE = re.compile(rf"^(?:{_alt(vocab.CREDIT_START_LABELS)})\b", re.IGNORECASE)
# "More Great WIRED Stories", "Other news in this section", "Weitere Artikel"
_MORE_STORIES_RE = re.compile(
    rf"^(?:{_alt(vocab.MORE_STORIES_FIRST)})\b.{{0,40}}\b(?:{_alt(vocab.MORE_STORIES_NOUNS)})\s*:?$",
    re.IGNORECASE,
)
# promotions in full sentences: "Subscribe to our ...", "No spam, we promise."
_PROMO_RE = re.compile(rf"\b(?:{_alt(vocab.PROMO_PHRASES)})\b", re.IGNORECASE)
# "More World", "More Politics": the head of a list of related links
_MORE_HEAD_RE = re.compile(rf"^(?:{_alt(vocab.MORE_WORDS)})\s+\S+(?:\s+\S+)?\s*$", re.IGNORECASE)


def _first_words(*tables: tuple[str, ...]) -> frozenset[str]:
    """The first word of every phrase: a line without any of them cannot match the phrases' regex."""
    return frozenset(
        _TOKEN_RE.findall(p.casefold())[0] for table in tables for p in table if _TOKEN_RE.findall(p.casefold())
    )


def _needles(*tables: tuple[str, ...]) -> tuple[str, ...]:
    """The lower-case text every phrase spells: a line whose lower-cased text holds none cannot match.

    A phrase with regex fragments ("\\(c\\) \\d{4}") spells its literal text before the first class ("(c) ").
    """
    return tuple(sorted({re.split(r"\\[a-zA-Z]", p)[0].replace("\\", "").lower() for table in tables for p in table}))


def _by_first_char(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Prefixes grouped by their first character: ``low.startswith(groups.get(low[:1], ()))`` compares a line
    only with the prefixes of its first letter."""
    groups: dict[str, tuple[str, ...]] = {}
    for prefix in prefixes:
        if not prefix:
            raise ValueError("an empty prefix would match every line")
        groups[prefix[0]] = (*groups.get(prefix[0], ()), prefix)
    return groups


def _starts_with(low: str, prefixes: dict[str, tuple[str, ...]], pos: int) -> bool:
    """Does ``low`` have one of the grouped ``prefixes`` at ``pos``?"""
    return low.startswith(prefixes.get(low[pos : pos + 1], ()), pos)


# Letters that IGNORECASE matches to a letter of the vocabularies although lower() maps them elsewhere: dotted
# and dotless i, long s, old Cyrillic letter forms. On a line holding one, the lower-case substring and prefix
# checks below are off (every regex runs): they assume that the regexes compare lower-cased letters.
_CASE_ODDITIES_RE = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88]")
_NETWORKS = vocab.NETWORK_NAMES
_CREDIT_SLASH_WORDS = frozenset({"mandatory", "credit", "getty", "via"})
_AGENCY_LAST_WORDS = frozenset(_TOKEN_RE.findall(agency)[-1] for agency in vocab.CREDIT_AGENCIES)
_COOKIE_WORDS = _first_words(vocab.COOKIE_WORDS)
_STRONG_LEGAL_WORDS = _first_words(vocab.STRONG_LEGAL_PHRASES)
_LEGAL_WORDS = _first_words(vocab.LEGAL_PHRASES)
_NEWSLETTER_WORDS = _first_words(vocab.NEWSLETTER_PHRASES, vocab.SIGNUP_PHRASES, vocab.PROMO_PHRASES)
_AGO_WORDS = _first_words(vocab.AGO_WORDS)
# what the phrase rules need to find in the lower-cased line (substrings) or at its start (prefixes)
_STRONG_LEGAL_NEEDLES = ("©", *_needles(vocab.STRONG_LEGAL_PHRASES))
_LEGAL_NEEDLES = _needles(vocab.LEGAL_PHRASES)
_PROMO_NEEDLES = _needles(vocab.PROMO_PHRASES)
_NEWSLETTER_NEEDLES = _needles(vocab.NEWSLETTER_PHRASES, vocab.SIGNUP_PHRASES)
_CREDIT_LABEL_NEEDLES = _needles(vocab.CREDIT_LABELS)
_CREDIT_START_PREFIXES = _by_first_char(_needles(vocab.CREDIT_START_LABELS))
_CAPTION_START_PREFIXES = _by_first_char(_needles(vocab.CAPTION_START_LABELS))
_RELATED_PREFIXES = _by_first_char(_needles(vocab.RELATED_PHRASES))
_MORE_HEAD_PREFIXES = _by_first_char(_needles(vocab.MORE_WORDS))
_MORE_STORIES_PREFIXES = _by_first_char(_needles(vocab.MORE_STORIES_FIRST))
_FORUM_PREFIXES = _by_first_char(vocab.FORUM_LEADS)
# a commenter's line ends with the last word of its verb ("wrote", "a écrit")
_COMMENTER_LAST_WORDS = frozenset(v.split()[-1] for v in vocab.COMMENTER_VERBS)
# every word a rule of _rule_reason looks for among a line's tokens
_RULE_WORDS = frozenset().union(
    vocab.SHARE_TRIGGERS,
    _NETWORKS,
    _CREDIT_SLASH_WORDS,
    _COOKIE_WORDS,
    _STRONG_LEGAL_WORDS,
    _AGO_WORDS,
    _LEGAL_WORDS,
    _NEWSLETTER_WORDS,
)
# what RELATED_PHRASES may stand behind at the start of a line ("1. Read more", "» Related")
_LEADING_NON_LETTERS_RE = re.compile(r"[\s\W\d]*")

# reasons a rule may give; "comments" is also a barrier for the body
_BARRIER_REASONS = frozenset({"comments"})
# reasons that may head the trailing list of links below an article
_TAIL_REASONS = frozenset({"related", "newsletter", "comments", "share"})


# Line features are cached for this many distinct lines of at most CACHED_LINE_CHARS characters (chrome
# repeats across a site's pages; paragraphs rarely do), so the cache of a set of options holds at most 16 M
# characters.
LINE_CACHE_SIZE = 16_384
CACHED_LINE_CHARS = 1_000


@dataclass(slots=True)
class _Line:
    """Features of one non-blank input line."""

    index: int  # 0-based
    text: str  # stripped
    key: str  # normalised for repetition checks
    words: int
    stop_ratio: float
    terminal: bool
    prose: bool
    rule: str | None
    grams: set[tuple[str, ...]] | None = None  # runs of caption_min_run words, see _grams


def _grams(line: _Line, run: int) -> set[tuple[str, ...]]:
    """The line's runs of ``run`` consecutive words, computed once (a paragraph has several neighbours)."""
    if line.grams is None:
        toks = line.key.split()
        line.grams = {tuple(toks[i : i + run]) for i in range(len(toks) - run + 1)}
    return line.grams


def _features(index: int, text: str, opts: CleanOptions, cached: Callable | None = None) -> _Line:
    """Features of one line, stripped of ``_INVISIBLE`` characters and not empty; ``cached``: the
    options' ``_cached_facts``, when the caller looked it up once for many lines."""
    # a longer line is a paragraph: computed, not cached
    if len(text) > CACHED_LINE_CHARS:
        return _Line(index, text, *_line_facts(text, opts))
    return _Line(index, text, *(cached or _cached_facts(opts))(text))


@lru_cache(maxsize=4)
def _cached_facts(opts: CleanOptions) -> Callable[[str], tuple[str, int, float, bool, bool, str | None]]:
    """``_line_facts`` with these options, cached by the line alone (LINE_CACHE_SIZE lines per set of options;
    a pipeline run has one): menus, share bars, footers and bylines repeat on every page of a site, and a
    page's lines are half of the clean stage's time. Keyed by the text alone, a lookup hashes no options."""
    return lru_cache(maxsize=LINE_CACHE_SIZE)(partial(_line_facts, opts=opts))


def _line_facts(text: str, opts: CleanOptions) -> tuple[str, int, float, bool, bool, str | None]:
    """``key, words, stop_ratio, terminal, prose, rule`` of a stripped line (see ``_Line``): a function of the
    line alone (see ``_cached_facts``)."""
    low = text.lower()
    has_url = "/" in text or "www" in text
    # Lower-case word tokens. lower() maps every character but "İ" to one character of the same class
    # (word, space, digit), so the tokens of the lower-cased line are the lower-cased tokens: one pass. (A
    # Greek final sigma may come out as σ rather than ς or back: no vocabulary word has a sigma.)
    one_to_one = len(low) == len(text)
    # an ASCII line (most lines) has no CJK character to count and none of the letters of _CASE_ODDITIES_RE
    ascii_line = text.isascii()
    if ascii_line:
        tokens = (_URL_RE.sub(" ", low) if has_url else low).encode().translate(_ASCII_WORD_BYTES).decode().split()
    elif one_to_one:
        source = _URL_RE.sub(" ", low) if has_url else low
        # most other lines are ASCII but for typographic punctuation (curly quotes, dashes): those are no word
        # characters, so as spaces they leave the same tokens, and the line may take the ASCII way
        spaced = space_punctuation(source)
        if spaced.isascii():
            tokens = spaced.encode().translate(_ASCII_WORD_BYTES).decode().split()
        else:
            tokens = _TOKEN_RE.findall(source)
    else:
        tokens = [t.lower() for t in _TOKEN_RE.findall(_URL_RE.sub(" ", text) if has_url else text)]
    n_cjk = 0 if ascii_line else len(_CJK_RE.findall(text))
    words = len(tokens) + n_cjk // 2 if n_cjk else len(tokens)
    stops = sum(map(vocab.STOPWORDS.__contains__, tokens))
    stop_ratio = stops / len(tokens) if tokens else 0.0
    ending = text.rstrip().rstrip(_CLOSING_CHARS)
    terminal = ending != "" and ending[-1] in _TERMINAL_CHARS
    cjk = n_cjk * 3 > len(text)
    if cjk:  # CJK: no spaces, no stop-word list; punctuation and length decide
        stop_ratio = 1.0
    if cjk and not terminal:
        prose = False
    elif terminal:
        prose = words >= opts.prose_min_words and stop_ratio >= opts.prose_min_stop_ratio
    else:
        prose = words >= opts.prose_min_words_unpunctuated and stop_ratio >= 2 * opts.prose_min_stop_ratio
    # the key is the case-folded tokens joined by single spaces (what _NORM_RE leaves of the line); without
    # URLs and with case folding equal to lower-casing (no "ß", no final sigma) those are ``tokens``
    folded = low if ascii_line else text.casefold()
    key = " ".join(tokens if one_to_one and not has_url and folded == low else _TOKEN_RE.findall(folded))
    plain_case = ascii_line or _CASE_ODDITIES_RE.search(text) is None
    rule = _rule_reason(text, key, words, terminal, prose, tokens, low if plain_case else None, opts)
    return key, words, stop_ratio, terminal, prose and rule is None, rule


def _rule_reason(
    text: str,
    key: str,
    n_words: int,
    terminal: bool,
    prose: bool,
    tokens: list[str],
    low: str | None,
    opts: CleanOptions,
) -> str | None:
    """The chrome rule a line with these features (see ``_Line``) matches, or None. Phrase rules only look at
    short lines.

    ``tokens`` are the line's lower-cased word tokens; a regex runs only when a token it needs is present.
    ``low`` is the lower-cased line (None on lines with ``_CASE_ODDITIES_RE`` letters): a phrase regex runs
    only when ``low`` holds, or starts with, what the regex needs.
    """
    n_chars = len(text)
    if text.endswith(("...", "…")) and n_words >= opts.truncated_min_words and _TRUNCATED_RE.search(text):
        return "related"
    # a credit label near the end: "... Photo: NAME / AGENCY" (the label and its tail fit in the last 120)
    m = (
        _CREDIT_LABEL_RE.search(text, max(0, n_chars - 120))
        if ":" in text[-120:] and (low is None or _holds(low[-121:], _CREDIT_LABEL_NEEDLES))
        else None
    )
    if m and len(m["tail"].split()) <= 10 and not _SENTENCE_END_RE.search(m["tail"].rstrip(".") + "x"):
        if m.start() > 0 and len(text[: m.start()].split()) >= 3:
            return "caption"  # "The mayor at the site. Photo: NAME"
        return "caption" if m.start() == 0 and len(m["tail"].split()) >= 5 else "credit"
    if n_chars > opts.long_line_chars:  # a long paragraph: no other chrome rule applies
        return None
    # the line's words that some rule looks for: each rule's ``token_set & WORDS`` below is ``set(tokens) & WORDS``
    # (all those vocabularies are in _RULE_WORDS), from one pass over the tokens and without a set of them all
    token_set = _RULE_WORDS.intersection(tokens)
    if (low is None or low.startswith(_CREDIT_START_PREFIXES.get(low[:1], ()))) and _CREDIT_START_RE.match(text):
        return "credit"
    if (low is None or low.startswith(_CAPTION_START_PREFIXES.get(low[:1], ()))) and _CAPTION_START_RE.match(text):
        return "caption"
    if _IMAGE_COUNTER_RE.match(text):
        return "caption"
    if not n_words or _NO_LETTER_RE.match(text):
        return "navigation" if n_chars < opts.short_line_chars else None
    short = n_chars <= opts.short_line_chars
    # a share bar: share words and digits (counters) only, with a trigger word (no trigger is a number)
    if (
        short
        and not vocab.SHARE_TRIGGERS.isdisjoint(token_set)
        and vocab.SHARE_WORDS.issuperset([t for t in tokens if not t.isdigit()])
    ):
        return "share"
    if n_chars <= 2 * opts.short_line_chars and len(token_set & _NETWORKS) >= 2:
        return "share"  # "Follow us on Instagram, Facebook and Twitter."
    if short:
        # the phrase key is the line's key less digits and underscores (the key has no other non-letters)
        phrase_key = _PHRASE_KEY_RE.sub(" ", key).strip() if _DIGIT_OR_UNDERSCORE_RE.search(key) else key
        reason = _WHOLE_LINE.get(phrase_key)
        if reason is not None:
            return reason
        maybe_forum = low is None or low.startswith(_FORUM_PREFIXES.get(low[:1], ())) or low[0].isdecimal()
        if maybe_forum and _FORUM_RE.match(text):
            return "forum"
        if ("/" in text or token_set & _CREDIT_SLASH_WORDS) and _CREDIT_SLASH_RE.search(text):
            return "credit"
        if ":" in text and _SOURCE_RE.match(text):
            return "credit"
    if (
        n_chars <= 3 * opts.short_line_chars
        and not terminal
        # the line ends in an agency's name (the tokens lack a URL's words: "/" or "www" runs the regex)
        and ((tokens and tokens[-1] in _AGENCY_LAST_WORDS) or "/" in text or "www" in text)
        and _CREDIT_AGENCY_END_RE.search(text, n_chars - 40)
    ):
        return "credit"
    if token_set & _COOKIE_WORDS and (short or _COOKIE_BANNER_RE.search(text)):
        return "cookie"
    strong_legal = "©" in text or bool(token_set & _STRONG_LEGAL_WORDS)
    if not short:
        if strong_legal and (low is None or _holds(low, _STRONG_LEGAL_NEEDLES)) and _STRONG_LEGAL_RE.search(text):
            return "legal"
        return None
    if tokens and tokens[0].isdecimal() and _COMMENT_COUNT_RE.match(text):
        return "comments"  # "34 responses to ..."
    if tokens and (low is None or tokens[-1] in _COMMENTER_LAST_WORDS) and _COMMENTER_RE.match(text):
        return "comments"  # "joetoronto says:"
    if n_words <= 8 and token_set & _AGO_WORDS and _RELATIVE_TIME_RE.search(text):
        return "chrome"
    if (
        ((low is None or low.startswith(_MORE_HEAD_PREFIXES.get(low[:1], ()))) and _MORE_HEAD_RE.match(text))
        or ("[" in text and _TAGGED_LINK_RE.search(text))
        or ((low is None or low.startswith(_MORE_STORIES_PREFIXES.get(low[:1], ()))) and _MORE_STORIES_RE.match(text))
    ):
        return "related"
    if n_words >= opts.caps_link_min_words and not terminal and text.upper() == text and text.lower() != text:
        return "related"  # a headline link in capitals; all-caps subheadings are shorter
    if (
        (strong_legal or token_set & _LEGAL_WORDS)
        and (low is None or _holds(low, _LEGAL_NEEDLES))
        and _LEGAL_RE.search(text)
    ):
        return "legal"
    newsletter_words = token_set & _NEWSLETTER_WORDS
    if newsletter_words and (low is None or _holds(low, _PROMO_NEEDLES)) and _PROMO_RE.search(text):
        return "newsletter"
    if not prose:
        if newsletter_words and (low is None or _holds(low, _NEWSLETTER_NEEDLES)) and _NEWSLETTER_RE.search(text):
            return "newsletter"
        if (
            low is None or _starts_with(low, _RELATED_PREFIXES, _LEADING_NON_LETTERS_RE.match(low).end())
        ) and _RELATED_RE.match(text):
            return "related"
    return None


def _holds(text: str, needles: tuple[str, ...]) -> bool:
    return any(map(text.__contains__, needles))  # any(needle in text for needle in needles), without a generator


def _score(line: _Line, opts: CleanOptions) -> float:
    if line.rule is not None:
        return -opts.rule_penalty
    if line.prose:
        return float(min(line.words, opts.prose_score_cap) - opts.prose_offset)
    if "  " in line.text and _TABLE_ROW_RE.search(line.text):
        return opts.table_row_score  # a row of a plain-text table: standings, results, prices
    return -opts.short_penalty


def _main_block(lines: list[_Line], scores: list[float], opts: CleanOptions) -> tuple[int, int] | None:
    """Positions (into ``lines``) of the first and last line of the best-scoring run, or None."""
    best, best_span = 0.0, None
    run, run_start = 0.0, 0
    for pos, line in enumerate(lines):
        if line.rule in _BARRIER_REASONS and best >= opts.comments_min_article_score:
            break  # the comment section: nothing below belongs to the article
        if run <= 0:
            run, run_start = 0.0, pos
        run += scores[pos]
        if run > best:
            best, best_span = run, (run_start, pos)
    return best_span


def _wrapped_paragraphs(lines: list[_Line], opts: CleanOptions) -> dict[int, float]:
    """Hard-wrapped paragraphs: their lines become prose if the joined paragraph is; returns their scores.

    A line without terminal punctuation continues on the next line when that line follows directly
    (no blank line) and starts in lower case ("... for the punishment of a great" / "evil that ...").
    Each line scores its share of the paragraph's score.
    """
    scores: dict[int, float] = {}
    pos = 0
    while pos < len(lines):
        last = pos
        while (
            last + 1 < len(lines)
            and lines[last + 1].index == lines[last].index + 1
            and not lines[last].terminal
            and lines[last].rule is None
            and lines[last + 1].rule is None
            and lines[last + 1].text[:1].islower()
        ):
            last += 1
        if last > pos:
            joined = _features(lines[pos].index, " ".join(lines[p].text for p in range(pos, last + 1)), opts)
            if joined.prose and joined.words:
                total = float(min(joined.words, opts.prose_score_cap) - opts.prose_offset)
                for p in range(pos, last + 1):
                    lines[p].prose = True
                    scores[p] = total * lines[p].words / joined.words
        pos = last + 1
    return scores


def _footer_paragraphs(lines: list[_Line], opts: CleanOptions) -> None:
    """Mark as legal the few lines standing between two legal lines (disclaimers inside a footer)."""
    last_legal = None
    for pos, line in enumerate(lines):
        if line.rule != "legal":
            continue
        if last_legal is not None and 1 < pos - last_legal <= opts.footer_max_lines + 1:
            for p in range(last_legal + 1, pos):
                if lines[p].rule is None:
                    lines[p].rule, lines[p].prose = "legal", False
        last_legal = pos


def _is_list_item(line: _Line, opts: CleanOptions) -> bool:
    return line.rule is None and not line.prose and line.words >= opts.list_item_min_words


def _list_after(lines: list[_Line], end: int, opts: CleanOptions) -> int | None:
    """Last line of a list printed right below the body (at most one heading between), or None.

    A list is list_min_items or more items on consecutive lines (no blank line between), each of a few
    words and not a headline: tour dates, ingredients, results. Menus are shorter; link lists are headlines.
    """
    pos = end + 1
    if pos < len(lines) and not _is_list_item(lines[pos], opts) and lines[pos].rule is None and not lines[pos].prose:
        pos += 1  # a heading over the list ("Tour dates")
    first = pos
    while (
        pos < len(lines)
        and _is_list_item(lines[pos], opts)
        and (pos == first or lines[pos].index == lines[pos - 1].index + 1)
    ):
        pos += 1
    items = lines[first:pos]
    headlines = sum(_is_headline(item, opts) for item in items)
    if len(items) < opts.list_min_items or headlines > opts.list_max_headline_share * len(items):
        return None  # too short, or a list of links (headlines)
    return pos - 1


def _tail_cut(lines: list[_Line], start: int, end: int, opts: CleanOptions) -> int:
    """End of the body before a trailing list of related links, newsletter prompts or teasers.

    A related/newsletter/comments line starts the tail when the prose below it is a small share of the
    body and headlines (non-prose lines) make up a good part of its lines.
    """
    total = sum(lines[p].words for p in range(start, end + 1) if lines[p].prose)
    after = n_prose = n_other = 0
    cut = end + 1
    for pos in range(end, start - 1, -1):
        line = lines[pos]
        if line.prose:
            after += line.words
            n_prose += 1
            if after > opts.tail_max_share * total:
                break
        else:
            n_other += 1
            # a list of links is mostly headlines; short closing paragraphs of the article are not
            if (
                line.rule in _TAIL_REASONS
                and opts.tail_headline_ratio * n_other >= n_prose
                and n_other + n_prose >= opts.tail_min_lines
            ):
                cut = pos
    return cut - 1


def _comments_start(lines: list[_Line], opts: CleanOptions) -> int:
    """Position of the comment-section header below the article, or ``len(lines)`` when there is none."""
    prose = 0
    for pos, line in enumerate(lines):
        if line.rule in _BARRIER_REASONS and prose >= opts.comments_min_article_score:
            return pos
        if line.prose:
            prose += line.words
    return len(lines)


def _title_like(line: _Line, opts: CleanOptions) -> bool:
    if line.rule is not None:
        return False
    n = len(line.text.split())
    if not 2 <= n <= opts.title_max_words or line.text.endswith((".", ",", ";", ":")):
        return False
    return md.find_date(line.text) is None and not _TIME_RE.search(line.text)


def _caption_run(line: _Line, lines: list[_Line], pos: int, opts: CleanOptions) -> bool:
    """Does ``line`` (at ``pos``) repeat a long run of words of a neighbouring line (a caption of its paragraph)?"""
    toks = line.key.split()  # the key is the line's words joined by single spaces
    if len(toks) < opts.caption_min_run:
        return False
    grams = _grams(line, opts.caption_min_run)
    for other in _neighbours(lines, pos, opts):
        shared = grams & _grams(other, opts.caption_min_run)
        if not shared:
            continue
        covered = [False] * len(toks)
        for i in range(len(toks) - opts.caption_min_run + 1):
            if tuple(toks[i : i + opts.caption_min_run]) in shared:
                for j in range(i, i + opts.caption_min_run):
                    covered[j] = True
        if sum(covered) >= opts.caption_min_cover * len(toks):
            return True
    return False


def clean_page(
    text: str, chrome: Iterable[int], *, hints: ArticleMeta | None = None, options: CleanOptions = DEFAULTS
) -> Cleaned:
    """``clean_document`` of a page's text without its lines numbered in ``chrome`` (1-based: those
    the HTML extractor dropped), so that the rules see the extracted article alone; those lines are
    removed with the reason ``html_chrome``. Line numbers and the text's lines stay those of ``text``."""
    dropped = set(chrome)
    if not dropped:  # a text page: its lines are the document's, numbered alike
        return clean_document(text, hints=hints, options=options)
    lines = text.split("\n")
    kept = [i for i in range(len(lines)) if i + 1 not in dropped]
    result = clean_document("\n".join(lines[i] for i in kept), hints=hints, options=options)
    removed = [RemovedLine(kept[r.line_number - 1] + 1, r.text, r.reason) for r in result.removed]
    removed += [RemovedLine(n, lines[n - 1], "html_chrome") for n in sorted(dropped)]
    out = [""] * len(lines)
    for i, line in zip(kept, result.text.split("\n"), strict=True):
        out[i] = line
    return Cleaned("\n".join(out), sorted(removed, key=lambda r: r.line_number), result.meta)


def clean_document(text: str, *, hints: ArticleMeta | None = None, options: CleanOptions = DEFAULTS) -> Cleaned:
    """Remove page chrome from ``text`` line by line and lift the article's metadata.

    ``hints`` (e.g. trafilatura's title/author/date/sitename for an HTML page) fill
    what the text itself does not state; a date found on the page wins over the
    hint's, which may come from a footer. ``options``: the tuned numbers.
    """
    opts = options
    raw_lines = text.split("\n")
    # a line of only zero-width or format characters shows nothing: it is a blank line with a trace
    invisible: list[int] = []
    lines: list[_Line] = []
    cached = _cached_facts(opts)  # looked up once per page, not per line
    for i, raw in enumerate(raw_lines):
        if stripped := raw.strip(_INVISIBLE):
            lines.append(_features(i, stripped, opts, cached))
        elif raw.strip():
            invisible.append(i)
    reasons: dict[int, str] = {}  # position in ``lines`` -> reason
    meta = ArticleMeta()
    if not lines:
        if invisible:
            out = list(raw_lines)
            for i in invisible:
                out[i] = ""
            return Cleaned("\n".join(out), [RemovedLine(i + 1, raw_lines[i], "chrome") for i in invisible], meta)
        return Cleaned(text, [], meta)

    _footer_paragraphs(lines, opts)
    wrapped = _wrapped_paragraphs(lines, opts)
    keys = [line.key for line in lines]
    counts = Counter(keys)
    scores = [_score(line, opts) for line in lines]
    # a prose line alone between two non-prose lines is a teaser summary under its headline more often
    # than an article paragraph; it keeps a fraction of its score
    for pos in range(1, len(lines) - 1):
        line, before, after = lines[pos], lines[pos - 1], lines[pos + 1]
        if line.prose and not before.prose and not after.prose:
            scores[pos] = opts.isolated_prose_factor * line.words - opts.prose_offset
        elif (
            line.rule is None
            and not (before.prose and after.prose)
            and _NAME_SHAPE_RE.match(line.text)
            and md.name_line_authors(line.text)
        ):
            scores[pos] = -opts.rule_penalty  # a person's name beside a headline: a teaser's or a comment's author
    for pos, score in wrapped.items():
        scores[pos] = score
    # a short line repeated on the page is chrome (repeated captions, menus); prose is left to the body pass
    for pos, line in enumerate(lines):
        if counts[line.key] > 1 and not line.prose and line.rule is None:
            scores[pos] = -opts.rule_penalty
    if hints is not None:
        # an extractor's output (trafilatura) is the article already: keep it whole down to a comment
        # section; the header above the first prose line is still read for title, byline and date
        start, end = 0, _comments_start(lines, opts) - 1
        header_end = next((pos for pos, line in enumerate(lines) if line.prose), 0)
    else:
        span = _main_block(lines, scores, opts)
        if span is None:  # nothing that reads like prose: keep the non-chrome lines rather than nothing
            span = (0, len(lines) - 1)
        start, end = span
        # the run's edges are where prose stops paying its offset: short closing sentences still belong to it
        while True:
            while end + 1 < len(lines) and lines[end + 1].prose:
                end += 1
            list_end = _list_after(lines, end, opts)
            if list_end is None:
                break
            end = list_end
        while start > 0 and lines[start - 1].prose:
            start -= 1
        header_end = start
    end = _tail_cut(lines, start, end, opts)

    # --- header: walk up from the body start ---------------------------------------------------------
    title_pos = _header(lines, header_end, reasons, meta, hints, opts)

    # site name or section: the page's first line, directly above the title. One word ("Politics",
    # "Sport") is a section label; a few capitalised words ("Harbour Daily News") name the publication.
    # Menus further up the page are not read: a page whose first line is not right above the title has
    # neither (the hints of an HTML page may still give them).
    if title_pos is not None and title_pos == 1:
        first = lines[0]
        n_words = len(first.text.split())
        if first.rule is None and first.key != lines[title_pos].key and not first.terminal:
            if n_words == 1:
                meta.section = first.text
                reasons[0] = "section"
            elif n_words <= opts.site_name_max_words and all(w[:1].isupper() for w in first.text.split()):
                meta.site_name = first.text
                reasons[0] = "site_name"

    # byline / date under a standfirst at the top of the body
    last_lifted = None
    window = range(header_end, min(end + 1, header_end + opts.body_header_window))
    dated = {pos for pos in window if md.date_line(lines[pos].text) is not None}
    for pos in window:
        line = lines[pos]
        # inside the body a bare name is an author only next to a date line ("Jane Doe" / "4 March 2025")
        beside_date = pos - 1 in dated or pos + 1 in dated
        if len(line.text) <= md.BYLINE_MAX_CHARS and _lift_byline_or_date(
            line, pos, reasons, meta, bare_names=beside_date
        ):
            last_lifted = pos
    if last_lifted is not None and hints is None and last_lifted - start <= opts.standfirst_max_lines:
        # what stands above the byline is the article's header: a standfirst or a lead photo's caption
        for pos in range(start, last_lifted):
            reasons.setdefault(pos, "standfirst")

    # --- body ------------------------------------------------------------------------------------------
    title_key = lines[title_pos].key if title_pos is not None else None
    if title_key is None and hints and hints.title:
        title_key = _NORM_RE.sub(" ", hints.title.casefold()).strip()
    credit_keys = sorted({line.key for line in lines if line.rule in ("credit", "caption")})
    headline_run = _headline_runs(lines, start, end, opts)
    # an extractor already dropped repeated page parts: what repeats in its output is the article's own
    extracted = hints is not None
    seen_prose: set[str] = set()
    body_counts = Counter(keys[start : end + 1])
    for pos in range(start, end + 1):
        line = lines[pos]
        if pos in reasons:
            continue
        if line.rule is not None:
            reasons[pos] = line.rule
        elif (title_key is not None and line.key == title_key) or (
            not line.prose
            and extracted is False
            and counts[line.key] > 1
            and (body_counts[line.key] < counts[line.key] or _repeated_nearby(lines, pos, opts))
        ):
            reasons[pos] = "duplicate"
        elif _is_caption(line, pos, lines, credit_keys, opts):
            reasons[pos] = "caption"
        elif not extracted and pos in headline_run:
            reasons[pos] = "related"
        elif line.prose and not extracted:
            if line.key in seen_prose:
                reasons[pos] = "duplicate"
            seen_prose.add(line.key)

    # --- outside the body ------------------------------------------------------------------------------
    for pos, line in enumerate(lines):
        if start <= pos <= end or pos in reasons:
            continue
        if line.rule is not None:
            reasons[pos] = line.rule
        elif title_key is not None and line.key == title_key:
            reasons[pos] = "duplicate"
        elif pos < start:
            reasons[pos] = "navigation" if not line.prose else "chrome"
        else:
            reasons[pos] = "chrome"

    # --- assemble --------------------------------------------------------------------------------------
    out = list(raw_lines)
    removed = [RemovedLine(i + 1, raw_lines[i], "chrome") for i in invisible]
    for pos in sorted(reasons):
        line = lines[pos]
        out[line.index] = ""
        removed.append(RemovedLine(line.index + 1, raw_lines[line.index], reasons[pos]))
    for i in invisible:
        out[i] = ""
    removed.sort(key=lambda r: r.line_number)
    body = [lines[pos].text for pos in range(len(lines)) if pos not in reasons]
    if body:
        meta.dateline = md.find_dateline(body[0])
    sample: list[str] = []
    n_chars = 0
    for paragraph in body:  # langid reads only the first LANGID_MAX_CHARS characters anyway
        sample.append(paragraph)
        n_chars += len(paragraph) + 1
        if n_chars >= md.LANGID_MAX_CHARS:
            break
    meta.language = md.detect_language("\n".join(sample))
    if hints is not None:
        meta.title = meta.title or hints.title
        meta.site_name = meta.site_name or hints.site_name
        meta.section = meta.section or hints.section
        meta.authors = meta.authors or md.tidy_authors(hints.authors)
        meta.published = meta.published or hints.published
    return Cleaned("\n".join(out), removed, meta)


def _is_headline(line: _Line, opts: CleanOptions) -> bool:
    """A link-like headline: no sentence end, several words, most long words capitalised."""
    if line.prose or line.rule is not None or line.terminal or line.words < opts.headline_min_words:
        return False
    if ("  " in line.text and _TABLE_ROW_RE.search(line.text)) or line.text[0].isdigit() or line.text.count(",") >= 2:
        return False  # table rows, numbered lists, enumerations ("Path B: Bosnia, Slovakia, Ireland")
    long_words = [w for w in line.text.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= opts.headline_caps_share * len(long_words)


def _headline_runs(lines: list[_Line], start: int, end: int, opts: CleanOptions) -> set[int]:
    """Positions of headlines printed on consecutive lines (a list of links inside the body)."""
    run: list[int] = []
    found: set[int] = set()
    for pos in range(start, end + 2):
        headline = pos <= end and _is_headline(lines[pos], opts)
        if headline and (not run or lines[run[-1]].index + 1 == lines[pos].index):
            run.append(pos)
            continue
        if len(run) >= opts.headline_run_min:
            found.update(run)
        run = [pos] if headline else []
    return found


def _is_caption(line: _Line, pos: int, lines: list[_Line], credit_keys: list[str], opts: CleanOptions) -> bool:
    """A caption: the start of a caption-plus-credit line, or an unpunctuated repeat of a neighbour's words."""
    if credit_keys and len(line.key) >= 8:
        # the sorted credit keys that start with this line's key follow it directly
        i = bisect.bisect_right(credit_keys, line.key)
        if i < len(credit_keys) and credit_keys[i].startswith(line.key):
            return True
    return not line.terminal and _caption_run(line, lines, pos, opts)


def _repeated_nearby(lines: list[_Line], pos: int, opts: CleanOptions) -> bool:
    """Is the line repeated within a few lines (a caption printed twice), not just twice in the body?"""
    lo, hi = max(0, pos - opts.caption_window), min(len(lines), pos + opts.caption_window + 1)
    return any(lines[p].key == lines[pos].key for p in range(lo, hi) if p != pos)


def _neighbours(lines: list[_Line], pos: int, opts: CleanOptions) -> list[_Line]:
    lo, hi = max(0, pos - opts.caption_window), min(len(lines), pos + opts.caption_window + 1)
    return [lines[p] for p in range(lo, hi) if p != pos]


def _lift_byline_or_date(
    line: _Line, pos: int, reasons: dict[int, str], meta: ArticleMeta, *, bare_names: bool = True
) -> bool:
    """Lift a byline or date line into ``meta``; ``bare_names`` also takes a name without "By"."""
    if line.rule is not None:
        return False
    authors = md.byline_authors(line.text)
    if authors is None and not meta.authors and bare_names:
        authors = md.name_line_authors(line.text)
    if authors:
        if not meta.authors:
            meta.authors = authors
        reasons[pos] = "byline"
        date = md.find_date(line.text)
        if date and meta.published is None:
            meta.published = date[0]
        return True
    date = md.date_line(line.text)
    if date is not None:
        if meta.published is None:
            meta.published = date
        reasons[pos] = "date"
        return True
    return False


def _title_keys(title: str | None) -> set[str]:
    """Normalised forms of a page title and of its parts split at " | ", " - ", " – ", " — "."""
    if not title:
        return set()
    parts = [title, *_TITLE_SPLIT_RE.split(title)]
    keys = {_NORM_RE.sub(" ", p.casefold()).strip() for p in parts}
    return {k for k in keys if len(k.split()) >= 2}


def _header(
    lines: list[_Line],
    start: int,
    reasons: dict[int, str],
    meta: ArticleMeta,
    hints: ArticleMeta | None,
    opts: CleanOptions,
) -> int | None:
    """Lift byline, date and title from the lines above the body; returns the title's position."""
    if hints is not None:
        # extracted text: the title is the hint's (or one of its parts, "Title | Site"), never guessed
        keys = _title_keys(hints.title)
        for pos in range(0, min(start + 1, len(lines))):
            if lines[pos].key in keys:
                reasons[pos] = "title"
                meta.title = lines[pos].text
                for p in range(pos + 1, start):
                    _lift_byline_or_date(lines[p], p, reasons, meta)
                return pos
        for p in range(max(0, start - opts.header_window), start):
            _lift_byline_or_date(lines[p], p, reasons, meta, bare_names=False)
        return None
    title_pos = _choose_title(lines, start, opts)
    # bylines and dates between the title and the body (or just above the body when there is no title)
    lo = title_pos + 1 if title_pos is not None else max(0, start - opts.header_window)
    for pos in range(start - 1, lo - 1, -1):
        if not _lift_byline_or_date(lines[pos], pos, reasons, meta) and title_pos is not None and lines[pos].prose:
            reasons[pos] = "standfirst"
    if title_pos is not None:
        reasons[title_pos] = "title"
        meta.title = lines[title_pos].text
    return title_pos


def _content_words(line: _Line) -> set[str]:
    return {w for w in line.key.split() if len(w) >= 3 and w not in vocab.STOPWORDS}  # the key: words and spaces


def _choose_title(lines: list[_Line], start: int, opts: CleanOptions) -> int | None:
    """The headline above the body: the title-shaped line sharing most words with the first paragraphs.

    Among the title_window non-blank lines above the body, a candidate must share at least
    title_min_overlap of its content words with the first title_body_lines prose lines; ties go to the
    line nearest the body. Without such a line, the nearest title-shaped line within header_window lines
    wins if only bylines, dates and chrome separate it from the body.
    """
    body: set[str] = set()
    n = 0
    for pos in range(start, len(lines)):
        if lines[pos].prose:
            body |= _content_words(lines[pos])
            n += 1
            if n >= opts.title_body_lines:
                break
    best, best_score = None, 0.0
    for pos in range(start - 1, max(-1, start - 1 - opts.title_window), -1):
        line = lines[pos]
        # the word count first: it is the cheapest test, and most lines above a body (menus) fail it
        if len(line.text.split()) < opts.title_min_words:
            continue
        if not _title_like(line, opts) or md.date_line(line.text) or md.byline_authors(line.text):
            continue
        words = _content_words(line)
        if not words:
            continue
        score = len(words & body) / len(words)
        if score > best_score:
            best, best_score = pos, score
    if best is not None and best_score >= opts.title_min_overlap:
        return best
    for pos in range(start - 1, max(-1, start - 1 - opts.header_window), -1):
        line = lines[pos]
        if line.rule is not None or md.date_line(line.text) or md.byline_authors(line.text):
            continue
        if md.name_line_authors(line.text):
            continue
        return pos if _title_like(line, opts) else None
    return None
