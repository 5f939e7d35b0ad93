"""Person-name mentions without a neural model.

Names are found as runs of capitalised tokens (and Korean names in Hangul, names in capitals),
cut to the name (leading common words, places, party words and glued labels dropped; titles and
honorifics kept in the surface), and accepted, article by article, on evidence:

- the context: a title or honorific before the name, a role noun before or an apposition after
  it ("spokesman X", "X, the chairman"), a reporting verb, a list with a person ("A, B and C");
- the shape of a name (``transforms.name_data``): a given name common in some country, a listed
  given name and surname, an unknown first word before a common surname, initials, a Dutch or
  German particle, a romanised Korean, Chinese or Japanese name, a Cyrillic given name or surname;
- and no reading as a thing: a brand's inner capital ("WeWork"), a place or a place's paper or
  team ("Belo Horizonte", "Baltimore Sun", "Real Madrid"), common words that are no common names
  ("Magic Box"), an organisation head ("Heinz Field"), a work's title in quote marks, a
  determiner or place preposition before most occurrences ("the Denver Post", "in Forest Hill").

Inside one article every surname-only, first-name-only or "Mr X" mention is resolved to the most
prominent full name containing that word (between equally frequent ones, the one written last
before the mention); variants fold together (hyphens, initials, diminutives "Josh"/"Joshua", the
cases of a Cyrillic name). A king's or pope's title is part of a one-word name ("Prince Andrew").
A nickname in marks inside a name (`Marcia "Cia" Price`) is skipped; a title that is also a
surname is a name after an honorific ("Ms. King"); a capitalised -ed/-ing word counts as a verb
only at a sentence start ("Asked about it", but "Husted said").

Speed: the word regex only matches words that can be part of a name (capitalised words and
name particles), and the folding and name-list look-ups are cached, so the cost per article
is close to one regex pass plus a little work per capitalised run: a one-word run that is a
common word is dropped at once, the regexes read around a name run only where a cheap test of
the text lets them match, and what only full names need is read for full names only.

All offsets are into the article text, ``ARTICLE_SEP.join(paragraphs)``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from transforms import first_names, name_data
from transforms import speech_vocab as V
from transforms.name_data import given_strength, surname_strength
from transforms.records import ARTICLE_SEP, Mention

# A word: letters, inner hyphens/apostrophes ("Jong-un", "O'Brien", "Peskov’s").
_WORD_RE = re.compile(r"[^\W\d_](?:\w|[-'’](?=[^\W\d_]))*")
# The words a name can be built from: those not starting with a lower-case ASCII letter, and the
# lower-case name particles ("van", "bin").  Matching only these in the regex engine skips the
# ~85% of words that are lower case without a Python-level step each (the largest cost of
# ``find_mentions``); the boundaries are those of ``_WORD_RE`` (no start inside a word).
# The capitalised words open with a character the regex engine skips to (an ASCII capital or any
# non-ASCII character: no other ASCII character, a set compiled in no time where the range up to
# U+10FFFF took 10 ms; the look-behinds then check the word's first character and its start).
_CAP_WORD_RE = re.compile(r"[^\x00-@\[-\x7f](?<!\w.)(?<!\w[-'’].)(?<=[^\W\d_a-z])(?:\w|[-'’](?=[^\W\d_]))*")
# The particles that can join a name: those after a space or a full stop.  Every gap ``_groups``
# joins ends with one of these; a particle after anything else is never joined, and a particle not
# joined ends no run and starts none: leaving it out changes no run but for a particle at its
# end, which ``_candidates`` drops.  (The regex engine skips to the space or the full stop.)
_PARTICLE_RE = re.compile(
    r"[ .](" + "|".join(sorted(V.NAME_PARTICLES, key=len, reverse=True)) + r")(?!\w|[-'’][^\W\d_])"
)
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)


@lru_cache(maxsize=name_data.WORD_CACHE)
def _possessive(word: str) -> bool:
    """A word ending in "'s" ("Smith's"): a name ends there."""
    return _POSSESSIVE_RE.search(word) is not None

# Apposition after a name: ", (the|a) words … role-noun" ("X, the North Korean strongman").
# (the full stop of an abbreviation stays in it: "X, the former U.S. Army psychiatrist", "X, Mr. Y's adviser")
# Its words are those of the first ``_APPOSITION_CHARS`` characters of group 2: the regex takes the
# whole run (a run of plain characters is one step of the regex engine, where a bounded repeat of
# one character at a time took one step per character), the code cuts it.
_APPOSITION_RE = re.compile(
    r",\s+((?:the|a|an|his|her|its|their)\s+)?((?:[^,.;:()\n]+|\.(?=\w)|(?<=\b[A-Z])\.|(?<=Mr|Ms|Dr)\.|(?<=Mrs)\.)+)"
)
_APPOSITION_CHARS = 80

@dataclass(frozen=True)
class PeopleOptions:
    """The people finder's numbers. Name-list strengths are ``transforms.name_data``'s 0-9; they
    were chosen on the aeb-dev people gold (recall, no non-persons) and checked on the people of
    quotes-train's 840 political articles (no person lost but a handful, see the tests)."""

    # Longer capitalised runs are titles of works or organisations, not names (the longest names in
    # the seeds and quotes-dev have 4 words: "Kimiko de Freytas-Tamura", "John G. Roberts Jr").
    max_name_tokens: int = 5
    # Words of an apposition searched for its role noun ("X, a senior policy adviser with Y"); 6
    # hold "a senior policy adviser with", "the former chief executive" (a judgement call).
    apposition_max_words: int = 6
    # How far back (in words) a lower-case role noun may sit before a name ("sister Kim Yo Jong",
    # "Kremlin spokesman X"); 1 is the apposition pattern itself, 3 allows "press secretary X".
    role_lookback_words: int = 3
    # A given name this strong is evidence by itself ("Novak": gender-guesser's class 5, common in
    # one country; faker's locale lists count 6); 5 lost "Novak Djokovic" and "Kepa Arrizabalaga".
    given_strong: int = 4
    # A surname this strong after any listed given name (the 20,000 commonest US surnames count 4+).
    surname_listed: int = 4
    # A surname this strong after an unknown first word ("Adarius Taylor"; 10,000 commonest: 5).
    surname_common: int = 5
    # A name that is also a common word ("Will", "Brown", "Hill"; not "Money", "Box", "Magic")
    # counts as a name from this strength (the 2,000 commonest US names, gender-guesser's class 11+);
    # 7 let "Uber Money" and "Magic Box" through.
    word_name_min: int = 8
    # An unknown given name that is a surname this common (the 5,000 commonest US ones) before a
    # surname makes a firm ("Goldman Sachs"; faker's Czech "Vasek" counts 6: "Vasek Pospisil").
    firm_surname: int = 7
    # A first word written alone at least this often while the last word never is names a brand
    # ("Nissan", "Nissan Sales"); people are named by their surname alone more than by a first name.
    first_alone_min: int = 2


DEFAULTS = PeopleOptions()

# Words right before a run that make it a thing or a place, not a person.
# ("this", "that" are left out: "that Jessie Buckley performs")
_THING_DETERMINERS = frozenset({"the", "a", "an", "its", "our", "their"})
# ("at" is left out: "fire back at George Will"; "at Heinz Field" ends with a place noun anyway)
_PLACE_PREPS = frozenset({"in", "near", "inside", "outside", "across", "into"})
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
_PRONOUNS = frozenset({"he", "she", "it", "we", "they", "you"})
_OPENING_MARKS = frozenset('"“‘«„')
_CLOSING_MARKS = frozenset('"”’»“')

# Reporting verbs that make a lone capitalised word a person ("Smith said"); institutions
# "report", "deny" or "announce" as often as people do, so those are not evidence.
SINGLE_NAME_CUES = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "ask",
        "explain",
        "insist",
        "recall",
        "joke",
        "continue",
        "note",
        "argue",
        "reply",
        "tweet",
        "testify",
        "warn",
        "admit",
    }
)

