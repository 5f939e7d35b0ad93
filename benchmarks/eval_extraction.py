"""Main-text extraction quality of ``transforms.clean`` on the aeb-dev holdout.

Modes, each scored with ``shared/tools/score_extraction.py`` (shingle F1 of the
article-extraction-benchmark; the score line is printed as the scorer prints it):

* ``txt``: the whole page as plain text (``<id>.txt``) -> ``clean_document``;
* ``html``: trafilatura's extraction of ``<id>.html`` (comments off, tables on;
  ``--tables-off`` as in ``transforms.html``) -> ``clean_document`` with
  trafilatura's metadata as hints;
* ``trafilatura``: trafilatura's text alone, for reference;
* ``both`` (default): txt then html.

A prediction is the non-blank lines of ``Cleaned.text`` in order. Timing excludes
the one-time model loads (py3langid, gender-guesser) but includes file reading.

Usage: python benchmarks/eval_extraction.py [--mode txt|html|both|trafilatura] [--tables-off]
       [--holdout DIR] [--keep DIR] [--per-page]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

from transforms.clean import clean_document
from transforms.html import DATE_PARAMS, parse_date
from transforms.records import ArticleMeta

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "shared" / "eval" / "aeb-dev"
SCORER = ROOT / "shared" / "tools" / "score_extraction.py"


def predict_txt(page: str) -> str:
    cleaned = clean_document(page)
    return "\n".join(line for line in cleaned.text.split("\n") if line.strip())


# trafilatura as the benchmark's authors ran it, plus tables (score tables are article text on sports pages);
# transforms.html.html_to_text uses include_tables=False at the time of writing: see --tables-off.
TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True}


def extract(html: str, options: dict) -> tuple[str, ArticleMeta | None]:
    """trafilatura's text and the metadata it states, as transforms.html builds them."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params=DATE_PARAMS, **options)
    if doc is None:
        return "", None
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    hints = ArticleMeta(
        title=doc.title or None,
        site_name=doc.sitename or None,
        section=(doc.categories or [None])[0],
        authors=authors,
        published=parse_date(doc.date),
    )
    return doc.text or "", hints


def predict_html(html: str, options: dict) -> str:
    text, hints = extract(html, options)
    cleaned = clean_document(text, hints=hints or ArticleMeta())
    return "\n".join(line for line in cleaned.text.split("\n") if line.strip())


def predict_trafilatura(html: str, options: dict) -> str:
    """Reference: trafilatura's own text, without clean_document."""
    return extract(html, options)[0]


def run(mode: str, holdout: Path, out_dir: Path, per_page: bool, options: dict) -> None:
    ids = json.loads((holdout / "split.json").read_text())["dev"]
    out_dir.mkdir(parents=True, exist_ok=True)
    # load py3langid's model and gender-guesser's name table before timing: they are paid once per process
    clean_document("Warm-up. " * 20 + "\nJane Smith\n" + "The harbour opened on Monday, officials said. " * 5)
    t0, n_bytes = time.perf_counter(), 0
    for page_id in ids:
        if mode == "txt":
            src = (holdout / f"{page_id}.txt").read_text(encoding="utf-8")
            pred = predict_txt(src)
        else:
            src = (holdout / f"{page_id}.html").read_text(encoding="utf-8", errors="replace")
            pred = predict_html(src, options) if mode == "html" else predict_trafilatura(src, options)
        n_bytes += len(src.encode("utf-8"))
        (out_dir / f"{page_id}.txt").write_text(pred, encoding="utf-8")
    elapsed = time.perf_counter() - t0
    ms_per_kb = 1000 * elapsed / (n_bytes / 1024)
    print(f"[{mode}] {len(ids)} pages, {n_bytes / 1024:.0f} KB in {elapsed:.2f} s ({ms_per_kb:.3f} ms/KB)")
    cmd = [sys.executable, str(SCORER), str(out_dir), str(holdout)]
    if per_page:
        cmd.append("--per-page")
    subprocess.run(cmd, check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=("txt", "html", "both", "trafilatura"), default="both")
    ap.add_argument("--holdout", type=Path, default=HOLDOUT)
    ap.add_argument("--keep", type=Path, help="write predictions here (default: a temporary directory)")
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--tables-off", action="store_true", help="trafilatura without tables (as transforms.html)")
    args = ap.parse_args()
    options = dict(TRAFILATURA_OPTIONS, include_tables=not args.tables_off)
    modes = ("txt", "html") if args.mode == "both" else (args.mode,)
    for mode in modes:
        if args.keep:
            run(mode, args.holdout, args.keep / mode, args.per_page, options)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                run(mode, args.holdout, Path(tmp), args.per_page, options)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
