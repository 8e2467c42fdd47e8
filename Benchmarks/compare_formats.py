#!/usr/bin/env python3
"""GraphML benchmark: weakties beside networkx read_graphml / write_graphml on the same files.

Writes seeded GraphML files (streamed, typed keys: node label/region/founded, edge strength/weight/
interviews) with N nodes and M edges, then times, best of REPEAT (networkx once on the largest file):
  - import:  `weakties validate FILE --quiet` (whole process: XML → NetworkTables → contract →
             aggregation → graph → components) vs `nx.read_graphml(FILE)`,
  - round trip (import + export): `weakties export FILE --output OUT.graphml` vs
             `nx.write_graphml(nx.read_graphml(FILE), OUT)`,
  - in process: `weakties-bench formats FILE` (GraphML read and write without process start; the
    write as one String and streamed in 1 MiB pieces, as `weakties export` writes it).
Peak RSS is each process's maximum resident set size. Results go to stdout and bench-out/formats.json.

Environment: SIZES="100000:500000,200000:1000000" (nodes:edges), REPEAT=3, NX=1 (0 skips networkx).
"""
import json
import os
import random
import subprocess
import sys
import time

from benchcommon import BENCH, OUT, WEAKTIES, timed
REPEAT = int(os.environ.get("REPEAT", "3"))
SIZES = [tuple(int(x) for x in s.split(":")) for s in os.environ.get("SIZES", "100000:500000,200000:1000000").split(",")]
RUN_NX = os.environ.get("NX", "1") != "0"

NX = r"""
import resource, sys, time
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
print(read, write, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, g.number_of_nodes(), g.number_of_edges(), nx.__version__)
"""


def generate(path, n, m, seed=2026):
    """A seeded GraphML file: n nodes, m distinct undirected edges, preferential-ish endpoints."""
    if os.path.exists(path):
        return
    rng = random.Random(seed)
    regions = ["Krefeld", "Mönchengladbach", "Viersen", "Neuss", "Kempen"]
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
                    % (v, v, regions[v % 5], 1950 + v % 70))
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


def main():
    for binary in (WEAKTIES, BENCH):
        if not os.path.exists(binary):
            raise SystemExit("build first: swift build -c release --product weakties && swift build -c release --product weakties-bench")
    os.makedirs(OUT, exist_ok=True)
    results = []
    for n, m in SIZES:
        path = os.path.join(OUT, "graph-%d-%d.graphml" % (n, m))
        t = time.perf_counter()
        generate(path, n, m)
        size = os.path.getsize(path)
        print("%s: %d nodes, %d edges, %.1f MB (generated in %.1f s)" % (os.path.basename(path), n, m, size / 1e6, time.perf_counter() - t), flush=True)
        row = {"nodes": n, "edges": m, "bytes": size}
        row["weakties_import_s"], row["weakties_import_rss_kb"] = timed([WEAKTIES, "validate", path, "--quiet"], REPEAT)
        out = os.path.join(OUT, "roundtrip-weakties.graphml")
        row["weakties_roundtrip_s"], row["weakties_roundtrip_rss_kb"] = timed([WEAKTIES, "export", path, "--quiet", "--output", out], REPEAT)
        inproc = subprocess.run([BENCH, "formats", path, str(REPEAT)], capture_output=True, text=True, check=True).stdout.split("\n")
        for line in filter(None, inproc):
            record = json.loads(line)
            row["inprocess_" + record["measure"] + "_s"] = record["seconds"]
        print("  weakties: import %.2f s (%.0f MB peak), import+export %.2f s (%.0f MB peak); in process: read %.2f s, write %.2f s"
              " (streamed %.2f s)"
              % (row["weakties_import_s"], row["weakties_import_rss_kb"] / 1024, row["weakties_roundtrip_s"],
                 row["weakties_roundtrip_rss_kb"] / 1024, row["inprocess_graphml_read_s"], row["inprocess_graphml_write_s"],
                 row["inprocess_graphml_write_streamed_s"]), flush=True)
        if RUN_NX:
            nx_out = subprocess.run([sys.executable, "-c", NX, "roundtrip", path, os.path.join(OUT, "roundtrip-networkx.graphml")],
                                    capture_output=True, text=True, check=True).stdout.split()
            read, write, rss = float(nx_out[0]), float(nx_out[1]), int(nx_out[2])
            assert int(nx_out[3]) == n and int(nx_out[4]) == m, nx_out
            row.update({"networkx_version": nx_out[5], "networkx_read_s": read, "networkx_write_s": write,
                        "networkx_roundtrip_s": read + write, "networkx_rss_kb": rss})
            row["ratio_import"] = read / row["weakties_import_s"]
            row["ratio_roundtrip"] = (read + write) / row["weakties_roundtrip_s"]
            print("  networkx %s: read %.2f s, write %.2f s (%.0f MB peak) -> weakties is %.1fx faster on import, %.1fx on import+export"
                  % (nx_out[5], read, write, rss / 1024, row["ratio_import"], row["ratio_roundtrip"]), flush=True)
        results.append(row)
    with open(os.path.join(OUT, "formats.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
