"""Scores of the whole pipeline on the shared sets (make eval).

One `newscurate run --full` per set, each with its own PREFECT_HOME (two at a time), then the
shared scorers on the published tables:

- seeds: `tools/check_seeds.py` (what the dataset must say about the five seed articles);
- aeb-txt, aeb-html: body extraction of the aeb-dev pages from their plain text and their HTML
  (`tools/score_extraction.py`; a page's prediction is its paragraphs in order), and on aeb-txt
  the people table against the people-dev gold (`tools/check_people.py`);
- quotes-dev: quote detection and speakers (`tools/score_quotes.py --split dev`), scored as a
  user reads the table: rows of kind "full", speaker = `speaker`, else `speaker_text`; then the
  speaker accuracy of each `attribution` value (the rule that chose the speaker);
- quotes-train: the words taken as the speaker (`--split train --mention`): `speaker_text`, with
  its offsets mapped back into the input file where the quotes table gives them.

Usage: python benchmarks/eval.py [--shared ../shared] [--sets seeds,aeb-txt,...] [--keep DIR] [--json]
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
NEWSCURATE = ROOT / ".venv" / "bin" / "newscurate"
SETS = ("seeds", "aeb-txt", "aeb-html", "quotes-dev", "quotes-train")
# Characters around the expected place of the speaker words in the input file searched for them
# (the input and articles.text differ by the removed lines and rejoined paragraphs in between).
SPEAKER_SEARCH_CHARS = 400


def stage_input(name: str, eval_dir: Path, shared: Path, dest: Path) -> None:
    """Copy the set's input files into ``dest``."""
    dest.mkdir(parents=True)
    if name == "seeds":
        files = sorted((shared / "seeds").iterdir())
    elif name.startswith("aeb-"):
        suffix = "." + name.removeprefix("aeb-")
        files = [p for p in (eval_dir / "aeb-dev").iterdir() if p.suffix == suffix and not p.name.endswith(".gold.txt")]
    else:
        files = [p for p in (eval_dir / name).glob("*.txt")]
    for f in files:
        shutil.copy(f, dest / f.name)


def run_pipeline(inp: Path, out: Path, home: Path) -> None:
    env = os.environ | {"PREFECT_HOME": str(home)}
    got = subprocess.run(
        [str(NEWSCURATE), "run", "--input", str(inp), "--output", str(out), "--full"],
        capture_output=True,
        text=True,
        env=env,
    )
    if got.returncode != 0:
        raise SystemExit(f"pipeline failed on {inp}: {got.stderr[-2000:]}")


def tool(shared: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(shared / "tools" / args[0]), *args[1:]], capture_output=True, text=True)


def read_articles(out: Path) -> pl.DataFrame:
    return pl.read_parquet(out / "articles").select("article_id", "source_path", "text")


def write_paragraphs(out: Path, preds: Path) -> None:
    articles = read_articles(out).select("article_id", "source_path")
    paragraphs = pl.read_parquet(out / "paragraphs").join(articles, on="article_id")
    preds.mkdir(parents=True)
    for (source,), group in paragraphs.sort("source_path", "paragraph_index").group_by(
        "source_path", maintain_order=True
    ):
        page_id = Path(source).name.removesuffix(".txt").removesuffix(".html")
        (preds / f"{page_id}.txt").write_text("\n\n".join(group["text"]), encoding="utf-8")


def full_quotes(out: Path) -> pl.DataFrame:
    """The full quotes with the article's id (the input's stem) and text."""
    quotes = pl.read_parquet(out / "quotes").filter(pl.col("kind") == "full")
    return quotes.join(read_articles(out).rename({"text": "article_text"}), on="article_id").with_columns(
        pl.col("source_path").map_elements(lambda p: Path(p).stem, return_dtype=pl.String).alias("doc")
    )


def raw_speaker_span(raw: str, row: dict) -> tuple[int, int] | None:
    """The speaker words' offsets in the input file: the occurrence of ``speaker_text`` nearest to
    where the quote's own position in the file puts it."""
    s, e = row.get("speaker_char_start"), row.get("speaker_char_end")
    words = row["speaker_text"]
    if s is None or e is None or not words:
        return None
    at = raw.find(row["text"])
    guess = (at if at >= 0 else row["char_start"]) + s - row["char_start"]
    lo = max(0, guess - SPEAKER_SEARCH_CHARS)
    hits = [m.start() for m in re.finditer(re.escape(words), raw[lo : guess + SPEAKER_SEARCH_CHARS])]
    if not hits:
        return None
    best = lo + min(hits, key=lambda h: abs(lo + h - guess))
    return best, best + len(words)