# Characters after a mention in which a gendered pronoun counts as a vote for its gender: about
# one news sentence; votes are also cut at the sentence end and at the next person named.
PRONOUN_WINDOW_CHARS = 120
_PRONOUN_RE = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_SENT_CUT_RE = re.compile(r"[.!?][\"”’']?\s|\n")

# `"…," said Smith` / `Said Smith:`: a reporting verb right before a capitalised word.
_INVERTED_CUE_VERBS = ("said", "says", "added", "asked", "wrote", "continued", "explained", "Said", "Says")
_INVERTED_CUE_RE = re.compile(r"(?:^|[,\"”’]\s*|\s)(?:" + "|".join(_INVERTED_CUE_VERBS) + r")\s+$")

_ROMAN_SUFFIXES = frozenset({"II", "III", "IV"})
# Suffixes written after a comma: "Joseph R. Biden, Jr."
_COMMA_SUFFIXES = frozenset({"jr", "sr"})

# The last word of a multi-word name is never one of these (months excepted: "Theresa May").
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# (short words are left out: "Un", "Jun" and "Le" end real names)
_NOT_SURNAMES = frozenset(w for w in V.NON_NAME_WORDS - _MONTHS if len(w) > 3) | V.ROLE_PLURALS
_PREP_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|into|near|across|outside|inside|of|on)\s+$", re.IGNORECASE)


def _leading_non_name(tok: str, par: str, pos: int) -> bool:
    """A capitalised word opening a run that is not part of a name: a common word, a sentence-
    initial verb ("Said", "Having", "Injecting") or a contraction ("I'm").  Mid-sentence (``pos``
    is the word's offset in ``par``) an -ed/-ing word is capitalised only as a name ("Husted",
    "Golding")."""
    word = _non_name_word(tok)
    return word or word is None and _sentence_initial(par, pos)


@lru_cache(maxsize=name_data.WORD_CACHE)
def _non_name_word(tok: str) -> bool | None:
    """``_leading_non_name`` of the word alone: True, False, or None for an -ed/-ing word that is
    no known first name (not part of a name at a sentence start only)."""
    low = _low(tok)
    if low in V.NON_NAME_WORDS or low in V.CUE_FORMS or low in V.ROLE_PLURALS or low[:2] in ("i'", "i’"):
        return True
    if low.endswith(("ing", "ed")) and len(low) > 4 and first_name_gender(tok) is None:
        return None
    return False


@lru_cache(maxsize=name_data.WORD_CACHE)
def _alone_non_name(tok: str) -> bool | None:
    """``_non_name_word`` of a word that is a run by itself, where a name particle is none either:
    with ``_sentence_initial``, ``tok.lower() in V.NAME_PARTICLES or _leading_non_name(tok, ...)``."""
    return True if tok.lower() in V.NAME_PARTICLES else _non_name_word(tok)


def _sentence_initial(par: str, pos: int) -> bool:
    """True when the word at ``pos`` opens a sentence (or a quote, or the paragraph)."""
    k = pos - 1
    while k >= 0 and par[k] in " \t([":
        k -= 1
    return k < 0 or par[k] in ".!?:;\"“”‘'—–-"


_GAZETTEER_OK = frozenset({"male", "female", "mostly_male", "mostly_female", "andy"})


@lru_cache(maxsize=name_data.WORD_CACHE)
def first_name_gender(token: str) -> str | None:
    """'m', 'f', '' (known first name, either gender) or None (not a known first name)."""
    low = token.lower()
    if low in V.NON_NAME_WORDS or low in V.ORG_PLACE_HEADS or low in V.TITLES or low in V.HONORIFICS:
        return None
    g = first_names.detector().get_gender(token)
    if g not in _GAZETTEER_OK:
        return None
    # only unambiguous gazetteer entries give a gender: "mostly_*" names (Kim, Jean) are often
    # surnames or used for both sexes across cultures
    return {"male": "m", "female": "f"}.get(g, "")


# (the word-shape tests below are asked of every occurrence of a word; an article's few thousand
# name words are a few hundred distinct ones, so each is answered once and looked up after)
@lru_cache(maxsize=name_data.WORD_CACHE)
def _low(tok: str) -> str:
    return tok.lower().rstrip(".")


@lru_cache(maxsize=name_data.WORD_CACHE)
def _is_cap(tok: str) -> bool:
    if tok in _ROMAN_SUFFIXES:
        return True
    return tok[0].isupper() and not (len(tok) > 1 and tok.isupper() and "-" not in tok)


@lru_cache(maxsize=name_data.WORD_CACHE)
def _is_abbrev_word(tok: str) -> bool:
    low = tok.lower()
    return len(tok) == 1 or low in V.HONORIFICS or low in V.TITLES or low in V.NAME_SUFFIXES or low == "st"


# --------------------------------------------------------------------------- folding / ids
_FOLD_STRIP_RE = re.compile(r"[-‐‑–—_.]+")
_FOLD_DROP_RE = re.compile(r"[^\w' ]+")


@lru_cache(maxsize=name_data.WORD_CACHE)
def fold_name(name: str) -> str:
    """Variant-folding key: case, accents, hyphens, spacing, possessive, leading titles removed.

    >>> fold_name("Mr. Kim Jong-Un")
    'kim jong un'
    """
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'").lower().strip()
    s = _POSSESSIVE_RE.sub("", s)
    s = _FOLD_STRIP_RE.sub(" ", s)
    s = _FOLD_DROP_RE.sub(" ", s)
    toks = s.split()
    # (a king's or a pope's title stays: "Prince Andrew" is not any Andrew)
    while len(toks) > 1 and (toks[0] in V.HONORIFICS or toks[0] in V.TITLES and toks[0] not in V.ROYAL_TITLES):
        toks.pop(0)
    if len(toks) > 2:
        # middle initials are dropped: "Donald J. Trump" and "Donald Trump" are one key
        toks = [toks[0], *(t for t in toks[1:-1] if len(t) > 1), toks[-1]]
    return " ".join(toks)


def is_one_word(name: str) -> bool:
    """A name of one written word ("Putin", "Mark-Viverito"): a person of its article only."""
    return len(name.split()) < 2


def person_id(name: str, article_id: str | None = None) -> str:
    """Stable id: first 16 hex digits of sha1 over ``fold_name(name)``; a one-word name ("Putin",
    "Mr Kim" left unresolved) is a person of its article only, so its id also hashes
    ``article_id`` when given."""
    key = fold_name(name)
    if article_id is not None and is_one_word(name):
        key = f"{article_id}:{key}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- candidates
@dataclass(slots=True)
class _Cand:
    para: int
    start: int  # article offsets of the name tokens (titles excluded)
    end: int
    sstart: int  # start of the surface (with honorific/title)
    tokens: list[str]
    prefix: list[str]  # title / honorific / role words before the name
    gender: str = ""
    evidence: bool = False
    name: str | None = None
    context: bool = False  # a title, role noun or apposition with it (``evidence`` adds a cue verb)
    titled: bool = False  # a title or an honorific with it
    key: tuple[str, ...] = ()  # ``_name_key(" ".join(tokens))``, set by ``_resolve``
    org_head: bool = False  # its last word is an organisation or place head ("Field", "Post")
    # (the rest is set for names of two or more words only: ``_resolve`` reads it of no other)
    written: str = ""  # the name as written ("Donald J. Trump"), titles and possessive excluded
    work: bool = False  # in quote marks alone, as a title
    against: bool = False  # a determiner or a place preposition right before it
    nickname: tuple[str, ...] = ()  # the nickname in marks inside it (`Robert C. "Bobby" Scott`: ("bobby",))


