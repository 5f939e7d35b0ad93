"""Generate a benchmark corpus of N unique, real-looking articles, in one of two styles.

Sources: the seeds, and the eval texts under ../shared/eval when present. Each article is a
source text with a unique sentence added and two neighbouring body paragraphs swapped. Then:

- "fresh" (the default): two words of every line of eight words or more are swapped for other
  words of the text, so body lines do not repeat across the corpus, as in real news, while short
  lines (menus, share buttons, headings) repeat as a site's chrome does;
- "repeating": nothing more, so every body line repeats once per copy of its source. This is the
  corpus `make bench` used before; per-line caches look far better on it than on real text.

`generate` returns the share of body-line characters in lines that occur more than once (about
0.9 for "repeating", near 0 for "fresh"). Some articles are stored as mojibake (UTF-8 read as
Windows-1252), some with CRLF line endings, some gzipped, so every ingest path is exercised.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Shares of the corpus stored in each special form (the rest is UTF-8 text).
MOJIBAKE_SHARE = 0.05
CRLF_SHARE = 0.10
GZIP_SHARE = 0.05
FILES_PER_FOLDER = 1000
STYLES = ("fresh", "repeating")
# Lines of at least this many words are body text (made unique in a fresh corpus); shorter ones are
# chrome and kept as they are. Two words of each are swapped (so that no two copies agree by chance).
BODY_LINE_WORDS = 8
SWAPS_PER_LINE = 2
WORD = re.compile(r"\b[^\W\d_]{4,}\b")  # words of four letters or more, any script


def source_texts(shared: Path | None) -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if shared is not None and (shared / "eval").is_dir():
        paths += sorted((shared / "eval" / "quotes-dev").glob("*.txt"))
        paths += [p for p in sorted((shared / "eval" / "aeb-dev").glob("*.txt")) if not p.name.endswith(".gold.txt")]
    return [p.read_text(encoding="utf-8") for p in paths]


def is_body(line: str) -> bool:
    return len(line.split()) >= BODY_LINE_WORDS


def swap_words(text: str, rng: random.Random) -> str:
    """Replace two words (four letters or more) of each body line with other words of the text."""
    vocabulary = sorted(set(WORD.findall(text)))
    if len(vocabulary) < 2:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        words = list(WORD.finditer(line)) if is_body(line) else []
        for w in sorted(rng.sample(words, min(SWAPS_PER_LINE, len(words))), key=lambda m: -m.start()):
            line = line[: w.start()] + rng.choice(vocabulary) + line[w.end() :]
        lines[k] = line
    return "\n".join(lines)


def repeated_share(texts: Iterable[str]) -> float:
    """The share of body-line characters in lines that occur more than once among ``texts``."""
    counts: Counter[int] = Counter()
    sizes: dict[int, int] = {}
    for text in texts:
        for line in text.split("\n"):
            if is_body(line):
                key = hash(line)
                counts[key] += 1
                sizes[key] = len(line)
    total = sum(sizes[k] * c for k, c in counts.items())
    return sum(sizes[k] * c for k, c in counts.items() if c > 1) / total if total else 0.0


def variant(text: str, i: int, rng: random.Random, style: str) -> str:
    paragraphs = (swap_words(text, rng) if style == "fresh" else text).split("\n\n")
    head, body = paragraphs[:2], paragraphs[2:]
    if len(body) > 3:  # swap two neighbouring body paragraphs
        j = rng.randrange(len(body) - 1)
        body[j], body[j + 1] = body[j + 1], body[j]
    unique = f"Reporting for this version, number {i}, was updated at {rng.randrange(24):02d}:{rng.randrange(60):02d}."
    return "\n\n".join(head + body + [unique])


def generate(out: Path, n: int, shared: Path | None, style: str = "fresh", seed: int = 0) -> tuple[int, float]:
    """Write n articles under ``out``; returns the total bytes written and `repeated_share`."""
    if style not in STYLES:
        raise ValueError(f"unknown corpus style {style!r}; known: {', '.join(STYLES)}")
    rng = random.Random(seed)
    texts = source_texts(shared)
    total, written = 0, []
    for i in range(n):
        text = variant(texts[i % len(texts)], i, rng, style)
        written.append(text)
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
    return total, repeated_share(written)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--style", choices=STYLES, default="fresh")
    args = ap.parse_args()
    nbytes, share = generate(args.out, args.n, args.shared, args.style)
    print(f"{nbytes} bytes; {share:.1%} of body-line characters in repeated lines")


if __name__ == "__main__":
    main()
