"""Attribution rules: which words name the speaker of each quote.

Per quote, first match wins: a cue verb right after the quote (``"…," X said``, ``"…," said X``),
the nearest cue to the left in the sentence (``X said: "…"``, ``Y quoted X as saying``, ``according
to X``), a label before a colon (``Name, Outlet: "…"``), for fragments a cue later in the sentence;
then per sentence, a quote standing alone takes the speaker of its sentence, of the neighbouring
sentence (continuation) or of a following sentence that points back to it ("That was how X put
it").  A quote left open over paragraphs whose pieces are attributed to two different people is
split in two: the closing mark was missing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from transforms import speech_vocab as V
from transforms.quotes.article import Attr, Doc, label_person
from transforms.quotes.coreference import note, thing_antecedent, thing_speaker
from transforms.quotes.kind import TITLE_CASE_RE, kind_features, model_kind, quote_kind, standalone
from transforms.quotes.marks import Span
from transforms.quotes.options import QuoteOptions
from transforms.quotes.phrases import cue_at, left_cue, np_left, np_right, passive, right_cue, skip_paren
from transforms.quotes.speakers import (
    apposed_name,
    attr_from_cue,
    classify,
    opening_subject,
    perceived_after,
    points_back,
    sentence_speaker,
    sentence_subject,
    verb_before,
)
from transforms.quotes.tokens import Sent, Tok
from transforms.records import Quote

# The marks that close a spoken sentence before its reporting clause (cue_after) or after a
# transcript's upper-case label (`LUND: "It will open in May."`).
_CLOSING = {"cue_after": ",!?", "transcript": ".!?…"}
_MARKS = " \"“”„‟«»‹›‘’'"


@cache
def _dash_signature(words: int) -> re.Pattern:
    """A signature line: a dash, then a name or title of at most ``words`` capitalised words (up to
    a comma, an opening parenthesis or the end): `— Jane Roe, Springfield`."""
    return re.compile(r"\s*[—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\s+){0," + str(words - 1) + r"}[A-Z][\w.'’-]*)\s*(?:[,(]|$)")


def after(doc: Doc, toks: list[Tok], qi: int, sent: Sent) -> Attr | None:
    """`"…," X said` / `"…," said X` / `"…," according to X`."""
    i = qi + 1
    while i < len(toks) and toks[i].text in (",", "—", "–", "-", "--", ".", "…"):
        if toks[i].text == "." and i + 1 < len(toks) and toks[i + 1].cap:
            return None
        i += 1
    if i >= len(toks) or toks[i].quote >= 0:
        return None
    lemma = cue_at(toks, i)
    if lemma:
        if lemma == "according to":
            return attr_from_cue(doc, toks, i, sent, lemma)
        np = np_right(toks, i + 1)
        # inverted order `"…," said X`; "saying it …" / "said they …" start a clause instead
        if np and not toks[i].low.endswith("ing") and toks[np[0]].low not in ("it", "they", "we", "i"):
            a = classify(doc, toks, np[0], np[1], sent)
            if a:
                a.cue = toks[i].text
                a.strong = lemma in V.STRONG_CUE_LEMMAS
            return a
        return None
    inverted = _unlisted_inverted_verb(doc, toks, i, sent)
    if inverted is not None:
        return inverted
    np = np_right(toks, i)
    if np is None:
        return None
    j = skip_paren(toks, np[1] + 1)
    # an apposition: ", a professor at X," / "one resident, Maria Lopez,"
    named = None
    if j < len(toks) and toks[j].text == ",":
        k = j + 1
        while k < len(toks) and toks[k].text != "," and k - j < 20 and toks[k].quote < 0:
            k += 1
        if k < len(toks) and toks[k].text == ",":
            named = apposed_name(doc, toks, np, j + 1, k)
            j = k + 1
            # an apposition of several parts (`, 30, of Springfield, Ill., who was polled, said`): on to
            # a cue right after a comma, within options.max_after_tokens
            m = j
            while m < len(toks) and m - np[1] <= doc.options.max_after_tokens and toks[m].quote < 0:
                if cue_at(toks, m):
                    j = m if toks[m - 1].text == "," else j
                    break
                m += 1
    while j < len(toks) and (toks[j].low in V.AUX_ADVERBS or toks[j].low.endswith("ly") and not toks[j].cap):
        j += 1
    if j < len(toks) and np[0] - qi <= 3 and j - np[1] <= doc.options.max_after_tokens:
        lemma = cue_at(toks, j)
        if lemma and lemma != "according to":
            if lemma in ("quote", "cite"):
                return attr_from_cue(doc, toks, j, sent, lemma)
            if passive(toks, j):
                return None  # `"…?" she was asked`
            a = perceived_after(doc, toks, j, sent)
            if a is not None:
                return a
            a = named or classify(doc, toks, np[0], np[1], sent)
            if a:
                a.cue = toks[j].text
                a.strong = lemma in V.STRONG_CUE_LEMMAS
            return a
    if (
        named is None
        and np[0] == i
        and j == np[1] + 1
        and (toks[i].mention >= 0 or toks[i].low in ("he", "she"))
        and _unlisted_verb(toks, j)
        and _left_open(doc, toks, qi)
    ):
        # `"…," Bennett shot back`, `"…?" Ana Diaz went on`: a person, then a verb the cue vocabulary
        # does not list, right after a quote closed on a comma, "?" or "!": a reporting clause
        a = classify(doc, toks, np[0], np[1], sent)
        if a is not None:
            a.cue = toks[j].text
            a.strong = False
        return a
    return None


def _unlisted_verb(toks: list[Tok], j: int) -> bool:
    """A lower-case past-tense verb at j ("beamed", "interjected") or a verb with a particle ("shot back")."""
    if j >= len(toks) or not toks[j].text.isalpha() or not toks[j].text.islower():
        return False
    low = toks[j].low
    if low in V.PREPOSITIONS or low in V.DETERMINERS or low in V.COORDINATORS or low in V.CLAUSE_WORDS:
        return False
    return low.endswith("ed") or j + 1 < len(toks) and toks[j + 1].low in V.SPEECH_PARTICLES


def _left_open(doc: Doc, toks: list[Tok], qi: int) -> bool:
    """The quote at qi closes on a comma, "?" or "!" (inside or after its marks): its sentence goes on."""
    span = doc.spans[toks[qi].quote]
    closing = doc.text[span.start : span.end].rstrip(" \"”’'")[-1:]
    return closing in ",?!" or qi + 1 < len(toks) and toks[qi + 1].text == ","


def _unlisted_inverted_verb(doc: Doc, toks: list[Tok], i: int, sent: Sent) -> Attr | None:
    """`"…," remembered Jane Roe.`, `"…!" beamed Jane Roe, 54,`: a past-tense verb the cue vocabulary
    does not list, right after the quote, then a person's name ending the clause -- the inverted order
    of a reporting clause, whatever the verb."""
    verb = toks[i]
    if verb.cap or not verb.low.endswith("ed") or not verb.text.isalpha() or i + 1 >= len(toks):
        return None
    np = np_right(toks, i + 1)
    if np is None or toks[np[0]].mention < 0:
        return None
    end = skip_paren(toks, np[1] + 1)
    if end < len(toks) and toks[end].text not in (",", ".", ";", "—", "–") and toks[end].low not in ("of", "who"):
        return None  # "prompted Jane Roe to answer": the name is the verb's object
    a = classify(doc, toks, np[0], np[1], sent)
    if a is not None:
        a.cue = verb.text
    return a


@dataclass
class _At:
    """One quote being attributed: its sentence's tokens, its token index and its kind."""

    doc: Doc
    toks: list[Tok]
    qi: int
    sent: Sent
    kind: str
    behind: Attr | None  # what the cue after the quote gives (``after``), computed once


