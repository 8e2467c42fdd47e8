#!/usr/bin/env python3
"""Write ties.csv and nodes.csv of the bundled example study "krefeld-mg".

An invented interview study of social innovations in Krefeld and Mönchengladbach.
Organisations are invented or generic; people appear only as roles.

Everything that carries meaning is hand-authored below: the innovations, the
partners, and per interview the coded passages (partner, strength, initiator,
year, motive, benefit, quote). A seeded random.Random(2026) only fills in the
five proximity codes and the transcript pages, and lets the second coder of a
double-coded interview deviate by one proximity level now and then. The output
is byte-identical on every run.

Run: python3 make_study.py      (stdlib only; writes next to this file and
                                 prints the counts quoted in README.md)
"""
import csv
import io
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = random.Random(2026)

NODE_HEADER = ["id", "label", "kind", "partner_type", "region", "sector",
               "established", "founded", "district"]
TIE_HEADER = ["source", "target", "strength", "interview", "coder", "quote",
              "initiator", "since", "proximity_spatial", "proximity_cognitive",
              "proximity_social", "proximity_organizational",
              "proximity_institutional", "motive", "benefit", "transcript_page"]

KR, MG, NR, DUS = "Krefeld", "Mönchengladbach", "Niederrhein", "Düsseldorf"

# ---------------------------------------------------------------------------
# Innovations: key, id, label, region, sector, established, founded, district
# ---------------------------------------------------------------------------
INNOVATIONS = [
    ("RC", "Repair-Café Cracau", "Repair-Café Cracau", KR, "Reparatur", True, 2014, "Cracau"),
    ("FU", "Fairteiler Uerdingen", "Fairteiler Uerdingen", KR, "Ernährung", True, 2016, "Uerdingen"),
    ("SB", "Sprachcafé Bockum", "Sprachcafé Bockum", KR, "Integration", True, 2015, "Bockum"),
    ("BB", "Bürgerbus Fischeln e.V.", "Bürgerbus Fischeln", KR, "Mobilität", True, 2011, "Fischeln"),
    ("SO", "Schulgarten der Grundschule Oppum", "Schulgarten Oppum", KR, "Bildung", False, 2022, "Oppum"),
    ("LK", "Lastenrad-Verleih „Krefelder Kiste“", "Krefelder Kiste", KR, "Mobilität", False, 2023, "Dießem/Lehmheide"),
    ("WH", "Werkzeugbibliothek Hüls", "Werkzeugbibliothek", KR, "Nachbarschaft", False, 2024, "Hüls"),
    ("GL", "Urbaner Gemeinschaftsgarten Lürrip", "Garten Lürrip", MG, "Stadtgrün", True, 2017, "Lürrip"),
    ("NO", "Nachbarschaftshilfe Odenkirchen", "Nachbarschaftshilfe", MG, "Nachbarschaft", True, 2010, "Odenkirchen"),
    ("FE", "Fairteiler Eicken", "Fairteiler Eicken", MG, "Ernährung", True, 2018, "Eicken"),
    ("UR", 'Upcycling-Werkstatt "Zweite Naht" Rheydt', '"Zweite Naht"', MG, "Reparatur", False, 2021, "Rheydt"),
    ("SW", "Seniorenmobil Wickrath", "Seniorenmobil", MG, "Mobilität", False, 2022, "Wickrath"),
    ("SH", "Interkultureller Schulgarten Holt", "Schulgarten Holt", MG, "Bildung", False, 2023, "Holt"),
    ("BR", "Begegnungscafé Rheindahlen", "Begegnungscafé", MG, "Integration", False, 2024, "Rheindahlen"),
]

