#!/usr/bin/env python3
"""Metric kernels: WeakTies (release build) beside python-igraph, NetworKit and networkx on the same graphs.

Graphs (seeded, written to bench-out/): Barabási–Albert n = 10,000 and 20,000, m = 5; and the regional
model (innovations with 5–40 partners, a few very popular partners such as a city administration,
~30 % partner–partner ties; about 10,000 actors and 50,000 ties). Every library reads the same edge list.
Times are compute only (graph loading excluded), one thread unless a name says otherwise.
networkx betweenness and closeness on 10k nodes take minutes: they are estimated from a sample of
sources (k = 200) and scaled by n/k, marked "est.".

usage: compare_metrics.py   (environment: SIZES=10000,20000  PEERS=igraph,networkit,networkx)
"""
import json
import os
import random
import subprocess
import sys

from benchcommon import BENCH, OUT, venv

SIZES = [int(s) for s in os.environ.get("SIZES", "10000,20000").split(",")]
PEERS = os.environ.get("PEERS", "igraph,networkit,networkx").split(",")

PEER_SCRIPT = r'''
import json, sys, time
lib, path = sys.argv[1], sys.argv[2]
edges = [tuple(map(int, l.split())) for l in open(path)]
n = max(max(e) for e in edges) + 1
def t(f):
    s = time.perf_counter(); f(); return time.perf_counter() - s
out = {}
if lib == "igraph":
    import igraph as ig
    g = ig.Graph(n=n, edges=edges)
    out["betweenness_1_thread"] = t(lambda: g.betweenness(directed=False))
    out["closeness_harmonic_1_thread"] = t(lambda: (g.closeness(), g.harmonic_centrality()))
    out["pagerank"] = t(lambda: g.pagerank())
    out["constraint_effective_size"] = t(lambda: g.constraint())
    out["core_number"] = t(lambda: g.coreness())
    out["clustering"] = t(lambda: g.transitivity_local_undirected(mode="zero"))
elif lib == "networkit":
    import networkit as nk
    nk.setNumberOfThreads(1)
    g = nk.Graph(n)
    for u, v in edges: g.addEdge(u, v)
    out["betweenness_1_thread"] = t(lambda: nk.centrality.Betweenness(g).run())
    out["closeness_harmonic_1_thread"] = t(lambda: (nk.centrality.Closeness(g, False, nk.centrality.ClosenessVariant.Generalized).run(), nk.centrality.HarmonicCloseness(g, False).run()))
    out["pagerank"] = t(lambda: nk.centrality.PageRank(g, 0.85, 1e-12).run())
    out["core_number"] = t(lambda: nk.centrality.CoreDecomposition(g).run())
    out["clustering"] = t(lambda: nk.centrality.LocalClusteringCoefficient(g).run())
    nk.setNumberOfThreads(2)
    out["betweenness_2_threads"] = t(lambda: nk.centrality.Betweenness(g).run())
elif lib == "networkx":
    import networkx as nx
    g = nx.Graph(); g.add_nodes_from(range(n)); g.add_edges_from(edges)
    k = 200
    out["betweenness_1_thread (est.)"] = t(lambda: nx.betweenness_centrality(g, k=k, seed=1)) * n / k
    sample = list(range(0, n, max(1, n // k)))[:k]
    out["closeness_harmonic_1_thread (est.)"] = t(lambda: [(nx.closeness_centrality(g, u=v), nx.harmonic_centrality(g, nbunch=[v])) for v in sample]) * n / len(sample)
    out["pagerank"] = t(lambda: nx.pagerank(g, tol=1e-12))
    out["constraint_effective_size"] = t(lambda: (nx.constraint(g), nx.effective_size(g)))
    out["core_number"] = t(lambda: nx.core_number(g))
    out["clustering"] = t(lambda: nx.clustering(g))
    if n <= 4000:
        out["local_bridges"] = t(lambda: list(nx.local_bridges(g, with_span=True)))
print(json.dumps(out))
'''


def barabasi_albert(n, m, seed):
    rng = random.Random(seed)
    targets = list(range(m))
    repeated = []
    edges = []
    for source in range(m, n):
        for t in set(targets):
            edges.append((source, t))
        repeated.extend(targets)
        repeated.extend([source] * m)
        chosen = set()
        while len(chosen) < m:
            chosen.add(rng.choice(repeated))
        targets = list(chosen)
    return edges


def regional_model(seed, actors=10000, ties=50000):
    """Innovations with 5–40 partners each, a few very popular partners, ~30 % partner–partner ties."""
    rng = random.Random(seed)
    innovations = actors // 20
    partners = list(range(innovations, actors))
    popular = partners[:12]
    edges = set()
    innovation_ties = int(ties * 0.7)
    while len(edges) < innovation_ties:
        i = rng.randrange(innovations)
        for _ in range(rng.randint(5, 40)):
            p = rng.choice(popular) if rng.random() < 0.08 else rng.choice(partners)
            edges.add((i, p))
    while len(edges) < ties:
        a, b = rng.sample(partners, 2)
        if rng.random() < 0.2:
            a = rng.choice(popular)
        if a != b:
            edges.add((min(a, b), max(a, b)))
    # Keep ids dense: every actor appears (isolates are fine, but make the max id present).
    return sorted(edges)


def write(edges, path):
    with open(path, "w") as f:
        for u, v in edges:
            f.write(f"{u} {v}\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(BENCH):
        sys.exit("build first: swift build -c release --product weakties-bench")
    python = venv("graphs", "igraph", "networkit", "networkx")
    graphs = [(f"BA n={n} m=5", barabasi_albert(n, 5, 42)) for n in SIZES]
    graphs.append(("regional model", regional_model(7)))
    results = []
    for name, edges in graphs:
        path = os.path.join(OUT, name.replace(" ", "_").replace("=", "") + ".txt")
        write(edges, path)
        ours = {}
        for line in subprocess.run([BENCH, "metrics", path, "2"], capture_output=True, text=True, check=True).stdout.splitlines():
            item = json.loads(line)
            ours[item["measure"]] = item["seconds"]
        peers = {}
        for peer in PEERS:
            r = subprocess.run([python, "-c", PEER_SCRIPT, peer, path], capture_output=True, text=True)
            peers[peer] = json.loads(r.stdout) if r.returncode == 0 else {"error": r.stderr.strip()[-300:]}
        results.append({"graph": name, "edges": len(edges), "weakties": ours, "peers": peers})
        print(f"\n{name} ({len(edges)} edges)")
        for measure, t in ours.items():
            row = f"  {measure:32s} weakties {t:9.4f} s"
            for peer, values in peers.items():
                for key, value in values.items():
                    if key.split(" ")[0] == measure:
                        row += f" | {peer}{' est.' if 'est.' in key else ''} {value:9.4f} s ({t / value:5.2f}x)"
            print(row)
    with open(os.path.join(OUT, "metrics.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
