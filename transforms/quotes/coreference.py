"""Coreference: who "he", "she", "the Russian president" or "it" is.

Pronouns are resolved sentence by sentence backwards to a gender-compatible person, the subject
first; a person described but not named ("my father said") is an antecedent that gives no name.
Descriptions ("the Russian president") resolve through the titles and appositions used with
names; "a spokeswoman" and "my father" are new people, not resolved.  "it" and "they" resolve to
an organisation, a document or a group ("the council … it said").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from transforms import name_data
from transforms import speech_vocab as V
from transforms.quotes.article import UNNAMED, Attr, Doc, OrgName
from transforms.quotes.phrases import cue_at, is_thing_head
from transforms.quotes.tokens import Tok
from transforms.records import Mention


def collect_events(doc: Doc) -> None:
    """Person mentions outside quotes, as antecedents: (offset, name, paragraph, oblique)."""
    in_quote = [False] * len(doc.mentions)
    for k, m in enumerate(doc.mentions):
        in_quote[k] = doc.masked[m.start] == "\x00"
    for k, m in enumerate(doc.mentions):
        if not in_quote[k]:
            doc.events.append((m.start, m.name, m.paragraph_index, oblique(doc, m)))


def oblique(doc: Doc, m: Mention) -> bool:
    """True for a mention that is unlikely to be a clause subject: a possessive, the
    object of a preposition, or the object of a verb ("welcomed X", "respects X")."""
    after = doc.text[m.end : m.end + 2]
    if after in ("'s", "’s") or after[:1] in "'’" and m.surface.endswith("s"):
        return True
    before = doc.text[max(0, m.start - 60) : m.start].rsplit("\n", 1)[-1].split()
    k = len(before) - 1
    while (
        k >= 0
        and (before[k].lower() in V.ROLE_NOUNS or before[k][:1].isupper())
        and not before[k].endswith((",", ".", ":", ";"))
    ):
        k -= 1
    if k < 0:
        return False
    w = before[k]
    if w.endswith((",", ":", ";", "(", "—", "–", "-", '"', "“", "”", ".", "!", "?")):
        return False
    lw = w.lower().strip("(\"“”'‘’")
    if lw == "to" and k > 0 and before[k - 1].lower() == "according":
        return False
    if lw in ("and", "or", "nor"):
        w2 = before[k - 1].lower() if k > 0 else ""
        return w2 in V.PREPOSITIONS
    if lw in V.PREPOSITIONS:
        return True
    if lw in V.CLAUSE_WORDS or lw in V.INVERTING_CUES or lw in V.AUX_ADVERBS or lw in V.DETERMINERS:
        return False
    return w[:1].islower()  # a lower-case word right before a name: a verb taking it as object


def add_event(doc: Doc, pos: int, name: str, para: int) -> None:
    k = bisect_right(doc.events, (pos, "\uffff"))
    doc.events.insert(k, (pos, name, para, False))


def note(doc: Doc, attr: Attr | None, pos: int, para: int) -> None:
    """Record the subject or speaker of a sentence as an antecedent for later pronouns; a
    person described but not named ("my father said") is one too, under a placeholder name,
    so that "He" in the next sentence is not given to a person named further back."""
    if attr is None:
        return
    if attr.speaker:
        add_event(doc, pos, attr.speaker, para)
    elif attr.unnamed is not None:
        placeholder = f"{UNNAMED}{pos}"
        doc.unnamed[placeholder] = attr.unnamed
        doc.unnamed_text[placeholder] = attr.speaker_text or ""
        add_event(doc, pos, placeholder, para)


def gender_of(doc: Doc, name: str) -> str:
    if name.startswith(UNNAMED):
        return doc.unnamed.get(name, "")
    p = doc.profiles.get(name)
    return p.gender if p else ""


def sentence_key(doc: Doc, off: int, para: int) -> int:
    """Which sentence an offset is in (paragraphs left untokenised count as one sentence)."""
    if not doc.wanted[para]:
        return -1 - para
    return bisect_right(doc.sent_starts, off) - 1


def resolve_pronoun(doc: Doc, pos: int, para: int, gender: str, exclude: str | None = None) -> str | None:
    """The antecedent of a pronoun: sentences are searched from the nearest backwards and the
    first holding a person of compatible gender gives it -- its subject if it has one there,
    else the first such person in it ("The deal was praised by X. He said").  Past
    ``options.antecedent_paragraphs`` only a subject of the same known gender is taken.  An unnamed
    antecedent ("my father") gives None."""
    name = antecedent(doc, pos, para, gender, exclude)
    return None if name is None or name.startswith(UNNAMED) else name


def antecedent(doc: Doc, pos: int, para: int, gender: str, exclude: str | None) -> str | None:
    k = bisect_right(doc.events, (pos, "")) - 1
    fallback = None
    fallback_sent = 0
    while k >= 0:
        off, name, p, oblique = doc.events[k]
        k -= 1
        g = gender_of(doc, name)
        if name == exclude:
            continue
        if para - p > doc.options.antecedent_paragraphs:
            if fallback is None and gender and g == gender and not oblique:
                return name
            if fallback is not None:
                return fallback
            continue
        if not g or not gender or g == gender:
            if not oblique:
                if fallback is not None and sentence_key(doc, off, p) != fallback_sent:
                    return fallback  # an oblique mention in a nearer sentence
                if gender and not g:
                    # a name of unknown gender ("Hillsborough says"): a person of the pronoun's
                    # gender in the same sentence is the likelier antecedent ("Ana Cruz … says X is")
                    match = _same_sentence_match(doc, k, off, p, gender, exclude)
                    return match or name
                return name
            if fallback is None:
                fallback, fallback_sent = name, sentence_key(doc, off, p)
    return fallback


def _same_sentence_match(doc: Doc, k: int, off: int, para: int, gender: str, exclude: str | None) -> str | None:
    """The nearest non-oblique person of ``gender`` among events[..k] in the sentence of ``off``."""
    key = sentence_key(doc, off, para)
    while k >= 0:
        o, name, p, oblique = doc.events[k]
        if p != para or sentence_key(doc, o, p) != key:
            return None
        if name != exclude and not oblique and gender_of(doc, name) == gender:
            return name
        k -= 1
    return None


def resolve_description(doc: Doc, words: list[str], pos: int, para: int, exclude: str | None = None) -> str | None:
    """The person a description names: the one described with its head noun (and most of its
    modifiers) in the article; failing that, for a definite or gendered description ("the
    spokesman", "Smith's son", not "Smith's doctor" or "my father"), the nearest compatible
    person."""
    head = words[-1]
    if words[0] in V.FIRST_PERSON_POSSESSIVES:
        return None  # "my father": the writer's or speaker's relative, not a person named here
    mods = set(words[:-1]) - V.DETERMINERS
    best, best_score = None, 0.0
    for name, p in doc.profiles.items():
        if p.first > pos + 1000 or head not in p.descriptors or name == exclude:
            continue
        score = 2 + len(mods & p.descriptors) + (0.5 if p.first < pos else 0)
        if score > best_score:
            best, best_score = name, score
    if best:
        return best
    gender = V.ROLE_NOUNS.get(head, "")
    if words[0] not in V.DEFINITE_DETERMINERS and not gender:
        return None  # "Smith's doctor", "a spokesperson": nothing ties it to a person named earlier
    if head not in V.TITLES and head not in V.STANDING_ROLES and not gender:
        return None  # "the announcer", "the investigator": a part played, not a standing someone named here holds
    return resolve_pronoun(doc, pos, para, gender, exclude=exclude)


def thing_subject(toks: list[Tok]) -> tuple[int, int] | bool:
    """The subject of a sentence when it is an organisation, a document or a group ("The city
    council voted", "During the talks, the Daily Courier wrote", "Acme Corp's board said"):
    (first, last) tokens; True when the subject is a person (a name, a role, he/she), False
    when none is found (a headline in title case has none)."""
    n = len(toks)
    words = [t for t in toks if t.text[0].isalpha()]
    if len(words) >= 4 and sum(t.cap for t in words) >= 0.7 * len(words):
        return False
    i = 0
    if n > 2 and toks[0].text.isupper() and toks[1].text in ("—", "–", "-", "--"):
        i = 2  # a dateline: "BERLIN — …"
    if i < n and (
        toks[i].low in V.PREPOSITIONS
        or toks[i].low in V.ADVERBIAL_OPENERS
        or toks[i].low in V.AUX_ADVERBS
        or toks[i].low in V.TIME_WORDS
        or toks[i].low.endswith("ly")
        and not toks[i].cap
    ):
        # an opening adverbial: "Meanwhile, …", "On Monday, …"
        comma = next((k for k in range(i + 1, min(n, i + 10)) if toks[k].text == ","), None)
        if comma is None:
            return False
        i = comma + 1
    j = i
    while j < n and (toks[j].low in V.DETERMINERS or toks[j].low in V.QUANTIFIERS) and toks[j].mention < 0:
        j += 1
    determined = j > i
    head = -1
    person = False
    while j < n and j - i < 8:
        t = toks[j]
        low = t.low
        if t.quote >= 0 or not t.text[0].isalnum() and t.text not in ("-", "&"):
            break
        if is_thing_head(toks, j, determined):
            head, person = j, False
        elif t.mention >= 0 or low in ("he", "she") or low in V.ROLE_NOUNS:
            head, person = -1, True  # a person, unless an organisation word follows ("Lopez's campaign")
        elif t.cap or t.text in ("-", "&") or low.endswith(("’s", "'s")):
            pass  # part of a name ("Tampa Bay Times") or a possessive ("Acme's")
        elif (
            low in V.AUX_ADVERBS
            or low in V.PREPOSITIONS
            or low in V.COORDINATORS
            or low in V.CLAUSE_WORDS
            or low in V.CUE_FORMS
            or low in V.DETERMINERS
            or head >= 0
        ):
            break  # the verb or what follows the subject
        j += 1
    return (i, head) if head >= 0 else person


def thing_clause_subject(toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The nearest thing phrase before token ``end`` that is the subject of a clause (a verb
    follows it: "A spokesman said the company had backed the plan because it believed …")."""
    for h in range(end - 1, 0, -1):
        nxt = toks[h + 1] if h + 1 < len(toks) else None
        if nxt is None or not (nxt.low in V.AUX_ADVERBS or cue_at(toks, h + 1)):
            continue
        determined = toks[h - 1].low in V.DETERMINERS
        if not is_thing_head(toks, h, determined):
            continue
        k = h
        while k > 0 and k - h < 5:
            p = toks[k - 1]
            if p.low in V.DETERMINERS or p.low in V.QUANTIFIERS:
                k -= 1
                break
            if p.quote >= 0 or not p.text[0].isalnum() or not (p.cap or p.low.endswith(("’s", "'s"))):
                break
            k -= 1
        return k, h
    return None


def thing_antecedent(doc: Doc, pos: int) -> tuple[int, int] | None:
    """Offsets of the phrase an "it" / "they" at ``pos`` refers to: a clause subject before it in its
    sentence ("the company had … because it"), else the subject of the nearest earlier sentence
    (within ``options.antecedent_paragraphs``) that is an organisation, a document or a group -- "it"
    skips sentences about people; "they" stops at one (its antecedent is then a person or
    people, left unresolved)."""
    if pos in doc.things:
        return doc.things[pos]
    plural = doc.text[pos : pos + 4].lower() == "they"
    para = bisect_right(doc.para_offsets, pos) - 1
    found = None
    for p in range(para, max(-1, para - doc.options.antecedent_paragraphs - 1), -1):
        for st in reversed(doc.all_sentences(p)):
            if st.start >= pos or not st.toks:
                continue
            toks = st.toks
            if st.end >= pos:  # the pronoun's own sentence
                end = next((k for k, t in enumerate(toks) if t.start >= pos), len(toks))
                sub = thing_clause_subject(toks, end)
                if sub is not None and (plural or toks[sub[1]].low not in V.ROLE_PLURALS):
                    found = (toks[sub[0]].start, toks[sub[1]].end)
                    break
            sub = thing_subject(toks)
            if sub is True:
                if plural:
                    break  # "they" after a sentence about a person: people, not a thing
            elif sub and toks[sub[1]].end <= pos and (plural or toks[sub[1]].low not in V.ROLE_PLURALS):
                found = (toks[sub[0]].start, toks[sub[1]].end)
                break
        else:
            continue
        break
    doc.things[pos] = found
    return found


# A name of an author: capitalised words, with "of", "for", "and", "the" inside ("U.S. PIRG Education
# Fund and Citizens for Tax Justice", "the Trump campaign").
_AUTHOR = r"((?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|the|on)\s+)?[A-Z][\w.&'’-]*){0,8}(?:\s+campaign)?)"
_PUBLISH_VERBS = "released|issued|sent|wrote|published|filed|posted|tweeted|emailed|put out|signed|produced|aired"


@lru_cache(maxsize=64)
def _author_patterns(head: str) -> tuple[re.Pattern, ...]:
    h = rf"{head}s?\b"
    return (
        re.compile(_AUTHOR + r"['’]s?\s+(?:[\w-]+\s+){0,3}" + h),  # "Acme's annual report"
        re.compile(r"\b" + h + r"\s+(?:from|by|of)\s+" + _AUTHOR),  # "a letter from Jane Roe"
        re.compile(_AUTHOR + rf"\s+(?:{_PUBLISH_VERBS})\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,3}}" + h),
        # "the authors of the report, which include the Acme Fund"
        re.compile(r"\bauthors?\s+of\s+(?:the|this|a)\s+" + h + r",?\s+(?:which|who)\s+(?:includes?|are)\s+" + _AUTHOR),
        # "a group of parents sent a letter": an author the article describes without naming (last)
        re.compile(
            r"\b([Aa]n?\s+(?:[a-z][\w-]*\s+){1,9}?)(?:" + _PUBLISH_VERBS + r")\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}" + h
        ),
    )


def document_author(doc: Doc, head: str, pos: int) -> tuple[str, str] | None:
    """Who wrote the document a phrase like "the letter" at ``pos`` refers to, and what they are
    ("" for a person, "organisation", "description"): the author named with the nearest earlier mention of
    that document ("Jane Roe's letter", "a letter from the Acme Fund", "a group of parents sent a
    letter"), however far back: a document is introduced once and referred to after."""
    if doc.text.find(head, 0, pos) < 0:
        return None  # every pattern's match holds the word itself before pos (a third of the calls)
    best: tuple[int, int, bool] | None = None
    patterns = _author_patterns(head)
    for n, pattern in enumerate(patterns):
        for m in pattern.finditer(doc.text, 0, pos):
            if best is None or m.start(1) > best[0]:
                best = (m.start(1), m.end(1), n == len(patterns) - 1)
    if best is None:
        return None
    start, end, described = best
    k = bisect_right(doc.mention_starts, end - 1) - 1
    if k >= 0 and doc.mentions[k].start >= start:
        return doc.mentions[k].name, ""
    written = doc.text[start:end].strip()
    if described:
        return written, "description"
    org = org_name(doc, start + (4 if written.lower().startswith("the ") else 0), end, vouched=True)
    return (org.name, "organisation") if org is not None else None

# An organisation's name as written: capitalised words with "of", "for", "and", "on", "the" inside
# ("U.S. Court of Appeals for the Sixth Circuit"), after an optional "the".
_ORG_NAME_RE = re.compile(
    r"(?<![\w.&'’-])(?:[Tt]he\s+)?([A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|on|the)\s+){0,2}[A-Z][\w.&'’-]*){0,8})"
)
_NEXT_WORD_RE = re.compile(r"\s*([a-z]+)")
# An organisation word in apposition: "the bank, NatWest," / "NatWest, the bank's parent".
_APPOSED_BEFORE_RE = re.compile(r"\b(?:the|its|their|a|an)\s+(?:[\w'’-]+\s+){0,2}?([a-z]+),\s*$")
_APPOSED_AFTER_RE = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,2}?([a-z]+)\b")


def org_name(doc: Doc, start: int, end: int, vouched: bool = False) -> OrgName | None:
    """The capitalised phrase doc.text[start:end] as an organisation's name, or None: it must not be
    a person, a place or a common word, and must read as an organisation -- a word of
    ``V.ORG_KINDS`` in it ("Acme Group"), one in apposition ("the bank, NatWest,") or a verb after
    it that shows it acting ("WikiLeaks said", "Acme has") -- unless ``vouched`` (the author of a report)."""
    name = doc.text[start:end]
    for tail in ("'s", "’s"):
        if name.endswith(tail):
            name, end = name[: -len(tail)], end - len(tail)
    words = name.split()
    lows = [w.lower().rstrip(".") for w in words]
    k = bisect_right(doc.mention_starts, end - 1) - 1
    if k >= 0 and doc.mentions[k].end > start or doc.masked[start] == "\x00":
        return None  # a person, or words inside a quote
    if all(w in V.NON_NAME_WORDS or w in V.TIME_WORDS or w in V.TITLES or len(w) < 2 for w in lows):
        return None
    if name_data.is_place(name) or len(words) == 1 and name_data.is_word(lows[0]):
        return None
    heads = {w for w in lows if w in V.ORG_KINDS}
    before = _APPOSED_BEFORE_RE.search(doc.text, max(0, start - 60), start)
    after = _APPOSED_AFTER_RE.match(doc.text, end)
    heads |= {m.group(1) for m in (before, after) if m is not None and m.group(1) in V.ORG_KINDS}
    nxt = _NEXT_WORD_RE.match(doc.text, end)
    acting = nxt is not None and (nxt.group(1) in V.ORG_ACTION_WORDS or nxt.group(1) in V.CUE_FORMS)
    if not heads and not acting and not vouched:
        return None
    return OrgName(start, end, name, frozenset(heads), frozenset(V.ORG_KINDS[h] for h in heads))


def organisation_names(doc: Doc) -> list[OrgName]:
    """Every organisation name of the article outside quotes, in order (computed once)."""
    if doc.org_names is None:
        found = (org_name(doc, m.start(1), m.end(1)) for m in _ORG_NAME_RE.finditer(doc.text))
        doc.org_names = [o for o in found if o is not None]
    return doc.org_names


def resolve_organisation(doc: Doc, head: str, pos: int, kind: str = "") -> str | None:
    """The organisation a description like "the company" at ``pos`` refers to: the nearest earlier name
    written with that word or in apposition to it ("the Acme Group", "the bank, NatWest,"), else the
    nearest of the same kind ("the company" -> "Acme Holdings"), else the nearest that holds no
    organisation word at all (a brand, "NatWest", acting in the article)."""
    kind = kind or V.ORG_KINDS.get(head, "")
    earlier = [o for o in organisation_names(doc) if o.end <= pos]
    for fits in (lambda o: head in o.heads, lambda o: kind in o.kinds, lambda o: not o.kinds):
        found = [o for o in earlier if fits(o)]
        if found:
            return found[-1].name
    return None


def thing_speaker(doc: Doc, start: int, end: int) -> tuple[str, str]:
    """The speaker an "it" / "they" stands for, from its antecedent phrase doc.text[start:end], and
    what it is: the organisation the article names ("the company" -> "Acme Holdings"; "the Daily
    Courier" -> "Daily Courier"), else the phrase as a description ("three economists")."""
    phrase = doc.text[start:end]
    words = phrase.split()
    head = words[-1].lower()
    if words[0].lower() in V.DEFINITE_DETERMINERS and head in V.ORG_KINDS and not words[-1][0].isupper():
        org = resolve_organisation(doc, head, start)
        if org is not None:
            return org, "organisation"
    bare = start + (len(words[0]) + 1 if words[0].lower() == "the" and len(words) > 1 else 0)
    org = org_name(doc, bare, end, vouched=True) if doc.text[bare : bare + 1].isupper() else None
    if org is not None:
        return org.name, "organisation"
    return phrase, "description"