# ---------------------------------------------------------------------------
# Partners: key, id, label, partner_type, region, sector, founded, district
# ---------------------------------------------------------------------------
PARTNERS = [
    # public_admin
    ("kr_umwelt", "Stadt Krefeld – Fachbereich Umwelt und Verbraucherschutz", "Stadt KR, Umwelt", "public_admin", KR, "Verwaltung", "", ""),
    ("kr_soziales", "Stadt Krefeld – Fachbereich Soziales, Senioren und Wohnen", "Stadt KR, Soziales", "public_admin", KR, "Verwaltung", "", ""),
    ("kr_ki", "Kommunales Integrationszentrum Krefeld", "KI Krefeld", "public_admin", KR, "Verwaltung", "", ""),
    ("kr_gruen", "Stadt Krefeld – Grünflächenamt", "Grünflächenamt KR", "public_admin", KR, "Verwaltung", "", ""),
    ("kr_jobcenter", "Jobcenter Krefeld", "Jobcenter KR", "public_admin", KR, "Arbeitsmarkt", "", ""),
    ("mg_planung", "Stadt Mönchengladbach, Fachbereich Stadtentwicklung und Planung", "Stadt MG, Planung", "public_admin", MG, "Verwaltung", "", ""),
    ("mg_soziales", "Stadt Mönchengladbach – Fachbereich Soziales und Wohnen", "Stadt MG, Soziales", "public_admin", MG, "Verwaltung", "", ""),
    ("mg_schule", "Stadt Mönchengladbach – Schulverwaltung", "Schulverwaltung MG", "public_admin", MG, "Verwaltung", "", ""),
    ("mg_abfall", "Abfallbetrieb der Stadt Mönchengladbach", "Abfallbetrieb MG", "public_admin", MG, "Entsorgung", "", ""),
    ("nr_kreis", "Kreis Viersen – Klimaschutzmanagement", "Kreis Viersen, Klimaschutz", "public_admin", NR, "Verwaltung", "", ""),
    ("dus_bezreg", "Bezirksregierung Düsseldorf – Schulaufsicht", "Bezirksregierung", "public_admin", DUS, "Verwaltung", "", ""),
    # business
    ("sk_kr", "Sparkasse Krefeld", "Sparkasse KR", "business", KR, "Finanzen", "", ""),
    ("sk_mg", "Stadtsparkasse Mönchengladbach", "Stadtsparkasse MG", "business", MG, "Finanzen", "", ""),
    ("vb_huels", "Volksbank-Filiale Hüls", "Volksbank Hüls", "business", KR, "Finanzen", "", "Hüls"),
    ("sw_kr", "Stadtwerke Krefeld", "Stadtwerke KR", "business", KR, "Energie und Verkehr", "", ""),
    ("sw_mg", "Stadtwerke Mönchengladbach", "Stadtwerke MG", "business", MG, "Energie und Verkehr", "", ""),
    ("baeck_uer", "Bäckerei am Marktplatz Uerdingen", "Bäckerei Uerdingen", "business", KR, "Lebensmittel", "", "Uerdingen"),
    ("baeck_eicken", "Bäckerei-Filiale am Eickener Markt", "Bäckerei Eicken", "business", MG, "Lebensmittel", "", "Eicken"),
    ("elektro_kr", "Elektrofachgeschäft an der Hochstraße", "Elektro Hochstraße", "business", KR, "Handel", "", "Stadtmitte"),
    ("rad_rhe", "Fahrradladen „Speiche & Kette“", "Speiche & Kette", "business", MG, "Handel", "", "Rheydt"),
    ("markt_ode", "Supermarkt-Filiale Odenkirchen", "Supermarkt Odenkirchen", "business", MG, "Lebensmittel", "", "Odenkirchen"),
    ("baumarkt_opp", "Baumarkt Krefeld-Oppum", "Baumarkt Oppum", "business", KR, "Handel", "", "Oppum"),
    ("textil_rhe", "Textilveredelung Rheydt GmbH", "Textilveredelung Rheydt", "business", MG, "Textil", "", "Rheydt"),
    ("gaertnerei_huels", "Gärtnerei am Hülser Berg", "Gärtnerei Hülser Berg", "business", KR, "Gartenbau", "", "Hüls"),
    ("wohnbau_kr", "Wohnungsgesellschaft Krefeld-Nord", "Wohnungsgesellschaft", "business", KR, "Wohnungswirtschaft", "", ""),
    ("cafe_bockum", "Café „Zwischenraum“, Bockum", "Café Zwischenraum", "business", KR, "Gastronomie", "", "Bockum"),
    ("autohaus_wick", "Autohaus Wickrath", "Autohaus Wickrath", "business", MG, "Handel", "", "Wickrath"),
    ("hafen_uer", "Logistikbetrieb am Rheinhafen Uerdingen", "Logistik Rheinhafen", "business", KR, "Logistik", "", "Uerdingen"),
    ("reise_nr", "Reisebusunternehmen vom Niederrhein", "Reisebusse Niederrhein", "business", NR, "Verkehr", "", ""),
    ("unverpackt_mg", "Unverpackt-Laden Mönchengladbach", "Unverpackt MG", "business", MG, "Lebensmittel", "", "Eicken"),
    ("copy_kr", "Copyshop am Bahnhof Krefeld", "Copyshop, Bahnhof", "business", KR, "Druck", "", "Stadtmitte"),
    # civil_society
    ("gruene_lunge", "Verein „Grüne Lunge“ e.V.", "Grüne Lunge", "civil_society", MG, "Umwelt", "1992", "Lürrip"),
    ("wir_luerrip", 'Nachbarschaftsverein "Wir in Lürrip" e.V.', '"Wir in Lürrip"', "civil_society", MG, "Nachbarschaft", "2009", "Lürrip"),
    ("heimat_uer", "Heimatverein Uerdingen", "Heimatverein", "civil_society", KR, "Brauchtum", "", "Uerdingen"),
    ("bv_fischeln", "Bürgerverein Fischeln", "Bürgerverein Fischeln", "civil_society", KR, "Nachbarschaft", "", "Fischeln"),
    ("nabu_kr", "Naturschutzbund – Ortsgruppe Krefeld", "NABU Krefeld", "civil_society", KR, "Umwelt", "", ""),
    ("adfc_mg", "Fahrradclub – Kreisverband Mönchengladbach", "Fahrradclub MG", "civil_society", MG, "Mobilität", "", ""),
    ("kgv_opp", "Kleingartenverein Oppum", "KGV Oppum", "civil_society", KR, "Stadtgrün", "", "Oppum"),
    ("ea_kr", "Freiwilligenzentrum Krefeld", "Freiwilligenzentrum", "civil_society", KR, "Engagement", "", ""),
    ("ea_mg", "Ehrenamtsagentur Mönchengladbach", "Ehrenamtsagentur MG", "civil_society", MG, "Engagement", "", ""),
    ("fs_kr", "Foodsharing-Bezirksgruppe Krefeld", "Foodsharing KR", "civil_society", KR, "Ernährung", "", ""),
    ("bockum_hilft", "Initiative „Bockum hilft“", "Bockum hilft", "civil_society", KR, "Integration", "2015", "Bockum"),
    ("tv_ode", "Turnverein Odenkirchen 1888", "TV Odenkirchen", "civil_society", MG, "Sport", "1888", "Odenkirchen"),
    ("rc_netz", "Netzwerk Reparatur-Initiativen NRW", "Reparatur-Netzwerk NRW", "civil_society", DUS, "Reparatur", "", ""),
    ("lastenrad_netz", "Forum Freie Lastenräder Rheinland", "Forum Lastenräder", "civil_society", DUS, "Mobilität", "", ""),
    ("elternverein_holt", "Förderverein der Grundschule Holt", "Förderverein GS Holt", "civil_society", MG, "Bildung", "", "Holt"),
    # welfare
    ("caritas_kr", "Caritasverband für die Region Krefeld", "Caritas KR", "welfare", KR, "Soziales", "", ""),
    ("caritas_mg", "Caritasverband Region Mönchengladbach", "Caritas MG", "welfare", MG, "Soziales", "", ""),
    ("diakonie_kr", "Diakonisches Werk Krefeld", "Diakonie KR", "welfare", KR, "Soziales", "", ""),
    ("diakonie_mg", "Diakonisches Werk Mönchengladbach", "Diakonie MG", "welfare", MG, "Soziales", "", ""),
    ("awo_wick", "AWO Ortsverein Wickrath", "AWO Wickrath", "welfare", MG, "Soziales", "", "Wickrath"),
    ("drk_kr", "DRK-Kreisverband Krefeld", "DRK Krefeld", "welfare", KR, "Soziales", "", ""),
    ("tafel_kr", "Krefelder Tafel", "Tafel KR", "welfare", KR, "Ernährung", "", ""),
    ("tafel_mg", "Tafel Mönchengladbach", "Tafel MG", "welfare", MG, "Ernährung", "", ""),
    ("pari_mg", "Paritätischer Wohlfahrtsverband – Kreisgruppe Mönchengladbach", "Paritätischer MG", "welfare", MG, "Soziales", "", ""),
    ("senz_fis", "Seniorenzentrum Fischeln", "Seniorenzentrum", "welfare", KR, "Pflege", "", "Fischeln"),
    ("wfbm_rhe", "Werkstatt für Menschen mit Behinderung, Rheydt", "Werkstatt Rheydt", "welfare", MG, "Inklusion", "", "Rheydt"),
    # research_education
    ("hsnr_soz", "Hochschule Niederrhein – Fachbereich Sozialwesen", "HSNR Sozialwesen", "research_education", MG, "Hochschule", "", ""),
    ("hsnr_textil", "Hochschule Niederrhein – Fachbereich Textil- und Bekleidungstechnik", "HSNR Textil", "research_education", MG, "Hochschule", "", ""),
    ("hsnr_oeco", "Hochschule Niederrhein – Fachbereich Oecotrophologie", "HSNR Oecotrophologie", "research_education", MG, "Hochschule", "", ""),
    ("vhs_kr", "Volkshochschule Krefeld", "VHS KR", "research_education", KR, "Weiterbildung", "", ""),
    ("vhs_mg", "Volkshochschule Mönchengladbach", "VHS MG", "research_education", MG, "Weiterbildung", "", ""),
    ("gs_opp", "Grundschule Oppum", "GS Oppum", "research_education", KR, "Schule", "", "Oppum"),
    ("ges_huels", "Gesamtschule Hüls", "Gesamtschule Hüls", "research_education", KR, "Schule", "", "Hüls"),
    ("bk_rhe", "Berufskolleg Rheydt", "Berufskolleg Rheydt", "research_education", MG, "Schule", "", "Rheydt"),
    ("uni_dus", "Universität Düsseldorf, Institut für Sozialwissenschaften", "Uni Düsseldorf, Sozialwiss.", "research_education", DUS, "Hochschule", "", ""),
    ("bib_kr", "Stadtbibliothek Krefeld", "Stadtbibliothek", "research_education", KR, "Bibliothek", "", "Stadtmitte"),
    ("gs_holt", "Grundschule Holt", "GS Holt", "research_education", MG, "Schule", "", "Holt"),
    # foundation
    ("bs_kr", "Bürgerstiftung Krefeld", "Bürgerstiftung KR", "foundation", KR, "Stiftung", "", ""),
    ("bs_mg", "Bürgerstiftung Mönchengladbach", "Bürgerstiftung MG", "foundation", MG, "Stiftung", "", ""),
    ("sks_kr", "Sparkassenstiftung Krefeld", "Sparkassenstiftung", "foundation", KR, "Stiftung", "", ""),
    ("lstift", "Landesstiftung Nachbarschaft NRW", "Landesstiftung", "foundation", DUS, "Stiftung", "", ""),
    ("nr_stift", "Niederrhein-Stiftung für Gemeinsinn", "Niederrhein-Stiftung", "foundation", NR, "Stiftung", "", ""),
    ("textil_stift", "Stiftung der Textilunternehmer Mönchengladbach", "Textil-Stiftung MG", "foundation", MG, "Stiftung", "", ""),
    # politics
    ("bv_uer", "Bezirksvertretung Uerdingen", "BV Uerdingen", "politics", KR, "Politik", "", "Uerdingen"),
    ("bv_mg_sued", "Bezirksvertretung Mönchengladbach-Süd", "BV Süd", "politics", MG, "Politik", "", ""),
    ("bv_mg_ost", "Bezirksvertretung Mönchengladbach-Ost", "BV Ost", "politics", MG, "Politik", "", ""),
    ("gruene_kr", "Ratsfraktion der Grünen im Krefelder Rat", "Grüne Ratsfraktion", "politics", KR, "Politik", "", ""),
    ("sb_mg", "Seniorenbeirat der Stadt Mönchengladbach", "Seniorenbeirat MG", "politics", MG, "Politik", "", ""),
    ("ir_kr", "Integrationsrat der Stadt Krefeld", "Integrationsrat KR", "politics", KR, "Politik", "", ""),
    ("mdl_kr", "Wahlkreisbüro einer Landtagsabgeordneten (Krefeld)", "Wahlkreisbüro MdL", "politics", KR, "Politik", "", ""),
    # media
    ("wz_kr", "Westdeutsche Zeitung – Lokalredaktion Krefeld", "WZ Krefeld", "media", KR, "Presse", "", ""),
    ("rp_kr", "Rheinische Post – Lokalredaktion Krefeld", "RP Krefeld", "media", KR, "Presse", "", ""),
    ("rp_mg", "Rheinische Post – Lokalredaktion Mönchengladbach", "RP Mönchengladbach", "media", MG, "Presse", "", ""),
    ("radio_nr", "Lokalradio am Niederrhein", "Lokalradio", "media", NR, "Rundfunk", "", ""),
    ("uer_rundschau", "Stadtteilzeitung „Uerdinger Rundschau“", "Uerdinger Rundschau", "media", KR, "Presse", "", "Uerdingen"),
    ("blog_rhe", 'Stadtteil-Blog "Rheydt erleben"', 'Blog "Rheydt erleben"', "media", MG, "Online", "", "Rheydt"),
    ("tv_dus", "Regionalfernsehen – Studio Düsseldorf", "Regionalfernsehen", "media", DUS, "Rundfunk", "", ""),
    # religious
    ("ekg_cracau", "Ev. Kirchengemeinde Cracau", "Ev. Gemeinde Cracau", "religious", KR, "Kirche", "", "Cracau"),
    ("kath_uer", "Kath. Kirchengemeinde Uerdingen", "Kath. Gemeinde Uerdingen", "religious", KR, "Kirche", "", "Uerdingen"),
    ("kath_bockum", "Kath. Pfarrzentrum Bockum", "Pfarrzentrum Bockum", "religious", KR, "Kirche", "", "Bockum"),
    ("moschee_fis", "Moscheeverein Fischeln", "Moscheeverein", "religious", KR, "Religion", "", "Fischeln"),
    ("ekg_ode", "Ev. Kirchengemeinde Odenkirchen", "Ev. Gemeinde Odenkirchen", "religious", MG, "Kirche", "", "Odenkirchen"),
    ("kath_eicken", "Kath. Pfarrgemeinde Eicken", "Pfarrgemeinde Eicken", "religious", MG, "Kirche", "", "Eicken"),
    ("frei_rhe", "Freikirchliche Gemeinde Rheydt", "Freikirche Rheydt", "religious", MG, "Kirche", "", "Rheydt"),
    ("ekg_rhd", "Ev. Kirchengemeinde Rheindahlen", "Ev. Gemeinde Rheindahlen", "religious", MG, "Kirche", "", "Rheindahlen"),
    # individual (roles, never names)
    ("elektromeister", "Elektromeister im Ruhestand (Cracau)", "Elektromeister i. R.", "individual", KR, "", "", "Cracau"),
    ("lehrerin_opp", "Lehrerin der Grundschule Oppum", "Lehrerin GS Oppum", "individual", KR, "", "", "Oppum"),
    ("qm_uer", "Quartiersmanagerin Uerdingen", "Quartiersmanagerin", "individual", KR, "", "", "Uerdingen"),
    ("busfahrer", "Ehemaliger Busfahrer der Stadtwerke (Fischeln)", "Busfahrer i. R.", "individual", KR, "", "", "Fischeln"),
    ("tischler", "Tischler mit eigener Werkstatt (Hüls)", "Tischler Hüls", "individual", KR, "", "", "Hüls"),
    ("dolmetscher", "Ehrenamtlicher Dolmetscher für Arabisch und Kurdisch (Bockum)", "Dolmetscher", "individual", KR, "", "", "Bockum"),
    ("schneiderin", "Schneiderin aus Rheydt, Rentnerin", "Schneiderin, Rentnerin", "individual", MG, "", "", "Rheydt"),
    ("gaertnerin", "Gärtnermeisterin im Ruhestand (Lürrip)", "Gärtnermeisterin i. R.", "individual", MG, "", "", "Lürrip"),
    ("pfarrer", "Pfarrer im Ruhestand (Odenkirchen)", "Pfarrer i. R.", "individual", MG, "", "", "Odenkirchen"),
    ("hausaerztin", "Hausärztin in Wickrath", "Hausärztin", "individual", MG, "", "", "Wickrath"),
    ("studentin", "Studentin der Sozialen Arbeit (Masterarbeit)", "Studentin", "individual", MG, "", "", ""),
]

# Two partners are named in the interviews but deliberately left out of
# nodes.csv: an importer must create them (as partners, since an innovation
# names them as target) and warn. key: (id, partner_type, region, district)
MISSING = {
    "hausmeister_opp": ("Hausmeister der Grundschule Oppum", "individual", KR, "Oppum"),
    "khs_nr": ("Kreishandwerkerschaft Niederrhein", "business", NR, ""),
}


def P(target, st, ini, since, motive, benefit, quote, src=None, flag=""):
    """One coded passage. st: s|w; ini: s(ource)|t(arget)|b(oth)|3(third)|u(nknown),
    relative to the row's source/target. src None = the interview's innovation.
    flag "!": the second coder disagrees on strength; "-": not double-coded."""
    return dict(target=target, st=st, ini=ini, since=since, motive=motive,
                benefit=benefit, quote=quote, src=src, flag=flag)