def _cue_after_strong(at: _At) -> Attr | None:
    """`"…," X said` / `"…," said X`: the cue right after a full quote, or a strong one after a fragment."""
    return at.behind if at.behind is not None and (at.kind == "full" or at.behind.strong) else None


def _cue_before(at: _At) -> Attr | None:
    """`X said: "…"`, `Y quoted X as saying "…"`, `according to X, "…"`: the nearest cue to the left."""
    k = left_cue(at.toks, at.qi, at.doc.options.max_before_tokens if at.kind == "full" else None)
    if k is None:
        return None
    a = attr_from_cue(at.doc, at.toks, k, at.sent, cue_at(at.toks, k))
    if (
        a is None
        and at.kind == "full"
        and not at.toks[k].low.endswith("ing")
        and not passive(at.toks, k)  # `X was asked: "…"`: X does not speak
        and _introduces(at.toks, k, at.qi)
    ):
        a = opening_subject(at.doc, at.toks, k, at.sent)  # `X, <a long apposition>, said, "…"`
        if a is not None:
            a.cue = at.toks[k].text
    return a


def _introduces(toks: list[Tok], k: int, qi: int) -> bool:
    """The cue at k stands right before the quote at qi, a comma or a colon between (`said, "…"`)."""
    return all(t.text in (",", ":") for t in toks[k + 1 : qi])


