#!/usr/bin/env python3
"""Seeded generator of a realistic interview-coded study for the report benchmark.

Writes OUTDIR/ties.csv (one row per coded mention, every column of the data contract plus the extra
column `transcript_page`) and OUTDIR/nodes.csv (one row per actor, plus the extra column `district`):

- innovations in Krefeld, Mönchengladbach, Viersen and Neuss, of uneven activity (ego networks of
  roughly 5 to 35 partners);
- about 0.38 partners per tie (190 for 500 ties), of the ten partner types of the contract, named
  like the organisations of the region; a few very popular partners (the city administrations, the
  savings banks, the big welfare associations, the university) shared by many innovations;
  every partner is tied to at least one innovation (when there are enough ties);
- TIES distinct undirected ties: ~30 % partner–partner, ~3 % innovation–innovation, the rest
  innovation–partner, mostly within a region;
- 1–3 mentions per tie: the innovation's interview, often double-coded by the second coder (same
  segment, sometimes a different vote), a partner's interview (ends in the other order) or a
  follow-up interview. Coder K1 writes strong/weak, source/target/… and low/medium/high; K2 writes
  stark/schwach, innovation/partner/beide/… and 1–3, as coders do;
- German quotes with commas, doubled quotes and line breaks; motive and benefit texts by partner type.

Every row satisfies the contract (no self-loops, valid strength/initiator/proximity values, years,
every id of the ties table in the nodes table). Only one seeded random.Random is used and nothing
iterates over a set, so the same arguments give byte-identical files.

usage: generate_study.py [--innovations 25] [--ties 500] [--seed 1] OUTDIR
"""
import argparse
import csv
import os
import random

REGIONS = {
    # region: (interview prefix, weight among innovations, districts)
    "Krefeld": ("KR", 9, ["Cracau", "Uerdingen", "Bockum", "Fischeln", "Hüls", "Oppum", "Linn", "Gartenstadt",
                          "Stahldorf", "Dießem"]),
    "Mönchengladbach": ("MG", 9, ["Eicken", "Lürrip", "Holt", "Rheydt", "Wickrath", "Odenkirchen", "Giesenkirchen",
                                  "Hardt", "Neuwerk"]),
    "Viersen": ("VIE", 4, ["Dülken", "Süchteln", "Boisheim", "Alt-Viersen", "Helenabrunn"]),
    "Neuss": ("NE", 3, ["Furth", "Grimlinghausen", "Norf", "Erfttal", "Reuschenberg", "Holzheim"]),
}
REGION_NAMES = list(REGIONS)

INNOVATION_KINDS = [  # name, sector
    ("Repair-Café", "Reparatur"), ("Fairteiler", "Ernährung"), ("Sprachcafé", "Integration"),
    ("Schulgarten", "Bildung"), ("Bürgerbus", "Mobilität"), ("Lastenrad-Verleih", "Mobilität"),
    ("Nachbarschaftshilfe", "Soziales"), ("Urban-Gardening-Genossenschaft", "Stadtgrün"),
    ("Solidarische Landwirtschaft", "Ernährung"), ("Offene Werkstatt", "Reparatur"), ("Tauschring", "Soziales"),
    ("Bürgerenergie-Genossenschaft", "Energie"), ("Kulturzentrum im Leerstand", "Kultur"),
    ("Seniorenmobil", "Mobilität"), ("Mehrgenerationengarten", "Stadtgrün"), ("Leihladen", "Nachhaltigkeit"),
    ("Foodsharing-Café", "Ernährung"), ("Digitalpaten", "Bildung"), ("Quartiersküche", "Integration"),
]
LEGAL_FORMS = ["", "", "", " e.V.", " e.V.", " eG", " gGmbH"]