# ---------------------------------------------------------------------------
# Interviews: id, innovation, first coder, second coder (double coding), passages
# ---------------------------------------------------------------------------
INTERVIEWS = [
    ("KR-01", "RC", "K1", "K2", [
        P("elektromeister", "s", "t", 2014, "persönliches Engagement", "Fachwissen, Messgeräte",
          "Der kam am ersten Samstag mit seinem eigenen Messkoffer unter dem Arm und hat gefragt, ob wir einen brauchen, der sich mit Strom auskennt. Seitdem ist er jedes Mal da, ehrlich, jedes Mal."),
        P("ekg_cracau", "s", "b", 2014, "räumliche Nähe, gemeinsame Werte", "Raum kostenlos",
          "Das Gemeindehaus ist unser Zuhause. Wir zahlen keine Miete, den Kaffee bringen wir selber mit, und wenn die Heizung spinnt, ruft der Küster mich an, nicht umgekehrt."),
        P("sk_kr", "w", "s", 2016, "Fördermittel", "Spende 500 €",
          "Bei der Sparkasse haben wir zweimal einen Antrag gestellt, einmal hat es geklappt, 500 Euro für Lötstationen. Persönlich kennt man da aber niemanden."),
        P("wz_kr", "w", "t", 2015, "Sichtbarkeit", "Presseartikel",
          "I: Und die Presse?\nB: Die WZ kommt eigentlich von selbst, so einmal im Jahr, meistens vor Weihnachten. \"Reparieren statt wegwerfen\", immer dieselbe Überschrift.",
          flag="!"),
        P("kr_umwelt", "w", "s", 2017, "Anerkennung", "Logo, Flyerdruck",
          "Das Umweltamt druckt unsere Flyer mit, weil das in deren Abfallvermeidungskonzept reinpasst. Mehr als eine Mail im Jahr ist das nicht."),
        P("rc_netz", "w", "s", 2015, "Austausch, Wissen", "Mustertexte, Haftungsfragen",
          "Über das Landesnetzwerk haben wir die Haftungsfrage geklärt, da gibt es Mustertexte. Zu den Treffen in Düsseldorf fährt aber keiner von uns, dafür fehlt einfach die Zeit."),
        P("elektro_kr", "w", "t", 2019, "gegenseitiger Nutzen", "Ersatzteile zum Einkaufspreis",
          "Der Laden an der Hochstraße schickt uns Kunden, wenn sich eine Reparatur für die nicht lohnt, und wir kriegen Ersatzteile zum Einkaufspreis. So ein Geben und Nehmen, ohne dass man da was aufschreibt.",
          flag="!"),
        P("sk_kr", "w", "u", 2012, "Klimaschutz", "Klimapreis",
          "Die Sparkasse und das Umweltamt machen ja diesen Klimapreis zusammen, da waren wir 2019 nominiert. Wie eng die miteinander sind, weiß ich nicht, aber auf der Bühne stehen die jedes Mal beide.",
          src="kr_umwelt"),
        P("diakonie_kr", "s", "u", 2008, "gemeinsame Werte", "Sozialberatung im Gemeindehaus",
          "Die Gemeinde und die Diakonie hängen eng zusammen, die Sozialberatung sitzt auch im Gemeindehaus, dienstags, zwei Türen weiter.",
          src="ekg_cracau", flag="-"),
        P("WH", "w", "t", 2024, "Wissen teilen", "Werkzeug leihen, Beratung",
          "Die Neuen aus Hüls mit der Werkzeugbibliothek waren im Frühjahr da und haben sich alles angeguckt. Wir leihen uns jetzt manchmal deren Akkuschrauber, und die fragen uns, wie man die Geräte prüft."),
    ]),
    ("KR-02", "RC", "K2", None, [
        P("elektromeister", "s", "b", 2014, "persönliches Engagement", "Fachwissen",
          "Er hat mir das Löten beigebracht, mit einer Geduld, wirklich. Ohne ihn würde ich mich an keinen Toaster rantrauen."),
        P("ekg_cracau", "s", "t", 2014, "gemeinsame Werte", "Raum kostenlos",
          "Die Pfarrerin hat damals gesagt: \"Macht das bei uns, der Saal steht samstags sowieso leer.\" Und so ist es geblieben."),
        P("wz_kr", "w", "t", 2021, "Sichtbarkeit", "Foto in der Zeitung",
          "Einmal war sogar ein Fotograf da, aber auf dem Foto war dann die Kaffeemaschine, nicht wir."),
        P("hsnr_soz", "w", "t", 2020, "Forschung", "Befragung",
          "Eine Studentengruppe aus Mönchengladbach hat Fragebögen verteilt, wer warum kommt. Das Ergebnis haben wir nie gesehen, glaube ich."),
        P("drk_kr", "w", "s", 2018, "Sicherheit", "Erste-Hilfe-Schulung",
          "Für die Erste-Hilfe-Schulung sind wir zum DRK gegangen, weil wir ja mit Strom hantieren. Einmal, vier Stunden, fertig."),
        P("baumarkt_opp", "w", "s", 2019, "Material", "Gutscheine für die Tombola",
          "Der Baumarkt in Oppum gibt jedes Jahr zwei Gutscheine für die Tombola, aber man muss immer wieder hinrennen und freundlich fragen."),
        P("rp_kr", "w", "t", 2022, "Sichtbarkeit", "Porträt",
          "Die RP hat uns mal für eine Serie über Ehrenamt porträtiert. Danach kamen drei Anrufe, alle wollten, dass wir ihre Waschmaschine zu Hause reparieren, das machen wir natürlich nicht."),
        P("UR", "w", "t", 2022, "Erfahrungsaustausch", "Unterlagen, Beratung",
          "Die Näherinnen aus Rheydt haben angerufen, als sie angefangen haben, wie wir das mit der Haftung machen. Wir haben ihnen unsere Unterlagen geschickt, seitdem grüßt man sich auf Instagram."),
        P("drk_kr", "s", "u", 2013, "Seniorenarbeit", "gemeinsamer Mittagstisch",
          "Der Mittagstisch im Gemeindehaus läuft über Caritas und DRK gemeinsam, das sieht man an den Westen. Wir profitieren davon, weil die Leute nach dem Essen gleich ihre Lampe zu uns rüberbringen.",
          src="caritas_kr"),
    ]),
    ("KR-03", "FU", "K1", None, [
        P("baeck_uer", "s", "t", 2016, "Lebensmittel retten", "Brot vom Vortag",
          "Die Bäckerei hat von sich aus gefragt, ob wir das Brot nehmen, weil sie es leid waren, es wegzuwerfen. Das läuft jetzt seit Jahren jeden Abend, da muss keiner mehr nachfragen."),
        P("kath_uer", "s", "t", 2016, "gemeinsame Werte", "Stellplatz, Strom",
          "Der Kühlschrank steht im Vorraum der Kirche. Den Strom zahlt die Gemeinde, die Hygiene machen wir, das ist klar aufgeteilt."),
        P("fs_kr", "s", "b", 2016, "gemeinsame Werte", "Abholungen, Retterinnen",
          "Die Foodsaver sind ja eigentlich wir, also halb. Die meisten von uns sind auch in der Bezirksgruppe, da verschwimmt das."),
        P("kr_umwelt", "w", "s", 2017, "Genehmigung", "Hygieneberatung",
          "Die Lebensmittelkontrolle war einmal da, am Anfang, sehr korrekt, sehr freundlich. Wir haben einen Hygieneplan gemacht, der hängt an der Tür, seitdem ist Ruhe."),
        P("hafen_uer", "s", "t", 2019, "Lebensmittel retten", "Paletten mit Molkereiprodukten",
          "Der Logistikbetrieb am Hafen ruft an, wenn ein Lkw abgelehnt wurde, das ist fast jede Woche so. Dann haben wir auf einmal 400 Becher Joghurt und müssen in zwei Stunden zwanzig Leute zusammentrommeln. Der Disponent hat meine Handynummer, wir duzen uns inzwischen."),
        P("uer_rundschau", "w", "t", 2017, "Sichtbarkeit", "Terminhinweise",
          "Die Uerdinger Rundschau druckt unsere Termine umsonst ab. Da ist man halt im Stadtteil präsent, das liest hier jeder beim Bäcker."),
        P("bv_uer", "w", "s", 2018, "Fördermittel", "zweiter Kühlschrank, 1.200 €",
          "Den zweiten Kühlschrank hat die Bezirksvertretung bezahlt, 1.200 Euro. Wir haben den Antrag vorgelesen, alle haben genickt, fertig."),
        P("tafel_kr", "w", "b", 2018, "Absprache", "Aufteilung der Abholungen",
          "I: Gibt es Konkurrenz mit der Tafel?\nB: Nein, nein. Wir haben uns einmal zusammengesetzt und gesagt: Was die Tafel nicht abholen kann, holen wir.\nSeitdem klappt das, ohne dass man sich oft sieht."),
        P("FE", "w", "b", 2019, "Austausch", "Hygieneplan",
          "Mit dem Fairteiler in Eicken tauschen wir uns aus, ab und zu, wenn einer eine Frage zur Lebensmittelkontrolle hat. Das ist eher ein Telefonat im Jahr."),
        P("heimat_uer", "s", "u", 1998, "Tradition", "Pfarrfest",
          "Der Heimatverein und die Pfarrei machen zusammen das Pfarrfest, seit Jahrzehnten. Das sind auch dieselben Familien.",
          src="kath_uer"),
    ]),
    ("KR-04", "FU", "K2", None, [
        P("baeck_uer", "s", "t", 2016, "Lebensmittel retten", "Brot vom Vortag",
          "Jeden Abend um halb sieben steht die Kiste hinter der Tür. Der Bäcker sagt immer, bei uns schläft das Brot besser als in der Tonne."),
        P("fs_kr", "s", "b", 2016, "gemeinsame Werte", "Abholplanung",
          "Die Bezirksgruppe plant die Abholungen über die App, wir sind quasi deren Ausgabestelle in Uerdingen."),
        P("qm_uer", "s", "t", 2020, "Zielgruppe erreichen", "Kontakte",
          "Die Quartiersmanagerin bringt Leute zu uns, die sich sonst nie trauen würden, Familien aus den Hochhäusern. Die kennt die alle beim Vornamen."),
        P("heimat_uer", "w", "t", 2019, "Nachbarschaft", "Stand beim Heimatfest",
          "Beim Heimatfest dürfen wir einen Stand machen, Suppe aus geretteten Sachen. Das hat der Heimatverein angeboten, wir hätten uns gar nicht getraut zu fragen."),
        P("wz_kr", "w", "t", 2018, "Sichtbarkeit", "Presseartikel",
          "Wenn die WZ was über Lebensmittelverschwendung macht, rufen die uns an, wegen der Bilder. Am Kühlschrank sieht das halt gut aus."),
        P("sks_kr", "w", "s", 2021, "Fördermittel", "Spende 800 €",
          "Von der Sparkassenstiftung kamen 800 Euro für Thermometer und Reinigungsmittel. Antrag online, zwei Seiten, das ging."),
        P("hsnr_oeco", "w", "t", 2022, "Forschung", "Mengenerhebung",
          "Die Oecotrophologen aus Mönchengladbach haben ein Semester lang gewogen, was bei uns so rausgeht. Spannend, aber danach war das Projekt zu Ende und man hat nichts mehr gehört."),
        P("rp_kr", "w", "t", 2023, "Sichtbarkeit", "Ehrenamtspreis-Nominierung",
          "Die Rheinische Post hat uns für den Ehrenamtspreis vorgeschlagen. Wir wussten das gar nicht, standen dann plötzlich in der Zeitung."),
        P("sks_kr", "s", "u", 2009, "gleiche Organisation", "gemeinsame Geschäftsstelle",
          "Sparkasse und Sparkassenstiftung, das ist ja derselbe Laden, gleiche Ansprechpartnerin, gleiches Gebäude.",
          src="sk_kr"),
    ]),
    ("KR-05", "SB", "K2", "K1", [
        P("kath_bockum", "s", "t", 2015, "gemeinsame Werte", "Raum kostenlos",
          "Das Pfarrzentrum hat 2015 die Türen aufgemacht, als die vielen Geflüchteten kamen. Die haben uns gefragt, nicht wir die, das muss man sagen."),
        P("bockum_hilft", "s", "b", 2015, "gemeinsame Werte", "Ehrenamtliche",
          "Ohne die Initiative gäbe es das Sprachcafé nicht, wir sind quasi daraus entstanden. Viele Leute sind in beidem, es ist schwer, das auseinanderzuhalten."),
        P("vhs_kr", "s", "t", 2016, "Zielgruppe erreichen", "Teilnehmende",
          "Die VHS schickt uns ihre Kursteilnehmer zum Üben, jede Woche. Die Lehrerinnen sagen im Kurs: \"Geht dienstags ins Sprachcafé, da redet ihr wirklich.\""),
        P("ir_kr", "w", "t", 2017, "politische Anerkennung", "Rederecht im Integrationsrat",
          "Der Integrationsrat hat uns einmal eingeladen, wir durften zehn Minuten erzählen. Danach gab es Applaus, und das war es dann auch."),
        P("kr_ki", "w", "s", 2016, "Fördermittel", "Honorare für Dolmetscher",
          "Über das Integrationszentrum kriegen wir kleine Honorare für die Dolmetscher, aber da muss man jedes Jahr neu ran, neue Formulare, neue Ansprechpartner.",
          flag="!"),
        P("dolmetscher", "s", "b", 2015, "persönliches Engagement", "Übersetzung, Begleitung",
          "Er übersetzt, er tröstet, er füllt Formulare aus, der macht alles. Wenn er mal im Urlaub ist, merkt man erst, wie viel an ihm hängt."),
        P("cafe_bockum", "w", "t", 2019, "Nachbarschaft", "Kuchen, Sommertreffen im Garten",
          "Im Sommer dürfen wir in den Garten vom Café Zwischenraum, die Besitzerin spendiert Kuchen. Sehr nett, aber eher so ein Sommerding."),
        P("bib_kr", "w", "s", 2018, "Material", "Bücherkisten in einfacher Sprache",
          "Die Stadtbibliothek leiht uns Bücherkisten mit einfacher Sprache, die holen wir alle drei Monate ab. Mit den Leuten dort reden wir kaum."),
        P("wz_kr", "w", "t", 2016, "Sichtbarkeit", "Presseartikel",
          "2016 waren wir ständig in der Zeitung, jeder wollte eine Geschichte über Integration. Heute kommt keiner mehr, das Thema ist durch."),
        P("kr_ki", "s", "u", 2014, "Integrationskurse", "Kursabstimmung",
          "Die VHS und das Integrationszentrum stimmen die Kurse ab, die sitzen im selben Arbeitskreis. Das ist sehr eng, da kommen wir nur am Rand vor.",
          src="vhs_kr"),
        P("kath_bockum", "s", "u", 2010, "Beratung", "Sprechstunde im Pfarrzentrum",
          "Die Migrationsberatung der Caritas hat ihre Sprechstunde im Pfarrzentrum, das heißt, die Leute kommen von der Beratung direkt zu uns rüber.",
          src="caritas_kr", flag="-"),
        P("BR", "w", "t", 2024, "Erfahrung weitergeben", "Spiele, Konzepte",
          "Die aus Rheindahlen, die gerade ihr Begegnungscafé aufmachen, waren zweimal hospitieren. Wir haben gesagt: Nehmt euch, was ihr braucht, Spiele, Konzepte, alles."),
    ]),
    ("KR-06", "SB", "K1", None, [
        P("vhs_kr", "s", "t", 2016, "Zielgruppe erreichen", "Teilnehmende",
          "Ich bin selber VHS-Dozentin, ich schicke meine Leute hin. Insofern bin ich wahrscheinlich die Verbindung, ganz praktisch."),
        P("caritas_kr", "s", "t", 2016, "Beratung", "feste Telefonnummer für Verweise",
          "Wenn jemand Probleme mit einem Amt hat, rufen wir bei der Caritas an, da gibt es eine feste Nummer nur für uns. Das haben die von sich aus so eingerichtet."),
        P("moschee_fis", "w", "s", 2019, "Zielgruppe erreichen", "Kontakt zu Frauen",
          "Wir wollten mehr Frauen erreichen, also sind wir zum Moscheeverein nach Fischeln gefahren. Zwei, drei Frauen kommen seitdem, aber eine richtige Zusammenarbeit ist das noch nicht."),
        P("mdl_kr", "w", "s", 2020, "politische Unterstützung", "Brief ans Ministerium",
          "Die Landtagsabgeordnete hat einen Brief geschrieben, als uns die Förderung gestrichen werden sollte. Ob das was gebracht hat, keine Ahnung, aber es fühlte sich gut an."),
        P("lstift", "w", "s", 2021, "Fördermittel", "Projektförderung 3.000 €",
          "Die Landesstiftung hat uns einmal 3.000 Euro gegeben. Der Verwendungsnachweis war länger als der Antrag, ehrlich, nie wieder."),
        P("kath_bockum", "s", "t", 2015, "gemeinsame Werte", "Raum, Begleitung",
          "Das Pfarrzentrum ist mehr als ein Raum. Der Pastoralreferent kommt vorbei, trinkt einen Kaffee mit, fragt, ob was fehlt."),
        P("kr_jobcenter", "w", "t", 2018, "Arbeitsmarkt", "Zuweisungen",
          "Das Jobcenter schickt manchmal Leute mit einem Zettel, auf dem steht, sie sollen Deutsch üben. Wir finden das ein bisschen schräg, ehrlich gesagt, Sprachcafé ist doch freiwillig."),
        P("copy_kr", "w", "s", 2016, "Material", "Flyerdruck zum halben Preis",
          "Der Copyshop am Bahnhof druckt unsere Flyer in sechs Sprachen zum halben Preis. Der Inhaber ist selbst mal als Flüchtling gekommen, sagt er."),
        P("kr_ki", "s", "u", 2012, "gleiche Geschäftsführung", "Geschäftsführung",
          "Der Integrationsrat und das Integrationszentrum, das ist praktisch eine Einheit. Die Geschäftsführung vom Rat macht ja das KI.",
          src="ir_kr"),
    ]),
    ("KR-07", "BB", "K1", None, [
        P("sw_kr", "s", "t", 2011, "Fahrzeug, Know-how", "Bus, Wartung, Versicherung",
          "Die Stadtwerke stellen den Bus, machen Wartung und Versicherung, wir stellen die Fahrer. So ist das Modell, und das war von Anfang an deren Idee."),
        P("busfahrer", "s", "b", 2011, "persönliches Engagement", "Fahrerschulung",
          "Er war dreißig Jahre Busfahrer bei den Stadtwerken, jetzt schult er unsere Ehrenamtlichen. Der kennt jede Kurve in Fischeln."),
        P("bv_fischeln", "s", "b", 2011, "Nachbarschaft", "Fahrer, Haltestellenpaten",
          "Der Bürgerverein hat das damals angeschoben, viele Fahrer kommen daher. Im Vorstand sitzen teilweise dieselben Leute."),
        P("senz_fis", "s", "t", 2013, "Zielgruppe erreichen", "Fahrgäste, Haltestelle",
          "Das Seniorenzentrum hat uns gebeten, eine Haltestelle direkt vor die Tür zu legen. Seitdem sind die unsere besten Kunden, dienstags ist der Bus voll."),
        P("kr_soziales", "w", "s", 2014, "Anerkennung", "jährlicher Zuschuss",
          "Von der Stadt gibt es einen kleinen Zuschuss, den wir jedes Jahr neu beantragen. Das Sozialamt ist da freundlich, aber Zusammenarbeit würde ich das nicht nennen."),
        P("rp_kr", "w", "t", 2016, "Sichtbarkeit", "Jubiläumsartikel",
          "Zum Fünfjährigen war die RP da, Foto vor dem Bus, alle Fahrer in gelben Westen. Das hängt heute noch bei uns im Büro."),
        P("reise_nr", "w", "s", 2019, "Ersatzfahrzeug", "Kleinbus zum Freundschaftspreis",
          "Als der Bus in der Werkstatt war, haben wir bei einem Reisebusunternehmen vom Niederrhein einen Kleinbus geliehen, zum Freundschaftspreis. Das war einmal, aber es hat uns gerettet."),
        P("kr_umwelt", "w", "u", 2012, "Stadtmarketing", "gemeinsame Veranstaltungen",
          "Die Sparkasse und die Stadt, die machen doch alles zusammen, Klimapreis, Stadtfest, das ganze Programm.",
          src="sk_kr"),
        P("kr_soziales", "w", "u", 2011, "Linienplanung", "Genehmigungen",
          "Die Stadtwerke gehören ja der Stadt. Ob wir eine neue Linie fahren dürfen, klären die Stadtwerke mit der Verwaltung, da sind wir gar nicht beteiligt.",
          src="sw_kr"),
        P("SW", "s", "t", 2022, "Erfahrung weitergeben", "Handbuch, Fahrerschulung",
          "Die Leute vom Seniorenmobil in Wickrath waren ein halbes Jahr lang fast jede Woche am Telefon. Wir haben denen unser ganzes Handbuch gegeben, und zwei unserer Fahrer haben deren Leute geschult."),
    ]),
    ("KR-08", "BB", "K2", None, [
        P("sw_kr", "s", "t", 2011, "Fahrzeug", "Ersatzbus",
          "Wenn der Bus streikt, ruf ich bei den Stadtwerken an, und in einer Stunde steht ein Ersatz da. Das ist eine echte Partnerschaft, das muss man sagen."),
        P("moschee_fis", "w", "t", 2020, "Zielgruppe erreichen", "Fahrgäste",
          "Der Moscheeverein hat gefragt, ob wir freitags die Älteren fahren können. Machen wir, aber das sind Fahrgäste, keine Partner, wenn Sie verstehen."),
        P("drk_kr", "w", "s", 2015, "Sicherheit", "Erste-Hilfe-Kurse",
          "Alle Fahrer müssen alle zwei Jahre den Erste-Hilfe-Kurs beim DRK machen. Das organisieren wir, das ist Pflicht, fertig."),
        P("bs_kr", "w", "s", 2017, "Fördermittel", "Rollstuhlrampe 2.500 €",
          "Die Rampe für Rollstühle hat die Bürgerstiftung bezahlt. Da kennt unser Kassierer jemanden im Vorstand, so läuft das halt."),
        P("gruene_kr", "w", "t", 2021, "politische Unterstützung", "Anfrage im Rat",
          "Die Grünen haben im Rat mal nach uns gefragt, wegen Elektrobus. Danach kam eine Mail, wir könnten uns ja mal melden. Haben wir nicht, ehrlich gesagt."),
        P("senz_fis", "s", "t", 2013, "Zielgruppe erreichen", "Fahrgäste",
          "Das Seniorenzentrum ist die wichtigste Haltestelle. Die Pflegekräfte rufen an, wenn jemand zum Arzt muss, das ist fast schon ein Fahrdienst."),
        P("busfahrer", "s", "u", 2010, "Nachbarschaft", "Vorstandsarbeit",
          "Er sitzt ja auch im Vorstand vom Bürgerverein, deshalb hat der das damals überhaupt mitbekommen.",
          src="bv_fischeln"),
        P("wz_kr", "w", "t", 2012, "Sichtbarkeit", "Fahrplan in der Zeitung",
          "Die WZ bringt jedes Jahr den neuen Fahrplan, das ist eigentlich unser wichtigstes Werbemittel. Mehr Kontakt ist da nicht."),
    ]),
    ("KR-09", "SO", "K1", "K2", [
        P("lehrerin_opp", "s", "b", 2022, "persönliches Engagement", "Zeit, Unterrichtsstunden",
          "Die Idee kam von ihr, sie hat die Eltern angesprochen und den Förderverein. Wenn sie mal krank ist, steht alles still, das ist das Problem."),
        P("gs_opp", "s", "s", 2022, "Schulprofil", "Fläche hinter der Turnhalle",
          "Die Schulleitung hat die Ecke hinter der Turnhalle freigegeben. Das war nicht selbstverständlich, wegen Versicherung und so, da mussten wir viel reden."),
        P("kgv_opp", "s", "s", 2022, "Wissen, räumliche Nähe", "Werkzeug, Saatgut, Beratung",
          "I: Wie kam der Kontakt zum Kleingartenverein?\nB: Wir sind einfach hin, an einem Samstag, mit zwei Kindern und einem Kuchen.\nUnd die haben gesagt, ja klar, kommt, wir haben Werkzeug für zehn Gärten."),
        P("baumarkt_opp", "w", "s", 2022, "Material", "Bretter für Hochbeete",
          "Der Baumarkt hat uns die Bretter für die Hochbeete gespendet, nachdem wir dreimal angerufen haben. Beim dritten Mal hat der Marktleiter gesagt: \"Gut, holt's euch ab.\"",
          flag="!"),
        P("kr_gruen", "w", "s", 2023, "Genehmigung", "Mulch, Kompost",
          "Vom Grünflächenamt kriegen wir einmal im Jahr eine Ladung Mulch. Bis wir wussten, wen man da anrufen muss, hat es ein halbes Jahr gedauert."),
        P("nabu_kr", "w", "s", 2023, "Wissen", "Nistkästen, Führung",
          "Der NABU war da und hat mit den Kindern Nistkästen gebaut. Die Kinder reden heute noch davon, aber ob die wiederkommen, wissen wir nicht.",
          flag="!"),
        P("hausmeister_opp", "s", "t", 2022, "persönliches Engagement", "Wasseranschluss, Gießdienst",
          "Der Hausmeister hat uns einen Wasseranschluss gelegt, nach Feierabend, ohne dass ihn einer gefragt hat. Der gießt auch in den Ferien, sonst wäre alles vertrocknet."),
        P("sks_kr", "w", "s", 2023, "Fördermittel", "Spende 600 €",
          "Wir haben bei der Sparkassenstiftung 600 Euro für Saatgut und Werkzeug beantragt. Kam schnell, aber seitdem keine Reaktion mehr auf Mails."),
        P("SH", "w", "s", 2023, "Austausch", "Saatgut, Briefe der Kinder",
          "Mit dem Schulgarten in Holt haben wir Saatgut getauscht, die Kinder haben sich Briefe geschrieben. Die sind ja noch neuer als wir."),
        P("lehrerin_opp", "s", "u", 2016, "Arbeitsverhältnis", "Klassenleitung",
          "Sie ist da seit Jahren Klassenlehrerin, die Schulleitung vertraut ihr. Sonst hätte es das nie gegeben.",
          src="gs_opp", flag="-"),
    ]),
    ("KR-10", "LK", "K2", None, [
        P("lastenrad_netz", "w", "s", 2023, "Wissen, Software", "Buchungssoftware",
          "Die Buchungssoftware haben wir vom Forum Freie Lastenräder, kostenlos. Da gibt es ein Forum, da frage ich manchmal was, alles sehr nett, aber weit weg."),
        P("sw_kr", "w", "s", 2023, "Sponsoring", "Ladestation",
          "Wir haben den Stadtwerken eine Mail geschrieben, ob sie eine Ladestation für die E-Lastenräder spenden. Nach vier Monaten kam ein Ja, aber nur mit Logo drauf."),
        P("gruene_kr", "w", "s", 2023, "politische Unterstützung", "Antrag im Ausschuss",
          "Wir sind zu den Grünen in die Fraktionssitzung und haben das vorgestellt. Die haben dann einen Antrag gestellt, aber in der Fraktion kennt uns eigentlich nur eine Person."),
        P("wohnbau_kr", "s", "s", 2023, "Standorte", "Garage im Innenhof",
          "Die Wohnungsgesellschaft gibt uns die Garage im Innenhof, da stehen drei Räder. Die Hausverwaltung ist total engagiert, die rufen an, wenn irgendwas ist, die sind eigentlich Mitbetreiber."),
        P("kr_umwelt", "w", "s", 2023, "Fördermittel", "Klimaschutzförderung 4.000 €",
          "I: Hat die Stadt geholfen?\nB: Ja, über den Klimaschutzfonds, 4.000 Euro, aber das war ein Kampf.\nDrei Mails, zwei Termine, und dann fehlte noch eine Unterschrift."),
        P("radio_nr", "w", "t", 2024, "Sichtbarkeit", "Radiobeitrag",
          "Das Lokalradio hat mal einen Beitrag gemacht, zwei Minuten, morgens um sieben. Danach kamen zehn neue Anmeldungen, also es hat schon was gebracht."),
        P("RC", "w", "s", 2023, "Reparatur", "Hilfe bei Nabenschaltungen",
          "Wenn ein Rad kaputt ist, fahre ich nach Cracau ins Repair-Café, da gibt es einen, der kann Nabenschaltungen. Das ist aber eher ein Gefallen, keine feste Sache."),
        P("khs_nr", "w", "s", 2024, "Wartung", "Liste von Zweiradbetrieben",
          "Wir haben bei der Kreishandwerkerschaft gefragt, ob ein Zweiradbetrieb die Wartung übernehmen könnte. Die haben uns eine Liste gemailt, mehr nicht."),
        P("nr_kreis", "w", "t", 2024, "Wissen teilen", "Erfahrungsaustausch",
          "Der Kreis Viersen will auch Lastenräder verleihen und hat bei uns angefragt, wie wir das machen. Wir haben denen unsere Präsentation geschickt, das war's bisher."),
        P("sw_kr", "s", "u", 2015, "Ladeinfrastruktur", "Rahmenvertrag",
          "Die Wohnungsgesellschaft und die Stadtwerke haben wohl einen Rahmenvertrag für Ladesäulen, so kam das überhaupt ins Gespräch.",
          src="wohnbau_kr"),
    ]),
    ("KR-11", "WH", "K1", None, [
        P("tischler", "s", "b", 2024, "persönliches Engagement, Fachwissen", "Werkzeug, Einweisungen",
          "Der Tischler hat gesagt, er hat einen Keller voller Werkzeug, das er nicht mehr braucht. Inzwischen macht er die Einweisungen, jeden Donnerstag, der ist eigentlich Teil des Teams."),
        P("vb_huels", "w", "s", 2024, "Fördermittel", "Regale, 400 €",
          "Die Volksbank-Filiale hat 400 Euro für die Regale gegeben. Wir haben einfach am Schalter gefragt, das war fast lustig."),
        P("ges_huels", "w", "s", 2024, "Raum", "Kellerraum, befristet",
          "Wir sind in einem Kellerraum der Gesamtschule, Übergangslösung. Wir mussten ganz schön betteln, und der Vertrag gilt nur bis zum Sommer."),
        P("gaertnerei_huels", "w", "s", 2024, "Nachbarschaft", "Gartengeräte",
          "Die Gärtnerei hat uns alte Gartengeräte gegeben, Spaten, Heckenscheren, Zeug, das die nicht mehr brauchen."),
        P("rp_kr", "w", "s", 2024, "Sichtbarkeit", "kurzer Artikel",
          "Wir haben eine Pressemitteilung geschrieben, an alle. Die RP hat es gebracht, klein, Seite drei im Lokalteil."),
        P("ea_kr", "w", "s", 2024, "Ehrenamtliche gewinnen", "Vermittlung",
          "Über das Freiwilligenzentrum suchen wir Leute für die Ausleihe. Bisher kam eine Frau, die ist super, aber es ist halt zäh."),
        P("nr_stift", "w", "s", 2024, "Fördermittel", "Antrag in Prüfung",
          "Bei der Niederrhein-Stiftung läuft ein Antrag, wir warten. Kontakt gab es bisher nur über das Online-Formular."),
        P("RC", "s", "s", 2024, "Wissen teilen", "Prüfprotokoll, Formulare",
          "Beim Repair-Café in Cracau haben wir uns alles abgeguckt, Prüfprotokoll, Haftungsausschluss, die ganzen Formulare. Die waren total offen, ohne die hätten wir ein Jahr länger gebraucht."),
        P("kr_soziales", "w", "u", 2012, "Finanzierung", "städtischer Zuschuss",
          "Das Freiwilligenzentrum hängt finanziell am Sozialamt, deshalb landet alles irgendwann dort, auch unsere Anfrage.",
          src="ea_kr"),
    ]),
    ("MG-01", "GL", "K2", None, [
        P("gruene_lunge", "s", "b", 2017, "gemeinsame Werte", "Trägerschaft, Versicherung, Konto",
          "Der Garten läuft formal über die Grüne Lunge, die haben die Versicherung und das Konto. Wir sind sozusagen deren Gartenabteilung, auch wenn wir das nicht so nennen."),
        P("gaertnerin", "s", "t", 2017, "persönliches Engagement, Fachwissen", "Beratung, Pflanzen",
          "Sie wohnt gegenüber und hat am zweiten Tag über den Zaun gerufen: \"Die Tomaten pflanzt ihr aber nicht jetzt schon!\" Seitdem hat sie quasi die fachliche Leitung."),
        P("mg_planung", "w", "s", 2017, "Fläche", "Zwischennutzungsvertrag",
          "Die Fläche ist städtisch, Planungsamt, Zwischennutzung bis auf Weiteres. Einmal im Jahr kommt ein Brief, ob wir noch da sind, das ist der ganze Kontakt."),
        P("wir_luerrip", "s", "t", 2018, "Nachbarschaft", "Sommerfest, Gießdienst",
          "Der Nachbarschaftsverein macht sein Sommerfest bei uns im Garten, und deren Mitglieder gießen, wenn wir im Urlaub sind. Das hat sich so ergeben, ganz organisch."),
        P("sw_mg", "w", "s", 2019, "Wasser", "Standrohr-Anschluss",
          "Die Stadtwerke haben einen Wasseranschluss gelegt, gegen Gebühr. Das war ein reines Geschäft, kein Sponsoring, auch wenn wir das gehofft hatten."),
        P("rp_mg", "w", "t", 2018, "Sichtbarkeit", "jährlicher Artikel",
          "Die RP kommt jedes Jahr zur Kürbisernte. Man hat das Gefühl, die brauchen im Oktober einfach ein schönes Foto."),
        P("bs_mg", "w", "s", 2019, "Fördermittel", "Gewächshaus 2.000 €",
          "Das Gewächshaus hat die Bürgerstiftung bezahlt, 2.000 Euro. Seitdem laden sie uns zu ihrem Neujahrsempfang ein, das ist ganz nett."),
        P("hsnr_soz", "w", "t", 2020, "Forschung", "Befragungsbericht",
          "Zwei Studierende haben eine Befragung zur Nachbarschaft gemacht, bei uns am Zaun. Wir haben einen Bericht gekriegt, vierzig Seiten, den hat keiner gelesen, glaube ich."),
        P("wir_luerrip", "s", "u", 2014, "Nachbarschaft", "gemeinsame Mitglieder",
          "Die Grüne Lunge und der Nachbarschaftsverein, das sind in Lürrip die zwei Vereine, wo alle drin sind. Die Vorstände kennen sich seit Jahrzehnten.",
          src="gruene_lunge"),
        P("sk_mg", "s", "u", 2008, "gleiche Organisation", "Geschäftsstelle",
          "Die Bürgerstiftung ist aus der Stadtsparkasse heraus gegründet worden, die Geschäftsstelle sitzt da im Haus.",
          src="bs_mg"),
    ]),
    ("MG-02", "GL", "K1", None, [
        P("gaertnerin", "s", "t", 2017, "Fachwissen", "Anbauplanung",
          "Ohne sie wüssten wir nicht, wann man was sät. Sie hat ein Heft mit allen Beeten seit 2017, das ist unser Gedächtnis."),
        P("gruene_lunge", "s", "b", 2017, "gemeinsame Werte", "Trägerschaft",
          "Die Grüne Lunge ist der Verein, wir sind das Projekt. Bei den Mitgliederversammlungen geht es zur Hälfte um den Garten."),
        P("unverpackt_mg", "w", "b", 2020, "Nachhaltigkeit", "Verkauf von Kräutern",
          "Der Unverpackt-Laden verkauft unsere Kräuter, im Sommer, wenn wir genug haben. Das Geld geht in die Vereinskasse, ist aber nicht viel."),
        P("adfc_mg", "w", "t", 2021, "Mobilität", "Stopp bei der Sonntagstour",
          "Der Fahrradclub hält bei seiner Sonntagstour immer bei uns an, dann gibt es Saft aus dem Garten. Eine nette Tradition, mehr nicht."),
        P("SH", "s", "t", 2023, "Wissen teilen", "Setzlinge, Beetplanung",
          "Die Schulgarten-Leute aus Holt kommen regelmäßig, wir geben Setzlinge ab, und unsere Gärtnerin hat denen die Beete geplant. Die haben uns angesprochen, als sie angefangen haben."),
        P("bv_mg_ost", "w", "s", 2019, "Fördermittel", "neuer Zaun",
          "Den neuen Zaun hat die Bezirksvertretung Ost bezahlt. Wir waren zweimal in der Sitzung, beim zweiten Mal hat es geklappt."),
        P("mg_abfall", "w", "t", 2018, "Kompost", "Kompostlieferung",
          "Der Abfallbetrieb liefert uns Kompost aus der Kompostieranlage. Die haben uns mal angerufen, ob wir Interesse haben, wegen ihrer Öffentlichkeitsarbeit."),
        P("textil_stift", "w", "s", 2021, "Fördermittel", "Spende 1.000 €",
          "Von der Textil-Stiftung gab es 1.000 Euro für die Bewässerung. Gesehen haben wir da nie jemanden."),
        P("mg_abfall", "w", "u", 2015, "Verwaltung", "gemeinsames Dezernat",
          "Planungsamt und Abfallbetrieb, das läuft alles irgendwo über denselben Dezernenten. Wer da mit wem redet, weiß ich nicht genau.",
          src="mg_planung"),
        P("rad_rhe", "w", "u", 2016, "Mobilität", "Codieraktionen",
          "Der Fahrradclub macht seine Codieraktionen immer beim Speiche & Kette in Rheydt, da sieht man die alle paar Wochen.",
          src="adfc_mg"),
    ]),
    ("MG-03", "NO", "K1", "K2", [
        P("ekg_ode", "s", "b", 2010, "gemeinsame Werte", "Büro, Telefon",
          "Die Nachbarschaftshilfe ist aus dem Besuchsdienst der Gemeinde entstanden. Das Telefon steht im Gemeindebüro, die Sekretärin nimmt für uns die Anrufe an."),
        P("pfarrer", "s", "t", 2010, "persönliches Engagement", "Kontakte, Vertrauen",
          "Der alte Pfarrer hat das damals angestoßen, er hat in jedem Gottesdienst dafür geworben. Auch im Ruhestand kommt er noch zu jedem Treffen."),
        P("tv_ode", "w", "t", 2014, "Ehrenamtliche gewinnen", "Helfer für Umzüge",
          "Wenn jemand einen Schrank tragen muss, ruf ich beim Turnverein an, die schicken zwei von der Handballjugend. Das läuft über den Jugendwart, den kennt man halt.",
          flag="!"),
        P("markt_ode", "w", "t", 2016, "Nachbarschaft", "Einkaufsservice, Gutscheine",
          "Der Supermarkt hat uns angesprochen, ob wir einen Einkaufsservice machen wollen für Leute, die nicht mehr rauskommen. Die geben Gutscheine für die Helfer, ein Geben und Nehmen, aber mehr auch nicht.",
          flag="!"),
        P("caritas_mg", "w", "b", 2012, "Beratung", "Weitervermittlung bei Pflege",
          "Mit der Caritas haben wir eine Absprache: Wenn es um Pflege geht, geben wir ab. Wir telefonieren vielleicht viermal im Jahr.",
          flag="!"),
        P("pari_mg", "s", "t", 2013, "Trägerschaft, Fortbildung", "Fortbildungen, Versicherung, Rechtsrat",
          "Der Paritätische hat uns aufgenommen, als wir noch nicht wussten, was ein Verein ist. Die Fortbildungen, die Versicherung, der Rechtsrat, das kommt alles von da."),
        P("sb_mg", "w", "t", 2015, "politische Anerkennung", "Einladung zum Bericht",
          "Der Seniorenbeirat lädt uns jedes Jahr ein, Bericht zu erstatten. Das ist freundlich, aber bewirken tut das wenig."),
        P("bv_mg_sued", "w", "s", 2018, "Fördermittel", "Zuschuss 1.500 €",
          "Die Bezirksvertretung Süd hat 1.500 Euro für die Weihnachtsfeier gegeben. Da sitzt einer aus unserer Gemeinde drin, das hilft natürlich."),
        P("mg_soziales", "w", "s", 2011, "Anerkennung", "Eintrag in der Seniorenbroschüre",
          "Das Sozialamt hat uns in seine Broschüre aufgenommen, das war's eigentlich. Wir haben mal um einen Raum gebeten, da hieß es, es gibt keinen."),
        P("caritas_mg", "w", "u", 2005, "Wohlfahrtspflege", "Arbeitsgemeinschaft",
          "Paritätischer, Caritas, Diakonie, die sitzen alle in der Arbeitsgemeinschaft, da werden die Gelder verteilt. Freunde sind die nicht unbedingt.",
          src="pari_mg"),
        P("pfarrer", "s", "u", 1995, "Kirchengemeinde", "Pfarramt",
          "Er war dreißig Jahre Pfarrer in der Gemeinde, da gibt es natürlich eine enge Bindung, auch jetzt noch.",
          src="ekg_ode", flag="-"),
        P("SW", "w", "t", 2022, "Fahrdienst", "Vermittlung von Fahrgästen",
          "Das Seniorenmobil in Wickrath hat uns angesprochen, ob wir ihnen Fahrgäste vermitteln. Machen wir, wenn jemand zum Arzt muss, aber das ist noch ganz frisch."),
    ]),
    ("MG-04", "NO", "K2", None, [
        P("ekg_ode", "s", "b", 2010, "gemeinsame Werte", "Büro, Trägerschaft",
          "Wir sind eigentlich ein Kind der Gemeinde. Wenn das Presbyterium nein sagt, dann machen wir es nicht, so einfach ist das."),
        P("tv_ode", "w", "t", 2014, "Ehrenamtliche gewinnen", "Helfer",
          "Der Turnverein hilft mal, wenn es schwer wird, im wörtlichen Sinn. Aber sonst macht jeder seins."),
        P("diakonie_mg", "s", "t", 2012, "Beratung", "Sozialberatung in der Sprechstunde",
          "Die Diakonie berät unsere Leute, wenn es ums Geld geht, Schulden, Anträge. Die Sozialarbeiterin kommt einmal im Monat in unsere Sprechstunde, das ist fest."),
        P("rp_mg", "w", "t", 2020, "Sichtbarkeit", "Artikel zur Coronahilfe",
          "In Corona waren wir auf einmal wichtig, die Zeitung hat dreimal berichtet. Jetzt ist das wieder vorbei."),
        P("radio_nr", "w", "t", 2020, "Sichtbarkeit", "Live-Interview",
          "Sogar das Radio hat angerufen, 2020, wegen der Einkaufshilfe. Ich habe live gesprochen, ich war so aufgeregt."),
        P("ea_mg", "w", "s", 2019, "Ehrenamtliche gewinnen", "Vermittlung",
          "Die Ehrenamtsagentur vermittelt uns ab und zu jemanden, meistens Studierende, die nach einem Semester wieder weg sind."),
        P("sk_mg", "w", "s", 2016, "Fördermittel", "Spende 300 € jährlich",
          "Die Stadtsparkasse gibt jedes Jahr zu Weihnachten 300 Euro. Wir schicken einen Dankesbrief mit Foto, das ist das Ritual."),
        P("ekg_ode", "s", "u", 2000, "gleiche Kirche", "kurze Wege",
          "Die Diakonie und die Gemeinde gehören zusammen, dieselbe Kirche, da gibt es kurze Wege.",
          src="diakonie_mg"),
        P("pari_mg", "w", "u", 2005, "Wohlfahrtspflege", "Absprachen im Notfall",
          "Caritas und Paritätischer streiten sich manchmal um dieselben Töpfe, aber im Notfall telefonieren die natürlich.",
          src="caritas_mg"),
    ]),
    ("MG-05", "FE", "K2", "K1", [
        P("kath_eicken", "s", "t", 2018, "gemeinsame Werte, Raum", "Stellplatz, Strom",
          "Die Pfarrgemeinde hat den Kühlschrank in ihre Garage gelassen, mit Stromanschluss. Der Pfarrer hat gesagt: \"Lebensmittel retten ist Bewahrung der Schöpfung, da fragen wir nicht lange.\""),
        P("tafel_mg", "w", "b", 2018, "Absprache", "Aufteilung der Märkte",
          "Mit der Tafel gab es am Anfang Ärger, weil wir bei denselben Märkten abgeholt haben. Jetzt ist das geregelt, jeder hat seine Märkte, man sieht sich selten."),
        P("unverpackt_mg", "s", "b", 2019, "Nachhaltigkeit, gemeinsame Werte", "Lebensmittel, Plakate",
          "Der Unverpackt-Laden gibt uns alles, was kurz vor dem Datum ist, und hängt unsere Plakate auf. Die Inhaberin ist auch Foodsaverin, das passt einfach.",
          flag="!"),
        P("hsnr_oeco", "w", "t", 2021, "Forschung", "Hygieneproben",
          "Die Hochschule hat Proben aus dem Kühlschrank genommen, für eine Studie über Lebensmittelsicherheit. Wir waren nervös, aber es war alles in Ordnung."),
        P("rp_mg", "w", "t", 2019, "Sichtbarkeit", "Berichterstattung",
          "Die RP hat groß berichtet, als der Kühlschrank eingeweiht wurde, mit Foto vom Oberbürgermeister. Seitdem rufen die an, wenn sie was zum Thema brauchen.",
          flag="!"),
        P("ea_mg", "s", "s", 2019, "Ehrenamtliche gewinnen", "drei Ehrenamtliche",
          "Über die Ehrenamtsagentur kamen drei Leute, die jetzt fest putzen. Ohne die würde der Hygieneplan nicht funktionieren."),
        P("FU", "w", "s", 2019, "Austausch", "Hygieneplan als Vorlage",
          "Uerdingen hat uns ihren Hygieneplan geschickt, den haben wir dann angepasst. Die hatten das schon alles durch."),
        P("caritas_mg", "w", "s", 2020, "Beratung", "Flyer der Schuldnerberatung",
          "Am Kühlschrank hängen Flyer von der Caritas-Schuldnerberatung. Das haben wir angefragt, die fanden das gut."),
        P("caritas_mg", "s", "u", 2006, "gemeinsames Haus", "Tür an Tür",
          "Die Tafel ist ja im Caritas-Haus, die Lebensmittelausgabe und die Beratung sind Tür an Tür.",
          src="tafel_mg", flag="-"),
        P("mg_abfall", "w", "t", 2022, "Abfallvermeidung", "Plakatkampagne",
          "Der Abfallbetrieb hat uns für seine Kampagne gegen Lebensmittelverschwendung angefragt, wir waren auf dem Plakat. Geld gab es keins."),
    ]),
    ("MG-06", "FE", "K1", None, [
        P("kath_eicken", "s", "t", 2018, "gemeinsame Werte", "Garage, Strom, Versicherung",
          "Ohne die Pfarrei ginge nichts: die Garage, der Strom, sogar die Versicherung läuft über die. Wir müssen nur den Kühlschrank sauber halten."),
        P("unverpackt_mg", "s", "b", 2019, "gemeinsame Werte", "Lebensmittel, Ehrenamt",
          "Die Inhaberin vom Unverpackt-Laden ist auch bei uns im Team, so eine Doppelrolle. Die Grenze zwischen Laden und Fairteiler ist da manchmal unscharf."),
        P("baeck_eicken", "s", "s", 2018, "Lebensmittel retten", "Brot vom Vortag",
          "Jeden Abend holen wir Brot bei der Filiale am Markt. Die Verkäuferinnen packen es schon in unsere Kisten, das ist eingespielt."),
        P("bk_rhe", "w", "t", 2022, "Bildung", "Projekttag",
          "Ein Berufskolleg aus Rheydt hat mit einer Klasse einen Projekttag bei uns gemacht, Thema Lebensmittelverschwendung. War schön, aber ein einmaliges Ding."),
        P("blog_rhe", "w", "t", 2021, "Sichtbarkeit", "Blogporträt",
          "Der Blog hat ein Porträt über uns geschrieben, das wurde ziemlich oft geteilt. Die Bloggerin wohnt in Rheydt, man kennt sich vom Sehen."),
        P("pari_mg", "w", "s", 2020, "Rechtssicherheit", "Mustervertrag",
          "Für die Haftungsfrage haben wir beim Paritätischen angerufen, die haben uns einen Mustervertrag gegeben."),
        P("caritas_mg", "w", "u", 2010, "Beratung", "Sprechstunde im Pfarrheim",
          "Die Caritas macht einmal im Monat Sprechstunde im Pfarrheim. Das ist mehr so eine Gastrolle.",
          src="kath_eicken"),
    ]),
    ("MG-07", "UR", "K2", None, [
        P("schneiderin", "s", "b", 2021, "Fachwissen, persönliches Engagement", "Nähkurse, Maschinen",
          "Die Schneiderin hat ihre drei Industrienähmaschinen mitgebracht und bringt uns alles bei. Sie sagt, das ist ihr Ruhestand, und sie will keinen anderen."),
        P("textil_rhe", "w", "s", 2021, "Material", "Stoffreste",
          "Wir haben bei der Textilveredelung angeklopft, ob wir Stoffreste kriegen. Jetzt holen wir alle zwei Monate einen Sack, aber da kennt uns nur der Pförtner."),
        P("hsnr_textil", "w", "s", 2022, "Wissen, Kooperation", "Studierendenprojekt, Modenschau",
          "Mit der Hochschule haben wir ein Studierendenprojekt gemacht, Upcycling-Mode, mit Modenschau. Die Professorin war begeistert, aber nach dem Semester war Schluss."),
        P("wfbm_rhe", "s", "3", 2022, "Inklusion, gemeinsame Werte", "Zuschnitt, Arbeitsplätze",
          "Mit der Werkstatt für Menschen mit Behinderung machen wir den Zuschnitt, die haben eine große Halle, und den Kontakt hat unsere Schneiderin hergestellt, die hat da früher Kurse gegeben. Das ist inzwischen eine feste Kooperation, zweimal die Woche, mit Vertrag."),
        P("frei_rhe", "w", "s", 2021, "Raum", "Kellerraum, reduzierte Miete",
          "Wir sind im Keller der Freikirche, Miete reduziert. Sehr freundliche Leute, aber wir gehören da nicht dazu, das merkt man."),
        P("blog_rhe", "w", "t", 2022, "Sichtbarkeit", "Video",
          "Der Blog hat über unsere Modenschau berichtet, das Video hatte über tausend Klicks. Für uns war das riesig."),
        P("textil_stift", "w", "s", 2022, "Fördermittel", "Spende 1.500 €",
          "Die Textil-Stiftung hat 1.500 Euro gegeben, weil das zum Textilerbe der Stadt passt, so stand es im Schreiben. Das Schreiben haben wir eingerahmt."),
        P("mg_planung", "w", "s", 2023, "Ladenlokal", "Anfrage Leerstandsprogramm",
          "Wir haben bei der Stadt nach einem leeren Ladenlokal gefragt, Programm gegen Leerstand. Seit einem Jahr warten wir auf eine Antwort."),
        P("rad_rhe", "w", "s", 2022, "Material", "alte Fahrradschläuche",
          "Aus Fahrradschläuchen nähen wir Taschen, die Schläuche sammelt der Fahrradladen um die Ecke für uns. Man sagt Hallo, man bringt mal Kuchen vorbei, so."),
        P("RC", "w", "s", 2022, "Erfahrungsaustausch", "Haftungsunterlagen",
          "Am Anfang haben wir beim Repair-Café in Krefeld angerufen, weil wir nicht wussten, wie das mit der Haftung geht. Die haben uns alles geschickt, sehr hilfsbereit."),
        P("textil_rhe", "s", "u", 2010, "Fachkräfte", "Absolventen, Projekte",
          "Die Hochschule und die Textilfirmen hier, das ist ein altes Netzwerk, die Absolventen arbeiten alle da. Da sind wir nur Zaungäste.",
          src="hsnr_textil"),
        P("frei_rhe", "s", "u", 2018, "Mitgliedschaft", "Zugang zum Raum",
          "Sie ist Mitglied in der Freikirche, deswegen kamen wir überhaupt an den Raum.",
          src="schneiderin"),
    ]),
    ("MG-08", "SW", "K1", "K2", [
        P("awo_wick", "s", "s", 2022, "Senior:innen erreichen", "Büro, Telefonbuchungen",
          "Wir sind zur AWO gegangen und haben gefragt, ob wir deren Büro mitbenutzen dürfen. Die haben ja gesagt, und jetzt nehmen die die Telefonbuchungen an, das ist für uns Gold wert."),
        P("hausaerztin", "w", "s", 2022, "Fahrten zum Arzt", "Empfehlung an Patienten",
          "Wir haben bei der Hausärztin Flyer ausgelegt, damit die Patienten von uns erfahren. Sie empfiehlt uns weiter, aber gesprochen haben wir sie selbst nur einmal.",
          flag="!"),
        P("autohaus_wick", "w", "s", 2022, "Sponsoring", "Leasing zum Sonderpreis",
          "Das Autohaus hat uns den Wagen zu einem Sonderpreis verleast. Das war eine zähe Verhandlung, drei Termine, und am Ende wollten die natürlich ihr Logo groß auf der Tür."),
        P("sb_mg", "w", "s", 2022, "politische Unterstützung", "Fürsprache",
          "Wir haben uns beim Seniorenbeirat vorgestellt, damit die uns bei der Stadt unterstützen. Die haben freundlich zugehört, mehr ist bisher nicht passiert."),
        P("BB", "s", "s", 2022, "Konzept übernehmen", "Begleitung, Fahrerschulung",
          "I: Woher hatten Sie das Konzept?\nB: Vom Bürgerbus in Fischeln. Wir haben da einfach angerufen und gefragt, ob wir mal mitfahren dürfen.\nI: Und?\nB: Die haben uns ein halbes Jahr lang begleitet, die Fahrer geschult, alles. Ohne die gäbe es uns nicht."),
        P("bv_mg_sued", "w", "s", 2023, "Fördermittel", "Anschubfinanzierung 2.000 €",
          "Die Bezirksvertretung Süd hat 2.000 Euro Anschubfinanzierung bewilligt. Wir mussten zweimal hin und Fragen beantworten, wie bei einem Vorstellungsgespräch."),
        P("lstift", "w", "s", 2023, "Fördermittel", "Projektförderung 5.000 €",
          "Die Landesstiftung hat uns 5.000 Euro gegeben, aus einem Programm für Mobilität im Alter. Der Antrag hat drei Wochenenden gekostet."),
        P("ea_mg", "w", "s", 2022, "Ehrenamtliche gewinnen", "zwei Fahrer",
          "Fahrer finden ist das Schwierigste. Die Ehrenamtsagentur hat zwei vermittelt, einer ist nach drei Wochen wieder abgesprungen."),
        P("sb_mg", "s", "u", 2015, "Seniorenpolitik", "Doppelmandat",
          "Die Vorsitzende der AWO sitzt auch im Seniorenbeirat, so läuft das bei uns, jeder kennt jeden.",
          src="awo_wick"),
    ]),
    ("MG-09", "SW", "K2", None, [
        P("awo_wick", "s", "s", 2022, "Organisation", "Schlüssel, Fahrtenliste",
          "Die AWO ist unsere Zentrale. Morgens hole ich dort den Schlüssel und die Liste, wer abgeholt werden muss."),
        P("hausaerztin", "w", "t", 2022, "Fahrten zum Arzt", "Anfragen der Praxis",
          "Die Arztpraxis ruft manchmal an, ob wir jemanden bringen können, aber meistens läuft das über die Patienten selbst."),
        P("sw_mg", "w", "s", 2023, "Fahrzeug", "Ladekarte",
          "Die Stadtwerke haben uns eine Ladekarte gegeben, weil unser Auto ein E-Auto ist. Das haben wir über ein Formular beantragt, ganz unpersönlich."),
        P("rp_mg", "w", "t", 2023, "Sichtbarkeit", "Reportage",
          "Die Rheinische Post hat mich beim Fahren begleitet, einen ganzen Vormittag. Das war ein schöner Artikel, danach hatten wir zwanzig neue Anrufe."),
        P("NO", "w", "s", 2022, "Fahrdienst", "Vermittlung von Fahrgästen",
          "Mit der Nachbarschaftshilfe in Odenkirchen haben wir was ausgemacht, die schicken uns Leute, die zum Arzt müssen. Das hat unsere Vorsitzende eingefädelt."),
        P("pari_mg", "w", "s", 2023, "Rechtssicherheit", "Auskunft Personenbeförderung",
          "Wegen der Personenbeförderung haben wir beim Paritätischen nachgefragt, ob wir einen Personenbeförderungsschein brauchen. Die Antwort kam schnell und war klar."),
        P("bs_mg", "w", "s", 2023, "Fördermittel", "Rampe, 700 €",
          "Die Bürgerstiftung hat 700 Euro für Kindersitze und eine Rampe gegeben, nein, Quatsch, nur die Rampe, Kindersitze brauchen wir ja nicht."),
    ]),
    ("MG-10", "SH", "K1", None, [
        P("gs_holt", "s", "b", 2023, "Schulprofil", "Fläche, Lehrerstunden",
          "Der Garten liegt auf dem Schulgelände, die Schulleitung trägt das mit. Zwei Kolleginnen haben dafür sogar Stunden bekommen."),
        P("elternverein_holt", "s", "s", 2023, "Elternbeteiligung", "Geld, Arbeitseinsätze",
          "Der Förderverein hat das Geld für die ersten Beete gesammelt, auf dem Sommerfest. Die Eltern kommen samstags zu den Arbeitseinsätzen, aus zwölf Ländern."),
        P("mg_schule", "w", "s", 2023, "Genehmigung", "Nutzungsgenehmigung",
          "Die Schulverwaltung musste zustimmen, weil das Gelände städtisch ist. Das hat vier Monate gedauert und ging über drei Schreibtische."),
        P("gruene_lunge", "w", "3", 2023, "Wissen", "Setzlinge, Workshop",
          "An die Grüne Lunge sind wir über den Gemeinschaftsgarten gekommen. Die hat uns ihre überzähligen Setzlinge gegeben und einmal einen Workshop gemacht. Wir würden gerne mehr machen, aber die haben selbst genug zu tun."),
        P("vhs_mg", "w", "s", 2024, "Integration", "Deutschkurs für Eltern im Garten",
          "Mit der VHS machen wir einen Deutschkurs für Eltern im Garten, Gärtnern und Sprechen, so war die Idee. Läuft seit dem Frühjahr, mal sehen."),
        P("dus_bezreg", "w", "s", 2023, "Schulentwicklung", "Anmeldung als Schulprojekt",
          "Bei der Bezirksregierung haben wir das als Schulprojekt angemeldet, wegen einer Auszeichnung. Das ist eine Mail-Beziehung, mehr nicht."),
        P("SO", "w", "t", 2023, "Austausch", "Saatgut, Briefe der Kinder",
          "Die Grundschule in Oppum hat uns Saatgut geschickt, und die Kinder schreiben sich Briefe. Das ist süß, aber noch keine richtige Partnerschaft."),
        P("GL", "s", "s", 2023, "Wissen teilen", "Setzlinge, Beetplanung",
          "Die Gärtnerin aus Lürrip hat unsere Beete geplant, und wir holen jedes Frühjahr Setzlinge im Gemeinschaftsgarten. Ohne die wären wir nicht so weit."),
        P("elternverein_holt", "s", "u", 2012, "Schulgemeinschaft", "Schulfest, Bücherei",
          "Der Förderverein gehört ja zur Schule, die machen alles zusammen, Schulfest, Bücherei, jetzt den Garten.",
          src="gs_holt"),
        P("dus_bezreg", "w", "u", None, "Zuständigkeit", "",
          "Schulverwaltung und Bezirksregierung schieben sich die Zuständigkeit hin und her, das haben wir gemerkt.",
          src="mg_schule"),
    ]),
    ("MG-11", "BR", "K2", None, [
        P("caritas_mg", "w", "s", 2024, "Beratung", "Anfrage Sprechstunde",
          "Wir haben die Caritas gefragt, ob sie einmal im Monat eine Beratung bei uns anbieten. Die haben gesagt, sie prüfen das, bisher ist nichts passiert."),
        P("ekg_rhd", "s", "s", 2024, "Raum, gemeinsame Werte", "Raum kostenlos",
          "Die evangelische Gemeinde hat uns ihr Café im Gemeindehaus überlassen, jeden Mittwoch. Die Küsterin ist inzwischen bei jedem Treffen dabei, die gehört schon fast zu uns."),
        P("vhs_mg", "w", "s", 2024, "Zielgruppe erreichen", "Flyer in Integrationskursen",
          "Wir haben in allen Integrationskursen der VHS Flyer verteilt. Einige kommen jetzt, aber mit der VHS selbst haben wir keinen Kontakt."),
        P("studentin", "s", "3", 2024, "Forschung, persönliches Engagement", "Evaluation, Mitarbeit",
          "Eine Studentin schreibt ihre Masterarbeit über uns und ist jede Woche da, hilft beim Aufbau, macht Notizen. Ehrlich gesagt ist sie inzwischen eine unserer Stützen."),
        P("uni_dus", "w", "t", 2024, "Forschung", "Interview",
          "Von der Uni Düsseldorf kam eine Anfrage für ein Interview, für eine Studie über Begegnungsorte. Wir haben mitgemacht, aber gehört haben wir seitdem nichts."),
        P("mg_soziales", "w", "s", 2024, "Fördermittel", "Antrag Quartiersförderung",
          "I: Und die Stadt?\nB: Wir haben einen Antrag auf Quartiersförderung gestellt, beim Fachbereich Soziales. Die Sachbearbeiterin war nett, aber sie hat gleich gesagt: \"Der Topf ist eigentlich leer.\""),
        P("SB", "s", "s", 2024, "Konzept übernehmen", "Spiele, Regeln, Beratung",
          "Wir sind zweimal nach Krefeld gefahren, zum Sprachcafé in Bockum, und haben uns alles abgeschaut. Die haben uns ihre Spiele und ihre Regeln gegeben, wir telefonieren fast jede Woche."),
        P("hsnr_soz", "s", "u", 2022, "Studium", "Betreuung der Masterarbeit",
          "Sie studiert an der Hochschule in Mönchengladbach, Soziale Arbeit. Ihre Professorin hat sie auf uns gebracht.",
          src="studentin"),
        P("diakonie_mg", "s", "u", 2014, "Trägerschaft", "gemeinsames Haus",
          "Die Ehrenamtsagentur ist bei der Diakonie angedockt, glaube ich, zumindest sitzen die im selben Haus.",
          src="ea_mg"),
        P("tv_dus", "w", "t", 2024, "Sichtbarkeit", "Fernsehbeitrag",
          "Das Regionalfernsehen hat beim Eröffnungsfest gedreht, neunzig Sekunden in der Abendsendung. Danach haben uns Leute aus ganz Mönchengladbach angesprochen."),
    ]),
]