@dataclass
class Profile:
    """What an article says about one person: gender and descriptive words."""

    name: str
    gender: str = ""  # "m", "f" or "" unknown
    descriptors: set[str] = field(default_factory=set)
    n: int = 0
    first: int = 0  # article offset of the first mention


# A nickname in quote marks inside a name: `Marcia "Cia" Price`, `Dwayne “The Rock” Johnson`
# (one or two capitalised words in marks, between a known first name and one capitalised word
# that ends the name -- so that headline scare quotes, `Smith Calls Jones ‘A Fraud’ In Speech`,
# are left alone).  (The opening mark comes first and the look-behind after it, so that the regex
# engine skips to the next quote mark instead of trying the pattern at every character.)
_NICKNAME_RE = re.compile(
    r"([\"“‘'])(?<=\S .)([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)([\"”’'])"
    r"(?= [A-Z][\w'’-]*(?:[^\w\s'’-]|\s+[^A-Z\s]|$))"
)
_INITIAL_RE = re.compile(r"[A-Z]\.")  # `Robert C. "Bobby" Scott`
_NICK_PAIRS = frozenset({('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")})


def nickname_spans(par: str) -> list[tuple[int, int]]:
    """(start, end) of each nickname in ``par``, marks included: `Marcia "Cia" Price` -> the
    span of `"Cia"`.  The word before must be a known given name or a middle initial."""
    out = []
    for m in _NICKNAME_RE.finditer(par):
        if (m.group(1), m.group(3)) not in _NICK_PAIRS:
            continue
        k = m.start() - 1
        while k > 0 and not par[k - 1].isspace():
            k -= 1
        given = par[k : m.start() - 1]
        if given[:1].isupper() and (first_name_gender(given) is not None or _INITIAL_RE.fullmatch(given)):
            out.append((m.start(), m.end()))
    return out


def _tokens(par: str) -> list[tuple[int, int, str]]:
    """The words of ``par`` that can be part of a name, in order (see ``_CAP_WORD_RE`` and
    ``_PARTICLE_RE``; most paragraphs have no particle)."""
    toks = [(*m.span(), m.group()) for m in _CAP_WORD_RE.finditer(par)]
    particles = [(*m.span(1), m.group(1)) for m in _PARTICLE_RE.finditer(par)]
    return sorted(toks + particles) if particles else toks


def _groups(par: str, toks: list[tuple[int, int, str]], nick_gaps: frozenset[str] = frozenset()):
    """Runs of capitalised tokens joined by single spaces (or ". " after an initial/title, or a
    nickname in marks: `Marcia "Cia" Price`)."""
    run: list[int] = []
    pe, pw = 0, ""  # the end and the word of the token before (the run's last one while there is a run)
    for i, (s, e, w) in enumerate(toks):
        cap = _is_cap(w)
        if run:
            # (a gap that joins is one or two characters long, or a nickname's: longer ones are not
            # copied out of the paragraph)
            gap = par[pe:s] if s - pe <= 2 or nick_gaps else ""
            # a possessive ends a name ("Smith's Fifth Amendment")
            joined = (
                gap == " "
                or gap == ", "
                and w.lower() in _COMMA_SUFFIXES
                or gap in nick_gaps
                or (gap == ". " and _is_abbrev_word(pw))
                or (gap == "." and len(pw) == 1 and len(w) == 1)
            ) and not _possessive(pw)
            if joined and (cap or (w.lower() in V.NAME_PARTICLES and i + 1 < len(toks))):
                run.append(i)
                pe, pw = e, w
                continue
            yield run
            run = []
        if cap:
            run.append(i)
        pe, pw = e, w
    if run:
        yield run


def _role_before(par: str, start: int, o: PeopleOptions = DEFAULTS) -> tuple[list[str], str]:
    """Lower-case description words right before a name ("Kremlin spokesman", "his sister")."""
    text = par[max(0, start - 60) : start]
    # (the word right before decides whether to read on: most names have no role noun there)
    nearest = text.rsplit(None, 1)[-1:]
    if not nearest or not _role_word(nearest[0]):
        return [], ""
    words = text.split()
    out: list[str] = []
    gender = ""
    for w in reversed(words[-o.role_lookback_words :]):
        lw = w.strip(",;:()").lower()
        if w != lw and w.endswith((",", ";", ":")):
            break
        role = _role_noun(lw)
        if role:
            out.append(lw)
            gender = gender or V.ROLE_NOUNS[role]
            continue
        if out:
            out.append(lw)
            continue
        break
    return out, gender


def _apposition_after(par: str, end: int, o: PeopleOptions = DEFAULTS) -> tuple[list[str], str]:
    """Words of an apposition after a name, up to its role noun ("X, the Norwegian trade minister")."""
    m = _APPOSITION_RE.match(par, end) if par.startswith(",", end) else None  # (it opens with a comma)
    if not m:
        return [], ""
    written = [w.strip("’'") for w in _WORD_RE.findall(m.group(2)[:_APPOSITION_CHARS])][: o.apposition_max_words]
    words = [w.lower() for w in written]
    capitalised = (
        not m.group(1)
        and written[:1]
        and written[0][:1].isupper()
        and not _role_noun(words[0])
        and words[0] not in V.HONORIFICS  # "Uzi Arad, Mr. Netanyahu's former adviser"
    )
    # (a participle opens a clause too: "..., widening her delegate lead")
    participle = bool(words) and len(words[0]) > 4 and words[0].endswith(("ing", "ed")) and not _role_noun(words[0])
    if words and (words[0] in _CLAUSE_OPENERS or capitalised or participle):
        # "Salesforce, which has an increasingly overlapping customer base"; "the Sacramento Bee,
        # Miami Herald and Kansas City Star": a list, not an apposition
        return [], ""
    for k, w in enumerate(words):
        role = _role_noun(w)
        if role:
            return words[: k + 1], V.ROLE_NOUNS[role]
        if written[k] == w and (w in V.ORGANISATION_NOUNS or w in V.ORG_PLACE_HEADS):
            # "Kosmos, the investment group co-founded by ..." (not "X, a European Space Agency fellow")
            return [], ""
    return [], ""


@lru_cache(maxsize=name_data.WORD_CACHE)
def _role_word(written: str) -> str:
    """The role noun a word is as written before a name ("spokesman", "Spokesman,"), or ""."""
    return _role_noun(written.strip(",;:()").lower())


def _role_noun(word: str) -> str:
    """The role noun ``word`` is, also with a prefix ("co-author", "ex-boyfriend"), or ""."""
    if word in V.ROLE_NOUNS:
        return word
    head = word.split("-", 1)[1] if word.startswith(("co-", "ex-", "vice-")) else ""
    return head if head in V.ROLE_NOUNS else ""


# Words opening a clause, not an apposition, after a name and a comma.
_CLAUSE_OPENERS = frozenset("which who whom whose that where when while and but or as if because".split()) | (
    V.AUX_ADVERBS | frozenset(V.CUE_FORMS)
)


def _cue_after(par: str, end: int, lemmas: frozenset[str] | None = None) -> bool:
    """A reporting verb (of ``lemmas``) in the three words after ``end``, after auxiliaries and
    adverbs only ("Smith said", "Smith has also said")."""
    for w in par[end : end + 40].split(None, 3)[:3]:
        lemma = _cue_word(w)
        if lemma:
            return lemmas is None or lemma in lemmas
        if lemma is None:
            return False
    return False


@lru_cache(maxsize=name_data.WORD_CACHE)
def _cue_word(written: str) -> str | None:
    """What a word after a name is to ``_cue_after``: the lemma of a reporting verb, "" for an
    auxiliary or an adverb (read on), None for any other word."""
    lw = written.strip(",.;:").lower()
    if lw in V.CUE_FORMS:
        return V.CUE_FORMS[lw]
    return "" if lw in V.AUX_ADVERBS else None


def _candidates(paragraphs: list[str], o: PeopleOptions) -> list[_Cand]:
    cands: list[_Cand] = []
    offset = 0
    for pi, par in enumerate(paragraphs):
        toks = _tokens(par)
        nicks = nickname_spans(par) if ('"' in par or "“" in par or "‘" in par or "'" in par) else []
        nick_gaps: frozenset[str] = frozenset()
        # (only a paragraph opening with a dash or a space can be a signed line)
        signable = bool(par) and (par[0] in _DASHES or par[0].isspace())
        if nicks:
            # the nickname's words are not name tokens; the gap around them joins the name
            toks = [t for t in toks if not any(a < t[0] < b for a, b in nicks)]
            # (after a middle initial the gap holds its full stop: `Robert C. "Bobby" Scott`)
            nick_gaps = frozenset(sep + par[a:b] + " " for a, b in nicks for sep in (" ", ". "))
        for run in _groups(par, toks, nick_gaps):
            if len(run) == 1:
                # (most runs are one word, and most of those a particle or a leading common word that
                # the steps below drop, leaving no name: skipped at once)
                pos, _end, word = toks[run[0]]
                drop = _alone_non_name(word)
                if drop or drop is None and _sentence_initial(par, pos):
                    continue
            words = [toks[i][2] for i in run]
            lows = [w.lower() for w in words]
            # trailing particles are not part of a name
            while lows and lows[-1] in V.NAME_PARTICLES:
                run, words, lows = run[:-1], words[:-1], lows[:-1]
            if not words:
                continue
            # last title / honorific splits descriptors from the name itself
            cut = -1
            gender = ""
            for k in range(len(lows) - 1):
                if lows[k] in V.HONORIFICS or lows[k] in V.TITLES:
                    cut = k
            for lw in lows[: cut + 1]:
                gender = V.HONORIFICS.get(lw) or V.TITLES.get(lw) or gender
            prefix = lows[: cut + 1]
            name_idx = run[cut + 1 :]
            # a place or organisation word, or a party or nationality word, inside the run ends
            # what comes before it: "North Dakota Republican Bette Grande", "Maricopa County
            # Recorder Helen Purcell"
            for k in range(len(name_idx) - 3, 0, -1):
                low = _low(toks[name_idx[k]][2])
                if (
                    (low in V.ORG_PLACE_HEADS or low in V.NON_NAME_WORDS)
                    and len(low) > 1
                    and low not in V.NAME_PARTICLES
                    and low not in V.SURNAME_HEADS
                    and _low(toks[name_idx[k + 1]][2]) not in V.NON_NAME_WORDS
                    and given_strength(toks[name_idx[k + 1]][2]) >= o.given_strong
                ):
                    prefix.extend(_low(toks[i][2]) for i in name_idx[: k + 1])
                    name_idx = name_idx[k + 1 :]
                    break
            # drop leading common words ("Asked", "Monday", nationality adjectives, "Having", "I'm"),
            # place names ("Ukraine Marie Yovanovitch") and a glued one-letter label ("S Morgan Burnett")
            while name_idx and (
                _leading_non_name(toks[name_idx[0]][2], par, toks[name_idx[0]][0])
                or len(name_idx) > 1
                and (
                    _low(toks[name_idx[0]][2]) in V.PLACE_NAMES
                    or len(name_idx) > 2
                    and len(toks[name_idx[0]][2]) == 1
                    and par[toks[name_idx[0]][1] : toks[name_idx[0]][1] + 1] == " "
                )
            ):
                prefix.append(toks[name_idx[0]][2].lower())
                name_idx = name_idx[1:]
            if not name_idx or _low(toks[name_idx[0]][2]) in V.PLACE_PREFIXES:
                continue  # "Fort Hood"
            if prefix and prefix[-1] in V.PLACE_PREFIXES:
                continue  # "San Diego Union-Tribune", "St. Louis"
            # a pronoun after a name written with initials is the next sentence ("Washington D.C. He")
            while len(name_idx) > 1 and _low(toks[name_idx[-1]][2]) in _PRONOUNS:
                name_idx = name_idx[:-1]
            names = [toks[i][2] for i in name_idx]
            if len(names) > o.max_name_tokens:
                continue
            # a dropped word that makes a place with the rest: "South Carolina", "New York"
            k = run.index(name_idx[0])
            if k and name_data.is_place(" ".join([toks[run[k - 1]][2], *names])):
                continue
            name_lows = [_low(w) for w in names]
            if not V.PLACE_NAMES.isdisjoint(name_lows) or " ".join(name_lows) in V.PLACE_PHRASES:
                continue
            last_low = name_lows[-1]
            strong_first = len(names) > 1 and given_strength(names[0]) >= o.given_strong
            org_head = len(names) > 1 and not V.ORG_PLACE_HEADS.isdisjoint(last_low.split("-"))
            if len(names) > 1 and (
                last_low in _NOT_SURNAMES
                and not (
                    strong_first and last_low not in V.TIME_WORDS and surname_strength(names[-1]) >= o.surname_common
                )
                or len(names[-1]) == 1
                or org_head
                and not (cut >= 0 or last_low in V.SURNAME_HEADS and strong_first)
            ):
                continue  # "Kim Il Sung Square", "Virginia Democrats", "Robert C"
            if len(names) == 1 and (
                len(names[0]) == 1
                or last_low in V.HONORIFICS
                or last_low in V.TITLES
                and last_low not in V.SURNAME_TITLES
            ):
                continue  # ("Mr. King", "Ms. Bishop": a title that is also a surname passes)
            # "Crooked Hillary Clinton", "Insider Jason La Canfora": a word that is no given name
            # before a common one is not part of the name ("Park Min Jun" stays whole)
            if (
                len(names) >= 3
                and len(names[0]) > 1
                and given_strength(names[0]) < 2
                and name_lows[0] not in V.NAME_PARTICLES
                and name_lows[1] not in V.NAME_PARTICLES
                and name_lows[1] not in V.NON_NAME_WORDS
                and given_strength(names[1]) >= o.given_strong
                and not name_data.korean_name(tuple(names))
            ):
                prefix.append(name_lows[0])
                name_idx, names = name_idx[1:], names[1:]
            # a king's or a pope's title is part of a one-word name ("Prince Andrew", "Pope Francis")
            royal = (
                len(names) == 1
                and cut >= 0
                and lows[cut] in V.ROYAL_TITLES
                and cut + 1 == len(lows) - 1
                and last_low not in V.ORG_PLACE_HEADS
                and last_low not in V.NON_NAME_WORDS
            )
            if royal:
                name_idx = run[cut:]
                names = [words[cut], *names]
            start = offset + toks[name_idx[0]][0]
            end_local = toks[name_idx[-1]][1]
            last = names[-1]
            if _possessive(last):
                names[-1] = last[:-2]
                end_local -= 2
            if not names[-1]:
                continue
            # the surface keeps the titles and honorifics written right before the name, and the
            # capitalised words of the title's phrase ("Defense Secretary Mark Esper")
            k = cut - royal
            while k >= 0 and (
                _low(words[k]) in V.TITLES
                or _low(words[k]) in V.HONORIFICS
                or k < cut
                and len(words[k]) > 1
                and _is_cap(words[k])
                and _low(words[k]) not in V.NON_NAME_WORDS
            ):
                k -= 1
            sstart = offset + toks[run[k + 1]][0] if cut - royal >= 0 and k + 1 <= cut - royal else start
            name_local = toks[name_idx[0]][0]
            before = par[max(0, name_local - 30) : name_local]
            role, rgender = _role_before(par, name_local if cut < 0 else toks[run[0]][0], o)
            app, agender = _apposition_after(par, end_local, o)
            # a line signed with a dash ("— Jane Roe, Leeds") names its writer; an embedded post's
            # signature ("— Acme FC (@acmefc) May 2") names an account, not necessarily a person
            signed = bool(
                signable
                and _SIGNATURE_RE.match(par, 0, name_local)
                and _SIGNED_END_RE.match(par, end_local)
            )
            # (a role or an apposition after a place preposition is the place's: "in Moscow, the capital")
            context = (
                cut >= 0
                or signed
                or bool(role or app)
                and not (len(names) == 1 and cut < 0 and _PREP_BEFORE_RE.search(before) is not None)
            )
            cue = False
            # (``_INVERTED_CUE_RE`` ends with a verb right before the name: a cheap test of the text first)
            if before.rstrip().endswith(_INVERTED_CUE_VERBS) and (
                _INVERTED_CUE_RE.search(par, max(0, name_local - 12), name_local)
            ):
                cue = True  # `"…," said Smith`
            elif len(names) >= 2 and _cue_after(par, end_local, SINGLE_NAME_CUES):
                cue = True
            elif len(names) == 1 and _cue_after(par, end_local, SINGLE_NAME_CUES):
                # "Smith said" (not "Moscow and Kyiv said", not a sentence-initial common noun
                # like "Authorities said" unless the word is a known first name)
                tail = par[max(0, name_local - 20) : name_local].rstrip()
                # (a quote closed on a comma goes on with its attribution: "“It works,” Halvorsen said")
                sentence_start = (
                    tail[-1:] in (".", "!", "?", ":", ";", '"', "“", "”") and tail[-2:-1] != ","
                    if tail
                    else name_local <= 20
                )
                cue = not before.endswith(("and ", "or ", "nor ")) and (
                    not sentence_start or given_strength(names[0]) >= o.given_strong
                )
            cand = _Cand(
                pi,
                start,
                offset + end_local,
                sstart,
                names,
                prefix + role + app,
                gender or rgender or agender,
                context or cue,
                context=context,
                titled=cut >= 0,
                org_head=org_head,
            )
            if len(names) > 1:
                # (what ``_resolve`` reads of full names only; left unset for one-word mentions)
                # a determiner right before ("the Hazel Hen", "the Denver Post"), or a place preposition
                # ("at Heinz Field", "in Forest Hill"): the run names a thing or a place
                word_before = before.rsplit(None, 1)[-1].lower() if before.strip() and before[-1:] == " " else ""
                # ... or a place or organisation noun right after ("the Hoa Lo prison")
                word_after = _NEXT_WORD_RE.match(par, end_local)
                cand.against = (
                    cut < 0
                    and not _possessive(last)
                    and (
                        "the" in prefix
                        or word_before in _THING_DETERMINERS
                        or word_before in _PLACE_PREPS
                        or word_after is not None
                        and word_after.group(1) in V.ORG_PLACE_HEADS
                    )
                )
                written = par[name_local:end_local]
                for a, b in reversed(nicks):
                    if name_local < a and b < end_local:
                        written = written[: a - name_local] + written[b - name_local + 1 :]
                cand.written = " ".join(written.split())
                inside = [(a, b) for a, b in nicks if name_local < a and b < end_local]
                if inside:
                    cand.nickname = tuple(_low(w) for w in par[inside[0][0] + 1 : inside[0][1] - 1].split())
                # quote marks around it alone: the title of a work ("“Wild Rose,”")
                cand.work = par[name_local - 1 : name_local] in _OPENING_MARKS and (
                    par[end_local : end_local + 1] in _CLOSING_MARKS
                    or par[end_local + 1 : end_local + 2] in _CLOSING_MARKS
                )
            cands.append(cand)
        if _HANGUL_RE.search(par):
            cands.extend(_hangul_names(par, pi, offset))
        if _CAPITALS_RE.search(par) and any(len(t[2]) > 1 and t[2].isupper() for t in toks):
            cands.extend(_names_in_capitals(par, pi, offset, o))
        offset += len(par) + len(ARTICLE_SEP)
    return cands


# What opens a signature line before its name: a dash, optionally a title ("— Former Gov. ").
# (the paragraph opens with a space or a dash: ``_DASHES``, a cheap test first)
_SIGNATURE_RE = re.compile(r"\s*(?:—|–|--)\s*$")
_DASHES = "—–-"
# What may follow the name on a signature line: the writer's place, or nothing.
_SIGNED_END_RE = re.compile(r"\s*(?:,|$)")

# Two or three words in capitals ("JOHN SMITH", a byline, a speaker in a transcript).  (The first
# capital comes before the look-behind: the regex engine then skips to the next capital letter.)
_CAPITALS_RE = re.compile(r"[A-Z](?<![\w'’-].)[A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}(?![\w'’-])")


def _names_in_capitals(par: str, pi: int, offset: int, o: PeopleOptions) -> list[_Cand]:
    """Names written in capitals: a common given name and a listed surname, neither a common word
    nor a place ("MARIA LOPEZ"; not "NEW YORK", "BREAKING NEWS")."""
    out = []
    for m in _CAPITALS_RE.finditer(par):
        words, start = m.group().split(), m.start()
        while len(words) > 2 and _low(words[0]) in V.NON_NAME_WORDS:  # "BY MARIA LOPEZ"
            start += len(words[0]) + 1
            words = words[1:]
        first, last = words[0].title(), words[-1].title()
        if (
            given_strength(first) >= o.word_name_min
            and surname_strength(last) >= o.surname_common
            and not any(name_data.is_word(w) or name_data.is_place(w) or _low(w) in V.NON_NAME_WORDS for w in words)
        ):
            c = _Cand(pi, offset + start, offset + m.end(), offset + start, words, [], "", True)
            c.written, c.context = par[start : m.end()], True
            out.append(c)
    return out


# A Hangul word: Korean writes a name as one word, the family name first, often with a particle
# after it ("김민준은", "김민준 씨"), never with capitals.
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_WORD_RE = re.compile(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3])([\uac00-\ud7a3]{2})")
# Particles and the honorific "씨" that may follow a name (topic, subject, object, genitive, "to").
_HANGUL_PARTICLES = frozenset("은 는 이 가 을 를 의 에게 께서 씨 도 와 과 님".split())


def _hangul_names(par: str, pi: int, offset: int) -> list[_Cand]:
    """Korean names written in Hangul: a family name of the lists and a listed two-syllable given
    name ("김민준"), alone or before a particle ("김민준은")."""
    out = []
    for m in _HANGUL_WORD_RE.finditer(par):
        rest = _hangul_tail(par, m.end())
        if rest and rest not in _HANGUL_PARTICLES:
            continue
        family, given = m.group(1), m.group(2)
        if surname_strength(family) and given_strength(given):
            c = _Cand(pi, offset + m.start(), offset + m.end(), offset + m.start(), [family, given], [], "", True)
            c.written, c.context = family + given, True
            out.append(c)
    return out


def _hangul_tail(par: str, end: int) -> str:
    """The Hangul syllables right after ``end`` (a particle, or the rest of a longer word)."""
    k = end
    while k < len(par) and "\uac00" <= par[k] <= "\ud7a3":
        k += 1
    return par[end:k]


@lru_cache(maxsize=name_data.WORD_CACHE)
def _name_key(name: str) -> tuple[str, ...]:
    """Folded words of a name; a Cyrillic word is reduced to its stem, so that the cases of one
    name fold together ("Аллы Ершовой" = "Алла Ершова")."""
    key = fold_name(name).split()
    return tuple(name_data.cyrillic_stem(t) if name_data.is_cyrillic(t) else t for t in key)


def _nominative(written: str) -> int:
    """How many words of a Cyrillic name are in the name lists as written (its nominative form)."""
    if not name_data.is_cyrillic(written):
        return 0
    t = name_data.tables()
    return sum(1 for w in written.split() if name_data.fold(w) in t.given or name_data.fold(w) in t.surname)


class _LowerWords:
    """The words an article writes in lower case (between spaces, or before a comma or a full
    stop: substring tests, far cheaper than collecting the article's words)."""

    def __init__(self, text: str):
        self.text = text
        self.seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.seen.get(word)
        if found is None:
            # (" word" followed by a space, a comma or a full stop, in one pass over the text)
            text, probe = self.text, f" {word}"
            at = text.find(probe)
            while at >= 0 and text[at + len(probe) : at + len(probe) + 1] not in (" ", ",", "."):
                at = text.find(probe, at + 1)
            found = self.seen[word] = at >= 0
        return found
# Internal capitals of surnames ("McConnell", "MacArthur", "DeSantis", "LeBron", "O'Brien"); any
# other inner capital marks a brand ("WeWork", "SoftBank", "StackAdapt").
_CAMEL_RE = re.compile(
    r"^(?!(?:Mc|Mac|De|Del|Della|Di|Da|Das|Dos|Du|La|Le|Van|Vande|Vander|Von|St|Fitz)[A-Z][a-z])([A-Z][a-z]+)([A-Z]\w*)"
)


@lru_cache(maxsize=name_data.WORD_CACHE)
def _is_brand(word: str, given_strong: int) -> bool:
    """A word with an inner capital, unless a part is a given name ("RoseAnn", "AshLee")."""
    m = _CAMEL_RE.match(word)
    return m is not None and max(given_strength(m.group(1)), given_strength(m.group(2))) < given_strong


def _not_a_name(tokens: list[str], lower: _LowerWords, o: PeopleOptions, first_alone: int = 0) -> str:
    """Why a run names a thing or a place, unless a title, a role or an apposition says otherwise:
    "brand" for an inner capital ("WeWork"), "place" for a place ("Belo Horizonte") or a place's
    paper or team ("Baltimore Sun", "Real Madrid"), "word" for common words that are no common
    names ("Magic Box", "Wild Rose", "Fan Vote"; "Will", "Brown" and "Hill" are common names and
    pass; a common word before a common surname is a nickname: "Greedy Williams"); "" for none."""
    tokens = _without_suffix(tokens)
    first, last = tokens[0], tokens[-1]
    if any(_is_brand(t, o.given_strong) for t in tokens):
        return "brand"
    # (a one-word place that is a common name too is a name: "Clinton", "Jackson")
    if name_data.is_place(" ".join(tokens)) and not (
        len(tokens) == 1 and max(given_strength(first), surname_strength(first)) >= o.surname_common
    ):
        return "place"
    if name_data.is_cyrillic(first) or name_data.korean_name(tuple(tokens)) or name_data.chinese_name(tuple(tokens)):
        return ""
    if any(_TRANSLITERATION_RE.search(t) for t in tokens[1:]):
        return "word"  # "Al Qur’an", "Al Maa-idah": a transliterated word, not a surname
    g, s = given_strength(first), surname_strength(last)
    # a place's paper ("Sacramento Bee"), a state's or a country's party ("Indiana GOP"; "Virginia
    # Giuffre" has a common given name), a place's team ("Real Madrid"; not "Marcel Granollers")
    if len(tokens) > 1 and (
        name_data.is_place(first) and g < o.given_strong
        or name_data.is_region(first) and s < o.surname_common and g < o.word_name_min
        or name_data.is_place(last) and s < o.surname_common and g < o.given_strong
    ):
        return "place"
    named = [max(given_strength(t), surname_strength(t)) >= o.word_name_min for t in tokens]
    # (a common name needs no look at the article's lower-case words)
    word = [
        len(t) > 1 and (name_data.is_word(t) or not n and name_data.fold(t) in lower)
        for t, n in zip(tokens, named, strict=True)
    ]
    # a word before a common surname is a name or a nickname ("Greedy Williams", "Peyton Manning"),
    # unless the surname is a word too and the first word no name at all ("Wild Rose"), or the
    # first word is written alone too ("Politico ... told Politico Wallace was chosen")
    if word[0] and not named[0] and not (
        len(tokens) > 1
        and not first_alone
        and s >= o.word_name_min
        and not name_data.is_place(last)
        and (not word[-1] or max(g, surname_strength(first)) >= o.surname_common)
    ):
        return "word"
    particle = len(tokens) > 2 and tokens[-2].lower() in V.INNER_PARTICLES  # "Osama bin Laden"
    if (
        len(tokens) > 1
        and word[-1]
        and not named[-1]
        and not particle
        and not (g >= o.word_name_min and s >= o.surname_listed)
    ):
        return "word"
    # (a middle word after a common given name is a middle name: "Penelope Muse Abernathy")
    if not (g >= o.word_name_min and not word[0] and not word[-1]):
        for t, w, n in zip(tokens[1:-1], word[1:-1], named[1:-1], strict=True):
            if w and not n and t.lower() not in V.NAME_PARTICLES:
                return "word"
    return ""


# An apostrophe followed by a lower-case letter, or a hyphen by a lower-case vowel, inside a word
# ("Qur’an", "Maa-idah"): transliterated words; names write a capital there ("O'Brien",
# "Al-Bashri") or a consonant ("Tsai Ing-wen"; a Korean "Jong-un" is read as Korean before this).
_TRANSLITERATION_RE = re.compile(r"\w(?:['’](?!s\b)[a-z]|-[aeiou])")


def _without_suffix(tokens: list[str]) -> list[str]:
    """A name without its generational suffix ("Martin Truex Jr." -> "Martin Truex")."""
    while len(tokens) > 2 and (_low(tokens[-1]) in V.NAME_SUFFIXES or tokens[-1] in _ROMAN_SUFFIXES):
        tokens = tokens[:-1]
    return tokens


def _looks_like_name(tokens: list[str], first_alone: int, last_alone: int, o: PeopleOptions) -> bool:
    """A full name without a title, a role or a cue verb, read from the words themselves: a
    common given name, or a listed given name with a listed surname, or an unknown first word
    with a common surname ("Adarius Taylor"); initials with a surname ("T.J. Carrie"); a Dutch or
    German particle inside ("Botic van de Zandschulp"); a romanised Korean or Chinese name; a
    Cyrillic given name or surname. A first word written alone more often than the last, which
    never is ("Nissan ... Nissan Sales"), names a brand and its product.
    """
    tokens = _without_suffix(tokens)
    first, last = tokens[0], tokens[-1]
    if name_data.east_asian_name(tuple(tokens)):
        return True
    if name_data.is_cyrillic(first):
        return given_strength(first) > 0 or _CYRILLIC_SURNAME_RE.search(last.lower()) is not None
    g, s = given_strength(first), surname_strength(last)
    if first_alone >= o.first_alone_min and not last_alone and g < o.given_strong:
        return False
    if all(len(t) == 1 for t in tokens[:-1]):
        return len(last) > 2
    if any(t.lower() in V.INNER_PARTICLES for t in tokens[1:-1]):
        return g > 0 or surname_strength(first) > 0  # not "Bereich der Gesundheitsversorgung"
    if not g and surname_strength(first) >= o.firm_surname and s >= o.surname_common:
        return False  # two surnames, the first a common US one: a firm ("Goldman Sachs")
    return g >= o.given_strong or g >= 1 and s >= o.surname_listed or s >= o.surname_common


# Surname endings of Russian, Ukrainian and Belarusian names, in any case ("Ершова", "Ершовой",
# "Рудьков", "Левицкая", "Янченко", "Осепчук").
_CYRILLIC_SURNAME_RE = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|енко|ук|юк|ич|ян|ых|их)(?:а|у|ым|ой|ом|е|ы|ой|ою|ого|ому|ую)?$"
)