# The very popular partners: (id, type, region, p(tie) to an innovation of the same region, p elsewhere).
POPULAR = [
    ("Stadt Krefeld – Fachbereich Umwelt", "public_admin", "Krefeld", 0.85, 0.08),
    ("Stadt Mönchengladbach – Fachbereich Soziales und Wohnen", "public_admin", "Mönchengladbach", 0.85, 0.08),
    ("Kreis Viersen – Amt für Kreisentwicklung", "public_admin", "Viersen", 0.7, 0.02),
    ("Stadt Neuss – Amt für Stadtentwicklung", "public_admin", "Neuss", 0.7, 0.02),
    ("Sparkasse Krefeld", "business", "Krefeld", 0.45, 0.02),
    ("Stadtsparkasse Mönchengladbach", "business", "Mönchengladbach", 0.45, 0.02),
    ("Caritasverband für die Region Krefeld", "welfare", "Krefeld", 0.35, 0.05),
    ("Diakonisches Werk Mönchengladbach", "welfare", "Mönchengladbach", 0.35, 0.05),
    ("Hochschule Niederrhein – Fachbereich Sozialwesen", "research_education", "Mönchengladbach", 0.3, 0.25),
    ("Bürgerstiftung Krefeld", "foundation", "Krefeld", 0.3, 0.02),
    ("Westdeutsche Zeitung – Lokalredaktion Krefeld", "media", "Krefeld", 0.3, 0.0),
    ("Rheinische Post – Lokalredaktion Mönchengladbach", "media", "Mönchengladbach", 0.3, 0.03),
    ("Ehrenamtsagentur Mönchengladbach", "civil_society", "Mönchengladbach", 0.3, 0.02),
]

# Partner name templates by type; {city} is the region, {d} a district, {s} a surname, {h} a saint.
PARTNER_TYPES = {
    "business": (0.22, "Wirtschaft", [
        "Bäckerei {s}", "Fahrradladen {d}", "Unverpackt-Laden {city}", "Elektro {s} GmbH", "Gärtnerei {s}",
        "Buchhandlung am Markt {d}", "Stadtwerke {city}", "Volksbank {city}", "Apotheke am Markt {d}",
        "Autohaus {s}", "Brauerei {s}", "Architekturbüro {s} & Partner", "Lebensmittelmarkt {d}",
        "Schreinerei {s}", "Café \"Zur Mühle\" {d}", "Druckerei {s} KG", "Wohnungsgenossenschaft {city}"]),
    "civil_society": (0.18, "Verein", [
        "Bürgerverein {d}", "Kleingartenverein {d}", "NABU-Gruppe {city}", "Heimatverein {d}",
        "Sportverein {d} 1920 e.V.", "Initiative \"Lebenswertes {d}\"", "Förderverein der Grundschule {d}",
        "Schützenbruderschaft St. {h} {d}", "ADFC {city}", "Elterninitiative {d}", "Imkerverein {d}",
        "Flüchtlingshilfe {d}"]),
    "welfare": (0.10, "Soziales", [
        "AWO Ortsverein {d}", "DRK Kreisverband {city}", "Der Paritätische {city}", "Lebenshilfe {city}",
        "Tafel {city} e.V.", "Caritas-Seniorenzentrum {d}", "Diakonie-Sozialstation {d}", "Jugendhilfe {d} gGmbH"]),
    "research_education": (0.12, "Bildung", [
        "Volkshochschule {city}", "Grundschule {d}", "Gesamtschule {d}", "Berufskolleg {city}",
        "Familienbildungsstätte {city}", "Stadtbibliothek {city}", "Kita {d}", "Gymnasium {d}"]),
    "public_admin": (0.08, "Verwaltung", [
        "Stadt {city} – Grünflächenamt", "Stadt {city} – Jugendamt", "Stadt {city} – Ordnungsamt",
        "Stadt {city} – Wirtschaftsförderung", "Stadt {city} – Integrationsbüro", "Stadt {city} – Seniorenbüro",
        "Stadt {city} – Klimaschutzmanagement", "Quartiersmanagement {d}"]),
    "foundation": (0.05, "Stiftung", [
        "Stiftung {s}", "Sparkassenstiftung {city}", "Umweltstiftung Niederrhein", "Heimat-Stiftung {d}",
        "Bürgerstiftung {city}"]),
    "politics": (0.06, "Politik", [
        "Bezirksvertretung {d}", "Ratsfraktion Grüne {city}", "Ratsfraktion SPD {city}", "Ratsfraktion CDU {city}",
        "Landtagsabgeordnete Wahlkreis {city}", "Büro des Oberbürgermeisters {city}"]),
    "media": (0.05, "Presse", [
        "Lokalradio {city}", "Stadtteilzeitung {d}", "Wochenblatt {city}", "Instagram-Kanal \"{d} erleben\""]),
    "religious": (0.06, "Kirche", [
        "Ev. Kirchengemeinde {d}", "Kath. Pfarrei St. {h} {d}", "Moscheegemeinde {d}", "Jüdische Gemeinde {city}"]),
    "individual": (0.08, "", [
        "Elektromeister im Ruhestand ({d})", "Lehrerin der Grundschule {d}", "Nachbar mit Transporter ({d})",
        "Hausmeister des Gemeindezentrums {d}", "Rentnerin mit Gartenwissen ({d})", "Architekt im Ruhestand ({d})",
        "Studentin der Sozialen Arbeit ({city})", "Pfarrer i. R. ({d})"]),
}
TYPE_NAMES = list(PARTNER_TYPES)
SURNAMES = ["Schmitz", "Hoffmann", "Jansen", "Peters", "Küppers", "Brüggen", "Heinen", "Lüdtke", "Özdemir",
            "Wolters", "Dahmen", "Gerhards", "Müller", "Kamps", "Thelen", "Nießen"]