# ---------------------------------------------------------------------------
# Lookup tables and codings
# ---------------------------------------------------------------------------
INNO = {k: dict(id=i, label=l, region=r, sector=s, established=e, founded=f, district=d)
        for k, i, l, r, s, e, f, d in INNOVATIONS}
PART = {k: dict(id=i, label=l, type=t, region=r, sector=s, founded=f, district=d)
        for k, i, l, t, r, s, f, d in PARTNERS}
for k, (i, t, r, d) in MISSING.items():
    PART[k] = dict(id=i, label="", type=t, region=r, sector="", founded="", district=d)


def node(key):
    """(id, kind, type, region, district, founded) of any key."""
    if key in INNO:
        n = INNO[key]
        return n["id"], "innovation", "innovation", n["region"], n["district"], n["founded"]
    n = PART[key]
    return n["id"], "partner", n["type"], n["region"], n["district"], None


STRENGTH = {"K1": {"s": "strong", "w": "weak"}, "K2": {"s": "stark", "w": "schwach"}}
INITIATOR = {"K1": {"s": "source", "t": "target", "b": "both", "3": "third", "u": "unknown"},
             "K2": {"s": "innovation", "t": "partner", "b": "beide", "3": "dritte", "u": "unbekannt"}}
PROXIMITY = {"K1": {1: "low", 2: "medium", 3: "high"}, "K2": {1: "1", 2: "2", 3: "3"}}
FLIP = {"s": "w", "w": "s"}

