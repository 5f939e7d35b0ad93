"""Dev-set scores of the whole pipeline (make eval): extraction on aeb-dev, quotes on quotes-dev.

One `newscurate run` over a folder holding the aeb-dev pages as plain text, the
same pages as HTML, and the quotes-dev articles; then the shared scorers:

- extraction: a page's prediction is its paragraphs in order
  (`tools/score_extraction.py`, the article-extraction-benchmark metric);
- quotes: every quote with a speaker, and every full quote (`tools/score_quotes.py`,
  which scores the gold's direct quotes and ignores predictions matching its partial ones).

Usage: python benchmarks/eval.py [--shared ../shared] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

from transforms.speech_vocab import PRONOUN_GENDER

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")


def stage_inputs(eval_dir: Path, inp: Path) -> None:
    for sub in ("aeb-txt", "aeb-html", "quotes"):
        (inp / sub).mkdir(parents=True)
    for page in (eval_dir / "aeb-dev").iterdir():
        if page.name.endswith(".gold.txt"):
            continue
        if page.suffix == ".txt":
            shutil.copy(page, inp / "aeb-txt" / page.name)
        elif page.suffix == ".html":
            shutil.copy(page, inp / "aeb-html" / page.name)
    for article in (eval_dir / "quotes-dev").glob("*.txt"):
        shutil.copy(article, inp / "quotes" / article.name)


def write_predictions(out: Path, preds: Path) -> None:
    articles = pl.read_parquet(out / "articles").select("article_id", "source_path")
    paragraphs = pl.read_parquet(out / "paragraphs").join(articles, on="article_id")
    for sub in ("aeb-txt", "aeb-html"):
        (preds / sub).mkdir(parents=True)
        pages = paragraphs.filter(pl.col("source_path").str.starts_with(sub + "/")).sort(
            "source_path", "paragraph_index"
        )
        for (source,), group in pages.group_by("source_path", maintain_order=True):
            page_id = Path(source).name.removesuffix(".txt").removesuffix(".html")
            (preds / sub / f"{page_id}.txt").write_text("\n\n".join(group["text"]), encoding="utf-8")
    (preds / "quotes").mkdir()
    quotes = pl.read_parquet(out / "quotes").join(articles, on="article_id")
    # Fragments nobody is said to speak (titles, scare quotes) are not quotes to the gold.
    quotes = quotes.filter(
        pl.col("source_path").str.starts_with("quotes/")
        & ((pl.col("kind") == "full") | pl.col("speaker_text").is_not_null())
    )
    for (source,), group in quotes.sort("source_path", "char_start").group_by("source_path", maintain_order=True):
        rows = [
            {"quote": q["text"], "speaker": speaker_label(q["speaker"], q["speaker_text"]), "kind": q["kind"]}
            for q in group.iter_rows(named=True)
        ]
        (preds / "quotes" / (Path(source).stem + ".jsonl")).write_text(
            "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
        )


def speaker_label(speaker: str | None, speaker_text: str | None) -> str | None:
    """The gold's convention: a name or a pronoun is scored as the person's name; a
    description ("the Republican nominee", "a spokeswoman") as written."""
    if not speaker_text or speaker is None:
        return speaker or speaker_text
    written = speaker_text.lower()
    if set(WORD.findall(written)) & set(WORD.findall(speaker.lower())) or written in PRONOUN_GENDER:
        return speaker
    return speaker_text


def score(cmd: list[str]) -> dict:
    got = subprocess.run([sys.executable, *cmd, "--json"], capture_output=True, text=True, check=True)
    return json.loads(got.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--keep", type=Path, help="keep the run's input, output and predictions here")
    args = ap.parse_args()
    eval_dir, tools = args.shared / "eval", args.shared / "tools"
    if not eval_dir.is_dir():
        print(f"no {eval_dir}: nothing to evaluate")
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="newscurate-eval-"))
    inp, out, preds = work / "input", work / "output", work / "predictions"
    for d in (inp, out, preds):
        shutil.rmtree(d, ignore_errors=True)
    stage_inputs(eval_dir, inp)
    run = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "newscurate"), "run", "--input", str(inp), "--output", str(out), "--json"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    if run.returncode != 0:
        raise SystemExit(f"pipeline failed: {run.stderr[-2000:]}")
    write_predictions(out, preds)
    holdout = eval_dir / "aeb-dev"
    for sub, target in (("aeb-txt", 0.92), ("aeb-html", 0.965)):
        s = score([str(tools / "score_extraction.py"), str(preds / sub), str(holdout)])
        print(
            f"extraction {sub:<8} F1 {s['f1']:.3f} (P {s['precision']:.3f}, R {s['recall']:.3f}), "
            f"empty predictions {s['empty_predictions']}/{s['pages']}  [target F1 >= {target}]"
        )
    q = score([str(tools / "score_quotes.py"), str(eval_dir / "quotes-dev"), str(preds / "quotes"), "--split", "dev"])
    per_kind = ", ".join(f"{k} {v['acc']:.3f} (n={v['n']})" for k, v in q["speaker_accuracy"].items() if k != "all")
    print(f"quotes detection F1 {q['f1']:.3f} (P {q['precision']:.3f}, R {q['recall']:.3f})  [target >= 0.97]")
    print(f"quotes speaker accuracy {q['speaker_accuracy']['all']['acc']:.3f} [target >= 0.92]; {per_kind}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
