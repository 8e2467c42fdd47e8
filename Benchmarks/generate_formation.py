#!/usr/bin/env python3
"""Seeded generator of a study whose ties form over the years 2005–2024 by a known process, for
backtesting `weakties match --backtest YEAR`.

Writes OUTDIR/ties.csv (source,target,strength,interview,coder,quote,initiator,since; one coded mention
per tie, `since` = the year the tie formed) and OUTDIR/nodes.csv (id,label,kind,partner_type,region,
sector,founded).

The process:

- PARTNERS of the ten partner types of the data contract (public_admin, business, civil_society,
  welfare, research_education, foundation, politics, media, religious, individual; business and civil
  society most common, media and foundations rarest), each in one of the regions Krefeld,
  Mönchengladbach, Viersen, Neuss, named like the organisations there ("Caritas Viersen 3").
- A partner–partner network laid down before 2005 (`since` 1990–2004): each partner, in turn, ties to
  1–3 other partners; half of these ties close a triangle (a partner of one of its partners), the rest
  go to a random partner, 75 % of them in the partner's own region. Every partner has at least one tie.
  From 2005 on, each year, as many draws as 2 % of the partners add partner–partner ties the same
  way (a draw that hits an existing tie adds nothing).
- INNOVATIONS, founded in a year drawn uniformly from 2005–2020, each in a region (weights 9:9:4:3)
  and a sector ("Repair-Café Cracau", "Bürgerbus Nr. 12"). Innovations tie only to partners.
- Each year 2005–2024, each innovation founded by then (in a fixed order, the network updated after
  every tie) forms 0–3 new ties (uniformly). Each new partner is drawn among the partners it has no
  tie to, with probability proportional to
    closure:   exp(1.5 × CN)
               CN = number of common neighbours (partners tied to both): triadic closure, what the
               classic link prediction scores (common neighbours, Jaccard, Adamic–Adar, resource
               allocation) expect;
    openness:  exp(1.2 × [partner type new] + 0.8 × [region new] + 0.8 × [CN ≥ 1])
               a type none of the innovation's partners has; a region that is neither the innovation's
               own nor any of its partners' (the definitions `weakties match` uses): innovations seek
               what they lack and are introduced by someone they know (the study's finding).
- Strength weak with p = 0.6, else strong. Initiator: for a young innovation (age < 4 years in the
  year the tie forms) `source` (the innovation) with p = 0.7, else `target`; for an older one `target`
  with p = 0.6, else `source`; partner–partner ties `both` or `unknown`. Interview `I-<n>` of the
  source actor (numbered in order of first use), coder K1, a short German quote (naming the
  introducer when the two had a common neighbour).

Only one seeded random.Random is used and nothing iterates over a set, so the same arguments give
byte-identical files.

usage: generate_formation.py [--innovations 40] [--partners 400] [--seed 1] [--process openness|closure] OUTDIR
"""
import argparse
import csv
import math
import os
import random

FIRST_YEAR, LAST_YEAR = 2005, 2024
FOUNDED_FROM, FOUNDED_TO = 2005, 2020

REGIONS = ["Krefeld", "Mönchengladbach", "Viersen", "Neuss"]
REGION_WEIGHTS = [9, 9, 4, 3]
DISTRICTS = {
    "Krefeld": ["Cracau", "Uerdingen", "Bockum", "Fischeln", "Hüls", "Oppum", "Linn", "Dießem"],
    "Mönchengladbach": ["Eicken", "Lürrip", "Holt", "Rheydt", "Wickrath", "Odenkirchen", "Hardt", "Neuwerk"],
    "Viersen": ["Dülken", "Süchteln", "Boisheim", "Alt-Viersen", "Helenabrunn"],
    "Neuss": ["Furth", "Grimlinghausen", "Norf", "Erfttal", "Reuschenberg", "Holzheim"],
}
CITY_SHORT = {"Mönchengladbach": "MG"}

