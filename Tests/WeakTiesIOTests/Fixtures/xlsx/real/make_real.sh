#!/bin/sh
# Writes the workbooks in this folder with the programs researchers use, from the example study
# (Examples/krefeld-mg/ties.csv and nodes.csv). Run from this folder: sh make_real.sh
# Made on 2026-12-03 with LibreOffice 7.4.7.2 (Debian bookworm, apt-get install libreoffice-calc),
# Python 3.11.7, openpyxl 3.1.5 and pandas 3.1.1 (PyPI). XLSXRealWriterTests reads each one and
# checks that it gives exactly the CSV's study.
set -eu
EX=../../../../../Examples/krefeld-mg
TMP=$(mktemp -d)
cp "$EX/ties.csv" "$EX/nodes.csv" "$TMP/"

# 1. LibreOffice Calc: each CSV opened (comma, double quote, UTF-8, from row 1; LibreOffice's
#    defaults otherwise: plain numbers become numbers) and saved as "Excel 2007-365".
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$TMP" "$TMP/ties.csv" "$TMP/nodes.csv" >/dev/null
cp "$TMP/ties.xlsx" libreoffice-ties.xlsx
cp "$TMP/nodes.xlsx" libreoffice-nodes.xlsx

# 2. openpyxl: one workbook with the sheets 'ties' and 'nodes'; whole numbers written as numbers,
#    everything else as text (the way a script that types its cells would write them).
# 3. pandas: read_csv (its type inference: years with gaps become floats) and DataFrame.to_excel
#    of both tables into one workbook (engine openpyxl, no index).
python3 - "$TMP" <<'PY'
import csv, sys
import openpyxl, pandas
tmp = sys.argv[1]
book = openpyxl.Workbook()
book.remove(book.active)
for name in ("ties", "nodes"):
    sheet = book.create_sheet(name)
    with open(f"{tmp}/{name}.csv", encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            sheet.append([int(c) if c.isdigit() and not c.startswith("0") else (c if c != "" else None) for c in row])
book.save("openpyxl-study.xlsx")
with pandas.ExcelWriter("pandas-study.xlsx", engine="openpyxl") as writer:
    for name in ("ties", "nodes"):
        pandas.read_csv(f"{tmp}/{name}.csv").to_excel(writer, sheet_name=name, index=False)
PY

# 4. LibreOffice re-saving a two-sheet workbook (the openpyxl one): what a researcher gets after
#    opening a colleague's workbook in Calc and saving it. LibreOffice writes its own styles
#    (custom number format 164 = "General") and shared strings.
mkdir "$TMP/resave"
cp openpyxl-study.xlsx "$TMP/resave/libreoffice-resaved-study.xlsx"
soffice --headless --convert-to xlsx --outdir "$TMP" "$TMP/resave/libreoffice-resaved-study.xlsx" >/dev/null
cp "$TMP/libreoffice-resaved-study.xlsx" libreoffice-resaved-study.xlsx
rm -rf "$TMP"