def _verb_before(at: _At) -> Attr | None:
    """`X shot back: "…"`, `X interjected, "…"`: a person and a verb the cue vocabulary does not list."""
    if at.kind != "full" or at.qi < 2 or at.toks[at.qi - 1].text not in (",", ":"):
        return None
    return verb_before(at.doc, at.toks, at.qi - 1, at.sent)


def _cue_after_weak(at: _At) -> Attr | None:
    """A weak cue after a fragment (`"…" critics call it`) when nothing stronger was found."""
    return at.behind


def _colon(at: _At) -> Attr | None:
    """`Jane Doe, The Daily: "…"`, `LUND: "…"`, `X had this to say: "…"`."""
    toks, qi = at.toks, at.qi
    if qi < 2 or toks[qi - 1].text != ":":
        return None
    a = colon_label(at.doc, toks, qi - 1, at.sent) if qi - 1 <= at.doc.options.max_colon_label_tokens else None
    if a is None and at.kind == "full" and not any(cue_at(toks, k) for k in range(qi - 1)):
        a = sentence_subject(at.doc, at.sent, qi - 1)  # the clause before the colon is its subject's
    return a


def _cue_later(at: _At) -> Attr | None:
    """A fragment or a quote inside a sentence, with its cue further right (`called it "…", X said`)."""
    k = right_cue(at.toks, at.qi)
    limit = at.doc.options.max_after_tokens
    if k is None or at.kind == "full" and standalone(at.toks, at.qi) and k - at.qi > limit:
        return None  # a full quote opening its sentence takes a cue only within options.max_after_tokens
    if at.kind == "full" and passive(at.toks, k):
        return None  # `"…?" X was asked`: X is asked, does not speak
    return attr_from_cue(at.doc, at.toks, k, at.sent, cue_at(at.toks, k))


# The attribution rules of one quote, in order: the first that finds a speaker wins.  The rules that
# give a quote the speaker of another sentence (same_sentence, continuation, speaker_after,
# back_reference, colon_sentence) run in ``attribute_article`` as the sentences are read in order;
# those that read the paragraphs around a quote (list_dash, introduced_after) run after them.
RULES: tuple[tuple[str, Callable[[_At], Attr | None]], ...] = (
    ("cue_after", _cue_after_strong),
    ("verb_before", _verb_before),
    ("cue_before", _cue_before),
    ("cue_after", _cue_after_weak),
    ("colon", _colon),
    ("cue_later", _cue_later),
)


def attribute(doc: Doc, toks: list[Tok], qi: int, sent: Sent, kind: str) -> Attr | None:
    """The speaker of the quote at token qi, whose ``quote_kind`` is ``kind``: the first of RULES that finds one."""
    at = _At(doc, toks, qi, sent, kind, after(doc, toks, qi, sent))
    for name, rule in RULES:
        a = rule(at)
        if a is not None:
            if kind == "full" and name != "cue_later":
                a.strong = True  # any reporting verb next to a full quote attributes it and what follows
            return _named(a, name)
    return None