INNOVATION_KINDS = [  # name, sector
    ("Repair-Café", "Reparatur"), ("Fairteiler", "Ernährung"), ("Sprachcafé", "Integration"),
    ("Schulgarten", "Bildung"), ("Bürgerbus", "Mobilität"), ("Lastenrad-Verleih", "Mobilität"),
    ("Nachbarschaftshilfe", "Soziales"), ("Urban-Gardening-Projekt", "Stadtgrün"),
    ("Solidarische Landwirtschaft", "Ernährung"), ("Offene Werkstatt", "Reparatur"), ("Tauschring", "Soziales"),
    ("Bürgerenergie-Genossenschaft", "Energie"), ("Kulturzentrum im Leerstand", "Kultur"),
    ("Seniorenmobil", "Mobilität"), ("Leihladen", "Nachhaltigkeit"), ("Foodsharing-Café", "Ernährung"),
    ("Digitalpaten", "Bildung"), ("Quartiersküche", "Integration"),
]

# type: (share among partners, sector, name templates; {city} region, {d} district, {s} surname, {h} saint)
PARTNER_TYPES = {
    "public_admin": (0.08, "Verwaltung", [
        "Stadt {city} – Jugendamt", "Stadt {city} – Grünflächenamt", "Stadt {city} – Wirtschaftsförderung",
        "Stadt {city} – Seniorenbüro", "Stadt {city} – Integrationsbüro", "Quartiersmanagement {d}"]),
    "business": (0.22, "Wirtschaft", [
        "Bäckerei {s}", "Fahrradladen {d}", "Sparkasse {city}", "Elektro {s} GmbH", "Gärtnerei {s}",
        "Stadtwerke {city}", "Volksbank {city}", "Schreinerei {s}", "Buchhandlung {d}", "Druckerei {s}"]),
    "civil_society": (0.18, "Verein", [
        "Bürgerverein {d}", "Kleingartenverein {d}", "NABU-Gruppe {city}", "Heimatverein {d}",
        "Sportverein {d}", "ADFC {city}", "Elterninitiative {d}", "Flüchtlingshilfe {d}"]),
    "welfare": (0.10, "Soziales", [
        "Caritas {city}", "Diakonie {city}", "AWO {d}", "DRK {city}", "Tafel {city}", "Lebenshilfe {city}"]),
    "research_education": (0.12, "Bildung", [
        "Volkshochschule {city}", "Grundschule {d}", "Gesamtschule {d}", "Stadtbibliothek {city}",
        "Hochschule Niederrhein", "Familienbildungsstätte {city}"]),
    "foundation": (0.05, "Stiftung", [
        "Bürgerstiftung {city}", "Sparkassenstiftung {city}", "Stiftung {s}", "Umweltstiftung Niederrhein"]),
    "politics": (0.06, "Politik", [
        "Bezirksvertretung {d}", "Ratsfraktion Grüne {city}", "Ratsfraktion SPD {city}",
        "Ratsfraktion CDU {city}", "Büro des Oberbürgermeisters {city}"]),
    "media": (0.05, "Presse", [
        "Rheinische Post {city}", "Westdeutsche Zeitung {city}", "Lokalradio {city}", "Stadtteilzeitung {d}"]),
    "religious": (0.06, "Kirche", [
        "Ev. Kirchengemeinde {d}", "Kath. Pfarrei St. {h} {d}", "Moscheegemeinde {d}"]),
    "individual": (0.08, "", [
        "Nachbarin mit Gartenwissen ({d})", "Elektromeister i. R. ({d})", "Lehrerin aus {d}",
        "Architekt i. R. ({d})", "Hausmeister des Gemeindezentrums {d}"]),
}
TYPE_NAMES = list(PARTNER_TYPES)
SURNAMES = ["Schmitz", "Hoffmann", "Jansen", "Peters", "Küppers", "Heinen", "Özdemir", "Wolters", "Dahmen", "Thelen"]
SAINTS = ["Hubertus", "Josef", "Anna", "Martin", "Elisabeth"]