# institutional proximity of a civil-society innovation to each kind of actor
INSTITUTIONAL = {"innovation": [2, 3, 3], "civil_society": [2, 3, 3], "religious": [2, 2, 3],
                 "welfare": [2, 2, 3], "individual": [2, 3], "research_education": [1, 2, 2],
                 "foundation": [1, 2, 2], "public_admin": [1, 1, 2], "politics": [1, 2],
                 "business": [1, 1, 2], "media": [1, 1, 2]}


def proximity(a, b, strong):
    """Five proximity levels (1-3, None = not coded) drawn from the seeded RNG."""
    _, _, ta, ra, da, _ = node(a)
    _, _, tb, rb, db, _ = node(b)
    if da and da == db:
        spatial = 3
    elif ra == rb:
        spatial = RNG.choice([2, 2, 3])
    elif {ra, rb} <= {KR, MG, NR}:
        spatial = RNG.choice([1, 1, 2])
    else:
        spatial = 1
    cognitive = RNG.choice([2, 3, 3] if strong else [1, 2, 2])
    social = RNG.choice([2, 3, 3] if strong else [1, 1, 2])
    organizational = RNG.choice([1, 2, 3] if strong else [1, 1, 2])
    other = tb if ta == "innovation" else ta
    institutional = RNG.choice(INSTITUTIONAL[other])
    levels = [spatial, cognitive, social, organizational, institutional]
    for i in range(5):
        if RNG.random() < 0.07:
            levels[i] = None
    if "individual" in (ta, tb):  # organisational/institutional often left open for persons
        for i in (3, 4):
            if RNG.random() < 0.6:
                levels[i] = None
    return levels