def _named(a: Attr, rule: str) -> Attr:
    """``a`` with its rule: ``rule`` unless a more specific one was set (according_to, quoted_as)."""
    a.rule = a.rule or rule
    return a


def colon_label(doc: Doc, toks: list[Tok], colon: int, sent: Sent) -> Attr | None:
    if toks[0].low in V.PREPOSITIONS or toks[0].low in ("asked", "regarding", "re"):
        return None  # `Of Smith: "…"`, `On the budget: "…"`: a topic, not a speaker
    for k in range(colon):
        if toks[k].quote >= 0 or cue_at(toks, k):
            return None
    for k in range(colon):
        if toks[k].mention >= 0:
            m = doc.mentions[toks[k].mention]
            return Attr(
                doc.text[toks[0].start : toks[colon - 1].end], m.name, ":", start=toks[0].start, end=toks[colon - 1].end
            )
    if colon <= doc.options.max_colon_name_tokens and toks[0].cap:
        # a transcript's label (`LUND:`, `MAYOR OKAFOR:`): the person of the article with that surname
        start, end = toks[0].start, toks[colon - 1].end
        return Attr(doc.text[start:end], label_person(toks[colon - 1].low, doc.mentions), ":", start=start, end=end)
    np = np_left(toks, colon - 1)
    if np is not None and np[0] == 0:
        a = classify(doc, toks, np[0], np[1], sent)
        if a is not None:
            a.cue = ":"
        return a
    return None


def attribute_article(doc: Doc) -> list[tuple[Quote, dict[str, float]]]:
    # one record per quote span: [span, toks, token index, attribution, inherited, kind]; a quote
    # running over several paragraphs appears in several sentences and keeps the first explicit
    # speaker; kind is the span's ``quote_kind`` at that token (None: not computed yet)
    recs: dict[int, list] = {}
    last: Attr | None = None
    last_para = -10
    pending: list[int] = []  # standalone quotes waiting for a speaker later in the paragraph
    for sent in doc.sents:
        toks = sent.toks
        qidx = sent.quotes
        if not qidx:
            a = sentence_speaker(doc, sent)
            sub = sentence_subject(doc, sent, len(toks))
            if a is None and sub is not None and toks and toks[-1].text == ":":
                a = sub.copy(":", rule="colon_sentence")  # "X made the following comment:"
            note(doc, sub, sent.toks[0].start, sent.para)
            if a:
                last, last_para = a, sent.para
                if a is not sub:
                    note(doc, a, sent.toks[0].start, sent.para)
            if pending and points_back(toks):
                # `"…"` then `That was how X described it.`: the quote just before is X's
                b = a or sentence_speaker(doc, sent, any_cue=True)
                if b is not None and b.speaker_text:
                    for qn in pending:
                        rec = recs[qn]
                        if (rec[3] is None or rec[4]) and rec[0].para >= sent.para - 1:
                            rec[3], rec[4] = b.copy(rule="back_reference"), False
                    pending = []
            continue
        sent_speaker: Attr | None = None
        results: list[tuple[int, str, Attr | None]] = []
        for qi in qidx:
            kind = quote_kind(doc.text, toks, qi, doc.spans[toks[qi].quote], doc.options)
            attr = attribute(doc, toks, qi, sent, kind)
            results.append((qi, kind, attr))
            if attr and sent_speaker is None:
                sent_speaker = attr
        for qi, kind, attr in results:
            qn = toks[qi].quote
            span = doc.spans[qn]
            rec = recs.get(qn)
            if rec is not None:
                if (
                    attr is not None
                    and rec[3] is not None
                    and rec[3].speaker
                    and attr.speaker
                    and attr.speaker != rec[3].speaker
                    and sent.para > span.para
                ):
                    # a paragraph left open, then a quote with another speaker: the closing mark
                    # was missing, these are two quotes (`“…A's words.` / `“…,” added B.`)
                    recs[len(doc.spans) + len(recs)] = [split_span(doc, rec, sent.para), toks, qi, attr, False, None]
                    continue
                if attr is not None and rec[3] is None or attr is not None and rec[4]:
                    rec[3], rec[4] = attr, False
                continue
            inherited = False
            if attr is None:
                if kind == "full" and sent_speaker is not None and sent_speaker.strong:
                    attr = sent_speaker.copy(rule="same_sentence")
                elif kind == "full" and standalone(toks, qi):
                    if last is not None and sent.para - last_para <= 1 and last.strong:
                        attr = last.copy(rule="continuation")
                        inherited = True
                    pending.append(qn)
            recs[qn] = [span, toks, qi, attr, inherited, kind]
        if sent_speaker is not None:
            last, last_para = sent_speaker, sent.para
            note(doc, sent_speaker, toks[0].start, sent.para)
            # standalone quotes just before, in the same paragraph, take this speaker unless they
            # continue the speaker of the quote before them ("…," Rubio said. "…" His manager … said)
            for qn in pending:
                rec = recs[qn]
                if rec[0].pieces[-1][0] >= doc.para_start(sent.para) and rec[3] is None and qn != toks[qidx[0]].quote:
                    rec[3], rec[4] = sent_speaker.copy(rule="speaker_after"), False
            pending = []
    for rec in recs.values():
        if rec[3] is None or rec[4]:
            signed = dash_signature(doc, rec[0])
            if signed is not None:
                rec[3], rec[4] = signed, False
            elif rec[3] is None:
                rec[3] = introduced_after(doc, rec[0], recs.values())
    out = [make_quote(doc, span, toks, qi, attr, kind) for span, toks, qi, attr, _inh, kind in recs.values()]
    out.sort(key=lambda qf: qf[0].start)
    return out


