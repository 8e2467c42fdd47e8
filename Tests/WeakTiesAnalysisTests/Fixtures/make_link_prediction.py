"""Writes link-prediction.json: networkx's link prediction scores on the example study.

Run from the repository root:  python3 Tests/WeakTiesAnalysisTests/Fixtures/make_link_prediction.py
Made with networkx 3.6.1 (`common_neighbors`, `jaccard_coefficient`, `adamic_adar_index`,
`resource_allocation_index`; networkx.algorithms.link_prediction, after Liben-Nowell & Kleinberg 2007).
The graph: every row of Examples/krefeld-mg/ties.csv is an undirected edge source–target (mentions of the
same pair fold into one edge, as WeakTies aggregates them); every id of nodes.csv is a node. Pairs: each
innovation (kind = innovation) with every non-innovation it has no tie to, for the first six innovations
by id.
"""
import csv, json, unicodedata
import networkx as nx

def norm(s):
    return unicodedata.normalize("NFC", s.strip())

G = nx.Graph()
kinds = {}
with open("Examples/krefeld-mg/nodes.csv", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        G.add_node(norm(row["id"]))
        kinds[norm(row["id"])] = row["kind"]
with open("Examples/krefeld-mg/ties.csv", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        G.add_edge(norm(row["source"]), norm(row["target"]))
innovations = sorted(v for v in G if kinds.get(v) == "innovation")[:6]
pairs = [(i, p) for i in innovations for p in sorted(G) if p != i and kinds.get(p) != "innovation" and not G.has_edge(i, p)]
jac = {(u, v): s for u, v, s in nx.jaccard_coefficient(G, pairs)}
aa = {(u, v): s for u, v, s in nx.adamic_adar_index(G, pairs)}
ra = {(u, v): s for u, v, s in nx.resource_allocation_index(G, pairs)}
out = {"networkx": nx.__version__, "pairs": [
    {"innovation": i, "partner": p, "common_neighbors": len(list(nx.common_neighbors(G, i, p))),
     "jaccard": jac[(i, p)], "adamic_adar": aa[(i, p)], "resource_allocation": ra[(i, p)]}
    for i, p in pairs]}
with open("Tests/WeakTiesAnalysisTests/Fixtures/link-prediction.json", "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=0, sort_keys=True)
    f.write("\n")
print(len(pairs), "pairs")