SAINTS = ["Hubertus", "Josef", "Anna", "Martin", "Elisabeth", "Sebastian", "Clemens"]

# Probability that a tie to a partner of this type is strong (individuals and churches are close).
STRONG_SHARE = {"individual": 0.65, "religious": 0.5, "welfare": 0.45, "civil_society": 0.45,
                "research_education": 0.35, "business": 0.35, "foundation": 0.3, "public_admin": 0.2,
                "politics": 0.2, "media": 0.1}
MOTIVES = {
    "business": ["Image", "Region stärken", "Kundschaft, Nachbarschaft", "Nachhaltigkeit"],
    "civil_society": ["gemeinsame Werte", "Nachbarschaft", "Ehrenamtliche gewinnen", "Netzwerk"],
    "welfare": ["gemeinsame Werte", "Zielgruppe erreichen", "Ehrenamtliche gewinnen"],
    "research_education": ["Forschung", "Bildungsauftrag", "Praxisprojekt, Lehre"],
    "public_admin": ["Genehmigung", "Fläche", "Klimaschutzziele", "Anerkennung", "Fördermittel"],
    "foundation": ["Fördermittel", "Region stärken"],
    "politics": ["Anerkennung", "Fördermittel", "Sichtbarkeit"],
    "media": ["Sichtbarkeit", "Öffentlichkeitsarbeit"],
    "religious": ["gemeinsame Werte", "räumliche Nähe", "Nächstenliebe, Gemeinschaft"],
    "individual": ["persönliches Engagement", "persönliche Bekanntschaft"],
    "innovation": ["Erfahrungsaustausch", "gemeinsame Werte", "Netzwerk"],
}
BENEFITS = {
    "business": ["Sachspende", "Spende {n} €", "Lebensmittel", "Werkzeug, Material", "Rabatt"],
    "civil_society": ["Kontakte", "Stand beim Fest", "Ehrenamtliche", "Werkzeug, Saatgut"],
    "welfare": ["Raum, Personal", "Fahrzeug", "Teilnehmende", "Beratung"],
    "research_education": ["Studie", "Evaluation", "Teilnehmende", "Raum"],
    "public_admin": ["Fläche", "Genehmigung", "Logo, Werbung", "Beratung", "Zuschuss {n} €"],
    "foundation": ["Zuschuss {n} €", "Anschubfinanzierung"],
    "politics": ["{n} € aus dem Bezirksbudget", "Fürsprache im Rat"],
    "media": ["Presse", "Bericht, Fotos"],
    "religious": ["Raum kostenlos", "Gemeindesaal, Küche", "Ehrenamtliche"],
    "individual": ["Fachwissen", "Zeit", "Transporter, Muskelkraft", "Kontakte"],
    "innovation": ["Erfahrung", "gemeinsame Aktionen", "Material, Tipps"],
}
# Quote parts: {p} partner label, {b} benefit, {y} year, {d} district.
QUOTE_OPENERS = [
    "Mit {p} ist das über die Jahre gewachsen, seit {y} ungefähr.",
    "Am Anfang mussten wir {p} hinterherlaufen; wir sind ja neu und kennt keiner.",
    "{p} war sofort dabei, ohne großen Papierkram.",
    "Ehrlich gesagt, {p} kennen wir vor allem vom Sehen, einmal im Jahr, sonst kein Kontakt.",
    "Über {p} haben wir {b} bekommen, das hat uns sehr geholfen.",
    "Das lief über eine Nachbarin, die kannte jemanden bei {p}.",
    "Ohne {p} gäbe es uns in {d} nicht, das muss man so sagen.",
    "Mit {p} teilen wir Räume, Werkzeug, Ideen; das ist eng.",
    "Das war mühsam mit {p}: drei Anträge, zwei Absagen, dann doch {b}.",
    "Gemeinsame Werte, gleiche Ziele – {p} und wir, das passt.",
]
QUOTE_TAILS = [
    "", "", " Mehr ist da nicht.", " Seitdem ist das fest verabredet.", " Wir melden uns, wenn was ist.",
    " Die haben gesagt: \"Klar, macht mal.\"", " Man kennt sich halt, jeder kennt jeden hier.",
    " Und dann hieß es: \"Ihr seid doch die mit dem Lastenrad, oder?\"",
]
INTERVIEW_QUESTIONS = ["Wie kam der Kontakt zustande?", "Wie oft haben Sie miteinander zu tun?",
                       "Was bringt Ihnen das?"]

