"""From a cue to the words that name its speaker, and from those words to a person.

The subject of a cue is searched leftwards (``X said``, ``X, a professor at Y, said``, ``Y quoted
X as saying``, ``X was quoted by Y as saying``) or rightwards (``said X``, ``according to X``); a
noun phrase is classified as a name (``transforms.people`` mentions), a pronoun or a description
(resolved by ``coreference``) or a non-person phrase ("state media", "the Kremlin", "31 percent")
whose speaker is None.
"""

from __future__ import annotations

from transforms import speech_vocab as V
from transforms.quotes.article import UNNAMED, Attr, Doc
from transforms.quotes.coreference import (
    antecedent,
    document_author,
    gender_of,
    org_name,
    resolve_description,
    resolve_organisation,
    resolve_pronoun,
)
from transforms.quotes.phrases import CUE_OR_ACCORDING, PASSIVE_PP_RE, cue_at, np_left, np_right, passive
from transforms.quotes.tokens import Sent, Tok

# Prepositions before the addressee or place of a message ("sent a text to supporters saying"), whose
# object is not the speaker of the participle after it -- unlike "footage of X saying", "with X saying".
_ADDRESSEE_PREPOSITIONS = frozenset({"to", "at", "on", "in", "into", "toward", "towards"})


def speaker_words(doc: Doc, start: int, end: int, speaker: str | None, **kw) -> Attr:
    """The words doc.text[start:end] taken as the speaker, who is ``speaker`` (None: not a person)."""
    return Attr(doc.text[start:end], speaker, None, start=start, end=end, **kw)


def apposed_name(doc: Doc, toks: list[Tok], np: tuple[int, int], a: int, b: int) -> Attr | None:
    """The person named by toks[a:b] when that segment is just a name and the phrase np
    is a description headed by a role noun ("the minister, Lena Fischer,", "Park's niece,
    state Sen. Ana Park (D-Ohio),"); one extra word and a closing parenthesis are allowed."""
    if toks[np[1]].low in V.NONPERSON_NOUNS or toks[np[1]].low in V.ORG_KINDS:
        return _apposed_organisation(doc, toks, np, a, b)
    roles = [x for x in range(np[0], np[1] + 1) if toks[x].low in V.ROLE_NOUNS and toks[x].mention < 0]
    if toks[np[1]].mention >= 0 or not roles or any(toks[x].mention >= 0 for x in range(roles[-1], np[1] + 1)):
        return None  # np must be a description: a role noun, possibly linked ("chief of staff"), no name after it
    if b - 1 > a and toks[b - 1].text == ")":
        k = b - 2
        while k > a and toks[k].text != "(":
            k -= 1
        if toks[k].text == "(":
            b = k  # "(D-Ohio)": a party and state label, not part of the segment
    inner = [k for k in range(a, b) if toks[k].mention >= 0]
    if not inner or any(toks[k].mention != toks[inner[0]].mention for k in inner) or b - a > len(inner) + 1:
        return None
    m = doc.mentions[toks[inner[0]].mention]
    return speaker_words(doc, toks[np[0]].start, toks[b - 1].end, m.name)


def _apposed_organisation(doc: Doc, toks: list[Tok], np: tuple[int, int], a: int, b: int) -> Attr | None:
    """The organisation named by toks[a:b] in apposition to a non-person phrase np ("Acme's corporate
    parent, the Zenith Group,"): a capitalised name, "the" and linking words allowed."""
    k = a + (a < b and toks[a].low == "the")
    if k >= b or not toks[k].cap or toks[b - 1].text[0].islower():
        return None
    if any(t.mention >= 0 or not (t.cap or t.low in ("of", "for", "and", "on", "the")) for t in toks[k:b]):
        return None
    org = org_name(doc, toks[k].start, toks[b - 1].end, vouched=True)
    if org is None:
        return None
    return speaker_words(doc, toks[np[0]].start, toks[b - 1].end, org.name, what="organisation")