def write_quotes(quotes: pl.DataFrame, ids: list[str], preds: Path, raw_dir: Path | None = None) -> None:
    """One <id>.jsonl per article: {"quote", "speaker"} as a user reads the table, and with
    ``raw_dir`` the speaker words and their offsets in the input file."""
    preds.mkdir(parents=True, exist_ok=True)
    by_doc: dict[str, list[dict]] = {i: [] for i in ids}
    for row in quotes.sort("doc", "char_start").iter_rows(named=True):
        pred = {"quote": row["text"], "speaker": row["speaker"] or row["speaker_text"]}
        if raw_dir is not None:
            pred["speaker_text"] = row["speaker_text"]
            raw = (raw_dir / f"{row['doc']}.txt").read_text(encoding="utf-8")
            span = raw_speaker_span(raw, row)
            if span:
                pred["speaker_start"], pred["speaker_end"] = span
        by_doc.setdefault(row["doc"], []).append(pred)
    for doc, rows in by_doc.items():
        (preds / f"{doc}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def score_quotes(shared: Path, gold: Path, quotes: pl.DataFrame, preds: Path, split: str, mention: bool) -> dict:
    ids = json.loads((gold / "split.json").read_text())[split]
    raw_dir = gold if mention else None
    flags = ["--split", split, "--json", *(["--mention"] if mention else [])]
    write_quotes(quotes, ids, preds / "all", raw_dir)
    result = json.loads(tool(shared, "score_quotes.py", str(gold), str(preds / "all"), *flags).stdout)
    if "attribution" in quotes.columns:
        result["by_attribution"] = {}
        for (rule,), group in quotes.group_by("attribution", maintain_order=True):
            name = rule or "none"
            write_quotes(group, ids, preds / name, raw_dir)
            got = json.loads(tool(shared, "score_quotes.py", str(gold), str(preds / name), *flags).stdout)
            acc = got["speaker_accuracy"].get("all", {"acc": 0.0, "n": 0})
            result["by_attribution"][name] = {"predicted": got["pred"], **acc}
    return result


def evaluate(name: str, shared: Path, out: Path, work: Path) -> dict:
    eval_dir = shared / "eval"
    if name == "seeds":
        return {"check_seeds": tool(shared, "check_seeds.py", str(out)).stdout.strip().splitlines()[-1]}
    if name.startswith("aeb-"):
        write_paragraphs(out, work / "pred")
        got = tool(shared, "score_extraction.py", str(work / "pred"), str(eval_dir / "aeb-dev"), "--json")
        result = {"extraction": json.loads(got.stdout)}
        if name == "aeb-txt":
            people = tool(shared, "check_people.py", str(out), str(eval_dir / "people-dev" / "gold.json"))
            result["people"] = people.stdout.strip().splitlines()[-1]
        return result
    mention = name == "quotes-train"
    split = "train" if mention else "dev"
    return score_quotes(shared, eval_dir / name, full_quotes(out), work / "pred", split, mention)


def run_set(name: str, shared: Path, work: Path) -> dict:
    work = work / name
    shutil.rmtree(work, ignore_errors=True)
    stage_input(name, shared / "eval", shared, work / "input")
    run_pipeline(work / "input", work / "output", work / "prefect")
    return evaluate(name, shared, work / "output", work)


def print_report(results: dict) -> None:
    for name, r in results.items():
        if name == "seeds":
            print(r["check_seeds"])
        elif name.startswith("aeb-"):
            x = r["extraction"]
            print(f"extraction {name:<8} F1 {x['f1']:.3f} (P {x['precision']:.3f}, R {x['recall']:.3f})")
            if "people" in r:
                print(f"people-dev {r['people'].removeprefix('people: ')}")
        else:
            acc = r["speaker_accuracy"]
            kinds = ", ".join(f"{k} {v['acc']:.3f} (n={v['n']})" for k, v in acc.items() if k != "all")
            what = "speaker words" if name == "quotes-train" else "speaker"
            print(
                f"{name} detection F1 {r['f1']:.3f} (P {r['precision']:.3f}, R {r['recall']:.3f}); "
                f"{what} {acc.get('all', {}).get('acc', 0):.3f}; {kinds}"
            )
            for rule, v in sorted(r.get("by_attribution", {}).items(), key=lambda kv: -kv[1]["n"]):
                print(f"  attribution {rule:<14} {v['acc']:.3f} of {v['n']} matched ({v['predicted']} predicted)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated, of: " + ", ".join(SETS))
    ap.add_argument("--keep", type=Path, help="keep every set's input, output and predictions here")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    if not (args.shared / "eval").is_dir():
        print(f"no {args.shared / 'eval'}: nothing to evaluate")
        return
    names = [s for s in args.sets.split(",") if s]
    unknown = set(names) - set(SETS)
    if unknown:
        raise SystemExit(f"unknown set(s): {', '.join(sorted(unknown))}; known: {', '.join(SETS)}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="newscurate-eval-"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = dict(zip(names, pool.map(lambda n: run_set(n, args.shared.resolve(), work), names), strict=True))
    if args.json:
        print(json.dumps(done, indent=1))
    else:
        print_report(done)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