INITIATORS_K1 = {"source": "source", "target": "target", "both": "both", "third": "third", "unknown": "unknown"}
INITIATORS_K2 = {"source": "innovation", "target": "partner", "both": "beide", "third": "dritte",
                 "unknown": "unbekannt"}
LEVELS_K1 = ["low", "medium", "high"]
LEVELS_K2 = ["1", "2", "3"]
SWAP_INITIATOR = {"source": "target", "target": "source"}
HEADER = ["source", "target", "strength", "interview", "coder", "quote", "initiator", "since",
          "proximity_spatial", "proximity_cognitive", "proximity_social", "proximity_organizational",
          "proximity_institutional", "motive", "benefit", "transcript_page"]
NODE_HEADER = ["id", "label", "kind", "partner_type", "region", "sector", "established", "founded", "district"]


LABEL_ABBREVIATIONS = [(" – ", ", "), ("Fachbereich ", "FB "), ("Mönchengladbach", "MG"), ("Lokalredaktion ", ""),
                       ("Genossenschaft", "Gen."), ("Solidarische Landwirtschaft", "SoLaWi"), (" im Ruhestand", " i. R.")]


def without_legal_form(name):
    for form in (" e.V.", " eG", " gGmbH", " GmbH", " KG"):
        if name.endswith(form):
            return name[:-len(form)]
    return name


def short_label(name, limit=32):
    """Display label as researchers write it: the official name abbreviated."""
    name = without_legal_form(name)
    for long, short in LABEL_ABBREVIATIONS:
        name = name.replace(long, short)
    return name if len(name) <= limit else name[:limit - 1].rstrip(" ,") + "…"


def spoken_name(name):
    """How an interviewee names an actor: without department, legal form or parenthesis."""
    return without_legal_form(name.split(" – ")[0].split(" (")[0])