def classify(doc: Doc, toks: list[Tok], a: int, b: int, sent: Sent) -> Attr | None:
    """Turn the noun phrase toks[a..b] into (speaker_text, speaker)."""
    s, e = toks[a].start, toks[b].end
    # the rightmost mention inside the phrase names the speaker, unless it is a possessive
    # before a role noun ("Donald Trump's son": a description of someone else)
    if toks[a].low == "the" and a < b and toks[b].cap and toks[b].low in V.ORG_PLACE_HEADS:
        return speaker_words(doc, s, e, None)  # "the New York Post", "the Justice Department"
    for k in range(b, a - 1, -1):
        if toks[k].mention >= 0:
            m = doc.mentions[toks[k].mention]
            if k < b and toks[b].low in V.ORGANISATION_NOUNS and toks[b].mention < 0:
                return speaker_words(doc, s, e, None)  # "Maria Lopez's campaign": an organisation
            if k < b and toks[b].low in V.ROLE_NOUNS and toks[b].mention < 0:
                words = [t.low for t in toks[k + 1 : b + 1] if t.text[0].isalnum()]
                name = resolve_description(doc, words, toks[b].start, sent.para, exclude=m.name)
                return speaker_words(doc, s, e, name, resolved="description" if name else "")
            m = doc.mentions[toks[k].mention]
            return speaker_words(doc, s, e, m.name)
    head = toks[b].low
    if head in V.SUBJECT_PRONOUNS:
        written = toks[b].text[: len(head)]  # "He’s" -> "He"
        if head in ("he", "she"):
            gender = V.PRONOUN_GENDER[head]
            sub = sentence_subject(doc, sent, b) if b > 1 else None
            if sub is not None and sub.start < toks[b].start and sub.unnamed == gender:
                # "My mother … she still says": the unnamed subject of the pronoun's own sentence
                return Attr(sub.speaker_text, None, None, start=toks[b].start, end=toks[b].start + len(head))
            if sub is not None and sub.start < toks[b].start and sub.speaker and gender_of(doc, sub.speaker) == gender:
                name = sub.speaker  # "Lee praised the plan before he said": the sentence's subject
                return Attr(written, name, None, start=toks[b].start, end=toks[b].start + len(head), resolved="pronoun")
            name = antecedent(doc, toks[b].start, sent.para, gender, None)
            if name is not None and name.startswith(UNNAMED):
                # a person described but not named ("my father said … He also told"): the
                # description is what the article says of the speaker
                return Attr(
                    doc.unnamed_text.get(name, written), None, None, start=toks[b].start, end=toks[b].start + len(head)
                )
            resolved = "pronoun" if name else ""
            return Attr(written, name, None, start=toks[b].start, end=toks[b].start + len(head), resolved=resolved)
        if head in ("it", "they"):
            return Attr(written, None, None, thing=toks[b].start, start=toks[b].start, end=toks[b].start + len(head))
        return Attr(written, None, None, start=toks[b].start, end=toks[b].start + len(head))
    if head in V.RELATIVES:
        # "X, who said": the phrase before the comma
        k = a - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        if k >= 0:
            np = np_left(toks, k)
            if np:
                return classify(doc, toks, np[0], np[1], sent)
        return None
    words = [t.low for t in toks[a : b + 1] if t.text[0].isalnum()]
    if head in V.ROLE_NOUNS and head not in V.NONPERSON_NOUNS:
        if toks[a].low in V.INDEFINITE_DETERMINERS:  # "a spokeswoman": someone not named before
            return speaker_words(doc, s, e, None, unnamed=V.ROLE_NOUNS[head])
        name = resolve_description(doc, words, toks[b].start, sent.para)
        return speaker_words(
            doc, s, e, name, unnamed=None if name else V.ROLE_NOUNS[head], resolved="description" if name else ""
        )
    definite = toks[a].low in V.DEFINITE_DETERMINERS and b - a <= 3 and not toks[b].cap
    if head in V.DOCUMENT_NOUNS and definite and b - a <= 2:
        # "the letter said": the person (or organisation, or group described) the article names as
        # the letter's author speaks; "the ruling said": the court that ruled
        author = document_author(doc, head, s)
        if author is not None:
            return speaker_words(doc, s, e, author[0], resolved="description", what=author[1])
        org = resolve_organisation(doc, head, s, V.DOCUMENT_ORG_KIND[head]) if head in V.DOCUMENT_ORG_KIND else None
        if org is not None:
            return speaker_words(doc, s, e, org, resolved="description", what="organisation")
    if head in V.ORG_KINDS and definite and all(not t.cap for t in toks[a + 1 : b]):
        # "the company said": the company the article names ("Acme Holdings")
        org = resolve_organisation(doc, head, s)
        if org is not None:
            return speaker_words(doc, s, e, org, resolved="description", what="organisation")
    if head in V.ROLE_PLURALS or head in V.NONPERSON_NOUNS or toks[b].cap:
        return speaker_words(doc, s, e, None)
    if toks[a].low in V.DETERMINERS and a < b or any(toks[k].cap for k in range(a, b + 1)):
        return speaker_words(doc, s, e, None, generic=True)  # "the press", "NatWest's parent"
    return None


