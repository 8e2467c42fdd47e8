#!/usr/bin/env python3
"""Metric kernels: the whole `weakties metrics` command beside python-igraph, plus in-process extras.

Graphs (seeded; each written to bench-out/ as an edge list `u v` for the in-process runs and as a tie
table CSV `source,target,strength`, ids like `a17`, a seeded strong/weak mix): Barabási–Albert
n = 10,000 and 20,000, m = 5; and the regional model (innovations with 5–40 partners, a few very popular
partners such as a city administration, ~30 % partner–partner ties; about 10,000 actors and 50,000 ties).

Headline: whole processes, min and median of REPEAT (>= 3) runs, peak RSS:
  - `weakties metrics TIES.csv --metrics betweenness --threads 1 --quiet --output OUT.csv` (CSV output
    is the actor table only, so no edge betweenness is computed), the same with `--threads 2`, and
    `--metrics closeness,harmonic --threads 1`;
  - python-igraph's compute time, REPEAT times in one process with the graph loaded once:
    `g.betweenness(directed=False)`, and `g.closeness()` + `g.harmonic_centrality()`;
  - python-igraph's whole process as a user would script it (python start, read the tie table, build
    the graph, compute, write a CSV of the scores), REPEAT times.
  Ratio = our whole-process min / igraph's compute min (the issue's target for exact betweenness on one
  thread: <= 0.8, then <= 0.5); also our median / igraph's compute median and our min / igraph's
  whole-process min. Our betweenness is checked against igraph's (largest relative difference).
Extras, in process (compute only, graph loading excluded; one thread unless a name says otherwise):
  `weakties-bench metrics EDGES 2` beside python-igraph, NetworKit and networkx. networkx betweenness
  and closeness on 10k nodes take minutes: they are estimated from a sample of sources (k = 200) and
  scaled by n/k, marked "est.".

usage: compare_metrics.py   (environment: SIZES=10000,20000  REPEAT=3  PEERS=igraph,networkit,networkx
                             REGIONAL=10000:50000 (actors:ties of the regional model, 0 leaves it out))
Results: stdout and bench-out/metrics.json (per graph: "whole_process" = the headline; "extra_in_process").
"""
import csv
import json
import os
import random
import subprocess
import sys

from benchcommon import BENCH, OUT, WEAKTIES, barabasi_albert, runs, summary, venv_or_system

SIZES = [int(s) for s in os.environ.get("SIZES", "10000,20000").split(",")]
PEERS = [p for p in os.environ.get("PEERS", "igraph,networkit,networkx").split(",") if p]
REPEAT = max(3, int(os.environ.get("REPEAT", "3")))
REGIONAL = os.environ.get("REGIONAL", "10000:50000")  # actors:ties of the regional model; 0 leaves it out

# Extras: compute only, on the edge list. For igraph, betweenness and closeness + harmonic are timed
# REPEAT times (graph loaded once): the headline's compute figures.
PEER_SCRIPT = r'''
import json, sys, time
lib, path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
edges = [tuple(map(int, l.split())) for l in open(path)]
n = max(max(e) for e in edges) + 1
def t(f):
    s = time.perf_counter(); f(); return time.perf_counter() - s
out = {}
if lib == "igraph":
    import igraph as ig
    g = ig.Graph(n=n, edges=edges)
    out["runs"] = {"betweenness_1_thread": [t(lambda: g.betweenness(directed=False)) for _ in range(repeat)],
                   "closeness_harmonic_1_thread": [t(lambda: (g.closeness(), g.harmonic_centrality())) for _ in range(repeat)]}
    out["betweenness_1_thread"] = min(out["runs"]["betweenness_1_thread"])
    out["closeness_harmonic_1_thread"] = min(out["runs"]["closeness_harmonic_1_thread"])
    out["pagerank"] = t(lambda: g.pagerank())
    out["constraint_effective_size"] = t(lambda: g.constraint())
    out["core_number"] = t(lambda: g.coreness())
    out["clustering"] = t(lambda: g.transitivity_local_undirected(mode="zero"))
    out["version"] = ig.__version__
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
    out["version"] = nk.__version__
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
    out["version"] = nx.__version__
print(json.dumps(out))
'''

# igraph's whole process, as a user would script it: read the same tie table, build, compute, write a CSV.
IGRAPH_WHOLE = r'''
import csv, sys
import igraph as ig
measure, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    next(rows)
    g = ig.Graph.TupleList(((r[0], r[1]) for r in rows), directed=False)
if measure == "betweenness":
    columns = {"betweenness": g.betweenness(directed=False)}
else:
    columns = {"closeness": g.closeness(), "harmonic": g.harmonic_centrality()}
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id"] + list(columns))
    for i, name in enumerate(g.vs["name"]):
        w.writerow([name] + [repr(c[i]) for c in columns.values()])
'''

