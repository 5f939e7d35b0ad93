"""What the dataset must say about the seeds, checked against the expectations file.

The expectations live in tests/seeds_expected.json (a copy of the shared
acceptance file, which is preferred when present). Returns a list of problems.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import polars as pl

HERE = Path(__file__).parent
SHARED = HERE.parent.parent / "shared" / "acceptance" / "seeds_expected.json"


def expectations() -> dict:
    path = SHARED if SHARED.exists() else HERE / "seeds_expected.json"
    return json.loads(path.read_text(encoding="utf-8"))


def norm(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    s = re.sub("[“”„‟«»\"]", '"', re.sub("[‘’`´]", "'", s))
    return re.sub(r"\s+", " ", s).strip().strip(" ,.;:!?\"'").strip()


def norm_name(s: str | None) -> str | None:
    return None if s is None else re.sub(r"[\s\-]+", " ", norm(s)).lower()


def check(out: Path) -> tuple[list[str], dict[str, float]]:
    exp = expectations()
    tables = {t: pl.read_parquet(out / t) for t in ("articles", "paragraphs", "quotes", "people")}
    articles = {Path(r["source_path"]).name: r for r in tables["articles"].to_dicts()}
    persons = {norm_name(p) for p in exp["persons"]}
    problems: list[str] = []
    tp = fp = fn = speaker_ok = 0
    for name, gold in exp["articles"].items():
        art = articles.get(name)
        if art is None:
            problems.append(f"{name}: missing")
            fn += len(gold["quotes"])
            continue
        paras = tables["paragraphs"].filter(pl.col("article_id") == art["article_id"])["text"].to_list()
        ptexts = [norm(p) for p in paras]
        for field in ("title", "site_name", "section", "dateline", "published"):
            if field in gold:
                got = art[field]
                got = None if got in ("", None) else str(got)[:10] if field == "published" else got
                if norm(got) != norm(gold[field]):
                    problems.append(f"{name}: {field} {got!r} != {gold[field]!r}")
        if sorted(map(norm_name, art["authors"] or [])) != sorted(map(norm_name, gold["authors"])):
            problems.append(f"{name}: authors {art['authors']} != {gold['authors']}")
        lo, hi = gold["paragraphs"]
        if not lo <= len(paras) <= hi:
            problems.append(f"{name}: {len(paras)} paragraphs, expected {lo}..{hi}")
        body = " ".join(ptexts)
        problems += [f"{name}: chrome kept {line!r}" for line in gold["removed"] if norm(line) in body]
        problems += [f"{name}: not joined {p!r}" for p in gold.get("joined", [])
                     if not any(norm(p) in t for t in ptexts)]
        preds = tables["quotes"].filter(pl.col("article_id") == art["article_id"]).to_dicts()
        used: set[int] = set()
        for g in gold["quotes"]:
            want = norm(g["text"])
            hit = next((i for i, q in enumerate(preds) if i not in used and (
                norm(q["text"]) == want or SequenceMatcher(None, norm(q["text"]), want).ratio() >= 0.9)), None)
            if hit is None:
                fn += 1
                problems.append(f"{name}: quote missed {g['text'][:60]!r}")
                continue
            used.add(hit)
            tp += 1
            got, want_sp = norm_name(preds[hit]["speaker"]), norm_name(g["speaker"])
            if got == want_sp or (want_sp is None and got not in persons):
                speaker_ok += 1
            else:
                problems.append(f"{name}: speaker of {g['text'][:40]!r} is {got!r}, expected {want_sp!r}")
            if preds[hit]["kind"] != g["kind"]:
                problems.append(f"{name}: kind of {g['text'][:40]!r} is {preds[hit]['kind']}")
        fp += len(preds) - len(used)
        problems += [f"{name}: extra quote {q['text'][:60]!r}" for i, q in enumerate(preds) if i not in used]
    people = tables["people"].to_dicts()
    for canon, variants in exp["persons"].items():
        rows = [p for p in people if norm_name(p["name"]) == norm_name(canon)]
        others = {norm_name(v) for v in variants} - {norm_name(canon)}
        split = [p["name"] for p in people if norm_name(p["name"]) in others]
        if len(rows) != 1 or split:
            problems.append(f"people: {canon!r} has {len(rows)} rows, variant rows {split}")
    for bad in exp["not_persons"]:
        if any(norm_name(bad) in {norm_name(a) for a in [p["name"], *(p["aliases"] or [])]} for p in people):
            problems.append(f"people: {bad!r} listed as a person")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return problems, {"quote_f1": f1, "speaker": speaker_ok / tp if tp else 0.0}