def perceived_speaker(doc: Doc, toks: list[Tok], k: int, sent: Sent) -> Attr | None:
    """`she recalls his saying`, `I remember Ana Ruiz telling me`: the object of a verb of
    memory or perception (V.PERCEPTION_VERBS) before the speech verb at k is the speaker."""
    j = k - 1
    o = toks[j]
    if o.mention >= 0:
        while j > 0 and toks[j - 1].mention == o.mention:
            j -= 1
    elif o.low not in V.PERCEIVED_OBJECTS:
        return None
    if j == 0 or toks[j - 1].low not in V.PERCEPTION_VERBS:
        return None
    if o.mention >= 0:
        m = doc.mentions[o.mention]
        return speaker_words(doc, toks[j].start, o.end, m.name)
    gender = V.PRONOUN_GENDER.get(o.low, "")
    name = resolve_pronoun(doc, o.start, sent.para, gender) if gender in ("m", "f") else None
    return speaker_words(doc, o.start, o.end, name, resolved="pronoun" if name else "")


def perceived_after(doc: Doc, toks: list[Tok], k: int, sent: Sent) -> Attr | None:
    """The speaker when the cue at k is a verb of memory or perception followed by its object
    and a speech verb (`she recalls his saying`), with that speech verb as the cue."""
    if toks[k].low not in V.PERCEPTION_VERBS or k + 2 >= len(toks):
        return None
    s = k + 1
    if toks[s].mention >= 0:
        while s + 1 < len(toks) and toks[s + 1].mention == toks[k + 1].mention:
            s += 1
    elif toks[s].low not in V.PERCEIVED_OBJECTS:
        return None
    s += 1
    if s >= len(toks) or toks[s].low not in V.PERCEIVED_SPEECH:
        return None
    a = perceived_speaker(doc, toks, s, sent)
    if a is not None:
        a.cue = toks[s].text
    return a