# Words joining the names of a list ("Freddie Spencer and Evel Knievel", "A, B and C").
_COORDINATION_RE = re.compile(r"(?:,\s*|\s+)(?:(?:and|or|&|und|et|y|e)\s+)?|\s*,\s*(?:and|or)\s+")


def _coordinated(cands: list[_Cand], text: str, confirmed: set, vetoes: dict) -> None:
    """Full names listed with a confirmed person are people too ("Catherine Whitaker, David Law and
    Matt Roberts"), unless they read as a thing or a place. Adds their keys to ``confirmed``."""
    full = [c for c in cands if len(c.tokens) >= 2]
    changed = True
    while changed:
        changed = False
        for a, b in zip(full, full[1:], strict=False):
            if a.para != b.para or not _COORDINATION_RE.fullmatch(text, a.end, b.sstart):
                continue
            ka, kb = a.key, b.key
            for k, other in ((ka, kb), (kb, ka)):
                if k in confirmed or other not in confirmed or _is_org_tail(k):
                    continue
                if vetoes.get(k) in ("", "word", "org"):
                    confirmed.add(k)
                    changed = True


def _is_org_tail(key: tuple[str, ...]) -> bool:
    return key[-1] in V.ORG_PLACE_HEADS and key[-1] not in V.SURNAME_HEADS


