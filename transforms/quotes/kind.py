"""Kind of a quote: ``full`` (a quoted utterance) or ``partial`` (a fragment in the reporter's
sentence).

A fragment is partial; so is a title-case fragment (headline quotes, titles of works) and a quote
inside a noun phrase (`Fox News's "Morning Show"`), unless a colon or a cue introduces it.
"""

from __future__ import annotations

import math
import re

from transforms import speech_vocab as V
from transforms.quotes.kind_model import KIND_BIAS, KIND_WEIGHTS
from transforms.quotes.marks import Span
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.quotes.phrases import cue_at
from transforms.quotes.tokens import Tok

# A fragment in title case (every long word capitalised, at most 6 words) names a work or a thing.
TITLE_CASE_RE = re.compile(r"(?:(?:[A-Z0-9][\w'’&-]*|[a-z]{1,3})[ ]){0,5}[A-Z0-9][\w'’&-]*")


def is_title_case(body: str, options: QuoteOptions = DEFAULTS) -> bool:
    """Every word of 4+ letters capitalised, at least ``options.title_min_caps`` capitalised words,
    at most ``options.title_max_words`` words."""
    words = [w.strip("\"“”‘’'.,!?;:()…-") for w in body.split()]
    words = [w for w in words if w]
    if not words or len(words) > options.title_max_words:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps >= options.title_min_caps and all(w[0].isupper() or w[0].isdigit() for w in words if len(w) >= 4)


def quote_kind(text: str, toks: list[Tok], qi: int, span: Span, options: QuoteOptions = DEFAULTS) -> str:
    if len(span.pieces) > 1:
        return "full"
    if (
        qi >= 3
        and toks[qi - 1].text == ","
        and any(toks[k].quote >= 0 for k in range(max(0, qi - options.max_after_tokens), qi - 1))
        and any(cue_at(toks, k) for k in range(max(0, qi - options.max_after_tokens), qi - 1))
    ):
        return "full"  # the second half of an interrupted quotation: `"…," he said, "and …"`
    body = text[span.start : span.end].strip()
    first = next((c for c in body if c.isalnum()), "")
    words = len(body.split())
    if not first or not (first.isupper() or first.isdigit()) or words < options.min_full_words:
        return "partial"
    prev = toks[qi - 1] if qi > 0 else None
    if prev is not None and (prev.low.endswith(("’s", "'s")) or prev.low in V.DETERMINERS):
        return "partial"  # `Fox News’s “Morning Show.”`, `his “Big Plan”`: a name inside a phrase
    if is_title_case(body, options) and (prev is None or prev.text != ":" and not cue_at(toks, qi - 1)):
        return "partial"  # a headline fragment or a title: `Critics Say ‘We Are Not Done’`
    if prev is None or prev.text in (":", ",", ".", "!", "?", "—", "–", "-", "(", "…"):
        return "full"
    if prev.low in V.INVERTING_CUES:
        return "full"  # `he said "We …"` without a comma
    if body[-1:] in ".!?":
        return "full" if prev.low not in V.PREPOSITIONS and prev.low not in V.DETERMINERS else "partial"
    return "partial"


def standalone(toks: list[Tok], qi: int) -> bool:
    before = [t for t in toks[:qi] if t.text[0].isalnum()]
    return not before


# --------------------------------------------------------------------------- the learned decision
_FIRST_PERSON_RE = re.compile(r"\b(?:i|we|me|us|my|our)\b", re.IGNORECASE)
_SECOND_PERSON_RE = re.compile(r"\byour?\b", re.IGNORECASE)


def _token_class(tok: Tok | None) -> str:
    if tok is None:
        return "none"
    if tok.text in (":", ",", ".", "(", "—", "–", "-", "?", "!"):
        return {"–": "—", "-": "—", "?": ".", "!": "."}.get(tok.text, tok.text)
    if cue_at([tok], 0) or tok.low == "according":
        return "cue"
    if tok.low in ("that", "as", "to", "and", "but", "or"):
        return tok.low
    if tok.low in V.PREPOSITIONS:
        return "prep"
    if tok.low in V.DETERMINERS or tok.low.endswith(("’s", "'s")):
        return "det"
    if tok.low == "it":
        return "it"
    if tok.mention >= 0 or tok.low in V.SUBJECT_PRONOUNS:
        return "person"
    return "cap" if tok.cap else "word"


