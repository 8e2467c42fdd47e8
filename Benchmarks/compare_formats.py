#!/usr/bin/env python3
"""GraphML import benchmark: the whole `weakties validate FILE --quiet` beside networkx `read_graphml`, on
GraphML files of three (four) shapes:

  synthetic   seeded files with typed keys (node label/region/founded, edge strength/weight/interviews),
              N nodes and M edges per SIZES entry (as before);
  own-export  our own full export: a seeded Barabási–Albert tie table (OWN_NODES nodes, m = 5) with mention
              columns (interview, coder, quote, since, initiator, proximity_spatial, motive; 1–2 mentions
              per tie) made into GraphML by `weakties export TIES.csv --output own-export-N.graphml --quiet`
              (the per-tie summaries and every mention in mentions_json);
  yed         a foreign file shaped like yEd's GraphML: yEd's header, namespaces and 11 <key>s (incl.
              yfiles.type nodegraphics/edgegraphics/resources/portgraphics), per node url/description CDATA
              data and a y:ShapeNode (Geometry, Fill, BorderStyle, NodeLabel, Shape), per edge a
              y:PolyLineEdge (Path with some bends, LineStyle, Arrows, BendStyle), y:Resources at the end;
              FOREIGN_NODES nodes, about 5 edges per node, directed as yEd writes them;
  gephi       a foreign file shaped like Gephi's GraphML export: keys label, Edge Label, weight, r, g, b, x,
              y, size and statistics columns (Modularity Class, Degree, Betweenness Centrality, Eigenvector
              Centrality); FOREIGN_NODES nodes, about 5 edges per node, undirected.

Headline per file: `weakties validate FILE --quiet` (whole process: XML → NetworkTables → contract →
aggregation → graph → components), min and median of REPEAT (>= 3) runs, beside networkx's
`nx.read_graphml(FILE)` time measured inside its process (NX_REPEAT runs, default 1: it is slow), and that
networkx process's whole time (python start, import networkx, read, [write,] exit).
Ratio = networkx read / our whole-process min (target: >= 20).
Extras: round trip (import + export) `weakties export FILE --output OUT.graphml` (REPEAT runs) beside
networkx `write_graphml` in the same networkx process (NX_ROUNDTRIP=1, the default; its whole-process import
figure is then the process time minus its write), and the in-process read/write of `weakties-bench formats`.
Peak RSS is each process's maximum resident set size. Results: stdout and bench-out/formats.json (one row per
file, with a "shape" field).

Environment: SHAPES=synthetic,own-export,yed,gephi  SIZES="100000:500000,200000:1000000" (synthetic, nodes:edges)
OWN_NODES=100000  FOREIGN_NODES=100000  REPEAT=3  NX=1 (0 skips networkx)  NX_REPEAT=1  NX_ROUNDTRIP=1
"""
import json
import os
import random
import subprocess
import sys
import time

from benchcommon import BENCH, OUT, WEAKTIES, barabasi_albert, runs, summary

REPEAT = max(3, int(os.environ.get("REPEAT", "3")))
SHAPES = [s for s in os.environ.get("SHAPES", "synthetic,own-export,yed,gephi").split(",") if s]
SIZES = [tuple(int(x) for x in s.split(":")) for s in os.environ.get("SIZES", "100000:500000,200000:1000000").split(",")]
OWN_NODES = int(os.environ.get("OWN_NODES", "100000"))
FOREIGN_NODES = int(os.environ.get("FOREIGN_NODES", "100000"))
RUN_NX = os.environ.get("NX", "1") != "0"
NX_REPEAT = max(1, int(os.environ.get("NX_REPEAT", "1")))
NX_ROUNDTRIP = os.environ.get("NX_ROUNDTRIP", "1") != "0"

NX = r"""
import json, resource, sys, time
import networkx as nx
mode, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
t = time.perf_counter()
g = nx.read_graphml(path)
read = time.perf_counter() - t
write = 0.0
if mode == "roundtrip":
    t = time.perf_counter()
    nx.write_graphml(g, out)
    write = time.perf_counter() - t
print(json.dumps({"read_s": read, "write_s": write, "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "graph": type(g).__name__,
                  "version": nx.__version__}))
"""

