"""Writes interviews.qdpx, a small REFI-QDA project for `weakties` (run: python3 make_project.py).

Two interview transcripts (sources/*.txt) coded with the code system of Docs/QDA.md: Partner/<name>,
Strength/strong|weak, Initiator/<who>, Proximity/<dimension>/<level>, Motive/<text>, Benefit/<text>.
The first document is coded with its innovation (Innovation/Repair-Café Cracau); the second one is
not, so mapping.yaml names its innovation under `documents`. Standard library only; deterministic.
"""
import uuid, zipfile
from xml.sax.saxutils import escape, quoteattr

NS = uuid.UUID("6f1c1c2e-6d1f-4c50-9a8d-2f3c8d1b0a11")
def guid(name): return str(uuid.uuid5(NS, name)).upper()

USERS = ["K1", "K2"]
CODES = {
    "Innovation": ["Repair-Café Cracau", "Sprachcafé Bockum"],
    "Partner": ["Ev. Kirchengemeinde Cracau", "Stadtwerke Krefeld", "Volkshochschule Krefeld", "Elektromeister im Ruhestand (Cracau)"],
    "Strength": ["strong", "weak"],
    "Initiator": ["source", "target", "both", "third", "unknown"],
    "Proximity": {"spatial": ["low", "medium", "high"], "social": ["low", "medium", "high"], "cognitive": ["low", "medium", "high"]},
    "Motive": ["gemeinsame Werte", "Fachwissen teilen", "Öffentlichkeit"],
    "Benefit": ["Raum kostenlos", "Fachwissen", "Teilnehmende"],
}
DOCS = [
    ("Interview KR-01", "K1", "Innovation/Repair-Café Cracau", [
        ("Das Gemeindehaus ist unser Zuhause. Wir zahlen keine Miete, und wenn die Heizung spinnt, ruft der Küster mich an.",
         ["Partner/Ev. Kirchengemeinde Cracau", "Strength/strong", "Initiator/both", "Proximity/spatial/high", "Proximity/social/high",
          "Motive/gemeinsame Werte", "Benefit/Raum kostenlos"]),
        ("Der kam am ersten Samstag mit seinem Messkoffer und hat gefragt, ob wir einen brauchen, der sich mit Strom auskennt.",
         ["Partner/Elektromeister im Ruhestand (Cracau)", "Strength/strong", "Initiator/target", "Motive/Fachwissen teilen", "Benefit/Fachwissen"]),
        ("Mit den Stadtwerken hatten wir einmal Kontakt, wegen eines Aktionstags zum Energiesparen. Seitdem nichts.",
         ["Partner/Stadtwerke Krefeld", "Strength/weak", "Initiator/third", "Proximity/cognitive/low", "Motive/Öffentlichkeit"]),
    ]),
    ("Interview KR-07", "K2", None, [
        ("Die VHS schickt uns Leute aus den Integrationskursen, und wir schicken Leute zurück, die einen Kurs suchen.",
         ["Partner/Volkshochschule Krefeld", "Strength/strong", "Initiator/both", "Proximity/cognitive/medium", "Benefit/Teilnehmende"]),
        ("Die Stadtwerke haben uns mal Tassen gesponsert. Das war's eigentlich.",
         ["Partner/Stadtwerke Krefeld", "Strength/weak", "Initiator/source", "Proximity/social/low"]),
    ]),
]

def code_xml(name, children, path, indent):
    pad = "  " * indent
    if isinstance(children, dict):
        inner = "".join(code_xml(k, v, path + [name], indent + 1) for k, v in children.items())
    else:
        inner = "".join('%s  <Code guid="%s" name=%s isCodable="true"/>\n' % (pad, guid("/".join(path + [name, c])), quoteattr(c)) for c in children)
    return '%s<Code guid="%s" name=%s isCodable="false">\n%s%s</Code>\n' % (pad, guid("/".join(path + [name])), quoteattr(name), inner, pad)

sources, texts = [], {}
for d, (name, user, innovation, segments) in enumerate(DOCS):
    text, selections, position = "", [], 0
    for s, (segment, codes) in enumerate(segments):
        start = len(text); text += segment + "\n\n"; end = start + len(segment)
        codings = "".join('        <Coding guid="%s" creatingUser="%s"><CodeRef targetGUID="%s"/></Coding>\n'
                          % (guid("%d/%d/%s" % (d, s, c)), guid(user), guid(c)) for c in codes)
        selections.append('      <PlainTextSelection guid="%s" name="Segment %d" startPosition="%d" endPosition="%d" creatingUser="%s">\n%s      </PlainTextSelection>\n'
                          % (guid("sel/%d/%d" % (d, s)), s + 1, start, end, guid(user), codings))
    file = guid("doc/%d" % d) + ".txt"
    texts[file] = text
    doc_code = ('      <Coding guid="%s" creatingUser="%s"><CodeRef targetGUID="%s"/></Coding>\n' % (guid("doc-code/%d" % d), guid(user), guid(innovation))) if innovation else ""
    sources.append('    <TextSource guid="%s" name=%s plainTextPath="internal://%s">\n%s%s    </TextSource>\n'
                   % (guid("doc/%d" % d), quoteattr(name), file, doc_code, "".join(selections)))

project = ('<?xml version="1.0" encoding="utf-8"?>\n'
           '<Project xmlns="urn:QDA-XML:project:1.0" name="Krefeld interviews (example)" origin="weakties make_project.py">\n'
           '  <Users>\n' + "".join('    <User guid="%s" name="%s"/>\n' % (guid(u), u) for u in USERS) + '  </Users>\n'
           '  <CodeBook>\n    <Codes>\n' + "".join(code_xml(k, v, [], 3) for k, v in CODES.items()) + '    </Codes>\n  </CodeBook>\n'
           '  <Sources>\n' + "".join(sources) + '  </Sources>\n</Project>\n')

with zipfile.ZipFile("interviews.qdpx", "w", zipfile.ZIP_DEFLATED) as z:
    def add(name, data):
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)); info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    add("project.qde", project)
    for file, text in sorted(texts.items()):
        add("sources/" + file, text)
