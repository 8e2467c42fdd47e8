#!/bin/sh
# Writes the seed corpus of `make fuzz` (Fuzz/corpus/<target>/): small valid files of every format,
# from the example study, so the fuzzer starts from inputs that reach deep into each reader.
# Run from the repository root after `swift build`: sh Fuzz/make_corpus.sh
set -eu
W=.build/debug/weakties
C=Fuzz/corpus
TMP=$(mktemp -d)
rm -rf "$C" && mkdir -p "$C"
for t in csv gephi-csv xlsx graphml gexf pajek dl json qda yaml; do mkdir -p "$C/$t"; done
# A small study: the example's first 12 mentions (with quoted, multi-line quotes) and its nodes.
head -n 13 Examples/krefeld-mg/ties.csv > "$C/csv/ties.csv"
printf 'source;target;strength;since\nA;"B ""b""";stark;2014\nB;C;2;\n' > "$C/csv/semicolon.csv"
cp Examples/krefeld-mg/attendees.csv "$C/csv/attendees.csv"
$W export "$C/csv/ties.csv" --output "$TMP/s.graphml" --quiet && cp "$TMP/s.graphml" "$C/graphml/"
$W export "$C/csv/ties.csv" --output "$TMP/s.gexf" --quiet --layout none && cp "$TMP/s.gexf" "$C/gexf/"
$W export "$C/csv/ties.csv" --output "$TMP/s.net" --quiet && cp "$TMP/s.net" "$C/pajek/"
$W export "$C/csv/ties.csv" --output "$TMP/s.paj" --quiet && cp "$TMP/s.paj" "$C/pajek/"
$W export "$C/csv/ties.csv" --output "$TMP/s.dl" --quiet && cp "$TMP/s.dl" "$TMP/s-attributes.dl" "$C/dl/"
printf 'dl n=3\nformat = fullmatrix\nlabels:\na,b,c\ndata:\n0 1 0\n1 0 1\n0 1 0\n' > "$C/dl/matrix.dl"
printf 'DL NR=2 NC=3\nFORMAT = FULLMATRIX\nROW LABELS:\nx y\nCOLUMN LABELS:\na b c\nDATA:\n1 0 1\n0 1 1\n' > "$C/dl/twomode.dl"
$W export "$C/csv/ties.csv" --output "$TMP/s.json" --quiet && cp "$TMP/s.json" "$C/json/"
$W export "$C/csv/ties.csv" --output "$TMP/s.csv" --format gephi-csv --quiet && cp "$TMP/s.csv" "$C/gephi-csv/edges.csv"
cp Tests/WeakTiesIOTests/Fixtures/xlsx/study.xlsx "$C/xlsx/"
cp Tests/WeakTiesIOTests/Fixtures/xlsx/real/libreoffice-nodes.xlsx "$C/xlsx/"
cp Tests/WeakTiesIOTests/Fixtures/xlsx/foreign/minimal_112.xlsx "$C/xlsx/"
cp Examples/qda-example/interviews.qdpx "$C/qda/"
cp Examples/qda-example/mapping.yaml "$C/yaml/"
rm -rf "$TMP"
