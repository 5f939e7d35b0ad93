"""Generate a benchmark corpus of N unique, real-looking articles.

Sources: the seeds, and the eval texts under ../shared/eval when present. Each
article is a source text with a unique sentence added, its paragraphs lightly
shuffled, and one word of every long line swapped for another word of the text:
body lines are then unique across the corpus, as in real news, while short lines
(menus, share buttons, headings) repeat as a site's chrome does. Without the
swaps every body line would repeat once per copy of its source, and per-line
caches would look far better than they are on real text. Some articles are
stored as mojibake (UTF-8 read as Windows-1252), some with CRLF line endings,
some gzipped, so every ingest path is exercised.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Shares of the corpus stored in each special form (the rest is UTF-8 text).
MOJIBAKE_SHARE = 0.05
CRLF_SHARE = 0.10
GZIP_SHARE = 0.05
FILES_PER_FOLDER = 1000
# Lines at least this long are body text, made unique by a word swap; shorter ones are kept.
BODY_LINE_CHARS = 80
WORD = re.compile(r"\b[a-z]{4,}\b")


def source_texts(shared: Path | None) -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if shared is not None and (shared / "eval").is_dir():
        paths += sorted((shared / "eval" / "quotes-dev").glob("*.txt"))
        paths += [p for p in sorted((shared / "eval" / "aeb-dev").glob("*.txt")) if not p.name.endswith(".gold.txt")]
    return [p.read_text(encoding="utf-8") for p in paths]


def swap_words(text: str, rng: random.Random) -> str:
    """Replace one lower-case word of each body line with another word of the text."""
    vocabulary = sorted(set(WORD.findall(text)))
    if len(vocabulary) < 2:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        words = list(WORD.finditer(line)) if len(line) >= BODY_LINE_CHARS else []
        if words:
            w = rng.choice(words)
            lines[k] = line[: w.start()] + rng.choice(vocabulary) + line[w.end() :]
    return "\n".join(lines)


def variant(text: str, i: int, rng: random.Random) -> str:
    paragraphs = swap_words(text, rng).split("\n\n")
    head, body = paragraphs[:2], paragraphs[2:]
    if len(body) > 3:  # swap two neighbouring body paragraphs
        j = rng.randrange(len(body) - 1)
        body[j], body[j + 1] = body[j + 1], body[j]
    unique = f"Reporting for this version, number {i}, was updated at {rng.randrange(24):02d}:{rng.randrange(60):02d}."
    return "\n\n".join(head + body + [unique])


def generate(out: Path, n: int, shared: Path | None, seed: int = 0) -> int:
    """Write n articles under ``out``; returns the total bytes written."""
    rng = random.Random(seed)
    texts = source_texts(shared)
    total = 0
    for i in range(n):
        text = variant(texts[i % len(texts)], i, rng)
        folder = out / f"{i // FILES_PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        roll = rng.random()
        if roll < MOJIBAKE_SHARE:
            data = text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
        elif roll < MOJIBAKE_SHARE + CRLF_SHARE:
            data = text.replace("\n", "\r\n").encode("utf-8")
        else:
            data = text.encode("utf-8")
        if rng.random() < GZIP_SHARE:
            path, data = folder / f"{i:06d}.txt.gz", gzip.compress(data)
        else:
            path = folder / f"{i:06d}.txt"
        path.write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    print(generate(args.out, args.n, args.shared))


if __name__ == "__main__":
    main()
