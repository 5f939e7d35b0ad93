"""An article prepared for attribution: its text, quote spans, masked sentences, mentions and the
state that coreference builds while the sentences are read in order."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property

from transforms.people import Profile, describe_people
from transforms.quotes.marks import find_spans, mask
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.quotes.tokens import Sent, sentences
from transforms.records import ARTICLE_SEP, Mention

UNNAMED = "\x01unnamed:"  # prefix of placeholder names for people described but not named


def label_person(label: str, mentions: list[Mention]) -> str | None:
    """The person a speaker's label in capitals names (`LUND:`, `MAYOR OKAFOR:`, `JAKE TAPPER:`):
    the one person of the article whose surname is the label's last word; None when no one or
    several people have it."""
    surname = label.split()[-1].lower()
    named = {m.name for m in mentions if m.name.split()[-1].lower() == surname}
    return named.pop() if len(named) == 1 else None


def shared_surnames(mentions: list[Mention]) -> list[Mention]:
    """A surname alone ("Clinton") given to a person of the article named in full only later
    (Chelsea Clinton), when another person with that surname was named in full before it (Hillary
    Clinton), is that earlier person: a reader cannot mean someone not yet introduced."""
    first_full: dict[str, int] = {}
    for m in mentions:
        if len(m.surface.split()) > 1 and m.surface.split()[-1] == m.name.split()[-1]:
            first_full.setdefault(m.name, m.start)
    out: list[Mention] = []
    named: dict[str, str] = {}  # surname -> the person last named in full so far
    for m in mentions:
        surname = m.name.split()[-1]
        if m.surface == surname and first_full.get(m.name, -1) > m.start and named.get(surname, m.name) != m.name:
            m = replace(m, name=named[surname])
        elif first_full.get(m.name) == m.start or len(m.surface.split()) > 1 and m.surface.split()[-1] == surname:
            named[surname] = m.name
        out.append(m)
    return out


@dataclass(frozen=True)
class OrgName:
    """An organisation named in the article: its offsets, name, organisation words (its own or in
    apposition) and their kinds (``speech_vocab.ORG_KINDS``)."""

    start: int
    end: int
    name: str
    heads: frozenset[str]
    kinds: frozenset[str]


@dataclass
class Attr:
    speaker_text: str | None
    speaker: str | None
    cue: str | None
    strong: bool = True
    generic: bool = False  # a phrase of unknown type ("the war"): a weak subject
    unnamed: str | None = None  # gender ("m", "f", "") of a person described but not named
    thing: int = -1  # offset of an "it" / "they" whose non-person antecedent is looked up when output
    start: int = -1  # article offsets of the words taken as the speaker (-1: none)
    end: int = -1
    rule: str = ""  # the attribution rule that chose these words (attribution.RULES)
    resolved: str = ""  # "pronoun" / "description" when coreference named the person
    # what ``speaker`` is when not a person: "organisation" ("the company" -> "Acme Group") or
    # "description" ("the letter" -> "a group of parents", the author the article describes)
    what: str = ""

    def copy(self, cue: str | None = None, rule: str = "") -> Attr:
        """The same speaker for another quote (continuation, a shared sentence): its rule is the
        one that carried the speaker over, even when coreference named the person."""
        return Attr(
            self.speaker_text,
            self.speaker,
            self.cue if cue is None else cue,
            thing=self.thing,
            start=self.start,
            end=self.end,
            rule=rule or self.rule,
            what=self.what,
        )


class Doc:
    """The article and what attribution reads and records of it, and the options it is read with."""

    def __init__(self, paragraphs: list[str], mentions: list[Mention], options: QuoteOptions = DEFAULTS):
        self.options = options
        self.paragraphs = paragraphs
        self.text = ARTICLE_SEP.join(paragraphs)
        self.mentions = shared_surnames(sorted(mentions, key=lambda m: m.start))
        self.mention_starts = [m.start for m in self.mentions]
        self.spans = find_spans(paragraphs, options)
        self.masked = mask(self.text, self.spans)
        # only sentences that can attribute or antecede a quote are tokenised: those in a
        # paragraph holding a quote, the paragraph after it ("That was how X put it.") and up to
        # options.antecedent_paragraphs before one (further back, pronouns fall back on name mentions)
        wanted = [False] * len(paragraphs)
        offsets = [0]
        for p in paragraphs:
            offsets.append(offsets[-1] + len(p) + len(ARTICLE_SEP))
        self.para_offsets = offsets
        for q in self.spans:
            first = q.para
            last = bisect_right(offsets, q.pieces[-1][0]) - 1
            for pi in range(max(0, first - options.antecedent_paragraphs), min(len(paragraphs), last + 2)):
                wanted[pi] = True
        self.sents = sentences(self.masked, paragraphs, self.spans, self.mentions, wanted, options=options)
        self.wanted = wanted
        self.sent_starts = [st.start for st in self.sents]
        # person "events" usable as antecedents: (offset, name, paragraph, oblique)
        self.events: list[tuple[int, str, int, bool]] = []
        self.unnamed: dict[str, str] = {}  # placeholder name -> gender of an unnamed person
        self.unnamed_text: dict[str, str] = {}  # placeholder name -> its description ("my father")
        self.para_sents: dict[int, list[Sent]] = {}  # every sentence of a paragraph, on demand
        self.things: dict[int, tuple[int, int] | None] = {}  # "it"/"they" offset -> its antecedent phrase
        self.org_names: list[OrgName] | None = None  # the organisations named, found on first need

    @cached_property
    def profiles(self) -> dict[str, Profile]:
        """What the article tells of each person (gender, descriptions), for coreference: built on
        first need, as four articles in ten with quotes never resolve a pronoun or a description."""
        return describe_people(self.paragraphs, self.mentions)

    def para_start(self, para: int) -> int:
        return self.para_offsets[para] if 0 <= para < len(self.paragraphs) else 0

    def all_sentences(self, para: int) -> list[Sent]:
        """Every sentence of a paragraph, idle ones included (tokenised on demand, cached)."""
        got = self.para_sents.get(para)
        if got is None:
            wanted = [False] * len(self.paragraphs)
            wanted[para] = True
            got = sentences(
                self.masked, self.paragraphs, self.spans, self.mentions, wanted, skip_idle=False, options=self.options
            )
            self.para_sents[para] = got
        return got