QUOTES = [
    "Mit {p} arbeiten wir seit {y} zusammen.",
    "{p} unterstützt uns, wenn es eng wird.",
    "Wir haben {p} auf dem Stadtteilfest angesprochen.",
    "Mit {p} haben wir einmal im Jahr zu tun, mehr nicht.",
    "Von {p} bekommen wir Räume und gute Tipps.",
    "Ohne {p} hätten wir {y} nicht weitergemacht.",
]
QUOTES_INTRODUCED = [
    "Über {z} haben wir {p} kennengelernt.",
    "{z} hat uns mit {p} bekannt gemacht.",
    "Das lief über {z}, die kannten jemanden bei {p}.",
]
QUOTES_PARTNERS = [
    "Mit {p} sind wir seit Jahren gut vernetzt.",
    "{p} kennen wir aus dem Arbeitskreis.",
    "Mit {p} machen wir ab und zu etwas zusammen.",
]
HEADER = ["source", "target", "strength", "interview", "coder", "quote", "initiator", "since"]
NODE_HEADER = ["id", "label", "kind", "partner_type", "region", "sector", "founded"]


class Actor:
    def __init__(self, id, kind, partner_type, region, sector, founded):
        self.id, self.kind, self.partner_type = id, kind, partner_type
        self.region, self.sector, self.founded = region, sector, founded


class Network:
    """Adjacency as ordered lists (iterated) beside sets (membership only)."""

    def __init__(self, n):
        self.neighbours = [[] for _ in range(n)]
        self.linked = [set() for _ in range(n)]

    def add(self, a, b):
        if a == b or b in self.linked[a]:
            return False
        self.neighbours[a].append(b)
        self.neighbours[b].append(a)
        self.linked[a].add(b)
        self.linked[b].add(a)
        return True


def unique_name(base, taken):
    """BASE, or BASE with a number (2, 3, …) when that is taken; records the name in TAKEN."""
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base} {number}"
    taken[name] = True
    return name


def make_innovations(rng, count, taken):
    innovations = []
    for _ in range(count):
        region = rng.choices(REGIONS, REGION_WEIGHTS)[0]
        kind, sector = rng.choice(INNOVATION_KINDS)
        base = f"{kind} {rng.choice(DISTRICTS[region])}"
        name = base if base not in taken else f"{kind} Nr. {len(innovations) + 1}"
        name = unique_name(name, taken)
        innovations.append(Actor(name, "innovation", "", region, sector, rng.randint(FOUNDED_FROM, FOUNDED_TO)))
    return innovations


def make_partners(rng, count, taken):
    weights = [PARTNER_TYPES[t][0] for t in TYPE_NAMES]
    partners = []
    for _ in range(count):
        region = rng.choices(REGIONS, REGION_WEIGHTS)[0]
        ptype = rng.choices(TYPE_NAMES, weights)[0]
        template = rng.choice(PARTNER_TYPES[ptype][2])
        base = template.format(city=region, d=rng.choice(DISTRICTS[region]), s=rng.choice(SURNAMES),
                               h=rng.choice(SAINTS))
        partners.append(Actor(unique_name(base, taken), "partner", ptype, region, PARTNER_TYPES[ptype][1], None))
    return partners


def partner_tie(rng, net, a, first_partner, partners_of_region, partner_indices, region_of):
    """The other end of a new partner–partner tie of partner A: half close a triangle, else 75 % in A's region."""
    if rng.random() < 0.5 and net.neighbours[a]:
        via = rng.choice(net.neighbours[a])
        pool = [q for q in net.neighbours[via] if q != a and q >= first_partner]
        if pool:
            return rng.choice(pool)
    pool = partners_of_region[region_of[a]] if rng.random() < 0.75 else partner_indices
    return rng.choice(pool)