def _single_person(c: _Cand, text: str, lower: _LowerWords, o: PeopleOptions) -> bool:
    """A one-word mention that is a person by its own evidence: a title, honorific, role noun or
    apposition ("Mr. Pouncey", "spokesman Ryabkov"), or a cue verb ("Pouncey said") when the
    word is a listed name, or the sentence goes on with "he" or "she"."""
    tok = c.tokens[0]
    if _thing_word(tok):
        # (a state or a country is a person only as "Ms. Georgia")
        return any(_low(w) in V.HONORIFICS for w in c.prefix)
    if c.context:
        return not (_is_brand(tok, o.given_strong) and not any(_low(w) in V.HONORIFICS for w in c.prefix))
    if not c.evidence or _not_a_name([tok], lower, o):
        return False
    if given_strength(tok) >= o.given_strong or surname_strength(tok) >= o.surname_listed:
        return True
    window = _SENT_CUT_RE.split(text[c.end : c.end + PRONOUN_WINDOW_CHARS], maxsplit=1)[0]
    return _PERSONAL_PRONOUN_RE.search(window) is not None


@lru_cache(maxsize=name_data.WORD_CACHE)
def _thing_word(tok: str) -> bool:
    """An organisation or place head, a role noun or a region: a person alone only after an honorific."""
    low = _low(tok)
    return low in V.ORG_PLACE_HEADS or low in V.ROLE_NOUNS or low in V.ROLE_PLURALS or name_data.is_region(tok)


