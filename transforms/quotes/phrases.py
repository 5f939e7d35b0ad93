"""Cue verbs and noun phrases over the tokens of a sentence.

A cue is a reporting verb of ``speech_vocab.CUE_FORMS`` in verb position: noun-like forms count
only as verbs ("critics call it", not "Smith's comments" or "late-night texts"), a capitalised
form mid-sentence is a name.  Noun phrases are read leftwards from a cue (``np_left``: "Kremlin
spokesman X", "the Russian president") or rightwards (``np_right``: "Trump lawyer Marc
Kasowitz", "a spokesman for Disney").  Time phrases ("early Friday") are never subjects.
"""

from __future__ import annotations

import re

from transforms import speech_vocab as V
from transforms.quotes.tokens import Tok

CUE_OR_ACCORDING = frozenset(V.CUE_FORMS) | V.NOUNISH_LEMMAS | {"according"}
PASSIVE_PP_RE = re.compile(r"(?:ed|told|said|written|sung|read|spoken|sworn|quoted)$")


def is_thing_word(low: str) -> bool:
    """An organisation, document or place word, singular or plural ("council", "unions", "agencies")."""
    if low in V.NONPERSON_NOUNS or low in V.ORG_PLACE_HEADS or low in V.ORG_NAMES:
        return True
    if low.endswith("ies"):
        return low[:-3] + "y" in V.NONPERSON_NOUNS or low[:-3] + "y" in V.ORG_PLACE_HEADS
    return low.endswith("s") and (low[:-1] in V.NONPERSON_NOUNS or low[:-1] in V.ORG_PLACE_HEADS)


def passive(toks: list[Tok], k: int) -> bool:
    """The cue at k is a participle after a form of "be" ("is called", "was asked", "has been
    told"): its grammatical subject is spoken to or about, it does not speak."""
    if not PASSIVE_PP_RE.search(toks[k].low):
        return False
    j = k - 1
    while (
        j >= 0 and toks[j].low in V.AUX_ADVERBS and toks[j].low not in V.PASSIVE_AUX and toks[j].low not in V.ACTIVE_AUX
    ):
        j -= 1
    return j >= 0 and toks[j].low in V.PASSIVE_AUX


def cue_lemma(tok: Tok, prev: Tok | None, nxt: Tok | None = None) -> str | None:
    lemma = V.CUE_FORMS.get(tok.low)
    if lemma is None and tok.low in V.NOUNISH_LEMMAS:
        lemma = tok.low  # a bare form: the noun ("the report", "a call") unless used as a verb
    if lemma is None:
        return None
    if tok.cap and prev is not None and prev.text[0].isalnum():
        return None  # a capitalised word mid-sentence is a name ("Said", "Read")
    if (
        tok.low == lemma
        and lemma in V.NOUNISH_LEMMAS
        and not (
            nxt is not None
            and nxt.low in V.OBJECT_PRONOUNS
            or prev is not None
            and (prev.low in V.PLURAL_SUBJECTS or prev.low in V.ROLE_PLURALS or prev.low == "to")
        )
    ):
        return None  # "the report", "a call" -- but "critics call it", "they quote him", "to claim"
    if prev is not None and (
        prev.low in V.DETERMINERS
        and not (prev.low == "that" and tok.low.endswith("ed"))
        or prev.low.endswith(("’s", "'s"))
    ):
        return None  # "the reports", "his tweets", "Smith’s comments" (but "a note that called")
    if (
        lemma in V.NOUNISH_LEMMAS
        and tok.low.endswith("s")
        and prev is not None
        and prev.text[0].islower()
        and prev.mention < 0
        and prev.low not in V.SUBJECT_LIKE
    ):
        return None  # "explicit late-night texts", "sent angry tweets": a plural noun, not a verb
    return lemma


def cue_at(toks: list[Tok], k: int) -> str | None:
    if toks[k].low not in CUE_OR_ACCORDING:
        return None  # most tokens: neither a cue form, a noun-like cue nor "according" (cue_lemma's None)
    if toks[k].quote >= 0 or toks[k].mention >= 0:
        return None
    if toks[k].low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
        return "according to"
    return cue_lemma(toks[k], toks[k - 1] if k > 0 else None, toks[k + 1] if k + 1 < len(toks) else None)


