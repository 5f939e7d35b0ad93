"""Score quote extraction on a gold directory (default: ../shared/eval/quotes-dev).

Usage:
  python benchmarks/eval_quotes.py [GOLD_DIR] [--out PRED_DIR] [--split dev] [--show N]

Reads each <id>.txt, splits it into paragraphs (non-blank lines), runs
``transforms.people.find_mentions`` and ``transforms.quotes.extract_quotes``, writes
<id>.jsonl predictions ({"quote", "speaker", "start", "end", "kind", "cue"}) and runs
the shared scorer (``shared/tools/score_quotes.py``) on them.  ``speaker`` is the
resolved person name, or the phrase as written when the speaker is not a person
("the company"), which is how the gold names such speakers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from transforms import speech_vocab as V
from transforms.people import find_mentions
from transforms.quotes import extract_quotes
from transforms.records import ARTICLE_SEP

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "quotes-dev"
SCORER = ROOT.parent / "shared" / "tools" / "score_quotes.py"
_LINE_RE = re.compile(r"\n")
_WORD_RE = re.compile(r"\w+")


def split_paragraphs(text: str) -> tuple[list[str], list[int]]:
    """Paragraphs (non-blank lines, as the pipeline's paragraph stage gives them) and their
    offsets in ``text``."""
    paras, offsets = [], []
    pos = 0
    for m in _LINE_RE.finditer(text + "\n"):
        chunk = text[pos:m.start()]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            paras.append(body)
            offsets.append(pos + lead)
        pos = m.end()
    return paras, offsets


def speaker_label(speaker: str | None, speaker_text: str | None) -> str | None:
    """The gold's convention: a name or a resolved pronoun gives the person's name; a
    description ("the Republican nominee", "a spokeswoman") is scored as written."""
    if not speaker_text:
        return speaker
    written = set(_WORD_RE.findall(speaker_text.lower()))
    if speaker is None or written & set(_WORD_RE.findall(speaker.lower())):
        return speaker or speaker_text
    if speaker_text.lower() in V.SUBJECT_PRONOUNS or speaker_text.lower() in V.PRONOUN_GENDER:
        return speaker
    return speaker_text


def predict(text: str, *, drop_title: bool = True, attributed_only: bool = True) -> list[dict]:
    """Predictions for one file.

    drop_title: the first paragraph is the headline, which the pipeline lifts into metadata
    (the gold never annotates it).  attributed_only: leave out fragments with no speaker at
    all (titles of shows, scare quotes), which the gold does not annotate either.
    """
    paras, offsets = split_paragraphs(text)
    if drop_title and len(paras) > 1:
        paras, offsets = paras[1:], offsets[1:]
    article = ARTICLE_SEP.join(paras)
    starts = [sum(len(p) + len(ARTICLE_SEP) for p in paras[:i]) for i in range(len(paras))]

    def to_file(off: int, para: int) -> int:
        return offsets[para] + off - starts[para]

    rows = []
    for q in extract_quotes(paras, find_mentions(paras)):
        if attributed_only and q.speaker_text is None and q.kind == "partial":
            continue
        end_para = max(i for i, s in enumerate(starts) if s <= max(q.end - 1, q.start))
        rows.append({
            "quote": article[q.start:q.end] if "\n" not in q.text else q.text,
            "speaker": speaker_label(q.speaker, q.speaker_text),
            "start": to_file(q.start, q.paragraph_index),
            "end": to_file(q.end, end_para),
            "kind": q.kind,
            "cue": q.cue,
        })
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--out", default=None, help="prediction directory (default: a temporary one)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", default="0")
    ap.add_argument("--no-covered", action="store_true", help="skip the second score on annotated articles only")
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="quotes-pred-"))
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    n_chars = 0
    for txt in sorted(Path(args.gold_dir).glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        n_chars += len(text)
        rows = predict(text)
        with open(out / (txt.stem + ".jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dt = time.perf_counter() - t0
    print(f"predicted {n_chars / 1e6:.2f} M chars in {dt:.2f} s -> {out}", file=sys.stderr)
    cmd = [sys.executable, str(SCORER), args.gold_dir, str(out), "--split", args.split, "--show", args.show]
    rc = subprocess.call(cmd, env=dict(os.environ))
    # Some gold files are empty although their articles hold quotes (mostly texts quoted with
    # doubled apostrophes ''…''): score once more on the articles the gold annotates.
    empty = [p.name[: -len(".gold.jsonl")] for p in Path(args.gold_dir).glob("*.gold.jsonl")
             if not p.read_text(encoding="utf-8").strip()]
    if empty and not args.no_covered:
        covered = Path(tempfile.mkdtemp(prefix="quotes-pred-covered-"))
        for f in out.glob("*.jsonl"):
            (covered / f.name).write_text("" if f.stem in empty else f.read_text(encoding="utf-8"), encoding="utf-8")
        print(f"\n-- articles with gold annotations only ({len(empty)} empty gold files scored as empty):", flush=True)
        subprocess.call([sys.executable, str(SCORER), args.gold_dir, str(covered), "--split", args.split],
                        env=dict(os.environ))
    return rc


if __name__ == "__main__":
    sys.exit(main())