_PERSONAL_PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.IGNORECASE)


def _resolve(cands: list[_Cand], text: str, o: PeopleOptions) -> list[_Cand]:
    """Keep the candidates that are people and give each the article-level full name.

    Full names (2+ words) need evidence somewhere in the article; variants fold together and
    display as their most frequent written form.  A one-word mention ("Kim", "Mr Kim",
    "President Putin") takes the full name sharing its first or last word, preferring one written
    with the same title, then one of the honorific's gender, then the most prominent.
    """
    lower = _LowerWords(text)
    for c in cands:
        c.key = _name_key(" ".join(c.tokens))
    # single words said by a cue or written with a title or an honorific ("Pouncey said", "Mr.
    # Pouncey"), and single words written alone at all (a word vouched for once is not read again)
    vouched: set[str] = set()
    for c in cands:
        if len(c.tokens) == 1 and c.key[0] not in vouched and _single_person(c, text, lower, o):
            vouched.add(c.key[0])
    alone = Counter(c.key[0] for c in cands if len(c.tokens) == 1)
    by_key: dict[tuple[str, ...], list[_Cand]] = defaultdict(list)
    for c in cands:
        if len(c.tokens) >= 2:
            by_key[c.key].append(c)
    # a full name with evidence anywhere in the article counts everywhere it is written; without
    # any, it needs the shape of a name and no occurrence naming a thing or a place
    confirmed = set()
    vetoes = {}
    for k, cs in by_key.items():
        # a very common full name stands against a determiner or a place preposition ("the Howard
        # Jones song") and quote marks ("‘Nellie Wall,’" as a pen name)
        first, last = cs[0].tokens[0], cs[0].tokens[-1]
        common = given_strength(first) >= o.word_name_min and surname_strength(last) >= o.word_name_min
        if any(c.titled for c in cs):
            confirmed.add(k)
            continue
        # a common full name ending in a place or organisation word ("Peter Hall", "Ana Park") is a
        # person where something says so and nothing puts a determiner or a preposition before it
        named = common and any(c.evidence for c in cs) and not any(c.against for c in cs)
        veto = vetoes[k] = (
            "work"
            if any(c.work for c in cs) and not common
            else "org"
            if any(c.org_head for c in cs) and not named
            else _not_a_name(cs[0].tokens, lower, o, alone[k[0]])
        )
        # otherwise a determiner or a place preposition before most of its occurrences makes it a
        # thing or a place
        # (a role noun or an apposition names a person even where the words read as a place:
        # "Windsor Mann, editor of ...", "spokesman Tovar Ebbeson")
        if (
            any(c.context for c in cs)
            and veto in ("", "word", "place")
            or any(c.evidence for c in cs)
            and veto in ("", "word")
            or not veto
            and (common or 2 * sum(c.against for c in cs) < len(cs))
            and (k[-1] in vouched or _looks_like_name(cs[0].tokens, alone[k[0]], alone[k[-1]], o))
        ):
            confirmed.add(k)
    _coordinated(cands, text, confirmed, vetoes)
    full = [c for c in cands if len(c.tokens) >= 2 and c.key in confirmed]
    # cluster full names by folded key; a key whose tokens (initials dropped) equal another's joins it
    clusters: dict[tuple[str, ...], list[_Cand]] = defaultdict(list)
    for c in full:
        clusters[c.key].append(c)
    keys = sorted(clusters, key=lambda k: -len(k))
    for k in keys:
        short = tuple(t for t in k if len(t) > 1)
        if short != k and short in clusters:
            clusters[short].extend(clusters.pop(k))
    # "Josh Apte" and "Joshua Apte": one person when the given names are one (a diminutive)
    by_surname: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in sorted(clusters, key=lambda k: (-len(clusters[k]), k)):
        if len(k) == 2:
            by_surname[k[1]].append(k)
    for ks in by_surname.values():
        for i, k in enumerate(ks):
            for other in ks[i + 1 :]:
                if k in clusters and other in clusters and name_data.same_given_name(k[0], other[0]):
                    clusters[k].extend(clusters.pop(other))
    # `Robert C. "Bobby" Scott` then "Bobby Scott": the nickname with the surname is the same person
    nicknamed: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k in list(clusters):
        for nick in {c.nickname for c in clusters.get(k, ())} - {()}:
            short = _name_key(" ".join((*nick, k[-1])))
            if short != k and short in clusters and k in clusters:
                clusters[k].extend(clusters.pop(short))
            nicknamed[k].add(short[0])
    display: dict[tuple[str, ...], str] = {}
    prominence: dict[tuple[str, ...], tuple[int, int]] = {}
    starts: dict[tuple[str, ...], list[int]] = {}
    for k, cs in clusters.items():
        starts[k] = sorted(c.start for c in cs)
        forms = Counter(c.written for c in cs)
        first_pos = min(c.start for c in cs)
        # the nominative of a name written in several cases ("Алла Ершова", not "Аллы Ершовой"), then
        # the fullest form the article gives ("Donald J. Trump", `Robert C. "Bobby" Scott` as "Robert
        # C. Scott" rather than "Bobby Scott"), then the most frequent, then the earliest
        best = max(
            forms.items(),
            key=lambda kv: (
                _nominative(kv[0]),
                len(kv[0].split()),
                kv[1],
                -min(c.start for c in cs if c.written == kv[0]),
            ),
        )
        display[k] = best[0]
        prominence[k] = (len(cs), -first_pos)
        for c in cs:
            c.name = best[0]
    # index clusters by first and last token for surname / given-name mentions
    by_token: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in clusters:
        suffixed = {k[-2]} if k[-1] in V.NAME_SUFFIXES and len(k) > 2 else set()
        for t in {k[0], k[-1]} | suffixed | nicknamed.get(k, set()):
            by_token[t].append(k)
    surnames = {k[-1] for k in clusters if len(k[-1]) > 1}
    cluster_titles = {k: {w.rstrip(".") for c in cs for w in c.prefix} for k, cs in clusters.items()}
    cluster_gender = {}
    for k, cs in clusters.items():
        gs = {c.gender for c in cs if c.gender}
        cluster_gender[k] = gs.pop() if len(gs) == 1 else (first_name_gender(cs[0].tokens[0]) or "")
    out: list[_Cand] = [c for c in full]
    for c in cands:
        if len(c.tokens) != 1:
            if c.name or len(c.tokens) > 3 or any(len(t) > 1 and t.isupper() for t in c.tokens):
                continue
            # an unconfirmed name sharing a confirmed person's surname is a relative ("his wife X Smith")
            key = c.key
            if key and key[-1] in surnames and key not in clusters and _low(c.tokens[-1]) not in V.ORG_PLACE_HEADS:
                c.name = c.written
                out.append(c)
            continue
        # (the key of one word is empty when the word folds to nothing)
        tok = c.key[0] if c.key else ""
        if not tok or tok in V.NON_NAME_WORDS:
            continue
        ks = by_token.get(tok)
        if not ks and not c.prefix and (tok in V.ORG_PLACE_HEADS or tok in V.ROLE_NOUNS or tok in V.ROLE_PLURALS):
            continue
        if not ks and tok in V.TITLES and not any(_low(w) in V.HONORIFICS for w in c.prefix):
            continue  # "the King said": a title alone is a person only as a known surname or after "Mr."
        if ks:
            # a title or honorific picks the full name written with that title or of that gender
            # ("President Clinton" -> the Clinton once called President; "Mr Trump" -> a man, one
            # known to be a man before one of unknown gender), then the most prominent one (most
            # full mentions); between equally frequent ones, the one written last before this
            # mention ("Secretary Jeh Johnson … Johnson said" after an earlier "Gary Johnson"),
            # then the earliest
            titles = {w for w in c.prefix if w.rstrip(".") in V.TITLES}

            def rank(k: tuple[str, ...], c: _Cand = c, titles: set[str] = titles) -> tuple:
                before = bisect_left(starts[k], c.start)
                last_before = starts[k][before - 1] if before else -1
                return (
                    bool(titles & cluster_titles[k]),
                    not c.gender or cluster_gender[k] in ("", c.gender),
                    bool(c.gender) and cluster_gender[k] == c.gender,  # "Mrs. Clinton": Hillary, not Bill
                    prominence[k][0],
                    last_before,
                    prominence[k][1],
                )

            best_k = max(ks, key=rank)
            c.name = display[best_k]
            out.append(c)
        elif tok in vouched:
            c.name = c.tokens[0]
            out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def find_mentions(
    paragraphs: list[str], options: PeopleOptions = DEFAULTS, context: Sequence[str] = ()
) -> list[Mention]:
    """Every person mention; ``Mention.name`` is the full name it resolves to in this article.

    ``context``: more text of the article that is not in its paragraphs (its title): the names
    there resolve the paragraphs' "Mr Putin" to the title's "Vladimir Putin", but are no mentions.
    """
    texts = [*paragraphs, *context]
    text = ARTICLE_SEP.join(texts)
    cands = _candidates(texts, options)
    if context:
        # a title is often in title case: only its plain names count ("Kim Jong Un Tells Vladimir
        # Putin" gives "Vladimir Putin"; "Donald Trump Praises Breitbart" gives nothing)
        cands = [c for c in cands if c.para < len(paragraphs) or _plain_name(c.tokens, options)]
    out = []
    for c in _resolve(cands, text, options):
        if c.para < len(paragraphs):
            out.append(Mention(c.para, c.sstart, c.end, text[c.sstart : c.end], c.name or c.written))
    return out