def np_left(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Noun phrase ending at token i (inclusive): (first, last) token indices."""
    t = toks[i]
    if t.mention >= 0:
        m = t.mention
        j = i
        while j > 0 and toks[j - 1].mention == m:
            j -= 1
        # role words before the name belong to the phrase ("Kremlin spokesman X")
        while j > 0 and (
            toks[j - 1].low in V.ROLE_NOUNS
            or toks[j - 1].cap
            and toks[j - 1].mention < 0
            and toks[j - 1].quote < 0
            and toks[j - 1].low not in V.NON_NAME_WORDS
        ):
            j -= 1
        # "the New York Post", "the Justice Department": an article before a capitalised run names a thing
        if j > 1 and toks[j - 1].cap and toks[j - 2].low == "the" and toks[j - 1].quote < 0:
            j -= 2
        elif j > 0 and toks[j - 1].low == "the" and toks[i].cap and toks[i].low in V.ORG_PLACE_HEADS:
            j -= 1
        return j, i
    if t.low in V.SUBJECT_PRONOUNS or t.low in V.RELATIVES:
        return i, i
    if t.low in V.TIME_WORDS:
        return None  # "tweets early Friday saying": a time adverbial, not a subject
    if i == 0 and t.low in V.NON_NAME_WORDS and t.low not in V.ROLE_PLURALS:
        return None  # "So said X", "Then came": a sentence-initial function word
    org = t.low in V.ORG_PLACE_HEADS and i > 0 and toks[i - 1].low in V.DEFINITE_DETERMINERS  # "the city"
    if not (t.cap or org or t.low in V.ROLE_NOUNS or t.low in V.NONPERSON_NOUNS or t.low in V.ROLE_PLURALS):
        return None
    if t.low in V.NON_NAME_WORDS and not t.cap:
        return None
    j = i
    while j > 0 and i - j < 7:
        p = toks[j - 1]
        if p.quote >= 0 or p.mention >= 0 and j - 1 < i:
            if p.mention >= 0:
                j -= 1
                continue
            break
        if p.low in V.DETERMINERS or p.low in V.QUANTIFIERS:
            j -= 1
            break
        if p.low in V.PREPOSITIONS or p.low in V.COORDINATORS or p.low in V.CUE_FORMS or not p.text[0].isalnum():
            if p.text in ("-",) or p.low.endswith("’s") or p.low.endswith("'s"):
                j -= 1
                continue
            break
        if p.low in V.AUX_ADVERBS or p.low in V.CLAUSE_WORDS:
            break  # "while 31 percent": the clause word is not part of the phrase
        j -= 1
    return j, i


def np_right(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """Noun phrase starting at token i: names, capitalised words, role nouns, modifiers,
    up to a verb, preposition, clause word or punctuation ("Trump lawyer Marc Kasowitz",
    "Donald Trump’s son", "a spokesman for Disney", "9/11 widow Terry Strada")."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in V.SUBJECT_PRONOUNS:
        return i, i
    j = i
    last_good = -1
    while j < len(toks) and j - i < 10:
        u = toks[j]
        if u.mention >= 0:
            while j + 1 < len(toks) and toks[j + 1].mention == u.mention:
                j += 1
            last_good = j
            j += 1
            continue
        if u.low in V.ROLE_NOUNS or u.low in V.NONPERSON_NOUNS or u.low in V.ROLE_PLURALS:
            last_good = j
            # "a spokesman for Disney", "a professor at X University": up to the cue
            if j + 2 < len(toks) and toks[j + 1].low in V.NP_LINKS:
                m = j + 2
                while (
                    m < len(toks)
                    and m - j < 8
                    and toks[m].text[0].isalnum()
                    and toks[m].quote < 0
                    and not cue_at(toks, m)
                ):
                    m += 1
                if m < len(toks) and cue_at(toks, m) and m - 1 > j + 1:
                    return i, m - 1
                if m < len(toks) and toks[m].text == "," and m - 1 > j + 1 and m - j <= 3:
                    return i, m - 1  # "chief of staff, Joe Kasper, told": a short link before an apposition
            j += 1
            continue
        if u.text in ("/", "-") or u.text[0].isdigit():
            j += 1
            continue
        if u.low == "and" and last_good >= i and toks[last_good].low in V.ROLE_NOUNS:
            # "the Florida senator and Republican presidential candidate said": one person, two roles
            m = next((x for x in range(j + 1, min(len(toks), j + 5)) if toks[x].low in V.ROLE_NOUNS), -1)
            if m > 0 and m + 1 < len(toks) and cue_at(toks, m + 1) and all(t.text[0].isalnum() for t in toks[j:m]):
                return i, m
        if (
            u.quote >= 0
            or not u.text[0].isalnum()
            or cue_at(toks, j)
            or u.low in V.AUX_ADVERBS
            or u.low in V.PREPOSITIONS
            or u.low in V.COORDINATORS
            or u.low in V.CLAUSE_WORDS
            or u.low in V.SUBJECT_PRONOUNS
        ):
            break
        if u.cap:
            last_good = j
        j += 1
    if last_good >= i:
        return i, last_good
    if j > i and toks[i].low in V.DETERMINERS and j - i >= 2:
        return i, j - 1
    return None


@staticmethod
def skip_paren(toks: list[Tok], j: int) -> int:
    """Index after a parenthesis starting at j ("(D-Md.)"), or j itdoc."""
    if j < len(toks) and toks[j].text == "(":
        for k in range(j + 1, min(len(toks), j + 10)):
            if toks[k].text == ")":
                return k + 1
    return j


def left_cue(toks: list[Tok], qi: int, limit: int | None) -> int | None:
    lo = -1 if limit is None else max(-1, qi - limit - 1)
    for k in range(qi - 1, lo, -1):
        if toks[k].quote >= 0:
            if limit is not None:
                return None
            continue
        if cue_at(toks, k):
            return _reporting_verb(toks, k)
    return None


def _reporting_verb(toks: list[Tok], k: int) -> int:
    """The cue that reports the clause holding the cue at k: `Miller added that the rally could
    continue "…"` is Miller's addition, not the rally's continuing."""
    i = k - 1
    while i >= 0 and toks[i].low in V.AUX_ADVERBS:
        i -= 1
    if i >= 1 and toks[i].low in V.PERSON_PRONOUNS:
        # `X said he believes "…"`, `X said that she thinks "…"`: the clause is X's report
        j = i - 1 - (i >= 2 and toks[i - 1].low == "that")
        if j >= 0 and cue_at(toks, j) and not toks[j].low.endswith("ing") and toks[j].low not in V.NOUNISH_LEMMAS:
            return j
    if i < 0 or toks[i].mention >= 0 or toks[i].low in V.SUBJECT_PRONOUNS:
        return k  # the cue has a person for subject: it reports ("Trump boasted")
    for j in range(i - 1, -1, -1):
        if toks[j].quote >= 0 or toks[j].text in (".", ";", ":", "—", "–", "―"):
            break
        if toks[j + 1].low == "that" and cue_at(toks, j):
            return j
    return k


def right_cue(toks: list[Tok], qi: int) -> int | None:
    for k in range(qi + 1, len(toks)):
        if toks[k].quote >= 0:
            continue
        if cue_at(toks, k):
            return k
    return None


@staticmethod
def is_thing_head(toks: list[Tok], j: int, determined: bool) -> bool:
    """Token j heads a phrase naming an organisation, a document, a place or a group: a word
    of those vocabularies ("council", "unions", "critics", "Reuters"), or a capitalised word
    that is not a person's name and reads as a proper name of a thing -- after "the" ("the
    Courier"), inside a run of capitals ("Daily Courier"), an acronym or a CamelCase word."""
    t = toks[j]
    low = t.low
    if t.mention >= 0 or low in V.SUBJECT_PRONOUNS or low in V.ROLE_NOUNS and low not in V.NONPERSON_NOUNS:
        return False
    if is_thing_word(low) or low in V.ROLE_PLURALS:
        return True
    if not t.cap or low in V.NON_NAME_WORDS:
        return False
    return (
        determined
        or j > 0
        and toks[j - 1].cap
        and toks[j - 1].mention < 0
        or t.text.isupper()
        and len(t.text) > 1
        or any(c.isupper() for c in t.text[1:])
        or low in V.PLACE_NAMES
        or j + 1 < len(toks)
        and toks[j + 1].cap
        and toks[j + 1].mention < 0
    )