def label_of(name):
    label = name
    for long, short in CITY_SHORT.items():
        label = label.replace(long, short)
    return label.replace(" – ", ", ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--innovations", type=int, default=40)
    parser.add_argument("--partners", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--process", choices=["openness", "closure"], default="openness")
    args = parser.parse_args()
    if args.innovations < 1 or args.partners < 4:
        parser.error("need at least one innovation and four partners")
    rng = random.Random(args.seed)
    taken = {}
    innovations = make_innovations(rng, args.innovations, taken)
    partners = make_partners(rng, args.partners, taken)
    actors = innovations + partners
    n_inn = len(innovations)
    region_of = [a.region for a in actors]
    type_of = [a.partner_type for a in actors]
    partner_indices = list(range(n_inn, len(actors)))
    partners_of_region = {r: [p for p in partner_indices if region_of[p] == r] or partner_indices for r in REGIONS}
    net = Network(len(actors))
    ties = []  # (source, target, year, common neighbours at formation or None)

    # 1. The partner–partner network before 2005.
    for a in partner_indices:
        draws = rng.randint(1, 3)
        while draws > 0 or not net.neighbours[a]:  # at least one tie each
            draws -= 1
            b = partner_tie(rng, net, a, n_inn, partners_of_region, partner_indices, region_of)
            if net.add(a, b):
                ties.append((a, b, rng.randint(1990, FIRST_YEAR - 1), None))

    per_year = max(1, round(0.02 * len(partners)))
    strength_of, initiator_of = {}, {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        # 2. New ties of the innovations founded by then.
        for i in range(n_inn):
            age = year - innovations[i].founded
            if age < 0:
                continue
            for _ in range(rng.randint(0, 3)):
                alters = net.neighbours[i]
                common = [0] * len(actors)
                for z in alters:
                    for q in net.neighbours[z]:
                        common[q] += 1
                own_types = {type_of[z] for z in alters}
                own_regions = {region_of[z] for z in alters}
                own_regions.add(region_of[i])
                candidates, weights = [], []
                for p in partner_indices:
                    if p in net.linked[i]:
                        continue
                    if args.process == "closure":
                        x = 1.5 * common[p]
                    else:
                        x = (1.2 * (type_of[p] not in own_types) + 0.8 * (region_of[p] not in own_regions)
                             + 0.8 * (common[p] >= 1))
                    candidates.append(p)
                    weights.append(math.exp(x))
                if not candidates:
                    break
                p = rng.choices(candidates, weights)[0]
                introducers = [z for z in alters if p in net.linked[z]]
                net.add(i, p)
                ties.append((i, p, year, introducers))
                if age < 4:
                    initiator_of[len(ties) - 1] = "source" if rng.random() < 0.7 else "target"
                else:
                    initiator_of[len(ties) - 1] = "target" if rng.random() < 0.6 else "source"
        # 3. Some new partner–partner ties.
        for _ in range(per_year):
            a = rng.choice(partner_indices)
            b = partner_tie(rng, net, a, n_inn, partners_of_region, partner_indices, region_of)
            if net.add(a, b):
                ties.append((a, b, year, None))

    # Mentions, in the order the ties formed.
    interviews = {}
    rows = []
    for k, (a, b, year, introducers) in enumerate(ties):
        strength = "weak" if rng.random() < 0.6 else "strong"
        if a not in interviews:
            interviews[a] = f"I-{len(interviews) + 1}"
        if k in initiator_of:
            initiator = initiator_of[k]
            if introducers:
                quote = rng.choice(QUOTES_INTRODUCED).format(z=actors[rng.choice(introducers)].id, p=actors[b].id)
            else:
                quote = rng.choice(QUOTES).format(p=actors[b].id, y=year)
        else:
            initiator = rng.choice(["both", "unknown"])
            quote = rng.choice(QUOTES_PARTNERS).format(p=actors[b].id)
        rows.append([actors[a].id, actors[b].id, strength, interviews[a], "K1", quote, initiator, str(year)])

    ids = {a.id for a in actors}
    assert len(ids) == len(actors), "duplicate actor id"
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "ties.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    with open(os.path.join(args.outdir, "nodes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NODE_HEADER)
        for a in actors:
            w.writerow([a.id, label_of(a.id), a.kind, a.partner_type, a.region, a.sector,
                        "" if a.founded is None else str(a.founded)])
    innovation_ties = len(initiator_of)
    print(f"{args.outdir}: {n_inn} innovations, {len(partners)} partners, {len(ties)} ties "
          f"({innovation_ties} innovation–partner, {len(ties) - innovation_ties} partner–partner), "
          f"process {args.process}, seed {args.seed}")


if __name__ == "__main__":
    main()