def subject_left(doc: Doc, toks: list[Tok], k: int, sent: Sent, lemma: str) -> Attr | None:
    """The subject of the cue at token k, searching leftwards."""
    i = k - 1
    if k >= 2 and toks[k].low in V.PERCEIVED_SPEECH:
        a = perceived_speaker(doc, toks, k, sent)
        if a is not None:
            return a
    # "as saying" after "quoted/cited": "Y quoted X as saying", "X was quoted by Y as saying"
    if i >= 0 and toks[i].low == "as" and lemma in ("say", "tell", "write"):
        for j in range(i - 1, max(-1, i - 15), -1):
            if V.CUE_FORMS.get(toks[j].low) in ("quote", "cite"):
                if j > 0 and toks[j - 1].low in V.PASSIVE_AUX:
                    return subject_left(doc, toks, j - 1, sent, "quote")
                np = np_right(toks, j + 1)
                if np:
                    return classify(doc, toks, np[0], np[1], sent)
                break
    if i >= 0 and toks[i].text == "," and toks[k].low.endswith("ing"):
        # "…, saying": a participle hangs on the main clause, whose subject speaks -- the subject of
        # the reporting verb before it when there is one ("…, Nefzi said, adding, …")
        sub = _previous_cue_subject(doc, toks, k, sent) or sentence_subject(doc, sent, k)
        if sub is not None:
            return sub
    while i >= 0:
        t = toks[i]
        if t.text == ")":
            j = i - 1
            while j >= 0 and i - j < 10 and toks[j].text != "(":
                j -= 1
            if j >= 0 and toks[j].text == "(":
                i = j - 1
                continue
        if t.low in V.AUX_ADVERBS or (t.low.endswith("ly") and not t.cap and t.mention < 0):
            i -= 1
            continue
        if t.text == "," and i > 0:
            # skip a parenthetical ", meanwhile," / ", the North Korean strongman,"
            j = i - 1
            while j >= 0 and toks[j].text != "," and toks[j].quote < 0 and i - j < 20:
                j -= 1
            if j >= 0 and toks[j].text == "," and j < i - 1:
                np = np_left(toks, j - 1) if j > 0 else None
                if np:
                    # "The minister, Lena Fischer, said": a name in apposition to a description
                    named = apposed_name(doc, toks, np, j + 1, i)
                    return named or classify(doc, toks, np[0], np[1], sent)
            break
        break
    if i < 0:
        return None
    t = toks[i]
    if t.low in V.COORDINATORS or t.text == "," or t.quote >= 0 or t.text in ("—", "–", "-"):
        if lemma and (toks[k].low.endswith("ing") or t.low in V.COORDINATORS):
            # "Lazar said … and added": the subject of the first verb
            return _previous_cue_subject(doc, toks, k, sent) or sentence_subject(doc, sent, k)
        return None
    np = np_left(toks, i)
    if np is None:
        # "X, commenting on the war, said": the clause subject further left
        return sentence_subject(doc, sent, k)
    if (
        np[0] > 0
        and toks[np[0] - 1].low in V.PREPOSITIONS
        and toks[np[0]].text[0].isalpha()
        and k - np[1] == 1
        and not toks[k].low.endswith("ing")
    ):
        # "Another source speaking to Fox News said": the phrase before the cue is an object (but
        # "footage of X saying": the participle's subject)
        opening = opening_subject(doc, toks, k, sent)
        if opening is not None:
            return opening
    attr = classify(doc, toks, np[0], np[1], sent)
    if attr is not None and toks[k].low.endswith("ing") and toks[np[1]].low in V.DOCUMENT_NOUNS:
        attr = None  # "X issued a statement saying": X speaks
    if (
        attr is not None
        and toks[k].low.endswith("ing")
        and np[0] > 0
        and toks[np[0] - 1].low in _ADDRESSEE_PREPOSITIONS
    ):
        attr = None  # "X sent an email to supporters saying": the addressee does not speak
    if attr is None or attr.generic:
        sub = sentence_subject(doc, sent, k)
        return sub if sub is not None and (sub.speaker or attr is None) else attr
    return attr


def opening_subject(doc: Doc, toks: list[Tok], k: int, sent: Sent) -> Attr | None:
    """The noun phrase opening the clause of the cue at k, for a cue whose subject the leftward search
    missed: `X, <an apposition too long to skip>, said, "…"`, `Another source familiar with it said`,
    `Bryne went on to say, "…"`; None when another reporting verb stands between."""
    c = k
    while c > 0 and toks[c - 1].quote < 0 and toks[c - 1].text not in (";", ":", "—", "–"):
        c -= 1
    if c < k and toks[c].low in V.COORDINATORS:
        c += 1
    if c < k and (toks[c].low in V.ADVERBIAL_OPENERS or toks[c].low in V.PREPOSITIONS):
        # an opening adverbial ("So far, X …"): the subject follows its comma
        comma = next((x for x in range(c + 1, k) if toks[x].text == ","), None)
        if comma is None:
            return None
        c = comma + 1
    np = np_right(toks, c) if c < k else None
    if np is None or np[1] >= k:
        return None
    if any(cue_at(toks, x) and not toks[x].low.endswith("ing") for x in range(np[1] + 1, k)):
        return None  # another verb reports (a participle, "noting …", does not)
    return classify(doc, toks, np[0], np[1], sent)


