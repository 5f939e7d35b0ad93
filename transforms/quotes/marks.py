"""Quote marks and quote spans.

``find_spans`` pairs quote marks paragraph by paragraph (straight, curly, single where
unambiguous, guillemets, low-high, doubled apostrophes), continuing a quote that is left open at a
paragraph end when the next paragraph reopens with a mark.  A mark left open mid-paragraph is
refused rather than allowed to swallow the text after it.  A nickname in marks inside a name
(`Marcia "Cia" Price`) is not a quote.  ``mask`` hides quote interiors from the later steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.people import nickname_spans
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.records import ARTICLE_SEP

# The marks as an alternation of literals (doubled marks first): the same matches as
# ``''|``|,,|["“”„‟«»‹›‘’'‚]``, but a pattern whose every branch opens with a literal lets the regex
# engine skip to the next possible first character in C instead of trying each branch at every position.
MARK_RE = re.compile("|".join(["''", "``", ",,", *"\"“”„‟«»‹›‘’'‚"]))
_DOUBLE = frozenset({'"', "“", "”", "„", "‟", "«", "»", "''", "``", ",,"})
_OPENERS = frozenset({"“", "„", "‟", "«", "‘", "‚", "‹", "``", ",,"})
_CLOSERS = frozenset({"”", "»", "’", "›"})
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:;,")  # a mark after these (or at start) can open
_CLOSE_AFTER = frozenset(" \t\n)]}.,;:!?—–-…/")  # a mark before these (or at end) can close


@dataclass
class Span:
    para: int
    start: int  # article offsets of the text inside the marks
    end: int
    pieces: list[tuple[int, int]]  # (start, end) per paragraph for multi-paragraph quotes


def _can_open(text: str, i: int, j: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return (before in _OPEN_BEFORE or before in "“‘«„\"'") and not after.isspace()


def _can_close(text: str, i: int, j: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return not before.isspace() and (after in _CLOSE_AFTER or after in "”’»\"'")


def _is_apostrophe(text: str, i: int, j: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don't, Russia’s
    # ’90s, ’em: an apostrophe before a digit or a known elision
    return after.isdigit() and not before.isalnum()


def _family(mark: str) -> str:
    if mark in ('"', "''", "``"):
        return "straight"
    if mark in ("«", "»"):
        return "guillemet"
    return "curly"


def _pair_marks(par: str, max_single: int) -> tuple[list[tuple[int, int]], int | None]:
    """Quote interiors (local offsets) in one paragraph, plus the start of an unclosed quote; a
    single-quote pair encloses at most ``max_single`` characters."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None  # interior start of the open double quote
    open_mark = ""
    s_open: int | None = None  # an open single quote at top level
    inner: str | None = None  # an open nested double quote of another family
    for m in MARK_RE.finditer(par):
        mk, i, j = m.group(), m.start(), m.end()
        if mk == ",," and not (j < len(par) and par[j].isalpha()):
            continue
        double = mk in _DOUBLE
        if not double and _is_apostrophe(par, i, j):
            continue
        if double:
            if open_at is None:
                if mk in _CLOSERS and not _can_open(par, i, j):
                    continue
                if mk not in _OPENERS and not _can_open(par, i, j):
                    continue  # a stray closing mark, or markup (id="…")
                open_at, open_mark, s_open, inner = j, mk, None, None
                continue
            # inside a double quote: a nested quote of another family (“…” inside "…") is skipped
            if inner is not None:
                if _can_close(par, i, j) or mk in _CLOSERS:
                    inner = None
                continue
            only_opens = _can_open(par, i, j) and not _can_close(par, i, j)
            if only_opens and (mk in _OPENERS or mk == '"') and _family(mk) != _family(open_mark):
                inner = mk
                continue
            # this mark closes the quote unless it can only open
            if mk in _OPENERS and not (open_mark == "„" and mk == "“") and only_opens:
                # a second opener of the same family: the first was never closed; restart here
                open_at, open_mark = j, mk
                continue
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
            continue
        # single marks count only outside double quotes
        if open_at is not None:
            continue
        if s_open is None:
            if mk in _CLOSERS and mk != "’":
                continue
            if _can_open(par, i, j) and (mk != "’" or (i == 0)):
                s_open = j
            continue
        if _can_close(par, i, j) and mk not in ("‘", "‚", "‹"):
            if 0 < i - s_open <= max_single:
                spans.append((s_open, i))
            s_open = None
        elif _can_open(par, i, j):
            s_open = j
    return spans, open_at