def kind_features(
    text: str, toks: list[Tok], qi: int, span: Span, rule_kind: str, rule: str | None, options: QuoteOptions = DEFAULTS
) -> dict[str, float]:
    """What decides whether a quoted stretch is a full quote, as named features (``kind_model``):
    the rules' kind, the quote's length, first letter and last mark, the tokens around it, its
    first-person words, and the attribution rule that found its speaker."""
    body = text[span.start : span.end].strip()
    first = next((c for c in body if c.isalnum()), "")
    last = body.rstrip("\"”’'")[-1:] or " "
    prev = toks[qi - 1] if qi > 0 else None
    nxt = toks[qi + 1] if qi + 1 < len(toks) else None
    nxt2 = toks[qi + 2] if qi + 2 < len(toks) else None
    n = len(body.split())
    case = "upper" if first.isupper() or first.isdigit() else "lower"
    closing = last if last in ".,?!" else "other"
    return {
        "rule_full": float(rule_kind == "full"),
        "words_log": math.log1p(n),
        "words_le_3": float(n <= 3),
        "words_ge_8": float(n >= 8),
        "first_upper": float(first.isupper() or first.isdigit()),
        "first_person": float(_FIRST_PERSON_RE.search(body) is not None),
        "second_person": float(_SECOND_PERSON_RE.search(body) is not None),
        "pieces": float(len(span.pieces) > 1),
        "title_case": float(n <= options.title_max_words and is_title_case(body, options)),
        "sentence_start": float(standalone(toks, qi)),
        f"last_{last if last in '.,?!…' else 'other'}": 1.0,
        f"prev_{_token_class(prev)}": 1.0,
        f"next_{_token_class(nxt)}": 1.0,
        f"next2_{_token_class(nxt2)}": 1.0,
        f"rule_{rule or 'none'}": 1.0,
        # pairs a linear model cannot form itself: a lower-case quote after "the" is a phrase of the
        # reporter's, an upper-case one a title; a comma closing the quote before a cue is a sentence
        f"prev_{_token_class(prev)}_{case}": 1.0,
        f"last_{closing}_next_{_token_class(nxt)}": 1.0,
    }


def full_probability(features: dict[str, float]) -> float:
    """Probability that a quote is full, by the logistic model of ``kind_model``."""
    z = KIND_BIAS + sum(KIND_WEIGHTS.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# Tokens before a quote that make a lower-case quote part of the reporter's own phrase or clause
# ("the “strategic friendship,”", "both countries “fight against …”", "saying it “encouraged …”").
_EMBEDDING = frozenset({"prev_det", "prev_prep", "prev_to", "prev_word", "prev_and", "prev_or", "prev_it"})
_SENTENCE_END = ("last_.", "last_?", "last_!")


def embedded(features: dict[str, float]) -> bool:
    """A lower-case quote after the reporter's words (``_EMBEDDING``) that does not end on a sentence's
    final mark: a phrase of the reporter's sentence, partial whatever the model says (the seeds'
    expectations).  One that ends on "." "?" "!" is left to the model: quotes-train's annotators call
    most of those direct ("… vowed they would “build their computers in this country.”"); overriding
    them too costs 0.005 of detection F1 there."""
    return (
        not features["first_upper"]
        and not _EMBEDDING.isdisjoint(features)
        and not any(features.get(k) for k in _SENTENCE_END)
    )


def model_kind(features: dict[str, float], options: QuoteOptions = DEFAULTS) -> str:
    """The published kind: partial for an ``embedded`` quote, else full when the model's probability
    reaches ``options.full_threshold`` (the threshold ``make train`` found best for detection F1)."""
    if embedded(features):
        return "partial"
    return "full" if full_probability(features) >= options.full_threshold else "partial"