class Actor:
    def __init__(self, id, kind, partner_type, region, district, sector="", established="", founded="", weight=1.0):
        self.id, self.kind, self.partner_type = id, kind, partner_type
        self.region, self.district, self.sector = region, district, sector
        self.established, self.founded, self.weight = established, founded, weight
        self.interviews = []  # interview ids of this actor, in the order they were held


def make_innovations(rng, count):
    weights = [REGIONS[r][1] for r in REGION_NAMES]
    taken, innovations = {}, []
    while len(innovations) < count:
        region = rng.choices(REGION_NAMES, weights)[0]
        district = rng.choice(REGIONS[region][2])
        kind, sector = rng.choice(INNOVATION_KINDS)
        name = f"{kind} {district}"
        if name in taken:
            if len(taken) < len(INNOVATION_KINDS) * 20:
                continue  # draw again: plenty of unused combinations
            name = f"{name} {len(taken) + 1}"
        taken[name] = True
        founded = rng.randint(2005, 2023)
        actor = Actor(name + rng.choice(LEGAL_FORMS), "innovation", "", region, district, sector,
                      "true" if founded <= 2019 else "false", str(founded), rng.lognormvariate(0, 0.55))
        innovations.append(actor)
    return innovations


def make_partners(rng, count, innovation_regions):
    partners = [Actor(pid, "partner", ptype, region, "", PARTNER_TYPES[ptype][1])
                for pid, ptype, region, _, _ in POPULAR]
    taken = {p.id: True for p in partners}
    type_weights = [PARTNER_TYPES[t][0] for t in TYPE_NAMES]
    while len(partners) < count:
        # Partners live where the innovations are (most innovations tie to their neighbourhood).
        region = rng.choice(innovation_regions)
        district = rng.choice(REGIONS[region][2])
        ptype = rng.choices(TYPE_NAMES, type_weights)[0]
        template = rng.choice(PARTNER_TYPES[ptype][2])
        name = template.format(city=region, d=district, s=rng.choice(SURNAMES), h=rng.choice(SAINTS))
        if name in taken:
            continue
        taken[name] = True
        partners.append(Actor(name, "partner", ptype, region, district if "{d}" in template else "",
                              PARTNER_TYPES[ptype][1]))
    return partners


def make_ties(rng, innovations, partners, total):
    """Distinct undirected ties as an insertion-ordered dict {(a, b): None} over actor indices."""
    n_inn = len(innovations)
    actors = innovations + partners
    by_region = {r: [] for r in REGION_NAMES}
    for index, actor in enumerate(actors):
        if actor.kind == "partner":
            by_region[actor.region].append(index)
    inn_by_region = {r: [i for i in range(n_inn) if innovations[i].region == r] for r in REGION_NAMES}
    activity = [a.weight for a in innovations]
    ties = {}

    def add(a, b):
        if a != b and len(ties) < total:
            ties[(min(a, b), max(a, b))] = None

    n_pp = round(total * 0.30)
    n_ii = round(total * 0.03) if n_inn > 1 else 0
    n_ip = total - n_pp - n_ii
    # 1. The popular partners tie to many innovations, mostly in their own region.
    for offset, (_, _, region, p_home, p_away) in enumerate(POPULAR):
        for i, innovation in enumerate(innovations):
            if rng.random() < (p_home if innovation.region == region else p_away) and len(ties) < n_ip:
                add(i, n_inn + offset)
    # 2. Every other partner was named by at least one innovation, usually one of its own region.
    order = list(range(n_inn + len(POPULAR), len(actors)))
    rng.shuffle(order)
    for p in order:
        if len(ties) >= n_ip:
            break
        home = inn_by_region[actors[p].region] or list(range(n_inn))
        add(rng.choices(home, [activity[i] for i in home])[0], p)
    # 3. More innovation–partner ties, by the innovations' activity; 80 % within the region.
    popular_weight = [5.0 if p < n_inn + len(POPULAR) else 1.0 for p in range(len(actors))]
    while len(ties) < n_ip:
        i = rng.choices(range(n_inn), activity)[0]
        pool = by_region[innovations[i].region] if rng.random() < 0.8 else list(range(n_inn, len(actors)))
        add(i, rng.choices(pool, [popular_weight[p] for p in pool])[0])
    # 4. Innovation–innovation ties, 60 % within the region.
    while len(ties) < n_ip + n_ii:
        a = rng.randrange(n_inn)
        pool = inn_by_region[innovations[a].region] if rng.random() < 0.6 else range(n_inn)
        add(a, rng.choice(pool))
    # 5. Partner–partner ties: popular partners are involved more often; 70 % within the region.
    partner_indices = list(range(n_inn, len(actors)))
    while len(ties) < total:
        a = rng.choices(partner_indices, [popular_weight[p] for p in partner_indices])[0]
        pool = by_region[actors[a].region] if rng.random() < 0.7 else partner_indices
        add(a, rng.choice(pool))
    return ties