# (label, extra arguments of `weakties metrics`, igraph measure or None)
OURS = [
    ("betweenness_1_thread", ["--metrics", "betweenness", "--threads", "1"], "betweenness"),
    ("betweenness_2_threads", ["--metrics", "betweenness", "--threads", "2"], "betweenness"),
    ("closeness_harmonic_1_thread", ["--metrics", "closeness,harmonic", "--threads", "1"], "closeness_harmonic"),
]


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


def write_ties(edges, path, seed=11):
    """The tie table a user would give `weakties metrics`: ids a0, a1, …; a seeded mix of strong and weak."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("source,target,strength\n")
        for u, v in edges:
            f.write(f"a{u},a{v},{'strong' if rng.random() < 0.4 else 'weak'}\n")


def read_column(path, column):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"]: float(row[column]) for row in csv.DictReader(f) if row[column] != ""}


def largest_relative_difference(ours, theirs):
    """max |a - b| / max(1, |b|) over the ids of THEIRS (ids missing from OURS count as infinitely far)."""
    worst = 0.0
    for key, b in theirs.items():
        a = ours.get(key)
        worst = max(worst, float("inf") if a is None else abs(a - b) / max(1.0, abs(b)))
    return worst


def ratio(a, b):
    return round(a / b, 3) if b else None


def whole_process(name, edges, ties, python):
    """The headline of one graph: whole `weakties metrics` runs beside igraph (compute and whole process)."""
    stem = os.path.splitext(ties)[0]
    ours = {}
    for label, args, _ in OURS:
        argv = [WEAKTIES, "metrics", ties] + args + ["--quiet", "--output", f"{stem}-{label}.csv"]
        measured = runs(argv, REPEAT)
        ours[label] = summary([t for t, _ in measured], [r for _, r in measured])
        ours[label]["argv"] = " ".join(["weakties"] + argv[1:]).replace(OUT + os.sep, "bench-out/")
        print(f"  weakties {label:28s} min {ours[label]['min_s']:8.3f}  median {ours[label]['median_s']:8.3f} s"
              f"  {ours[label]['peak_rss_mb']:7.1f} MB", flush=True)
    result = {"repeat": REPEAT, "weakties": ours}
    if "igraph" not in PEERS:
        return result, None
    r = subprocess.run([python, "-c", PEER_SCRIPT, "igraph", edges, str(REPEAT)], capture_output=True, text=True)
    if r.returncode != 0:
        result["igraph"] = {"error": r.stderr.strip()[-300:]}
        return result, None
    extras = json.loads(r.stdout)
    compute = {label: summary(times) for label, times in extras.pop("runs").items()}
    whole = {}
    for measure in ("betweenness", "closeness_harmonic"):
        label = measure + "_1_thread"
        measured = runs([python, "-c", IGRAPH_WHOLE, measure, ties, f"{stem}-igraph-{measure}.csv"], REPEAT)
        whole[label] = summary([t for t, _ in measured], [r for _, r in measured])
    result["igraph"] = {"version": extras.get("version"), "compute": compute, "whole_process": whole}
    ratios = {}
    for label, _, measure in OURS:
        peer = measure + "_1_thread"
        ratios[label] = {
            "min_to_igraph_compute_min": ratio(ours[label]["min_s"], compute[peer]["min_s"]),
            "median_to_igraph_compute_median": ratio(ours[label]["median_s"], compute[peer]["median_s"]),
            "min_to_igraph_whole_process_min": ratio(ours[label]["min_s"], whole[peer]["min_s"]),
        }
    result["ratios"] = ratios
    result["target"] = "betweenness_1_thread min_to_igraph_compute_min <= 0.8, then <= 0.5"
    theirs = read_column(f"{stem}-igraph-betweenness.csv", "betweenness")
    result["betweenness_largest_relative_difference"] = {
        label: largest_relative_difference(read_column(f"{stem}-{label}.csv", "betweenness"), theirs)
        for label in ("betweenness_1_thread", "betweenness_2_threads")}
    # Closeness as igraph's (reachable actors); our harmonic is the sum of 1/d, igraph's divides it by n - 1.
    theirs = read_column(f"{stem}-igraph-closeness_harmonic.csv", "closeness")
    ours_closeness = read_column(f"{stem}-closeness_harmonic_1_thread.csv", "closeness")
    theirs_harmonic = read_column(f"{stem}-igraph-closeness_harmonic.csv", "harmonic")
    scale = max(1, len(theirs_harmonic) - 1)
    ours_harmonic = {k: v / scale for k, v in read_column(f"{stem}-closeness_harmonic_1_thread.csv", "harmonic").items()}
    result["closeness_harmonic_largest_relative_difference"] = {
        "closeness": largest_relative_difference(ours_closeness, theirs),
        "harmonic_over_n_minus_1": largest_relative_difference(ours_harmonic, theirs_harmonic)}
    return result, extras


def print_headline(name, n_edges, result):
    print(f"\n{name} ({n_edges} edges): whole process, {REPEAT} runs, seconds (min / median)")
    igraph = result.get("igraph")
    if igraph and "error" in igraph:
        print("  igraph failed: " + igraph["error"])
    width = max(len("weakties metrics TIES.csv " + " ".join(args)) for _, args, _ in OURS)
    header = f"  {'command':{width}s} {'weakties':>17s}"
    if igraph and "compute" in igraph:
        header += f" {'igraph compute':>17s} {'igraph whole':>17s} {'ratio min':>9s} {'ratio med':>9s} {'vs whole':>8s}"
    print(header)
    for label, args, measure in OURS:
        ours = result["weakties"][label]
        row = f"  {'weakties metrics TIES.csv ' + ' '.join(args):{width}s} {ours['min_s']:8.3f}/{ours['median_s']:8.3f}"
        if igraph and "compute" in igraph:
            peer = measure + "_1_thread"
            c, w, q = igraph["compute"][peer], igraph["whole_process"][peer], result["ratios"][label]
            row += (f" {c['min_s']:8.3f}/{c['median_s']:8.3f} {w['min_s']:8.3f}/{w['median_s']:8.3f}"
                    f" {q['min_to_igraph_compute_min']:9.3f} {q['median_to_igraph_compute_median']:9.3f}"
                    f" {q['min_to_igraph_whole_process_min']:8.3f}")
        print(row)
    if igraph and "compute" in igraph:
        q = result["ratios"]["betweenness_1_thread"]["min_to_igraph_compute_min"]
        print(f"  betweenness, 1 thread: weakties whole process / igraph compute = {q:.3f}"
              f" (target <= 0.8: {'met' if q <= 0.8 else 'not met'}; <= 0.5: {'met' if q <= 0.5 else 'not met'});"
              f" igraph {igraph['version']}; largest relative difference to igraph's betweenness:"
              f" {max(result['betweenness_largest_relative_difference'].values()):.1e}, closeness and harmonic / (n - 1):"
              f" {max(result['closeness_harmonic_largest_relative_difference'].values()):.1e}")
        print("  (igraph has no multi-threaded betweenness: the --threads 2 row is set beside its one thread)")


def main():
    os.makedirs(OUT, exist_ok=True)
    for binary, product in ((WEAKTIES, "weakties"), (BENCH, "weakties-bench")):
        if not os.path.exists(binary):
            sys.exit(f"build first: swift build -c release --product {product}")
    python = venv_or_system("graphs", ["igraph", "networkit", "networkx"], PEERS) if PEERS else sys.executable
    graphs = [(f"BA n={n} m=5", barabasi_albert(n, 5, 42)) for n in SIZES]
    if REGIONAL != "0":
        actors, ties = (int(x) for x in REGIONAL.split(":"))
        graphs.append(("regional model" if (actors, ties) == (10000, 50000) else f"regional model actors={actors} ties={ties}",
                       regional_model(7, actors, ties)))
    results = []
    for name, edge_list in graphs:
        base = os.path.join(OUT, name.replace(" ", "_").replace("=", ""))
        write(edge_list, base + ".txt")
        write_ties(edge_list, base + ".csv")
        print(f"\n{name} ({len(edge_list)} edges): {os.path.basename(base)}.csv", flush=True)
        headline, igraph_extras = whole_process(name, base + ".txt", base + ".csv", python)
        print_headline(name, len(edge_list), headline)

        # Extras: in process, compute only.
        ours = {}
        for line in subprocess.run([BENCH, "metrics", base + ".txt", "2"], capture_output=True, text=True, check=True).stdout.splitlines():
            item = json.loads(line)
            ours[item["measure"]] = item["seconds"]
        peers = {}
        for peer in PEERS:
            if peer == "igraph" and igraph_extras is not None:
                peers[peer] = igraph_extras
                continue
            r = subprocess.run([python, "-c", PEER_SCRIPT, peer, base + ".txt", "1"], capture_output=True, text=True)
            peers[peer] = json.loads(r.stdout) if r.returncode == 0 else {"error": r.stderr.strip()[-300:]}
        print(f"  extra, in process (compute only, graph loaded):")
        for measure, t in ours.items():
            row = f"    {measure:32s} weakties {t:9.4f} s"
            for peer, values in peers.items():
                for key, value in values.items():
                    if key.split(" ")[0] == measure and isinstance(value, (int, float)):
                        row += f" | {peer}{' est.' if 'est.' in key else ''} {value:9.4f} s ({t / value:5.2f}x)"
            print(row)
        for peer, values in peers.items():
            if "error" in values:
                print(f"    {peer} failed: {values['error']}")
        results.append({"graph": name, "edges": len(edge_list), "ties_csv": os.path.relpath(base + ".csv", OUT),
                        "whole_process": headline, "extra_in_process": {"weakties": ours, "peers": peers}})
    with open(os.path.join(OUT, "metrics.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