REGIONS = ["Krefeld", "Mönchengladbach", "Viersen", "Neuss", "Kempen"]
PLACES = ["Krefeld", "Mönchengladbach", "Uerdingen", "Hüls", "Fischeln", "Oppum", "Rheydt", "Wickrath", "Odenkirchen",
          "Lürrip", "Eicken", "Holt", "Bockum", "Linn", "Gartenstadt", "Dülken", "Viersen", "Neuss", "Kempen", "Willich"]
KINDS = ["Repair-Café", "Fairteiler", "Sprachcafé", "Schulgarten", "Bürgerbus", "Lastenrad", "Nachbarschaftshilfe",
         "Stadtteilbüro", "Verein", "Stiftung", "Genossenschaft", "Diakonie", "Caritas", "Bäckerei", "Gärtnerei",
         "Förderverein", "Kulturzentrum", "Jugendtreff", "Sparkasse", "Stadtverwaltung"]


def generate_synthetic(path, n, m, seed=2026):
    """A seeded GraphML file: n nodes, m distinct undirected edges, preferential-ish endpoints."""
    if os.path.exists(path):
        return
    rng = random.Random(seed)
    seen = set()
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        f.write('  <key id="d0" for="node" attr.name="label" attr.type="string"/>\n')
        f.write('  <key id="d1" for="node" attr.name="region" attr.type="string"/>\n')
        f.write('  <key id="d2" for="node" attr.name="founded" attr.type="long"/>\n')
        f.write('  <key id="d3" for="edge" attr.name="strength" attr.type="string"/>\n')
        f.write('  <key id="d4" for="edge" attr.name="weight" attr.type="double"/>\n')
        f.write('  <key id="d5" for="edge" attr.name="interviews" attr.type="string"/>\n')
        f.write('  <graph id="G" edgedefault="undirected">\n')
        for v in range(n):
            f.write('    <node id="n%d"><data key="d0">Akteur &amp; Partner %d</data><data key="d1">%s</data><data key="d2">%d</data></node>\n'
                    % (v, v, REGIONS[v % 5], 1950 + v % 70))
        e = 0
        while e < m:
            a = rng.randrange(n)
            b = int(rng.random() ** 2 * n)
            if a == b or (min(a, b), max(a, b)) in seen:
                continue
            seen.add((min(a, b), max(a, b)))
            f.write('    <edge source="n%d" target="n%d"><data key="d3">%s</data><data key="d4">%.2f</data><data key="d5">KR-%02d</data></edge>\n'
                    % (a, b, "strong" if rng.random() < 0.4 else "weak", rng.random() * 5, rng.randrange(40)))
            e += 1
        f.write("  </graph>\n</graphml>\n")
    os.replace(tmp, path)


# --- own-export: a tie table with mention columns, exported by `weakties export` -------------------------

QUOTE_OPENERS = ["Die haben gesagt: \"Klar, macht mal.\"", "Ohne sie gäbe es uns nicht, ehrlich.", "Einmal im Jahr, sonst kaum.",
                 "Über die Nachbarin, die kannte jemanden.", "Wir teilen uns Räume, Werkzeug, Ideen.",
                 "Das war mühsam; drei Anträge, zwei Absagen.", "Gemeinsame Werte, gleiche Ziele – das passt.",
                 "Die Stadt hat vermittelt.", "Kennen uns vom Straßenfest.", "Sie kamen auf uns zu.",
                 "Wir haben einfach angerufen.", "Seit Jahren dabei, immer verlässlich."]
QUOTE_CLOSERS = ["Läuft gut.", "Mal mehr, mal weniger.", "Ohne Geld, aber mit Herz.", "Die Chemie stimmt.",
                 "Manchmal schwierig.", "Das hat sich so ergeben.", "", ""]