def interview_of(actor, counters, follow_up=False):
    """The actor's interview id (created on first use); follow_up=True adds its second interview."""
    if not actor.interviews or (follow_up and len(actor.interviews) < 2):
        if actor.kind == "innovation":
            prefix = REGIONS[actor.region][0]
            if not actor.interviews:
                counters[prefix] = counters.get(prefix, 0) + 1
                actor.interviews.append(f"{prefix}-{counters[prefix]:02d}")
            else:
                actor.interviews.append(actor.interviews[0] + "-2")
        else:
            counters["P"] = counters.get("P", 0) + 1
            actor.interviews.append(f"P-{counters['P']:02d}")
    return actor.interviews[-1] if follow_up else actor.interviews[0]


def make_quote(rng, partner_label, benefit, year, district):
    text = rng.choice(QUOTE_OPENERS).format(p=partner_label, b=benefit, y=year, d=district or "der Stadt")
    text += rng.choice(QUOTE_TAILS)
    if rng.random() < 0.08:  # transcript excerpt with the interviewer's question: a multi-line field
        text = f"I: {rng.choice(INTERVIEW_QUESTIONS)}\nB: {text}"
    return text


def shifted(rng, level):
    """A second coder's proximity level: mostly the same, sometimes one step away."""
    if level is None or rng.random() < 0.75:
        return level
    return max(0, min(2, level + rng.choice((-1, 1))))


def mention_row(actors, a, b, strong, interview, coder, quote, initiator, since, levels, motive, benefit, page):
    """One ties.csv row in the coder's own spellings (K1 English, K2 German and numbers)."""
    if coder == "K1":
        strength, init, scale = ("strong" if strong else "weak"), INITIATORS_K1[initiator], LEVELS_K1
    else:
        strength, init, scale = ("stark" if strong else "schwach"), INITIATORS_K2[initiator], LEVELS_K2
    return [actors[a].id, actors[b].id, strength, interview, coder, quote, init, str(since)] + \
        ["" if level is None else scale[level] for level in levels] + [motive, benefit, str(page)]