def recode(levels):
    """The second coder's view of the same passage: sometimes one level off."""
    out = []
    for v in levels:
        r = RNG.random()
        if v is None:
            out.append(RNG.choice([1, 2]) if r < 0.1 else None)
        elif r < 0.15:
            out.append(max(1, min(3, v + RNG.choice([-1, 1]))))
        elif r < 0.19:
            out.append(None)
        else:
            out.append(v)
    return out


def row(src, tgt, p, interview, coder, st, levels, page):
    return [node(src)[0], node(tgt)[0], STRENGTH[coder][st], interview, coder, p["quote"],
            INITIATOR[coder][p["ini"]], "" if p["since"] is None else str(p["since"])] + \
           ["" if v is None else PROXIMITY[coder][v] for v in levels] + \
           [p["motive"], p["benefit"], str(page)]


def build():
    nodes = [[n["id"], n["label"], "innovation", "", n["region"], n["sector"],
              "true" if n["established"] else "false", str(n["founded"]), n["district"]]
             for n in INNO.values()]
    nodes += [[p["id"], p["label"], "partner", p["type"], p["region"], p["sector"], "",
               p["founded"], p["district"]]
              for k, p in PART.items() if k not in MISSING]
    ties, meta = [], []
    for interview, inno, first, second, passages in INTERVIEWS:
        page = RNG.randint(1, 3)
        for p in passages:
            src = p["src"] or inno
            levels = proximity(src, p["target"], p["st"] == "s")
            ties.append(row(src, p["target"], p, interview, first, p["st"], levels, page))
            meta.append((inno, src, p["target"], p["ini"], p["st"]))
            if second and p["flag"] != "-":
                st2 = FLIP[p["st"]] if p["flag"] == "!" else p["st"]
                ties.append(row(src, p["target"], p, interview, second, st2, recode(levels), page))
                meta.append((inno, src, p["target"], p["ini"], st2))
            page = min(30, page + RNG.randint(0, 3))
    return nodes, ties, meta


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# ---------------------------------------------------------------------------
# Checks: re-read the files and compute what README.md quotes
# ---------------------------------------------------------------------------
def norm(s):
    return unicodedata.normalize("NFC", s.strip())


