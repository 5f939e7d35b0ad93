"""Tokens and sentences of an article whose quote interiors are masked.

Sentences are split with quote interiors masked, so a quote never breaks a sentence.  After a
quote ending in "?" or "!" the sentence goes on when a reporting verb follows within a few words
(`"…?" Sen. X asked`); a quote ending in "." ends its sentence.  A quote is one token; a token
inside a person mention carries the mention's index.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from transforms import speech_vocab as V
from transforms.quotes.marks import Span
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.records import ARTICLE_SEP, Mention
from transforms.sentences import sentence_ends

# Tokens: a masked quote interior, a word, a number, a punctuation mark.  Quote marks are not
# tokens (they carry no meaning once the spans are known), so the pattern never matches them.
# A word is letters with inner hyphens, apostrophes or full stops ("Jong-un’s", "U.S"), written
# as `\w*(?:[-'’.]\w+)*` rather than a repeated alternation: the same matches, a fast C loop.
_TOKEN_RE = re.compile(r"\x00+|[^\W\d_]\w*(?:[-'’.]\w+)*|\d(?:[\d,.:]*\d)?\w*|[.,;:!?…—–()\[\]]|-+|[^\s\"“”„‟«»‹›‘’']")
# The same tokens, each with the characters skipped before it (spaces and quote marks: exactly the
# characters no token can start with), so that ``findall`` gives offsets by adding lengths.
_GAP_TOKEN_RE = re.compile(r"([\s\"“”„‟«»‹›‘’']*)(" + _TOKEN_RE.pattern + ")")


@cache
def _attribution_ahead(words: int) -> re.Pattern:
    """After a quote ending in . ! ?, a reporting verb before the next stop means the sentence goes
    on.  The verb must come within ``words`` words (``QuoteOptions.attribution_ahead_words``;
    abbreviated titles and initials count as words: "Sen.", "G.K.") and before any clause word
    (`"…!" Jane Roe, the editor of the Daily, wrote`): a cue inside a subordinate clause of a new
    sentence (`"…." Smith was defensive when asked about a builder who said`) belongs to that sentence."""
    return re.compile(
        r"\s+(?:(?!(?:who|which|that|when|while|whether|because|after|before|if|as)\b)"
        r"(?:[^\s.!?\x00]+|[A-Z][a-z]{0,3}\.|(?:[A-Z]\.)+)\s+)"
        + f"{{0,{words}}}?"
        + r"(?:"
        + "|".join(V.CONTINUING_CUES)
        + r")\b"
    )


# A personal subject pronoun with a contraction ("He’s", "she'd"): the pronoun speaks ("it’s" is
# left alone: mostly an expletive, "It’s become an issue").
_PRONOUN_CONTRACTION_RE = re.compile(r"(he|she|they|i|we)['’](?:s|d|ll|re|ve|m)")
_BACK_REFERENCE_STARTS = frozenset(ref[0].split("’")[0].split("'")[0] for ref in V.BACK_REFERENCES)


@dataclass(slots=True)
class Tok:
    start: int  # article offset
    end: int
    text: str
    low: str
    quote: int = -1  # index of the quote when this token stands for one
    mention: int = -1  # index of the mention that this token is part of
    cap: bool = False


@dataclass
class Sent:
    para: int
    start: int
    end: int
    toks: list[Tok]
    quotes: list[int]  # indices of the tokens that stand for a quote


_FAR = 1 << 62  # beyond any offset
_SENT_STOPS = frozenset(".!?…")
_QUOTE_FIRST = _SENT_STOPS | {"\x00"}  # the first characters of the tokens that can stand for a quote


# Words that make a sentence without a quote matter to attribution: reporting verbs (and the
# noun-like ones, "call", "according"), the pronouns that resolve to a person ("he", "she"; "it"
# and "they" never give a speaker's name), and role nouns ("the spokesman …").
_ACTIVE_WORDS = frozenset(V.CUE_FORMS) | V.NOUNISH_LEMMAS | frozenset(V.ROLE_NOUNS) | {"according", "he", "she"}
_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _idle(ptext: str, a: int, b: int, base: int, p_starts: list[int], pieces: list, m_starts: list[int]) -> bool:
    """True for a sentence that can neither hold, attribute nor antecede a quote: no quote, no
    person mention, none of ``_ACTIVE_WORDS``, no closing colon and no back reference ("That was
    how …").  Such sentences are not tokenised (a third of the text; the result is the same)."""
    s, e = base + a, base + b
    k = bisect_right(p_starts, e - 1) - 1
    if k >= 0 and pieces[k][1] > s:
        return False  # holds (a piece of) a quote
    k = bisect_right(m_starts, e - 1) - 1
    if k >= 0 and m_starts[k] >= s:
        return False  # names a person
    text = ptext[a:b]
    if text.rstrip().endswith(":"):
        return False
    words = _LETTERS_RE.findall(text.lower())
    if not words or words[0] in _BACK_REFERENCE_STARTS:
        return not words
    return _ACTIVE_WORDS.isdisjoint(words)


def sentences(
    masked: str,
    paragraphs: list[str],
    spans: list[Span],
    mentions: list[Mention],
    wanted: list[bool] | None = None,
    skip_idle: bool = True,
    options: QuoteOptions = DEFAULTS,
) -> list[Sent]:
    """Sentences with their tokens; paragraphs whose ``wanted`` flag is False and idle sentences
    (see ``_idle``) are skipped."""
    attribution_ahead = _attribution_ahead(options.attribution_ahead_words).match
    pieces = sorted((ps, pe, k) for k, q in enumerate(spans) for ps, pe in q.pieces)
    p_starts = [p[0] for p in pieces]

    def quote_at(s: int, e: int) -> int:
        """Index of the quote whose piece holds [s, e), or -1."""
        k = bisect_right(p_starts, max(s, e - 1)) - 1
        if k >= 0 and pieces[k][0] <= e - 1 and s < pieces[k][1]:
            return pieces[k][2]
        return -1

    m_starts = [m.start for m in mentions]
    m_ends = [m.end for m in mentions]
    n_mentions = len(mentions)
    new_tok = Tok
    gap_tokens = _GAP_TOKEN_RE.findall
    sents: list[Sent] = []
    pos = 0
    for pi, par in enumerate(paragraphs):
        base = pos
        pos += len(par) + len(ARTICLE_SEP)
        if wanted is not None and not wanted[pi]:
            continue
        ptext = masked[base : base + len(par)]
        cuts = [0]
        for m in sentence_ends(ptext):
            ms = m.start()
            if ptext[ms] in "?!" and ms > 0 and ptext[ms - 1] == "\x00" and attribution_ahead(ptext, m.end()):
                continue  # `"…?" Clinton said.`: the attribution belongs to the quote's sentence
            cuts.append(m.end())
        cuts.append(len(ptext))
        # mentions are disjoint and sorted: a pointer finds the one holding each token; tokens before
        # the next mention's start (most of them) skip the pointer work
        mi = bisect_right(m_starts, base) - 1 if mentions else 0
        mi = max(mi, 0)
        next_m = m_starts[mi] if mi < n_mentions else _FAR
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b <= a:
                continue
            if skip_idle and _idle(ptext, a, b, base, p_starts, pieces, m_starts):
                continue
            toks: list[Tok] = []
            quotes: list[int] = []
            append = toks.append
            prev: Tok | None = None
            e = base + a
            for gap, word in gap_tokens(ptext, a, b):
                s = e + len(gap)
                e = s + len(word)
                c = word[0]
                if c in _QUOTE_FIRST and (c == "\x00" or word in _SENT_STOPS):
                    k = quote_at(s, e)
                    if c == "\x00" or k >= 0:
                        # a quote interior, or the unmasked final stop of a quote
                        if prev is not None and k >= 0 and prev.quote == k:
                            prev.end = e  # one token per quote
                            continue
                        if k >= 0:
                            quotes.append(len(toks))
                        prev = new_tok(s, e, word, "\x00", k)
                        append(prev)
                        continue
                if s < next_m:
                    mention = -1
                else:
                    while mi < n_mentions and m_ends[mi] <= s:
                        mi += 1
                    next_m = m_starts[mi] if mi < n_mentions else _FAR
                    mention = mi if next_m <= s else -1
                low = word.lower()
                if low[-1] == ".":
                    low = low.rstrip(".")
                elif "’" in low or "'" in low:
                    pm = _PRONOUN_CONTRACTION_RE.fullmatch(low)
                    if pm:
                        low = pm.group(1)
                prev = new_tok(s, e, word, low, -1, mention, c.isupper())
                append(prev)
            sents.append(Sent(pi, base + a, base + b, toks, quotes))
    return sents