def _plain_name(tokens: list[str], o: PeopleOptions) -> bool:
    """Two or three words, none a common word that is no common name."""
    return 2 <= len(tokens) <= 3 and not any(
        name_data.is_word(t) and max(given_strength(t), surname_strength(t)) < o.word_name_min for t in tokens
    )


# --------------------------------------------------------------------------- profiles
def describe_people(paragraphs: list[str], mentions: list[Mention]) -> dict[str, Profile]:
    """Gender and descriptive words per person name, read from the text around its mentions.

    Gender votes, strongest first: honorific or gendered title in the surface ("Mr", "Queen"),
    gendered role noun or apposition ("spokeswoman X", "X, his wife"), then the first-name
    gazetteer on the full name.  Descriptors are the title/role words used with the name
    ("Russian President X" -> {"russian", "president"}), used to resolve "the Russian president".
    """
    text = ARTICLE_SEP.join(paragraphs)
    profiles: dict[str, Profile] = {}
    votes: dict[str, Counter] = defaultdict(Counter)
    starts = sorted({m.start for m in mentions})
    next_start = dict(zip(starts, starts[1:], strict=False))
    for m in mentions:
        p = profiles.get(m.name)
        if p is None:
            p = profiles[m.name] = Profile(m.name, first=m.start)
        p.n += 1
        surf_words = m.surface.split()
        name_len = len(m.name.split())
        for w in surf_words[: max(0, len(surf_words) - name_len)] if m.surface != m.name else []:
            lw = _low(w)
            g = V.HONORIFICS.get(lw) or V.TITLES.get(lw)
            if g:
                votes[m.name][g] += 3
            if lw not in V.HONORIFICS:
                p.descriptors.add(lw)
        # words before the surface, within the same paragraph
        before = text[max(0, m.start - 60) : m.start]
        before = before.rsplit("\n", 1)[-1]
        bw = before.split()
        for n, w in enumerate(reversed(bw[-4:])):
            lw = w.strip(",;:()").lower()
            # "the minister, X": a role noun right before the name's comma describes it too
            if n == 0 and w.endswith(",") and lw in V.ROLE_NOUNS:
                p.descriptors.add(lw)
                votes[m.name][V.ROLE_NOUNS[lw]] += 2 if V.ROLE_NOUNS[lw] else 0
                continue
            if w.endswith((",", ";", ":", ".")) or lw in V.DETERMINERS:
                break
            if lw in V.ROLE_NOUNS or lw in V.TITLES or w[:1].isupper():
                p.descriptors.add(_low(lw.replace("’s", "").replace("'s", "")))
                g = V.ROLE_NOUNS.get(lw) or V.TITLES.get(lw)
                if g:
                    votes[m.name][g] += 2
            else:
                break
        # pronouns later in the sentence, before any other person is named ("X said his …")
        nxt = next_start.get(m.start, len(text))
        window = _SENT_CUT_RE.split(text[m.end : min(nxt, m.end + PRONOUN_WINDOW_CHARS)], maxsplit=1)[0]
        pm = _PRONOUN_RE.search(window)
        if pm:
            votes[m.name][V.PRONOUN_GENDER[pm.group().lower()]] += 1
        words, g = _apposition_after(text, m.end)
        if words:
            p.descriptors.update(_low(w) for w in words)
            if g:
                votes[m.name][g] += 2
    for name, p in profiles.items():
        toks = name.split()
        if len(toks) >= 2:
            g = first_name_gender(toks[0])
            if g:
                votes[name][g] += 1
        if votes[name]:
            (g, n), *rest = votes[name].most_common()
            if not rest or rest[0][1] < n:
                p.gender = g
        p.descriptors.discard("")
    return profiles