def make_mentions(rng, actors, ties):
    counters = {}
    coder_of = {}  # interview -> its first coder
    rows = []
    for a, b in ties:
        # Innovation first when there is one (it is the ego whose interview names the partner).
        if actors[b].kind == "innovation" and actors[a].kind != "innovation":
            a, b = b, a
        ego, alter = actors[a], actors[b]
        kind_key = alter.partner_type or "innovation"
        strong = rng.random() < STRONG_SHARE.get(alter.partner_type, 0.35)
        founded = max([int(x.founded) for x in (ego, alter) if x.founded] or [2008])
        since = rng.randint(founded, 2024)
        same_region = ego.region == alter.region
        bias = 1 if strong else 0
        levels = [rng.choice([1, 2] if same_region else [0, 1]) if rng.random() > 0.04 else None]
        for _ in range(4):
            levels.append(min(2, rng.choice([0, 0, 1, 1, 2]) + bias) if rng.random() > 0.06 else None)
        motive = rng.choice(MOTIVES[kind_key])
        benefit = rng.choice(BENEFITS[kind_key]).format(n=rng.choice(["300", "500", "800", "1.500", "2.000"]))
        initiator = rng.choices(["source", "target", "both", "third", "unknown"], [30, 30, 20, 12, 8])[0]
        page = rng.randint(1, 40)
        interview = interview_of(ego, counters)
        coder = coder_of.setdefault(interview, rng.choice(["K1", "K2"]))
        quote = make_quote(rng, spoken_name(alter.id), benefit, since, ego.district)
        rows.append(mention_row(actors, a, b, strong, interview, coder, quote, initiator, since, levels,
                                motive, benefit, page))
        extra = rng.choices([0, 1, 2], [55, 33, 12])[0]
        for k in range(extra):
            vote = strong if rng.random() < 0.8 else not strong  # coders disagree now and then
            if k == 0 and rng.random() < 0.6:
                # Double coding: the same segment of the same interview, coded by the other coder.
                other = "K2" if coder == "K1" else "K1"
                rows.append(mention_row(actors, a, b, vote, interview, other, quote, initiator, since,
                                        [shifted(rng, lv) for lv in levels], motive, benefit, page))
            elif alter.kind == "partner" and ego.kind == "innovation" and rng.random() < 0.5:
                # The partner's own interview names the tie: the ends in the other order.
                p_interview = interview_of(alter, counters)
                p_coder = coder_of.setdefault(p_interview, rng.choice(["K1", "K2"]))
                p_quote = make_quote(rng, spoken_name(ego.id), benefit, since, alter.district)
                rows.append(mention_row(actors, b, a, vote, p_interview, p_coder, p_quote,
                                        SWAP_INITIATOR.get(initiator, initiator), since,
                                        [shifted(rng, lv) for lv in levels], motive, benefit, rng.randint(1, 30)))
            else:
                # A follow-up interview with the same actor, some years later.
                f_interview = interview_of(ego, counters, follow_up=True)
                f_coder = coder_of.setdefault(f_interview, rng.choice(["K1", "K2"]))
                f_quote = make_quote(rng, spoken_name(alter.id), benefit, since, ego.district)
                rows.append(mention_row(actors, a, b, vote, f_interview, f_coder, f_quote, initiator, since,
                                        [shifted(rng, lv) for lv in levels], motive, benefit, rng.randint(1, 40)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--innovations", type=int, default=25)
    parser.add_argument("--ties", type=int, default=500, help="distinct undirected ties (mention rows: ~1.6x)")
    parser.add_argument("--partners", type=int, help="partners (default: 0.38 x ties, at least the popular ones)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.innovations < 1 or args.ties < args.innovations:
        parser.error("need at least one innovation and at least as many ties as innovations")
    rng = random.Random(args.seed)
    innovations = make_innovations(rng, args.innovations)
    partner_count = max(len(POPULAR) + 5, args.partners or round(args.ties * 0.38))
    partners = make_partners(rng, partner_count, [i.region for i in innovations])
    actors = innovations + partners
    ties = make_ties(rng, innovations, partners, args.ties)
    rows = make_mentions(rng, actors, ties)

    # The contract, checked before anything is written.
    ids = {a.id for a in actors}
    assert len(ids) == len(actors), "duplicate actor id"
    for row in rows:
        assert row[0] != row[1] and row[0] in ids and row[1] in ids, row

    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "ties.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    with open(os.path.join(args.outdir, "nodes.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NODE_HEADER)
        for a in actors:
            w.writerow([a.id, short_label(a.id), a.kind, a.partner_type, a.region, a.sector, a.established,
                        a.founded, a.district])
    print(f"{args.outdir}: {len(innovations)} innovations, {len(partners)} partners, {len(ties)} ties, "
          f"{len(rows)} mention rows")


if __name__ == "__main__":
    main()
