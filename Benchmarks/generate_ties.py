#!/usr/bin/env python3
"""Seeded generator of large coded-tie tables for the import benchmark.

Writes ROWS mention rows (7 columns) with mixed strength spellings (strong/weak/stark/schwach/1-5),
German ids with umlauts, quoted fields holding commas, doubled quotes and line breaks, and many
repeated pairs in both orders. Same seed and size -> byte-identical file.

Shapes (`--shape`), as users' tables come:
  long   (default) the above: long, mostly unique quotes (250k distinct multi-sentence texts per 1M rows);
  short  short, often repeated fields: ids like "Stadtteilküche Mönchengladbach Nr. 0349" (ROWS / 19
         actors), strengths mixed `4`/`Stark`/`schwach`, short quotes from a set of 12, a year;
  wide   the long shape plus 50 extra columns of short coded values (a wide coding export).

usage: generate_ties.py ROWS OUTPUT [--seed N] [--shape long|short|wide]
"""
import argparse
import csv
import random

PREFIXES = ["Repair-Café", "Fairteiler", "Sprachcafé", "Schulgarten", "Bürgerbus", "Lastenrad", "Nachbarschaftshilfe",
            "Werkstatt", "Stadtteilbüro", "Verein", "Stiftung", "Genossenschaft", "Diakonie", "Caritas", "Bäckerei",
            "Gärtnerei", "Schützenbruderschaft", "Förderverein", "Kulturzentrum", "Jugendtreff"]
PLACES = ["Krefeld", "Mönchengladbach", "Uerdingen", "Hüls", "Fischeln", "Oppum", "Rheydt", "Wickrath", "Odenkirchen",
          "Lürrip", "Eicken", "Holt", "Bockum", "Linn", "Gartenstadt", "Dülken", "Viersen", "Neuss", "Kempen", "Willich"]
STRENGTHS = ["strong", "weak", "stark", "schwach", "Strong", "WEAK", "1", "2", "3", "4", "5"]
INITIATORS = ["source", "target", "both", "third", "unknown", "innovation", "partner", "beide", "dritte", "unbekannt"]
OPENERS = ["Die haben gesagt: \"Klar, macht mal.\"", "Ohne sie gäbe es uns nicht, ehrlich.",
           "Einmal im Jahr, sonst kein Kontakt", "Über die Nachbarin, die kannte jemanden.",
           "I: Wie kam das zustande?\nB: Durch Zufall, beim Straßenfest.", "Wir teilen uns Räume, Werkzeug, Ideen.",
           "Das war mühsam; drei Anträge, zwei Absagen.", "Gemeinsame Werte, gleiche Ziele – das passt."]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--shape", choices=["long", "short", "wide"], default="long")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.shape == "short":
        return short(args, rng)
    n_actors = max(50, args.rows // 20)
    actors = [f"{rng.choice(PREFIXES)} {rng.choice(PLACES)} {i}" for i in range(n_actors)]
    pairs = random_pairs(rng, n_actors, max(20, args.rows // 5))
    quotes = [f"{rng.choice(OPENERS)} ({i}, Seite {rng.randint(1, 40)})" for i in range(args.rows // 4 + 1)]
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        extra = [f"code_{k:02d}" for k in range(1, 51)] if args.shape == "wide" else []
        w.writerow(["source", "target", "strength", "interview", "coder", "quote", "initiator"] + extra)
        for _ in range(args.rows):
            a, b = rng.choice(pairs)
            if rng.random() < 0.5:
                a, b = b, a
            w.writerow([actors[a], actors[b], rng.choice(STRENGTHS), f"INT-{rng.randrange(2000):04d}",
                        rng.choice(["K1", "K2", "K3"]), rng.choice(quotes), rng.choice(INITIATORS)]
                       + [rng.choice(["0", "1", "2", "ja", "nein", ""]) for _ in extra])


def random_pairs(rng, n_actors, n_pairs):
    """N_PAIRS ordered pairs of distinct actors (repeats possible), drawn with RNG."""
    pairs = []
    for _ in range(n_pairs):
        a, b = rng.randrange(n_actors), rng.randrange(n_actors)
        while b == a:
            b = rng.randrange(n_actors)
        pairs.append((a, b))
    return pairs


SHORT_QUOTES = ["Kennen uns vom Stadtfest.", "Über die Nachbarin.", "Gemeinsame Ziele.", "Die Stadt hat vermittelt.",
                "Seit Jahren dabei.", "Einmal im Jahr.", "Räume geteilt.", "Werkzeug geliehen.", "Über den Verein.",
                "Zufall.", "Sie kamen auf uns zu.", "Wir haben gefragt."]
KINDS = ["Stadtteilküche", "Repair-Café", "Fairteiler", "Sprachcafé", "Schulgarten", "Bürgerbus", "Lastenrad",
         "Tauschring", "Werkzeugbibliothek", "Nachbarschaftshilfe"]


def short(args, rng):
    """Short, often repeated fields (see the module docstring)."""
    n_actors = max(50, args.rows // 19)
    actors = [f"{rng.choice(KINDS)} {rng.choice(PLACES)} Nr. {i:04d}" for i in range(n_actors)]
    pairs = random_pairs(rng, n_actors, max(20, args.rows * 22 // 100))
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "strength", "interview", "coder", "quote", "since"])
        for _ in range(args.rows):
            a, b = rng.choice(pairs)
            w.writerow([actors[a], actors[b], rng.choice(["4", "Stark", "schwach", "2", "stark", "Schwach"]),
                        f"I-{rng.randrange(3000):04d}", rng.choice(["K1", "K2"]), rng.choice(SHORT_QUOTES),
                        str(rng.randint(2005, 2024))])


if __name__ == "__main__":
    main()
