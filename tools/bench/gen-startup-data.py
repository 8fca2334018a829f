#!/usr/bin/env python3
"""Writes a large SYNTHETIC knowledge base for the start-up benchmark (never for anything else).

    python3 tools/bench/gen-startup-data.py OUT_DIR [--products 100000] [--rules 100000]

OUT_DIR gets catalog.csv (the sample catalog's products repeated under new, unique registration
numbers, one price each) and tools/sample-data/{interactions.csv,ingredient-synonyms.csv} (the 971
reviewed rules plus synthetic rules between invented ingredients "benchmarkum N", marked as such in
their source column), laid out so that rx-server started with OUT_DIR as its working directory seeds
them on first start. Deterministic.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "tools" / "sample-data"


def write_catalog(path: Path, products: int) -> None:
    with open(SAMPLE / "catalog.csv", newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    header, body = rows[0], rows[1:]
    seen: set[str] = set()
    templates = [row for row in body if not (row[0] in seen or seen.add(row[0]))]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for index in range(products):
            row = list(templates[index % len(templates)])
            # VD-NNNNN-YY: 90,000 numbers per two-digit year suffix.
            row[0] = f"VD-{10000 + index % 90000:05d}-{30 + index // 90000:02d}"
            row[1] = f"{row[1]} B{index}"
            writer.writerow(row)


def write_rules(path: Path, rules: int) -> None:
    with open(SAMPLE / "interactions.csv", newline="", encoding="utf-8") as source:
        reviewed = list(csv.reader(source))
    header, body = reviewed[0], reviewed[1:]
    synthetic = max(0, rules - len(body))
    names = 2
    while names * (names - 1) // 2 < synthetic:
        names += 1
    severities = ["minor", "moderate", "major", "contraindicated"]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body[:rules])
        pairs = itertools.combinations(range(names), 2)
        for index, (a, b) in enumerate(itertools.islice(pairs, synthetic)):
            writer.writerow([
                f"BENCH-{index:06d}", f"benchmarkum {a}", f"benchmarkum {b}", severities[index % 4], "other",
                "Synthetic rule for the start-up benchmark", "", "", "tools/bench/gen-startup-data.py (synthetic)",
            ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--rules", type=int, default=100_000)
    args = parser.parse_args()
    data = args.out / "tools" / "sample-data"
    data.mkdir(parents=True, exist_ok=True)
    write_catalog(args.out / "catalog.csv", args.products)
    write_rules(data / "interactions.csv", args.rules)
    shutil.copyfile(SAMPLE / "ingredient-synonyms.csv", data / "ingredient-synonyms.csv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
