#!/usr/bin/env python3
"""Seeded generator of a large double-coded study for timing `weakties agree` and
`weakties actors --suggest-merges` on what users have: many interviews, two coders, shared partners.

Writes OUTDIR/ties.csv (source,target,strength,interview,coder,quote,initiator,since,proximity_spatial,
proximity_social,motive,benefit) and OUTDIR/nodes.csv. Each interview is one innovation's; its ego
network of 10–30 partners (drawn from a regional pool named like the region's organisations, some
spelled differently by interviewees: "KR" for Krefeld, "e. V.", a typo) plus a few partner–partner
ties is coded by both coders K1 and K2, each missing ~5 % of the ties and disagreeing on ~15 % of
strengths and ~20 % of proximity levels; a third of the interviews also by K3. One seeded
random.Random; the same arguments give byte-identical files.

usage: generate_coded.py [--mentions 1000000] [--seed 1] OUTDIR
"""
import argparse
import csv
import os
import random

TYPES = ["Caritas", "Diakonie", "Tafel", "Grundschule", "Sportverein", "Ev. Kirchengemeinde", "Kath. Kirchengemeinde",
         "Stadtbibliothek", "Bürgerverein", "Jugendzentrum", "Förderverein", "Seniorentreff", "Kleingartenverein",
         "Heimatverein", "Familienzentrum", "Volkshochschule", "Arbeiterwohlfahrt", "Nachbarschaftshilfe",
         "Stadtteilbüro", "Tierschutzverein", "Sparkasse", "Handwerksbetrieb", "Bäckerei", "Hochschule", "Stiftung"]
CITIES = ["Krefeld", "Mönchengladbach", "Viersen", "Neuss", "Düsseldorf", "Duisburg", "Kempen", "Willich"]
SHORT = {"Krefeld": "KR", "Mönchengladbach": "MG", "Viersen": "VIE", "Neuss": "NE", "Düsseldorf": "D", "Duisburg": "DU",
         "Kempen": "KK", "Willich": "WIL"}
MOTIVES = ["Raum", "Geld", "Wissen", "Sichtbarkeit", "gemeinsame Werte", "Nachbarschaft", "Ehrenamtliche gewinnen"]
LEVELS = ["low", "medium", "high"]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir")
    p.add_argument("--mentions", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    # Partners: about one per 20 mentions, named type + district number + city.
    n_partners = max(50, a.mentions // 20)
    partners = []
    for k in range(n_partners):
        t, c = rng.choice(TYPES), rng.choice(CITIES)
        partners.append((f"{t} {c}-{k + 1}", c, t))
    def spelled(name, city):
        r = rng.random()
        if r < 0.03:
            return name.replace(city, SHORT[city])
        if r < 0.05:
            return name + " e. V."
        if r < 0.06 and len(name) > 8:
            i = rng.randrange(1, 6)
            return name[:i] + name[i + 1] + name[i] + name[i + 2:]
        return name
    rows = []
    innovation = 0
    while len(rows) < a.mentions:
        innovation += 1
        ego = f"Innovation {innovation}"
        interview = f"I-{innovation:06d}"
        coders = ["K1", "K2"] + (["K3"] if innovation % 3 == 0 else [])
        alters = rng.sample(range(n_partners), rng.randrange(10, 31))
        ties = [(ego, partners[p][0], partners[p][1]) for p in alters]
        for _ in range(len(alters) // 4):
            x, y = rng.sample(alters, 2)
            ties.append((partners[x][0], partners[y][0], partners[x][1]))
        for s, t, city in ties:
            strength = rng.choice(["strong", "weak"])
            levels = [rng.choice(LEVELS), rng.choice(LEVELS)]
            motive = ", ".join(rng.sample(MOTIVES, rng.randrange(1, 3)))
            year = rng.randrange(1995, 2025)
            written = spelled(t, city)
            for coder in coders:
                if rng.random() < 0.05:
                    continue
                st = strength if rng.random() > 0.15 else ("weak" if strength == "strong" else "strong")
                lv = [l if rng.random() > 0.2 else rng.choice(LEVELS) for l in levels]
                rows.append([s, written, st, interview, coder, f"Zitat {rng.randrange(1000)} aus {interview}",
                             rng.choice(["source", "target", "both"]), year, lv[0], lv[1], motive, "Unterstützung"])
    with open(os.path.join(a.outdir, "ties.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "strength", "interview", "coder", "quote", "initiator", "since",
                    "proximity_spatial", "proximity_social", "motive", "benefit"])
        w.writerows(rows[: a.mentions])
    with open(os.path.join(a.outdir, "nodes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "kind", "region", "partner_type"])
        for i in range(1, innovation + 1):
            w.writerow([f"Innovation {i}", "innovation", "", ""])
        for name, city, t in partners:
            w.writerow([name, "partner", city, "civil_society"])


if __name__ == "__main__":
    main()
