"""Writes study.xlsx, the workbook fixture of XLSXTests (run: python3 make_xlsx.py).

Two sheets, 'ties' and 'nodes', written part by part with the standard library only, so the
fixture exercises what Excel writes: shared strings (one with rich-text runs), an inline string,
a formula with a cached string result, numbers, a date-formatted number, booleans, a skipped
empty row and cells left out (sparse rows).
"""
import zipfile

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="ties" sheetId="1" r:id="rId1"/><sheet name="nodes" sheetId="2" r:id="rId2"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>"""
# 0 source 1 target 2 strength 3 quote 4 Repair-Café 5 Stadtwerke 6 stark 7 rich 8 coded_on 9 id 10 kind 11 innovation 12 partner 13 established
STRINGS = ["source", "target", "strength", "quote", "Repair-Café", "Stadtwerke", "stark", None, "coded_on", "id", "kind",
           "innovation", "partner", "established"]
def shared():
    items = []
    for s in STRINGS:
        if s is None:
            items.append('<si><r><t xml:space="preserve">Wir </t></r><r><rPr><b/></rPr><t>reden &amp; &lt;machen&gt;</t></r><rPh><t>x</t></rPh></si>')
        else:
            items.append("<si><t>%s</t></si>" % s)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(items), len(items))) + "".join(items) + "</sst>"
SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
TIES = SHEET % (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>8</v></c><c r="F1" t="inlineStr"><is><t>since</t></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c><c r="E2" s="1"><v>43525</v></c><c r="F2"><v>2019</v></c></row>'
    '<row r="3"></row>'
    '<row r="5"><c r="A5" t="s"><v>4</v></c><c r="B5" t="inlineStr"><is><t>Bürgerverein</t></is></c><c r="C5"><v>2</v></c><c r="E5" s="2"><v>43526.5</v></c><c r="F5" t="str"><f>2010+5</f><v>2015</v></c></row>'
)
NODES = SHEET % (
    '<row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1" t="s"><v>10</v></c><c r="C1" t="s"><v>13</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>11</v></c><c r="C2" t="b"><v>1</v></c></row>'
    '<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>12</v></c><c r="C3" t="b"><v>0</v></c></row>'
)
with zipfile.ZipFile("study.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
                       ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/styles.xml", STYLES),
                       ("xl/sharedStrings.xml", shared()), ("xl/worksheets/sheet1.xml", TIES), ("xl/worksheets/sheet2.xml", NODES)]:
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)