def verb_before(doc: Doc, toks: list[Tok], mark: int, sent: Sent) -> Attr | None:
    """`X shot back: "…"`, `X interjected: "…"`, `she fired back forcefully, "…"`: a person (a name or a
    pronoun) and up to ``options.verb_before_words`` lower-case words of a verb the vocabulary does not
    list, then the colon or comma at ``mark`` before the quote; before a comma the verb must read as
    past tense or take a particle ("after she arrived, …" is no reporting clause)."""
    j = mark - 1
    while j >= 0 and mark - j <= doc.options.verb_before_words and toks[j].text[0].islower() and toks[j].mention < 0:
        low = toks[j].low
        if low in V.PREPOSITIONS and low not in V.SPEECH_PARTICLES or low in V.DETERMINERS:
            return None
        if low in V.CLAUSE_WORDS or low in V.COORDINATORS or cue_at(toks, j):
            return None  # a listed cue is the other rules' (cue_before)
        j -= 1
    if j < 0 or j == mark - 1 or not (toks[j].mention >= 0 or toks[j].low in V.PERSON_PRONOUNS):
        return None
    verb = toks[j + 1].low
    if toks[mark].text == "," and not (verb.endswith("ed") or j + 2 < mark and toks[j + 2].low in V.SPEECH_PARTICLES):
        return None
    np = np_left(toks, j)
    a = None if np is None else classify(doc, toks, np[0], np[1], sent)
    if a is not None:
        a.cue = toks[j + 1].text
    return a


def _previous_cue_subject(doc: Doc, toks: list[Tok], k: int, sent: Sent) -> Attr | None:
    """The subject of the nearest finite reporting verb before token k in its sentence."""
    for j in range(k - 1, -1, -1):
        if toks[j].quote < 0 and not toks[j].low.endswith("ing"):
            lemma = cue_at(toks, j)
            if lemma and lemma != "according to":
                return subject_left(doc, toks, j, sent, lemma)
    return None


def sentence_subject(doc: Doc, sent: Sent, limit: int) -> Attr | None:
    toks = sent.toks
    for i in range(min(limit, len(toks))):
        t = toks[i]
        if t.quote >= 0:
            continue
        if t.mention >= 0:
            if i > 0 and toks[i - 1].mention == t.mention:
                continue  # the rest of a name already passed over ("for Mrs. Clinton")
            prev = toks[i - 1].low if i > 0 else ""
            if prev in V.PREPOSITIONS and prev != "to":
                continue
            m = doc.mentions[t.mention]
            return speaker_words(doc, m.start, m.end, m.name)
        if t.low in V.SUBJECT_PRONOUNS and i < 6:
            return classify(doc, toks, i, i, sent)
        if t.low in V.DETERMINERS and (i == 0 or toks[i - 1].text == ","):
            for j in range(i + 1, min(i + 6, len(toks))):
                if toks[j].low in V.ROLE_NOUNS:
                    if j + 2 < len(toks) and toks[j + 1].text == ",":
                        end = next((k for k in range(j + 2, min(len(toks), j + 8)) if toks[k].text == ","), None)
                        named = apposed_name(doc, toks, (i, j), j + 2, end) if end else None
                        if named:
                            return named
                    return classify(doc, toks, i, j, sent)
                if toks[j].low in V.ORGANISATION_NOUNS and j + 1 < len(toks) and not toks[j + 1].cap:
                    return classify(doc, toks, i, j, sent)  # "Her campaign sent …": an organisation's words
                if not toks[j].text[0].isalnum():
                    break
    return None


