"""The quotes stage's tuned numbers: how far the rules look for a speaker, a cue or an antecedent,
and where a quote's kind changes.  The pipeline passes ``Settings.quotes``; a test or a user may
pass other values.  ``full_threshold``'s default is the trained model's own (``make train``)."""

from __future__ import annotations

from dataclasses import dataclass

from transforms.quotes.kind_model import FULL_THRESHOLD


@dataclass(frozen=True)
class QuoteOptions:
    # Longest text a single-quote pair may enclose: single marks double as apostrophes, so a long
    # "quote" between two of them is almost always two apostrophes (‘90s … Jones’).  300 covers the
    # longest single-quoted quotes seen in the seeds and quotes-dev (headline fragments, nested quotes).
    max_single_quote_chars: int = 300
    # After a quote ending in "?" or "!", a reporting verb within this many words (abbreviated titles
    # and initials count as words: "Sen.", "G.K.") keeps the sentence going (`"…?" Sen. X asked`).
    # 12 holds a name with a one-line apposition; a judgement call.
    attribution_ahead_words: int = 12
    # Paragraphs back a pronoun / description may look for any compatible antecedent; further back
    # only a person of the same known gender is taken.  quotes-dev scores the same for 1..8 (the
    # nearest subject is almost always close); 4 is a middle value, not a tuned one.
    antecedent_paragraphs: int = 4
    # Tokens between a cue and the full quote it introduces (`X told reporters on Monday: "…"`);
    # speaker accuracy on quotes-dev is flat from 10 to 30 (6 loses one), 14 leaves room for an
    # object and a time phrase without reaching into an earlier clause.
    max_before_tokens: int = 14
    # Tokens between the end of a speaker phrase after a quote and its cue (`"…," X, a professor at
    # Y, said`); on quotes-dev 8 loses attributions, 12 and 20 score the same except for an apposition
    # with a title and a party label (`"…!" X's niece, state Del. Y (D-Newport News), shouted`: 15
    # tokens), which 20 holds.  Also how far a full quote opening its sentence takes a later cue, and
    # how far back the first half of an interrupted quotation is looked for (`"…," he said, "and …"`).
    max_after_tokens: int = 20
    # Lower-case words between a person and the colon or comma before a quote that read as a verb the
    # cue vocabulary does not list (`X fired back forcefully: "…"`, rule verb_before): 3 holds a verb,
    # a particle and an adverb; more reaches into the clause before ("X said the plan was bad, …").
    verb_before_words: int = 3
    # Tokens before a colon that can label a quote without a cue verb (`Jane Doe, The Daily: "…"`) ...
    max_colon_label_tokens: int = 10
    # ... and when no name is found, a short capitalised label is itself the speaker ("ACME Daily:").
    max_colon_name_tokens: int = 5
    # A signature line under a quote: a dash, then a name or title of at most this many capitalised
    # words (`— Jane Roe, Springfield`).  6 holds a title and a three-part name ("Former Gov. Jane Q. Roe").
    dash_signature_words: int = 6
    # Paragraphs after an unattributed quote in which the person introduced right after it must speak
    # (`"…"` / `Rosa Diaz, 54, stood outside.` / `"…," she said.`): 2, the introduction and the next.
    introduced_paragraphs: int = 2
    # A full quote has at least this many words (fewer: a name, a title or a slogan -> partial);
    # 3 keeps "We are ready." full and "Hillblazers" / "fair," partial on quotes-dev.
    min_full_words: int = 3
    # Title case: every word of 4+ letters capitalised, at least title_min_caps capitalised words and
    # at most title_max_words words.  Two capitals keep "It is bad." (one) a sentence; 8 words is
    # longer than most headline fragments and titles of works, shorter than a quoted sentence in
    # headline style is likely to be.  Judgement calls, checked on quotes-dev (no full quote lost).
    title_min_caps: int = 2
    title_max_words: int = 8
    # Words of a paragraph in headline style (every word of 4+ letters capitalised) whose quotes are
    # partial: a headline repeats the body's quote (neither quotes set annotates a quote in a title).
    # 30 is longer than a headline, a judgement call; a body paragraph is rarely all in title case.
    headline_max_words: int = 30
    # The kind model's probability from which a quote is full.
    full_threshold: float = FULL_THRESHOLD
    # Paragraphs opening with a speaker's label ("HOLT: …") that make an article a transcript: 3,
    # two turns of one speaker and one of another; fewer would read a lone "UPDATE:" as a speaker.
    transcript_min_turns: int = 3


DEFAULTS = QuoteOptions()
