"""Does a change leave the dataset as it was? (make same BASE=<git revision>)

Runs `newscurate run --full` of this tree (or of the revision HEAD) and of the revision BASE
(each revision checked out in a temporary git worktree, run with this tree's .venv) on the same
inputs: the seeds and the shared eval sets (the inputs of `make eval`), and with `--sets ...,fresh`
FRESH_N articles of the bench's fresh corpus (benchmarks/corpus.py: every body line reworded,
some inputs mojibake, CRLF or gzip). Then compares every
published table as a multiset of rows: the order of rows and of columns does not matter, their
values do. Prints one line per table and exits 1 when any table differs, with a row of each side
that the other lacks. Columns only one side has are listed and left out of the rows compared (a
change that adds a column is identical in the others); `--ignore` leaves out more.

Usage: python -m benchmarks.same_output --base REV [--head REV] [--sets seeds,aeb-txt,...] [--ignore col,...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from benchmarks.corpus import generate
from benchmarks.eval import ROOT, stage_input

SETS = ("seeds", "aeb-txt", "aeb-html", "quotes-dev", "quotes-train")
MORE_SETS = ("fresh",)
FRESH_N = 2000
# Run the CLI of the tree given as the working directory (ahead of the editable install on sys.path).
RUN_CLI = "import sys; sys.argv[0] = 'newscurate'; from flows.cli import app; app()"
EXAMPLE_CHARS = 400  # of a differing row shown


def tables(out: Path) -> dict[str, pl.DataFrame]:
    """Every published table of an output folder (a folder of Parquet files, or one file)."""
    found = {}
    for p in sorted(out.iterdir()):
        name = p.name.removesuffix(".parquet")
        if p.name.startswith(("_", ".")) or not (p.is_dir() or p.suffix == ".parquet"):
            continue
        if p.is_dir() and not any(p.glob("*.parquet")):
            continue
        found[name] = pl.read_parquet(p / "*.parquet" if p.is_dir() else p)
    return found


def row_counts(df: pl.DataFrame, columns: list[str]) -> Counter:
    return Counter(json.dumps(r, sort_keys=True, default=str) for r in df.select(columns).iter_rows(named=True))


def compare(base: dict[str, pl.DataFrame], head: dict[str, pl.DataFrame], ignore: set[str]) -> list[str]:
    """One line per table: "same", or how the two sides differ. Lines of differences start with "DIFF"."""
    lines = []
    for name in sorted(base.keys() | head.keys()):
        if name not in base or name not in head:
            lines.append(f"DIFF {name}: only in {'head' if name in head else 'base'}")
            continue
        b, h = base[name], head[name]
        shared = [c for c in b.columns if c in h.columns and c not in ignore]
        extra = sorted((set(b.columns) ^ set(h.columns)) - ignore)
        note = f" (compared without {', '.join(extra)})" if extra else ""
        rb, rh = row_counts(b, shared), row_counts(h, shared)
        if rb == rh:
            lines.append(f"same {name}: {b.height} rows{note}")
        else:
            lost, new = rb - rh, rh - rb
            lines.append(
                f"DIFF {name}: {sum(lost.values())} of {b.height} base rows not in head, "
                f"{sum(new.values())} of {h.height} head rows new{note}"
            )
            for side, rows in (("base", lost), ("head", new)):
                if rows:
                    lines.append(f"  {side} only: {next(iter(rows))[:EXAMPLE_CHARS]}")
    return lines


def run(tree: Path, inp: Path, out: Path, home: Path) -> None:
    env = os.environ | {"PREFECT_HOME": str(home), "PYTHONPATH": str(tree)}
    cmd = [sys.executable, "-c", RUN_CLI, "run", "--input", str(inp), "--output", str(out), "--full"]
    got = subprocess.run(cmd, cwd=tree, capture_output=True, text=True, env=env)
    if got.returncode != 0:
        raise SystemExit(f"the run of {tree} failed on {inp}: {got.stderr[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the git revision to compare this tree with")
    ap.add_argument("--head", help="the git revision compared (default: this tree, as it is)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated, of: " + ", ".join(SETS + MORE_SETS))
    ap.add_argument("--ignore", default="", help="comma-separated columns left out of the comparison")
    args = ap.parse_args()
    names = [s for s in args.sets.split(",") if s]
    if unknown := set(names) - set(SETS + MORE_SETS):
        raise SystemExit(f"unknown set(s): {', '.join(sorted(unknown))}; known: {', '.join(SETS + MORE_SETS)}")
    ignore = {c for c in args.ignore.split(",") if c}
    work = Path(tempfile.mkdtemp(prefix="newscurate-same-"))
    trees = {"base": work / "base-tree", "head": work / "head-tree" if args.head else ROOT}
    checkouts = [(trees["base"], args.base), *([(trees["head"], args.head)] if args.head else [])]
    try:
        for tree, rev in checkouts:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), rev], check=True)
        jobs = [(n, side, tree) for n in names for side, tree in trees.items()]
        for name in names:
            if name == "fresh":
                generate(work / name / "input", FRESH_N, args.shared.resolve())
            else:
                stage_input(name, args.shared.resolve() / "eval", args.shared.resolve(), work / name / "input")

        def one(job: tuple[str, str, Path]) -> None:
            name, side, tree = job
            run(tree, work / name / "input", work / name / side, work / name / f"prefect-{side}")

        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(one, jobs))
        differ = False
        for name in names:
            lines = compare(tables(work / name / "base"), tables(work / name / "head"), ignore)
            differ |= any(line.startswith("DIFF") for line in lines)
            print(f"{name}:", *lines, sep="\n  ")
    finally:
        for tree, _ in checkouts:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