def attr_from_cue(doc: Doc, toks: list[Tok], k: int, sent: Sent, lemma: str) -> Attr | None:
    cue_text = toks[k].text
    if lemma == "according to":
        np = np_right(toks, k + 2)
        if np:
            a = classify(doc, toks, np[0], np[1], sent)
            if a:
                a.cue = "according to"
                a.rule = "according_to"
                a.strong = False
            return a
        return None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.low == "by" and PASSIVE_PP_RE.search(toks[k].low):
        prev = toks[k - 1] if k > 0 else None
        if prev is None or prev.mention < 0 and prev.low not in V.SUBJECT_PRONOUNS:
            np = np_right(toks, k + 2)
            if np:
                a = classify(doc, toks, np[0], np[1], sent)
                if a:
                    a.cue = cue_text
                return a
            return None
    if lemma in ("quote", "cite"):
        # "Y quoted X as saying"
        np = np_right(toks, k + 1)
        as_at = np[1] + 1 if np else -1
        if np and as_at < len(toks) and toks[as_at].text == ",":
            # "quoted Ms. Simonyan, the editor in chief, as saying": past an apposition
            close = next((x for x in range(as_at + 1, min(len(toks), as_at + 12)) if toks[x].text == ","), -1)
            as_at = close + 1 if close > 0 else -1
        if np and as_at > 0 and as_at + 1 < len(toks) and toks[as_at].low == "as":
            a = classify(doc, toks, np[0], np[1], sent)
            if a:
                a.cue = toks[as_at + 1].text
                a.rule = "quoted_as"
            return a
    a = perceived_after(doc, toks, k, sent)
    if a is not None:
        return a
    if passive(toks, k) and any(t.quote >= 0 for t in toks[k + 1 : k + 4]):
        # `it is called "…"`, `she was asked: "…"`: the subject does not say the quote (but in
        # "X was asked about it." a quote after it is X's answer)
        return None
    a = subject_left(doc, toks, k, sent, lemma)
    before = toks[k - 1] if k > 0 else None
    if (
        a is None
        and k + 1 < len(toks)
        and not toks[k].low.endswith("ing")
        and (before is None or k == 1 or not before.text[0].isalnum() or before.low in V.AUX_ADVERBS)
    ):
        # inverted order: `said X` (a participle takes an object: "recalling her reaction"; after a
        # noun the verb has its subject: "The city said the fees …")
        np = np_right(toks, k + 1)
        if np and (
            toks[np[0]].mention >= 0
            or toks[np[0]].low in V.DETERMINERS
            or toks[np[0]].low in V.QUANTIFIERS
            or toks[np[0]].cap
            and toks[np[0]].low not in V.NON_NAME_WORDS
        ):
            a = classify(doc, toks, np[0], np[1], sent)
    if a is not None:
        a.cue = cue_text
        a.strong = lemma in V.STRONG_CUE_LEMMAS
    return a


def sentence_speaker(doc: Doc, sent: Sent, any_cue: bool = False) -> Attr | None:
    """Speaker of a sentence without quotes ("X said that …"), for continuation; with
    ``any_cue`` every reporting verb counts ("That was how X described it")."""
    toks = sent.toks
    best: Attr | None = None
    for k, t in enumerate(toks):
        if t.low not in CUE_OR_ACCORDING:
            continue
        lemma = cue_at(toks, k)
        if lemma and (any_cue or lemma in V.STRONG_CUE_LEMMAS or lemma == "according to"):
            a = attr_from_cue(doc, toks, k, sent, lemma)
            if a and (best is None or (a.speaker and not best.speaker) or (a.strong and not best.strong)):
                best = a
    return best


@staticmethod
def points_back(toks: list[Tok]) -> bool:
    """A sentence opening with a phrase that refers to the quote before it (V.BACK_REFERENCES)."""
    words = [t.low for t in toks[:6] if t.text[0].isalnum()]
    return any(tuple(words[: len(ref)]) == ref for ref in V.BACK_REFERENCES)