def _trim(par: str, s: int, e: int) -> tuple[int, int]:
    """Interior offsets without surrounding spaces (« text » -> text)."""
    while s < e and par[s].isspace():
        s += 1
    while e > s and par[e - 1].isspace():
        e -= 1
    return s, e


def find_spans(paragraphs: list[str], options: QuoteOptions = DEFAULTS) -> list[Span]:
    """Quote interiors over the article, with multi-paragraph continuation."""
    out: list[Span] = []
    offsets = []
    pos = 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + len(ARTICLE_SEP)
    carry: Span | None = None
    for pi, par in enumerate(paragraphs):
        spans, open_at = _pair_marks(par, options.max_single_quote_chars)
        spans = [t for t in (_trim(par, s, e) for s, e in spans) if t[1] > t[0]]
        if spans:
            nicks = nickname_spans(par)
            if nicks:  # `Marcia "Cia" Price`: a nickname inside a name is not a quote
                spans = [(s, e) for s, e in spans if (s - 1, e + 1) not in nicks]
        base = offsets[pi]
        lead = len(par) - len(par.lstrip())
        starts_with_open = bool(spans or open_at is not None) and MARK_RE.match(par, lead) is not None
        first_local = spans[0][0] if spans else open_at
        if carry is not None:
            if starts_with_open and first_local is not None and first_local - lead <= 2:
                if spans and spans[0][0] == first_local:
                    s, e = spans.pop(0)
                    carry.pieces.append((base + s, base + e))
                    carry.end = base + e
                    out.append(carry)
                    carry = None
                else:  # still open: the quote runs on
                    carry.pieces.append((base + open_at, base + len(par.rstrip())))
                    carry.end = base + len(par.rstrip())
                    open_at = None
            else:
                out.append(carry)  # the last paragraph of the quote lacked its closing mark
                carry = None
        for s, e in spans:
            out.append(Span(pi, base + s, base + e, [(base + s, base + e)]))
        if open_at is not None:
            nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else ""
            nlead = len(nxt) - len(nxt.lstrip())
            next_reopens = bool(nxt) and MARK_RE.match(nxt, nlead) is not None
            at_start = open_at - lead <= 2
            end_local = len(par.rstrip())
            if end_local > open_at and (next_reopens or at_start):
                carry = Span(pi, base + open_at, base + end_local, [(base + open_at, base + end_local)])
            # else: an unbalanced mark in mid-paragraph is refused, not extended
    if carry is not None:
        out.append(carry)
    out.sort(key=lambda s: s.start)
    return out


def mask(text: str, spans: list[Span]) -> str:
    """The text with quote interiors replaced by NUL (newlines and a final . ! ? … kept), so that
    sentence splitting and tokenisation see each quote as one opaque token."""
    cuts: list[tuple[int, int]] = []
    for q in spans:
        for s, e in q.pieces:
            last = e - 1 if e - 1 > s and text[e - 1] in ".!?…" else e
            if last > s:
                cuts.append((s, last))
    if not cuts:
        return text
    cuts.sort()
    out: list[str] = []
    pos = 0
    for s, e in cuts:
        s = max(s, pos)
        if e <= s:
            continue
        out.append(text[pos:s])
        out.append("\n".join("\x00" * len(line) for line in text[s:e].split("\n")))
        pos = e
    out.append(text[pos:])
    return "".join(out)