def check(nodes_path, ties_path, nodes, ties, meta):
    with open(nodes_path, encoding="utf-8", newline="") as f:
        raw = f.read()
    assert not raw.startswith("\ufeff") and "\r" not in raw
    nrows = list(csv.reader(io.StringIO(raw)))
    with open(ties_path, encoding="utf-8", newline="") as f:
        raw = f.read()
    assert not raw.startswith("\ufeff")
    trows = list(csv.reader(io.StringIO(raw)))
    assert nrows[0] == NODE_HEADER and nrows[1:] == nodes, "nodes.csv does not re-read"
    assert trows[0] == TIE_HEADER and trows[1:] == ties, "ties.csv does not re-read"

    ids = [norm(r[0]) for r in nodes]
    assert len(ids) == len(set(ids)) and all(ids), "duplicate or empty node id"
    kind = {norm(r[0]): r[2] for r in nodes}
    ptype = {norm(r[0]): r[3] for r in nodes}
    founded = {norm(r[0]): int(r[7]) for r in nodes if r[2] == "innovation"}
    for t in PART.values():
        assert t["type"] in INSTITUTIONAL
    per_type = {}
    for r in nodes:
        if r[2] == "partner":
            per_type[r[3]] = per_type.get(r[3], 0) + 1
    assert len(per_type) == 10 and min(per_type.values()) >= 3, per_type

    pairs, interviews, coders, missing = {}, set(), set(), set()
    strong_words = {"strong", "stark"}
    for n, r in enumerate(ties, start=2):
        a, b = norm(r[0]), norm(r[1])
        assert a and b, "empty id in line %d" % n
        assert a != b, "self-loop in line %d" % n
        assert 1 <= int(r[15]) <= 30
        if r[7]:
            years = [founded[x] for x in (a, b) if kind.get(x) == "innovation"]
            assert all(int(r[7]) >= y for y in years), "since before founding, line %d" % n
        for x in (a, b):
            if x not in kind:
                missing.add(x)
        interviews.add(r[3])
        coders.add(r[4])
        pairs.setdefault(frozenset((a, b)), []).append(r[2] in strong_words)
    assert len(missing) == 2, missing

    strong = sum(1 for v in pairs.values() if 2 * sum(v) >= len(v))
    weak = len(pairs) - strong
    splits_11 = sum(1 for v in pairs.values() if len(v) == 2 and sum(v) == 1)
    splits_21 = sum(1 for v in pairs.values() if len(v) == 3 and sum(v) in (1, 2))
    ordered = {(norm(r[0]), norm(r[1])) for r in ties}
    reversed_pairs = len({frozenset(o) for o in ordered if (o[1], o[0]) in ordered})
    pp = sum(1 for k in pairs if all(kind.get(x, "partner") == "partner" for x in k))
    ii = sum(1 for k in pairs if all(kind.get(x) == "innovation" for x in k))

    # components (union-find over every node of the graph)
    allnodes = set(kind) | missing
    parent = {x: x for x in allnodes}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for k in pairs:
        a, b = tuple(k)
        parent[find(a)] = find(b)
    components = len({find(x) for x in allnodes})
    assert components <= 2, components

    # innovation -> partner mentions: who initiated, by established/new
    init = {True: {}, False: {}}
    for inno, src, tgt, ini, _ in meta:
        if src in INNO and tgt not in INNO:
            d = init[INNO[src]["established"]]
            d[ini] = d.get(ini, 0) + 1
    n_inno = sum(1 for r in nodes if r[2] == "innovation")
    partners_est = {k: set() for k in INNO}
    for inno, src, tgt, _, _ in meta:
        if src in INNO and tgt not in INNO:
            partners_est[src].add(tgt)
    avg = {e: sum(len(partners_est[k]) for k in INNO if INNO[k]["established"] == e) /
           sum(1 for k in INNO if INNO[k]["established"] == e) for e in (True, False)}
    multiline = len({r[5] for r in ties if "\n" in r[5]})
    dquote = len({r[5] for r in ties if '"' in r[5]})
    quoted_ids = sorted(i for i in ids if '"' in i or "„" in i)

    assert n_inno >= 12 and len(nodes) - n_inno >= 80 and len(ties) >= 250
    assert len(interviews) >= 20 and pp >= 25 and multiline >= 5
    assert 0.55 <= weak / len(pairs) <= 0.65, weak / len(pairs)
    assert init[True].get("t", 0) > init[True].get("s", 0)
    assert init[False].get("s", 0) > init[False].get("t", 0)

    print("nodes.csv rows:        %d (%d innovations, %d partners)" % (len(nodes), n_inno, len(nodes) - n_inno))
    print("graph nodes:           %d (%d partners; %d created from ties.csv)" % (
        len(allnodes), len(allnodes) - n_inno, len(missing)))
    print("mention rows:          %d" % len(ties))
    print("interviews:            %d" % len(interviews))
    print("coders:                %d (%s)" % (len(coders), ", ".join(sorted(coders))))
    print("undirected ties:       %d (strong %d, weak %d = %.1f %% weak)" % (
        len(pairs), strong, weak, 100.0 * weak / len(pairs)))
    print("  partner-partner:     %d, innovation-innovation: %d" % (pp, ii))
    print("  1:1 splits:          %d, 2:1 splits: %d" % (splits_11, splits_21))
    print("  pairs seen reversed: %d" % reversed_pairs)
    double = sorted(i for i in interviews if len({r[4] for r in ties if r[3] == i}) > 1)
    print("double-coded:          %d interviews (%s)" % (len(double), ", ".join(double)))
    print("empty proximity cells: %d of %d; empty since: %d" % (
        sum(1 for r in ties for c in r[8:13] if not c), 5 * len(ties),
        sum(1 for r in ties if not r[7])))
    print("components:            %d" % components)
    print("partners per type:     %s" % ", ".join("%s %d" % kv for kv in sorted(per_type.items())))
    print("initiator (innovation->partner mentions): established %s; new %s" % (
        dict(sorted(init[True].items())), dict(sorted(init[False].items()))))
    print("avg partners per innovation: established %.1f, new %.1f" % (avg[True], avg[False]))
    print("quotes: %d multi-line, %d with double quotes" % (multiline, dquote))
    print("ids with quote characters: %d" % len(quoted_ids))
    print("missing from nodes.csv: %s" % "; ".join(sorted(missing)))


def main():
    nodes, ties, meta = build()
    nodes_path = os.path.join(HERE, "nodes.csv")
    ties_path = os.path.join(HERE, "ties.csv")
    write(nodes_path, NODE_HEADER, nodes)
    write(ties_path, TIE_HEADER, ties)
    check(nodes_path, ties_path, nodes, ties, meta)
    # The same mentions split by coder, as two coders deliver their tables (README: several files at once).
    coder = TIE_HEADER.index("coder")
    for name in ("K1", "K2"):
        write(os.path.join(HERE, "coder-%s.csv" % name.lower()), TIE_HEADER, [r for r in ties if r[coder] == name])


if __name__ == "__main__":
    main()
