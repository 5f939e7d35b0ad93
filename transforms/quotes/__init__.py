"""Direct and partial quotes, their speakers and cue verbs.

The steps, one module each, all linear in the article length (an article without a quote mark
returns at once):

1. ``marks``: quote marks paired into quote spans, over paragraphs when a quote runs on.
2. ``tokens``: sentences and tokens, each quote interior one opaque token; only paragraphs that
   can attribute or antecede a quote are tokenised (``article.Doc``).
3. ``kind``: full or partial.
4. ``phrases``: cue verbs and noun phrases; the vocabulary is ``transforms.speech_vocab``.
5. ``attribution``: the rules that find the words naming each quote's speaker, and
   ``speakers``: those words to a person.
6. ``coreference``: pronouns, descriptions, "it" / "they".
7. ``transcript``: turns of a transcript ("HOLT: …"), quotes without quote marks.

The tuned numbers of the steps are one ``options.QuoteOptions`` (``Settings.quotes`` in the pipeline).
"""

from __future__ import annotations

from transforms.quotes.article import Doc
from transforms.quotes.attribution import attribute_article
from transforms.quotes.coreference import collect_events
from transforms.quotes.marks import MARK_RE
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.quotes.transcript import transcript_quotes
from transforms.records import Mention, Quote


def extract_quotes(paragraphs: list[str], mentions: list[Mention], options: QuoteOptions = DEFAULTS) -> list[Quote]:
    """Quotes of one article, with speakers resolved to ``Mention.name`` full names: those in quote
    marks, and the turns of a transcript outside them."""
    marked = [quote for quote, _features in quotes_with_features(paragraphs, mentions, options)]
    turns = [
        t
        for t in transcript_quotes(paragraphs, mentions, options)
        if not any(q.start < t.end and t.start < q.end for q in marked)
    ]
    return sorted(marked + turns, key=lambda q: q.start) if turns else marked


def quotes_with_features(
    paragraphs: list[str], mentions: list[Mention], options: QuoteOptions = DEFAULTS
) -> list[tuple[Quote, dict[str, float]]]:
    """The quotes with the features their kind was decided on (what ``make train`` learns from)."""
    if not paragraphs or not any(MARK_RE.search(p) for p in paragraphs):
        return []
    doc = Doc(paragraphs, mentions, options)
    collect_events(doc)
    return attribute_article(doc)
