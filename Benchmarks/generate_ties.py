#!/usr/bin/env python3
"""Seeded generator of large coded-tie tables for the import benchmark.

Writes ROWS mention rows (7 columns) with mixed strength spellings (strong/weak/stark/schwach/1-5),
German ids with umlauts, quoted fields holding commas, doubled quotes and line breaks, and many
repeated pairs in both orders. Same seed and size -> byte-identical file.

usage: generate_ties.py ROWS OUTPUT [--seed N]
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
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n_actors = max(50, args.rows // 20)
    actors = [f"{rng.choice(PREFIXES)} {rng.choice(PLACES)} {i}" for i in range(n_actors)]
    n_pairs = max(20, args.rows // 5)
    pairs = []
    for _ in range(n_pairs):
        a, b = rng.randrange(n_actors), rng.randrange(n_actors)
        while b == a:
            b = rng.randrange(n_actors)
        pairs.append((a, b))
    quotes = [f"{rng.choice(OPENERS)} ({i}, Seite {rng.randint(1, 40)})" for i in range(args.rows // 4 + 1)]
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "strength", "interview", "coder", "quote", "initiator"])
        for _ in range(args.rows):
            a, b = rng.choice(pairs)
            if rng.random() < 0.5:
                a, b = b, a
            w.writerow([actors[a], actors[b], rng.choice(STRENGTHS), f"INT-{rng.randrange(2000):04d}",
                        rng.choice(["K1", "K2", "K3"]), rng.choice(quotes), rng.choice(INITIATORS)])


if __name__ == "__main__":
    main()