MOTIVES = ["räumliche Nähe", "gemeinsame Werte", "Fachwissen", "Räume, Werkzeug", "Fördergeld", "persönliches Engagement",
           "Zufall", "Sichtbarkeit, Presse"]
STRENGTHS = ["strong", "weak", "stark", "schwach", "1", "2", "3", "4", "5"]
INITIATORS = ["source", "target", "both", "third", "unknown", "innovation", "partner", "beide", "dritte", "unbekannt"]
PROXIMITY = ["low", "medium", "high", "niedrig", "mittel", "hoch", "1", "2", "3"]


def csv_field(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def generate_own_ties(path, n, seed=2027):
    """A seeded tie table: BA n nodes, m = 5, German actor names, 1–2 mentions per tie with mention columns."""
    rng = random.Random(seed)
    names = [f"{rng.choice(KINDS)} {rng.choice(PLACES)} {i}" for i in range(n)]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("source,target,strength,interview,coder,quote,since,initiator,proximity_spatial,motive\n")
        for u, v in barabasi_albert(n, 5, seed):
            interview = f"INT-{rng.randrange(max(1, n // 10)):05d}"
            since = rng.randint(1995, 2024)
            for coder in (["K1", "K2"] if rng.random() < 0.25 else [rng.choice(["K1", "K2"])]):
                quote = f"{rng.choice(QUOTE_OPENERS)} {rng.choice(QUOTE_CLOSERS)} (S. {rng.randint(1, 60)})".replace("  ", " ")
                a, b = (names[u], names[v]) if rng.random() < 0.5 else (names[v], names[u])
                f.write(",".join([csv_field(a), csv_field(b), rng.choice(STRENGTHS), interview, coder, csv_field(quote),
                                  str(since), rng.choice(INITIATORS), rng.choice(PROXIMITY), csv_field(rng.choice(MOTIVES))]) + "\n")
    os.replace(tmp, path)


# --- yed: shaped like yEd 3.x's GraphML (element shapes as in a real yEd file) ----------------------------

YED_HEADER = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:java="http://www.yworks.com/xml/yfiles-common/1.0/java" xmlns:sys="http://www.yworks.com/xml/yfiles-common/markup/primitives/2.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
  <!--Created by yEd 3.23.2-->
  <key attr.name="Description" attr.type="string" for="graph" id="d0"/>
  <key for="port" id="d1" yfiles.type="portgraphics"/>
  <key for="port" id="d2" yfiles.type="portgeometry"/>
  <key for="port" id="d3" yfiles.type="portuserdata"/>
  <key attr.name="url" attr.type="string" for="node" id="d4"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <key attr.name="url" attr.type="string" for="edge" id="d8"/>
  <key attr.name="description" attr.type="string" for="edge" id="d9"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <graph edgedefault="directed" id="G">
    <data key="d0" xml:space="preserve"/>
"""
YED_COLORS = ["#FFCC00", "#99CCFF", "#CCFFCC", "#FF9900", "#C0C0C0", "#FFFFFF"]
YED_SHAPES = ["rectangle", "roundrectangle", "ellipse", "hexagon", "diamond"]


def yed_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")


def foreign_edges(n, per_node, rng):
    """About PER_NODE * n distinct unordered pairs, preferential-ish endpoints (in a random order)."""
    seen = set()
    edges = []
    while len(edges) < per_node * n:
        a = rng.randrange(n)
        b = int(rng.random() ** 2 * n)
        if a == b or (min(a, b), max(a, b)) in seen:
            continue
        seen.add((min(a, b), max(a, b)))
        edges.append((a, b))
    return edges


def generate_yed(path, n, seed=2028):
    rng = random.Random(seed)
    xs = [round(rng.uniform(-5000, 5000), rng.choice([1, 8, 14])) for _ in range(n)]
    ys = [round(rng.uniform(-5000, 5000), rng.choice([1, 8, 14])) for _ in range(n)]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(YED_HEADER)
        for v in range(n):
            label = yed_text(f"{rng.choice(KINDS)} {rng.choice(PLACES)} {v}" + (" & Partner" if v % 17 == 0 else ""))
            width = 7.0 * len(label) + rng.random()
            f.write(f'    <node id="n{v}">\n')
            if rng.random() < 0.3:
                f.write(f'      <data key="d4" xml:space="preserve"><![CDATA[https://www.example-{rng.choice(PLACES).lower()}.de/projekte/{v}]]></data>\n')
                f.write(f'      <data key="d5" xml:space="preserve"><![CDATA[{rng.choice(QUOTE_OPENERS)} <Projekt {v}>]]></data>\n')
            else:
                f.write('      <data key="d5"/>\n')
            f.write('      <data key="d6">\n        <y:ShapeNode>\n'
                    f'          <y:Geometry height="30.0" width="{max(30.0, width + 8):.1f}" x="{xs[v]}" y="{ys[v]}"/>\n'
                    f'          <y:Fill color="{rng.choice(YED_COLORS)}" transparent="false"/>\n'
                    '          <y:BorderStyle color="#000000" raised="false" type="line" width="1.0"/>\n'
                    '          <y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="plain"'
                    ' hasBackgroundColor="false" hasLineColor="false" height="18.701171875" horizontalTextPosition="center" iconTextGap="4"'
                    ' modelName="internal" modelPosition="c" textColor="#000000" verticalTextPosition="bottom" visible="true"'
                    f' width="{width}" x="{rng.uniform(-8, 0)}" xml:space="preserve" y="5.6494140625">{label}</y:NodeLabel>\n'
                    f'          <y:Shape type="{rng.choice(YED_SHAPES)}"/>\n'
                    '        </y:ShapeNode>\n      </data>\n    </node>\n')
        for e, (a, b) in enumerate(foreign_edges(n, 5, rng)):
            f.write(f'    <edge id="e{e}" source="n{a}" target="n{b}">\n')
            if rng.random() < 0.1:
                f.write(f'      <data key="d8" xml:space="preserve"><![CDATA[https://de.wikipedia.org/wiki/{rng.choice(PLACES)}]]></data>\n')
                f.write(f'      <data key="d9" xml:space="preserve"><![CDATA[Kontakt\tseit {rng.randint(1995, 2024)}]]></data>\n')
            else:
                f.write('      <data key="d9"/>\n')
            f.write('      <data key="d10">\n        <y:PolyLineEdge>\n')
            if rng.random() < 0.2:
                f.write(f'          <y:Path sx="{rng.choice(["0.0", "10.0", "-10.0"])}" sy="15.0" tx="0.0" ty="-15.0">\n'
                        f'            <y:Point x="{xs[a]}" y="{rng.uniform(-5000, 5000)}"/>\n'
                        f'            <y:Point x="{xs[b]}" y="{rng.uniform(-5000, 5000)}"/>\n'
                        '          </y:Path>\n')
            else:
                f.write('          <y:Path sx="0.0" sy="0.0" tx="0.0" ty="0.0"/>\n')
            f.write('          <y:LineStyle color="#000000" type="line" width="1.0"/>\n'
                    '          <y:Arrows source="none" target="standard"/>\n'
                    '          <y:BendStyle smoothed="false"/>\n'
                    '        </y:PolyLineEdge>\n      </data>\n    </edge>\n')
        f.write('  </graph>\n  <data key="d7">\n    <y:Resources/>\n  </data>\n</graphml>\n')
    os.replace(tmp, path)


# --- gephi: shaped like Gephi's GraphML export (ExporterGraphML: keys, then per node label, columns, size,
# r, g, b, x, y; per edge weight and columns; Java's transformer indents by 4) ----------------------------

GEPHI_KEYS = [("label", "label", "string", "node"), ("edgelabel", "Edge Label", "string", "edge"),
              ("weight", "weight", "double", "edge"), ("r", "r", "int", "node"), ("g", "g", "int", "node"),
              ("b", "b", "int", "node"), ("x", "x", "float", "node"), ("y", "y", "float", "node"),
              ("size", "size", "float", "node"), ("modularity_class", "Modularity Class", "int", "node"),
              ("degree", "Degree", "int", "node"), ("betweenesscentrality", "Betweenness Centrality", "double", "node"),
              ("eigencentrality", "Eigenvector Centrality", "double", "node")]
GEPHI_PALETTE = [(91, 91, 245), (245, 91, 91), (91, 245, 91), (245, 91, 245), (91, 245, 245), (245, 245, 91),
                 (196, 118, 45), (128, 128, 128)]


def generate_gephi(path, n, seed=2029):
    rng = random.Random(seed)
    edges = foreign_edges(n, 5, rng)
    degree = [0] * n
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8" standalone="no"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for key, name, kind, domain in GEPHI_KEYS:
            f.write(f'    <key attr.name="{name}" attr.type="{kind}" for="{domain}" id="{key}"/>\n')
        f.write('    <graph edgedefault="undirected">\n')
        for v in range(n):
            community = rng.randrange(len(GEPHI_PALETTE))
            r, g, b = GEPHI_PALETTE[community]
            label = yed_text(f"{rng.choice(KINDS)} {rng.choice(PLACES)} {v}")
            f.write(f'        <node id="{v}">\n'
                    f'            <data key="label">{label}</data>\n'
                    f'            <data key="modularity_class">{community}</data>\n'
                    f'            <data key="degree">{degree[v]}</data>\n'
                    f'            <data key="betweenesscentrality">{rng.random() * degree[v] * 1000.0!r}</data>\n'
                    f'            <data key="eigencentrality">{rng.random()!r}</data>\n'
                    f'            <data key="size">{round(4.0 + degree[v] * 0.25, 6)!r}</data>\n'
                    f'            <data key="r">{r}</data>\n            <data key="g">{g}</data>\n            <data key="b">{b}</data>\n'
                    f'            <data key="x">{round(rng.uniform(-3000, 3000), 5)!r}</data>\n'
                    f'            <data key="y">{round(rng.uniform(-3000, 3000), 5)!r}</data>\n'
                    '        </node>\n')
        for e, (a, b) in enumerate(edges):
            f.write(f'        <edge id="{e}" source="{a}" target="{b}">\n')
            if rng.random() < 0.05:
                f.write(f'            <data key="edgelabel">{rng.choice(MOTIVES)}</data>\n')
            f.write(f'            <data key="weight">{rng.choice(["1.0", "1.0", "1.0", "2.0", "3.0"])}</data>\n'
                    '        </edge>\n')
        f.write('    </graph>\n</graphml>\n')
    os.replace(tmp, path)


# --- measuring --------------------------------------------------------------------------------------------

def files():
    """(shape, path, how it was made) for every file of SHAPES, generated (or exported) on the way."""
    for shape in SHAPES:
        t = time.perf_counter()
        if shape == "synthetic":
            for n, m in SIZES:
                path = os.path.join(OUT, "graph-%d-%d.graphml" % (n, m))
                generate_synthetic(path, n, m)
                yield shape, path, {"nodes": n, "edges": m, "generated_s": round(time.perf_counter() - t, 2)}
                t = time.perf_counter()
        elif shape == "own-export":
            ties = os.path.join(OUT, "own-ties-%d.csv" % OWN_NODES)
            generate_own_ties(ties, OWN_NODES)
            generated = time.perf_counter() - t
            path = os.path.join(OUT, "own-export-%d.graphml" % OWN_NODES)
            # Exported afresh every run, so the file is what this binary writes.
            argv = [WEAKTIES, "export", ties, "--output", path, "--quiet"]
            exported = runs(argv, 1)[0]
            yield shape, path, {"ties_csv": os.path.basename(ties), "ties_csv_bytes": os.path.getsize(ties),
                                "generated_s": round(generated, 2), "export_argv": "weakties export %s --output %s --quiet"
                                % (os.path.basename(ties), os.path.basename(path)), "export_s": round(exported[0], 3),
                                "export_rss_mb": round(exported[1] / 1024, 1)}
        elif shape in ("yed", "gephi"):
            path = os.path.join(OUT, "%s-style-%d.graphml" % (shape, FOREIGN_NODES))
            (generate_yed if shape == "yed" else generate_gephi)(path, FOREIGN_NODES)
            yield shape, path, {"generated_s": round(time.perf_counter() - t, 2)}
        else:
            raise SystemExit("unknown shape %r (SHAPES: synthetic, own-export, yed, gephi)" % shape)


def networkx_runs(path):
    """NX_REPEAT networkx processes on PATH: read (and write) inside, and the whole process from outside."""
    measured = []
    for _ in range(NX_REPEAT):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", NX, "roundtrip" if NX_ROUNDTRIP else "read", path,
                            os.path.join(OUT, "roundtrip-networkx.graphml")], capture_output=True, text=True)
        whole = time.perf_counter() - t
        if r.returncode != 0:
            return {"error": r.stderr.strip()[-500:]}
        out = json.loads(r.stdout)
        out["whole_process_s"] = whole
        measured.append(out)
    first = measured[0]
    result = {"version": first["version"], "nodes": first["nodes"], "edges": first["edges"], "graph_type": first["graph"],
              "read": summary([m["read_s"] for m in measured]),
              "whole_process": summary([m["whole_process_s"] for m in measured], [m["rss_kb"] for m in measured]),
              "whole_process_includes_write": NX_ROUNDTRIP}
    if NX_ROUNDTRIP:
        result["write"] = summary([m["write_s"] for m in measured])
        result["whole_process_import"] = summary([m["whole_process_s"] - m["write_s"] for m in measured])
    else:
        result["whole_process_import"] = result["whole_process"]
    return result


def main():
    for binary, product in ((WEAKTIES, "weakties"), (BENCH, "weakties-bench")):
        if not os.path.exists(binary):
            raise SystemExit(f"build first: swift build -c release --product {product}")
    os.makedirs(OUT, exist_ok=True)
    results = []
    for shape, path, made in files():
        size = os.path.getsize(path)
        # First check that it is accepted at all, and what it holds.
        check = subprocess.run([WEAKTIES, "validate", path, "--json"], capture_output=True, text=True)
        if check.returncode != 0:
            print(f"{shape}: weakties validate refused {path} (exit {check.returncode}):\n{check.stderr.strip()[-2000:]}", flush=True)
            results.append({"shape": shape, "file": os.path.basename(path), "bytes": size, **made,
                            "weakties_error": check.stderr.strip()[-2000:]})
            continue
        counts = json.loads(check.stdout)
        print(f"\n{shape}: {os.path.basename(path)}, {size / 1e6:.1f} MB: {counts['nodes']} actors, {counts['ties']} ties,"
              f" {counts['mentions']} mentions" + (f" (made in {made['generated_s']} s" + (f", exported in {made['export_s']} s" if "export_s" in made else "") + ")"), flush=True)
        row = {"shape": shape, "file": os.path.basename(path), "bytes": size, **made,
               "actors": counts["nodes"], "ties": counts["ties"], "mentions": counts["mentions"], "notices": counts["notices"]}
        measured = runs([WEAKTIES, "validate", path, "--quiet"], REPEAT)
        row["weakties_validate"] = summary([t for t, _ in measured], [r for _, r in measured])
        ours = row["weakties_validate"]
        print(f"  weakties validate --quiet   min {ours['min_s']:8.3f}  median {ours['median_s']:8.3f} s  {ours['peak_rss_mb']:7.1f} MB"
              f"  ({REPEAT} whole processes)", flush=True)
        if RUN_NX:
            nx_result = networkx_runs(path)
            row["networkx"] = nx_result
            if "error" in nx_result:
                print("  networkx failed: " + nx_result["error"], flush=True)
            else:
                read, whole = nx_result["read"], nx_result["whole_process_import"]
                row["ratio_networkx_read_to_weakties_min"] = round(read["min_s"] / ours["min_s"], 2)
                row["ratio_networkx_whole_import_to_weakties_min"] = round(whole["min_s"] / ours["min_s"], 2)
                print(f"  networkx {nx_result['version']} read_graphml  min {read['min_s']:8.3f}  median {read['median_s']:8.3f} s"
                      f"  whole process (import) {whole['min_s']:8.3f} s  {nx_result['whole_process']['peak_rss_mb']:7.1f} MB"
                      f"  ({NX_REPEAT} run{'s' if NX_REPEAT > 1 else ''}; {nx_result['nodes']} nodes, {nx_result['edges']} edges,"
                      f" {nx_result['graph_type']})", flush=True)
                q = row["ratio_networkx_read_to_weakties_min"]
                print(f"  ratio networkx read / weakties whole-process min = {q:.1f}x (target >= 20: {'met' if q >= 20 else 'not met'});"
                      f" networkx whole process / ours = {row['ratio_networkx_whole_import_to_weakties_min']:.1f}x", flush=True)
        # Extras: round trip (import + export) and the in-process read/write.
        out = os.path.join(OUT, "roundtrip-weakties.graphml")
        measured = runs([WEAKTIES, "export", path, "--quiet", "--output", out], REPEAT)
        extra = {"weakties_roundtrip": summary([t for t, _ in measured], [r for _, r in measured])}
        if RUN_NX and "error" not in row["networkx"] and NX_ROUNDTRIP:
            nx_result = row["networkx"]
            extra["networkx_roundtrip_s"] = round(nx_result["read"]["min_s"] + nx_result["write"]["min_s"], 3)
            extra["ratio_roundtrip"] = round(extra["networkx_roundtrip_s"] / extra["weakties_roundtrip"]["min_s"], 2)
        inproc = subprocess.run([BENCH, "formats", path, str(REPEAT)], capture_output=True, text=True)
        records = [json.loads(line) for line in inproc.stdout.splitlines() if line.startswith("{")]
        if inproc.returncode != 0 or not records:
            extra["inprocess_error"] = (inproc.stderr or inproc.stdout).strip()[-300:] or "exit %d" % inproc.returncode
        for record in records:
            extra["inprocess_" + record["measure"] + "_s"] = record["seconds"]
        row["extra"] = extra
        text = f"  extra: weakties export (import + export) min {extra['weakties_roundtrip']['min_s']:.3f} s"
        if "networkx_roundtrip_s" in extra:
            text += f", networkx read + write {extra['networkx_roundtrip_s']:.3f} s ({extra['ratio_roundtrip']:.1f}x)"
        if "inprocess_error" in extra:
            text += "; weakties-bench formats failed: " + extra["inprocess_error"].splitlines()[-1]
        else:
            text += "; in process: read %.3f s, write %.3f s (streamed %.3f s)" % (
                extra.get("inprocess_graphml_read_s", float("nan")), extra.get("inprocess_graphml_write_s", float("nan")),
                extra.get("inprocess_graphml_write_streamed_s", float("nan")))
        print(text, flush=True)
        results.append(row)
    print("\nGraphML import, whole `weakties validate FILE --quiet` (min / median of %d) beside networkx read_graphml" % REPEAT)
    print(f"  {'shape':11s} {'file':34s} {'MB':>7s} {'actors':>8s} {'ties':>8s} {'weakties s':>17s} {'networkx read s':>17s} {'nx whole s':>10s} {'ratio':>7s}")
    for row in results:
        if "weakties_validate" not in row:
            print(f"  {row['shape']:11s} {row['file']:34s} refused by weakties validate")
            continue
        w = row["weakties_validate"]
        line = f"  {row['shape']:11s} {row['file']:34s} {row['bytes'] / 1e6:7.1f} {row['actors']:8d} {row['ties']:8d} {w['min_s']:8.3f}/{w['median_s']:8.3f}"
        nx_result = row.get("networkx")
        if nx_result and "error" not in nx_result:
            line += (f" {nx_result['read']['min_s']:8.3f}/{nx_result['read']['median_s']:8.3f} {nx_result['whole_process_import']['min_s']:10.3f}"
                     f" {row['ratio_networkx_read_to_weakties_min']:6.1f}x")
        print(line)
    with open(os.path.join(OUT, "formats.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
