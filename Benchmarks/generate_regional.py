#!/usr/bin/env python3
"""Seeded generator of a large regional study in linear time (generate_study.py is realistic in its texts
but does not scale past a few thousand ties).

Writes OUTDIR/ties.csv (source,target,strength,interview,coder,quote,initiator,since) and OUTDIR/nodes.csv
(id,label,kind,partner_type,region,sector,established,founded):

- INNOVATIONS innovations (default 2,500) and 3 × as many partners (10,000 actors in all), in four regions;
  partners of the ten partner types of the contract; 12 very popular partners (city administrations,
  savings banks, welfare associations) shared by many innovations;
- TIES distinct undirected ties (default 50,000): 70 % innovation–partner (3–25 partners per innovation
  and round over all innovations, 80 % within its region), 30 % partner–partner; 60 % weak;
- one mention per tie with a year (first year, default 1995, to 2024, not before the innovation's founding), a coder, an
  initiator and a short quote.

Only one seeded random.Random is used and nothing iterates over a set, so the same arguments give
byte-identical files.

usage: generate_regional.py [--innovations 2500] [--ties 50000] [--seed 1] [--first-year 1995] OUTDIR
"""
import argparse
import csv
import os
import random

REGIONS = ["Krefeld", "Mönchengladbach", "Viersen", "Neuss"]
TYPES = ["public_admin", "business", "civil_society", "welfare", "research_education", "foundation", "politics",
         "media", "religious", "individual"]
TYPE_WEIGHTS = [10, 22, 18, 12, 8, 6, 6, 5, 6, 7]
KINDS = ["Repair-Café", "Fairteiler", "Sprachcafé", "Schulgarten", "Bürgerbus", "Lastenrad-Verleih",
         "Nachbarschaftshilfe", "Gemeinschaftsgarten", "Offene Werkstatt", "Tauschring"]
SECTORS = {"public_admin": "Verwaltung", "business": "Wirtschaft", "civil_society": "Verein", "welfare": "Soziales",
           "research_education": "Bildung", "foundation": "Stiftung", "politics": "Politik", "media": "Medien",
           "religious": "Kirche", "individual": "Privat"}
QUOTES = ["Das lief über persönliche Kontakte.", "Die haben uns angesprochen.", "Wir kennen uns vom Stadtteilfest.",
          "Ohne die Sparkasse gäbe es uns nicht.", "Man sieht sich ab und zu.", "Das war ein einmaliges Ding, aber gut."]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--innovations", type=int, default=2500)
    parser.add_argument("--ties", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-year", type=int, default=1995, help="first founding and tie year (ties run to 2024)")
    parser.add_argument("outdir")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n_innovations = args.innovations
    n_partners = 3 * n_innovations
    actors = []  # (id, label, kind, type, region, sector, established, founded)
    for k in range(n_innovations):
        kind = KINDS[k % len(KINDS)]
        region = REGIONS[rng.randrange(len(REGIONS))]
        founded = rng.randint(args.first_year, 2023)
        name = f"{kind} {region} Nr. {k:04d}"
        actors.append((name, name, "innovation", "", region, kind, "true" if founded < 2018 else "false", str(founded)))
    for k in range(n_partners):
        t = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        region = REGIONS[rng.randrange(len(REGIONS))]
        name = f"{SECTORS[t]} {region} {k:05d}"
        actors.append((name, name, "partner", t, region, SECTORS[t], "", ""))
    partners_by_region = {r: [] for r in REGIONS}
    for k in range(n_innovations, n_innovations + n_partners):
        partners_by_region[actors[k][4]].append(k)
    popular = list(range(n_innovations, n_innovations + 12))
    edges = {}
    order = []

    def add(a, b):
        key = (min(a, b), max(a, b))
        if a != b and key not in edges:
            edges[key] = True
            order.append(key)

    innovation_ties = int(args.ties * 0.7)
    i = -1
    while len(order) < innovation_ties:
        i = (i + 1) % n_innovations  # every innovation in turn, so none is left without ties
        own = partners_by_region[actors[i][4]]
        for _ in range(rng.randint(3, 25)):
            if rng.random() < 0.08:
                p = popular[rng.randrange(len(popular))]
            elif rng.random() < 0.8:
                p = own[rng.randrange(len(own))]
            else:
                p = rng.randrange(n_innovations, n_innovations + n_partners)
            add(i, p)
            if len(order) >= innovation_ties:
                break
    while len(order) < args.ties:
        a = rng.randrange(n_innovations, n_innovations + n_partners)
        b = popular[rng.randrange(len(popular))] if rng.random() < 0.2 else rng.randrange(n_innovations, n_innovations + n_partners)
        add(a, b)

    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "nodes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "label", "kind", "partner_type", "region", "sector", "established", "founded"])
        w.writerows(actors)
    with open(os.path.join(args.outdir, "ties.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "strength", "interview", "coder", "quote", "initiator", "since"])
        for n, (a, b) in enumerate(order):
            start = max(int(actors[a][7] or args.first_year), int(actors[b][7] or args.first_year))
            w.writerow([actors[a][0], actors[b][0], "weak" if rng.random() < 0.6 else "strong", f"I-{a % 997:03d}",
                        "K1" if rng.random() < 0.5 else "K2", QUOTES[rng.randrange(len(QUOTES))],
                        ["source", "target", "both", "unknown"][rng.randrange(4)], str(rng.randint(start, 2024))])


if __name__ == "__main__":
    main()