def split_span(doc: Doc, rec: list, para: int) -> Span:
    """Cut the multi-paragraph quote of ``rec`` before paragraph ``para``; returns the rest."""
    span: Span = rec[0]
    cut = doc.para_start(para)
    head = [p for p in span.pieces if p[0] < cut]
    tail = [p for p in span.pieces if p[0] >= cut]
    rec[0] = Span(span.para, span.start, head[-1][1], head)
    rec[5] = None  # the kind of the whole span, not of its head
    return Span(para, tail[0][0], span.end, tail)


def make_quote(
    doc: Doc, span: Span, toks: list[Tok], qi: int, attr: Attr | None, rule_kind: str | None
) -> tuple[Quote, dict[str, float]]:
    """The quote record, and the features its published kind was decided on (``kind.kind_features``);
    ``rule_kind``: the span's ``quote_kind``, or None when not known (a span cut by ``split_span``)."""
    text = (
        "\n\n".join(doc.text[s:e] for s, e in span.pieces) if len(span.pieces) > 1 else doc.text[span.start : span.end]
    )
    if rule_kind is None:
        rule_kind = quote_kind(doc.text, toks, qi, span, doc.options)
    if rule_kind == "partial" and text.rstrip(" ,")[-1:] not in "!?" and TITLE_CASE_RE.fullmatch(text.strip(" ,.!?")):
        attr = None  # a title of a show, book or nickname ("on “Morning Report”"): nobody says it
    rule = attr.resolved or attr.rule if attr is not None else None
    features = kind_features(doc.text, toks, qi, span, rule_kind, rule, doc.options)
    kind = model_kind(features, doc.options)
    closing = _CLOSING.get("transcript" if (attr.speaker_text or "").isupper() else attr.rule, "") if attr else ""
    if attr is not None and text[:1].isupper() and text.rstrip()[-1:] in closing:
        kind = "full"  # `"It works," said Anna Berg.`, `LUND: "It will open."`: a spoken sentence
    if kind == "full" and len(span.pieces) == 1 and headline(doc.paragraphs[span.para], doc.options):
        kind = "partial"  # a headline's quote (`Mayor Says ‘We Will Not Pay’ For Bridge`) repeats the body's
    if attr is None:
        return Quote(span.para, span.start, span.end, text, kind, None, None, None), features
    speaker_text, start, end, speaker = attr.speaker_text, attr.start, attr.end, attr.speaker
    what = attr.what or ("person" if speaker else "description" if speaker_text else None)
    if attr.thing >= 0:
        # "it said": the words stay "it"; the speaker is the organisation, document or group it refers to
        found = thing_antecedent(doc, attr.thing)
        if found is not None:
            speaker, what = thing_speaker(doc, *found)
            rule = "pronoun"
    at = (start, end) if speaker_text and start >= 0 else (None, None)
    quote = Quote(span.para, span.start, span.end, text, kind, speaker_text, speaker, attr.cue, *at, rule or None, what)
    return quote, features


def headline(paragraph: str, options: QuoteOptions) -> bool:
    """A paragraph in headline style: at least ``options.title_min_caps`` words of four or more letters,
    every one of them capitalised, quotes included, and no more than ``options.headline_max_words``
    words (a title or a subheading, not a sentence of the body)."""
    # a body paragraph is longer than that: splitting stops after headline_max_words + 1 words
    split = paragraph.split(maxsplit=options.headline_max_words)
    if len(split) > options.headline_max_words:
        return False
    words = [w.strip("\"“”‘’'.,!?;:()…-") for w in split]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long) >= options.title_min_caps and all(w[0].isupper() for w in long)


def _fills_paragraphs(doc: Doc, span: Span) -> int | None:
    """The last paragraph of a quote that fills its paragraphs (nothing but marks around it), else None."""
    last = bisect_right(doc.para_offsets, span.pieces[-1][0]) - 1
    first_start, last_end = doc.para_offsets[span.para], doc.para_offsets[last] + len(doc.paragraphs[last])
    if doc.text[first_start : span.start].strip(_MARKS) or doc.text[span.end : last_end].strip(_MARKS + ".,"):
        return None
    return last


def introduced_after(doc: Doc, span: Span, recs) -> Attr | None:
    """A quote filling its paragraph, then a paragraph opening with a person's name (`Rosa Diaz, 54,
    stood outside …`) who is the speaker of the next quote within ``options.introduced_paragraphs``: the
    opening quote is that person's too."""
    last = _fills_paragraphs(doc, span)
    if last is None or last + 1 >= len(doc.paragraphs):
        return None
    start = doc.para_offsets[last + 1]
    k = bisect_right(doc.mention_starts, start) - 1
    k = k if k >= 0 and doc.mention_starts[k] == start else k + 1
    if k >= len(doc.mentions) or doc.mentions[k].start != start:
        return None
    m = doc.mentions[k]
    limit = doc.para_offsets[min(len(doc.paragraphs), last + 1 + doc.options.introduced_paragraphs)]
    later = [r[3] for r in recs if start <= r[0].start < limit and r[3] is not None]
    if not later or min(later, key=lambda a: a.start).speaker != m.name:
        return None
    return Attr(doc.text[m.start : m.end], m.name, None, start=m.start, end=m.end, rule="introduced_after")


def dash_signature(doc: Doc, span: Span) -> Attr | None:
    """A quote that fills its paragraph, signed on the next line (`— Jane Roe, Springfield`, `-President
    X, tweeting`), as in readers' letters and lists of reactions: the name after the dash speaks."""
    last = _fills_paragraphs(doc, span)  # None: the quote shares its paragraph with the reporter's words
    if last is None or last + 1 >= len(doc.paragraphs):
        return None
    m = _dash_signature(doc.options.dash_signature_words).match(doc.paragraphs[last + 1])
    if m is None:
        return None
    start = doc.para_offsets[last + 1] + m.start(1)
    end = doc.para_offsets[last + 1] + m.end(1)
    k = bisect_right(doc.mention_starts, start) - 1
    if k >= 0 and doc.mentions[k].end > start or k + 1 < len(doc.mentions) and doc.mentions[k + 1].start < end:
        m_at = doc.mentions[k] if k >= 0 and doc.mentions[k].end > start else doc.mentions[k + 1]
        return Attr(doc.text[m_at.start : m_at.end], m_at.name, None, start=m_at.start, end=m_at.end, rule="list_dash")
    return Attr(doc.text[start:end], None, None, start=start, end=end, rule="list_dash")
