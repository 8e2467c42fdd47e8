#!/usr/bin/env python3
"""Matching benchmark: `weakties match` beside the same scores computed with networkx, and backtests of
the ranking on studies whose ties formed by a known process.

Study: Benchmarks/generate_regional.py --innovations 2500 --ties 50000 --seed 1 into
bench-out/match-study/ (2,500 innovations, 7,500 partners in four regions, 50,000 ties, one mention
each; linear time — generate_study.py's realistic texts do not scale to 50,000 ties).

Timed, each as a whole process (wall clock and peak RSS of the child, benchcommon's MEASURE, so
start-up, imports and reading the CSVs count), min and median of REPEAT runs:
  (a) weakties match ties.csv --nodes nodes.csv --innovation ID --top 10 -q   for the innovation of
      median degree (ties by degree, then id);
      peer: networkx for all candidate partners of that innovation (every non-innovation actor it has
      no tie to): nx.common_neighbors, nx.jaccard_coefficient, nx.adamic_adar_index,
      nx.resource_allocation_index, and nx.constraint / nx.effective_size of the innovation
      (nodes=[innovation]) on G with the tie added (exact: they only read the innovation's radius-2
      ego network); ~0.4 s per candidate here, ~10 min per run. NX_HOLES_SAMPLE=N computes constraint
      and effective size for N evenly spaced candidates only and scales that part of the time
      (marked "est.");
  (b) weakties match … --format csv --top 5 -q --output F   for all innovations;
      peer: the four link prediction scores for every innovation × candidate pair (~3.7 million) and
      the top 5 by Adamic–Adar written as CSV (~2 min per run). Constraint and effective size with
      the tie added are skipped for (b): the estimate from (a)'s per-candidate time is printed;
  (c) weakties match … --event attendees.csv --rounds 4 --format csv -q   for 100 innovations and
      1,000 partners chosen evenly from the ids in sorted order;
      peer (rough: networkx has no event planner): the four link prediction scores of the 100 × 1,000
      pairs, then nx.max_weight_matching with weight 1 + Adamic–Adar once per round, removing the
      pairs met (greedy round by round, one-to-one tables).
The peer runs in bench-out/venv-match (plain pip install networkx) as one script (PEER_SCRIPT,
`python -c`), like the peers of compare_metrics.py.

Agreement (networkx needed): (a) weakties' JSON for all candidates of the innovation (`--top` = all,
`--format json`) against the peer's values: common_neighbors, jaccard, adamic_adar,
resource_allocation, constraint and effective size after, to 1e-9, for the 10 shown candidates and
for all; (b) every 50th row of weakties' CSV against networkx for those pairs. OK / MISMATCH.

Backtests: Benchmarks/generate_formation.py (40 innovations, 400 partners, seed 1) with both
processes, `openness` and `closure`, then `weakties match … --backtest 2016 --format json -q`:
precision@k and recall@k of each ranking method (FORMATION_SEEDS=1,2,3,4,5 adds the mean over seeds).
Expected: the matching score loses to common neighbours on `closure`, by far; it should beat them on
`openness`. Measured with the debug build (40 × 400, mean of seeds 1–5, P@5): closure score 0.030,
common neighbours 0.226, random 0.031; openness score 0.030, common neighbours 0.046, random 0.031 —
with the default weights the score does not beat common neighbours on openness (seed 1 alone: 0.037
vs 0.025); with --weight constraint_drop=0 --weight reach=0 --weight new_community=0 it does (0.061).

Results: stdout and bench-out/match.json. Duration with networkx, REPEAT=3 (2 cores): the peer takes
~10 min per run of (a), ~2 min of (b), ~2.5 min of (c) (max_weight_matching ~35 s a round): ~45 min in
all; NX_HOLES_SAMPLE=200 brings it to ~15 min, SKIP_NX=1 to about a minute.

usage: compare_match.py   (environment: REPEAT=3 (at least 3)  NX_REPEAT=REPEAT  SKIP_NX=1 (no networkx)
                           NX_HOLES_SAMPLE=0 (all)  INNOVATIONS=2500  TIES=50000  SEED=1
                           FORMATION=40:400 (innovations:partners)  FORMATION_SEEDS=1 (e.g. 1,2,3,4,5))
"""
import csv
import json
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys

from benchcommon import MEASURE, OUT, ROOT, WEAKTIES, venv

HERE = os.path.join(ROOT, "Benchmarks")
REPEAT = int(os.environ.get("REPEAT", "3"))
NX_REPEAT = int(os.environ.get("NX_REPEAT", str(max(REPEAT, 3))))
SKIP_NX = os.environ.get("SKIP_NX", "") not in ("", "0")
NX_HOLES_SAMPLE = int(os.environ.get("NX_HOLES_SAMPLE", "0"))
INNOVATIONS = int(os.environ.get("INNOVATIONS", "2500"))
TIES = int(os.environ.get("TIES", "50000"))
SEED = int(os.environ.get("SEED", "1"))
EVENT_INNOVATIONS, EVENT_PARTNERS, EVENT_ROUNDS = 100, 1000, 4
BACKTEST_YEAR = 2016
FORMATION_INNOVATIONS, FORMATION_PARTNERS = (int(x) for x in os.environ.get("FORMATION", "40:400").split(":"))
FORMATION_SEEDS = [int(x) for x in os.environ.get("FORMATION_SEEDS", "1").split(",")]
TOLERANCE = 1e-9

PEER_SCRIPT = r'''
import csv, json, sys, time
start = time.perf_counter()
import networkx as nx


def load(ties, nodes):
    G, kind = nx.Graph(), {}
    with open(nodes, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kind[row["id"]] = row["kind"]
            G.add_node(row["id"])
    with open(ties, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            G.add_edge(row["source"], row["target"])
    return G, kind


def link_prediction(G, pairs):
    cn = [sum(1 for _ in nx.common_neighbors(G, u, v)) for u, v in pairs]
    jaccard = [s for _, _, s in nx.jaccard_coefficient(G, pairs)]
    adamic_adar = [s for _, _, s in nx.adamic_adar_index(G, pairs)]
    resource_allocation = [s for _, _, s in nx.resource_allocation_index(G, pairs)]
    return cn, jaccard, adamic_adar, resource_allocation


def holes_after(G, i, p):
    """Constraint and effective size of i on G with the tie i-p added."""
    G.add_edge(i, p)
    c, e = nx.constraint(G, nodes=[i])[i], nx.effective_size(G, nodes=[i])[i]
    G.remove_edge(i, p)
    return c, e


def candidates(G, kind, i):
    return [p for p in G if kind.get(p) != "innovation" and p != i and p not in G[i]]


mode = sys.argv[1]
G, kind = load(sys.argv[2], sys.argv[3])
timings = {"load_s": time.perf_counter() - start}
result = {}
if mode == "one":
    # one TIES NODES INNOVATION OUT.json SAMPLE: all candidates of one innovation.
    i, out, sample = sys.argv[4], sys.argv[5], int(sys.argv[6])
    t = time.perf_counter()
    cands = candidates(G, kind, i)
    cn, jac, aa, ra = link_prediction(G, [(i, p) for p in cands])
    timings["link_prediction_s"] = time.perf_counter() - t
    t = time.perf_counter()
    step = 1 if sample <= 0 else max(1, -(-len(cands) // sample))
    holes = {p: holes_after(G, i, p) for p in cands[::step]}
    timings["holes_s"] = time.perf_counter() - t
    result = {"innovation": i, "candidates": len(cands), "holes_computed": len(holes),
              "scores": {p: [cn[k], jac[k], aa[k], ra[k]] + list(holes.get(p, (None, None)))
                         for k, p in enumerate(cands)}}
elif mode == "all":
    # all TIES NODES OUT.csv: link prediction of every innovation x candidate pair, top 5 by Adamic-Adar.
    out = sys.argv[4]
    t = time.perf_counter()
    partners = [p for p in G if kind.get(p) != "innovation"]
    pairs_scored = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["innovation_id", "rank", "partner_id", "common_neighbors", "jaccard", "adamic_adar",
                    "resource_allocation"])
        for i in [v for v in G if kind.get(v) == "innovation"]:
            alters = G[i]
            cands = [p for p in partners if p != i and p not in alters]
            cn, jac, aa, ra = link_prediction(G, [(i, p) for p in cands])
            pairs_scored += len(cands)
            top = sorted(range(len(cands)), key=lambda k: (-aa[k], cands[k]))[:5]
            for rank, k in enumerate(top, 1):
                w.writerow([i, rank, cands[k], cn[k], jac[k], aa[k], ra[k]])
    timings["link_prediction_s"] = time.perf_counter() - t
    result = {"pairs": pairs_scored}
elif mode == "event":
    # event TIES NODES ATTENDEES ROUNDS OUT.csv: link prediction + max_weight_matching per round.
    attendees, rounds, out = sys.argv[4], int(sys.argv[5]), sys.argv[6]
    with open(attendees, encoding="utf-8", newline="") as f:
        people = list(csv.DictReader(f))
    innovations = [r["id"] for r in people if r["role"] == "innovation"]
    partners = [r["id"] for r in people if r["role"] == "partner"]
    t = time.perf_counter()
    pairs = [(i, p) for i in innovations for p in partners if not G.has_edge(i, p)]
    cn, jac, aa, ra = link_prediction(G, pairs)
    timings["link_prediction_s"] = time.perf_counter() - t
    t = time.perf_counter()
    B = nx.Graph()
    for k, (i, p) in enumerate(pairs):
        B.add_edge(("innovation", i), ("partner", p), weight=1.0 + aa[k])
    meetings = []
    for r in range(1, rounds + 1):
        matched = nx.max_weight_matching(B)
        for a, b in matched:
            (i, p) = (a[1], b[1]) if a[0] == "innovation" else (b[1], a[1])
            meetings.append((r, p, i, B[a][b]["weight"]))
        B.remove_edges_from(list(matched))
    meetings.sort()
    timings["matching_s"] = time.perf_counter() - t
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["round", "partner_id", "innovation_id", "weight"])
        w.writerows(meetings)
    result = {"pairs": len(pairs), "meetings": len(meetings), "total_weight": sum(m[3] for m in meetings)}
elif mode == "pairs":
    # pairs TIES NODES PAIRS.json OUT.json: the scores of given (innovation, partner) pairs, for checking.
    with open(sys.argv[4], encoding="utf-8") as f:
        pairs = [tuple(p) for p in json.load(f)]
    out = sys.argv[5]
    cn, jac, aa, ra = link_prediction(G, pairs)
    before = {}
    rows = []
    for k, (i, p) in enumerate(pairs):
        if i not in before:
            before[i] = (nx.constraint(G, nodes=[i])[i], nx.effective_size(G, nodes=[i])[i])
        rows.append([i, p, cn[k], jac[k], aa[k], ra[k]] + list(holes_after(G, i, p)) + list(before[i]))
    result = {"rows": rows}
else:
    sys.exit("unknown mode " + mode)
timings["total_in_script_s"] = time.perf_counter() - start
result["timings"] = timings
with open(out if mode in ("one", "pairs") else out + ".json", "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False)
'''


# ----------------------------------------------------------------------------------------------
# Timing


def timed_runs(argv, repeat):
    """[(seconds, peak RSS KiB)] of REPEAT whole-process runs of ARGV, measured as benchcommon.timed
    does (a fresh interpreter around each run); stops with the command's error output if one fails."""
    runs = []
    for _ in range(repeat):
        result = subprocess.run([sys.executable, "-c", MEASURE] + argv, capture_output=True, text=True, check=True)
        out = result.stdout.split()
        if out[2] != "0":
            sys.exit(f"failed (exit {out[2]}): {' '.join(argv)}\n{result.stderr.strip()[-2000:]}")
        runs.append((float(out[0]), int(out[1])))
    return runs


def summary(runs, extra_s=None):
    """Min, median and every run's seconds (plus EXTRA_S[k] per run for estimated parts), peak RSS."""
    seconds = [s + (extra_s[k] if extra_s else 0.0) for k, (s, _) in enumerate(runs)]
    return {"min_s": round(min(seconds), 4), "median_s": round(statistics.median(seconds), 4),
            "runs_s": [round(s, 4) for s in seconds], "peak_rss_kb": max(r for _, r in runs),
            "estimated": extra_s is not None}


# ----------------------------------------------------------------------------------------------
# Inputs


def weakties_match_missing():
    """Why our side cannot run (None when it can): no release binary, or no `match` subcommand."""
    if not os.path.exists(WEAKTIES):
        return f"{WEAKTIES} not found; build first: swift build -c release --product weakties"
    help_text = subprocess.run([WEAKTIES, "--help"], capture_output=True, text=True).stdout
    if not any(line.split()[:1] == ["match"] for line in help_text.splitlines()):
        return "this weakties build has no `match` subcommand yet"
    return None


def read_study(ties, nodes):
    """Kinds by id (nodes order) and degree by id (distinct undirected pairs of the ties table)."""
    kinds = {}
    with open(nodes, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            kinds[row["id"]] = row["kind"]
    neighbours = {v: {} for v in kinds}
    with open(ties, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            a, b = row["source"], row["target"]
            if a != b:
                neighbours.setdefault(a, {})[b] = True
                neighbours.setdefault(b, {})[a] = True
    return kinds, {v: len(n) for v, n in neighbours.items()}


def median_degree_innovation(kinds, degree):
    ranked = sorted((degree[v], v) for v in kinds if kinds[v] == "innovation")
    return ranked[len(ranked) // 2][1]


def write_attendees(kinds, path):
    """100 innovations and 1,000 partners evenly spaced in the sorted ids."""
    innovations = sorted(v for v in kinds if kinds[v] == "innovation")
    partners = sorted(v for v in kinds if kinds[v] != "innovation")
    if len(innovations) < EVENT_INNOVATIONS or len(partners) < EVENT_PARTNERS:
        sys.exit(f"the study needs {EVENT_INNOVATIONS} innovations and {EVENT_PARTNERS} partners for the event")
    chosen_i = [innovations[k * len(innovations) // EVENT_INNOVATIONS] for k in range(EVENT_INNOVATIONS)]
    chosen_p = [partners[k * len(partners) // EVENT_PARTNERS] for k in range(EVENT_PARTNERS)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "role"])
        w.writerows([[v, "innovation"] for v in chosen_i] + [[v, "partner"] for v in chosen_p])


# ----------------------------------------------------------------------------------------------
# Agreement


def same(ours, theirs):
    """Equal to TOLERANCE; a missing value (NaN, JSON null, empty CSV cell) equals only NaN."""
    if ours is None or (isinstance(ours, float) and math.isnan(ours)):
        return theirs is None or (isinstance(theirs, float) and math.isnan(theirs))
    if theirs is None or (isinstance(theirs, float) and math.isnan(theirs)):
        return False
    return abs(float(ours) - float(theirs)) <= TOLERANCE


FIELDS = ["common_neighbors", "jaccard", "adamic_adar", "resource_allocation", "constraint_after",
          "effective_size_after"]


def compare(label, ours_rows, theirs_rows):
    """ours_rows/theirs_rows: {partner: [six values]} (theirs None where not computed). Prints and
    returns {checked, compared_values, mismatches}."""
    mismatches = []
    compared = 0
    for key, ours in ours_rows.items():
        theirs = theirs_rows.get(key)
        if theirs is None:
            mismatches.append(f"{key}: not among networkx's candidates")
            continue
        for name, a, b in zip(FIELDS, ours, theirs):
            if b is None and name.endswith("_after"):
                continue  # not computed by the peer (NX_HOLES_SAMPLE)
            compared += 1
            if not same(a, b):
                mismatches.append(f"{key}: {name} ours {a!r} networkx {b!r}")
    status = "OK" if not mismatches else "MISMATCH"
    print(f"  {label}: {status} ({len(ours_rows)} pairs, {compared} values to {TOLERANCE:g})")
    for line in mismatches[:10]:
        print(f"    {line}")
    return {"pairs": len(ours_rows), "values": compared, "status": status, "mismatches": mismatches[:50]}


def ours_json_rows(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    rows = {}
    order = []
    for c in doc["innovations"][0]["candidates"]:
        p = c["partner"]["id"]
        order.append(p)
        rows[p] = [c["common_neighbors"], c["jaccard"], c["adamic_adar"], c["resource_allocation"],
                   c["constraint"]["after"], c["effective_size"]["after"]]
    return rows, order


def number(cell):
    return None if cell == "" else float(cell)


# ----------------------------------------------------------------------------------------------
# Backtests


def run_backtests():
    """Formation studies (both processes, each seed) and `weakties match --backtest`; prints the figures."""
    results = {}
    for process in ("openness", "closure"):
        results[process] = {}
        for seed in FORMATION_SEEDS:
            study = os.path.join(OUT, f"formation-{process}" + ("" if seed == 1 else f"-seed{seed}"))
            subprocess.run([sys.executable, os.path.join(HERE, "generate_formation.py"), "--process", process,
                            "--innovations", str(FORMATION_INNOVATIONS), "--partners", str(FORMATION_PARTNERS),
                            "--seed", str(seed), study], check=True, stdout=subprocess.DEVNULL)
            command = [WEAKTIES, "match", os.path.join(study, "ties.csv"), "--nodes", os.path.join(study, "nodes.csv"),
                       "--backtest", str(BACKTEST_YEAR), "--format", "json", "-q"]
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"backtest failed (exit {run.returncode}): {' '.join(command)}\n{run.stderr.strip()[-2000:]}")
            doc = json.loads(run.stdout)
            results[process][str(seed)] = doc
            print(f"\nbacktest, process {process}, seed {seed} (generate_formation.py, {FORMATION_INNOVATIONS} "
                  f"innovations, {FORMATION_PARTNERS} partners; ties <= {doc['year']} ranked, later ones checked): "
                  f"{doc['earlier_ties']} earlier ties, {doc['predictable_ties']} predictable later ties, "
                  f"{doc['innovations_evaluated']} innovations evaluated")
            print_methods(doc["ks"], [(m["name"], m["precision"], m["recall"]) for m in doc["methods"]], process)
        if len(FORMATION_SEEDS) > 1:
            docs = list(results[process].values())
            ks = docs[0]["ks"]
            means = []
            for k, m in enumerate(docs[0]["methods"]):
                means.append((m["name"],
                              [mean([d["methods"][k]["precision"][kk] for d in docs]) for kk in range(len(ks))],
                              [mean([d["methods"][k]["recall"][kk] for d in docs]) for kk in range(len(ks))]))
            print(f"\nbacktest, process {process}, mean over seeds {', '.join(map(str, FORMATION_SEEDS))}")
            print_methods(ks, means, process)
    return results


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def print_methods(ks, methods, process):
    print("  " + f"{'method':20s}" + "".join(f"{'P@' + str(k):>8s}{'R@' + str(k):>8s}" for k in ks))
    for name, precision, recall in methods:
        print(f"  {name:20s}" + "".join(f"{fmt(p):>8s}{fmt(r):>8s}" for p, r in zip(precision, recall)))
    by = {name: precision for name, precision, _ in methods}
    if "score" in by and "common_neighbors" in by:
        better = [k for kk, k in enumerate(ks) if (by["score"][kk] or 0) > (by["common_neighbors"][kk] or 0)]
        expected = "better" if process == "openness" else "worse"
        print(f"  score's precision above common_neighbors' at k = {', '.join(map(str, better)) or 'none'} "
              f"(expected on {process}: {expected})")


def duration(seconds):
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} days"


def fmt(value):
    return "-" if value is None else f"{value:.3f}"


# ----------------------------------------------------------------------------------------------


def main():
    global REPEAT
    os.makedirs(OUT, exist_ok=True)
    notes = []
    if REPEAT < 3:
        notes.append(f"REPEAT={REPEAT} raised to 3 (min and median need at least 3 runs)")
        REPEAT = 3
    study = os.path.join(OUT, "match-study")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_regional.py"), "--innovations", str(INNOVATIONS),
                    "--ties", str(TIES), "--seed", str(SEED), study], check=True)
    ties, nodes = os.path.join(study, "ties.csv"), os.path.join(study, "nodes.csv")
    kinds, degree = read_study(ties, nodes)
    innovation = median_degree_innovation(kinds, degree)
    attendees = os.path.join(study, "attendees.csv")
    write_attendees(kinds, attendees)
    print(f"(a) innovation of median degree: {innovation!r} ({degree[innovation]} ties)")

    missing = weakties_match_missing()
    if missing:
        print(f"weakties match: skipped: {missing}")
        notes.append(missing)
    python = None
    if SKIP_NX:
        notes.append("networkx skipped (SKIP_NX=1)")
    else:
        python = venv("match", "networkx")
    versions = {"python": sys.version.split()[0]}
    if python:
        versions["networkx"] = subprocess.run([python, "-c", "import networkx; print(networkx.__version__)"],
                                              capture_output=True, text=True, check=True).stdout.strip()

    base = [WEAKTIES, "match", ties, "--nodes", nodes]
    ours_b_out = os.path.join(OUT, "match-all.csv")
    commands = [
        {"key": "a", "name": "(a) one innovation, --top 10",
         "ours": base + ["--innovation", innovation, "--top", "10", "-q"]},
        {"key": "b", "name": "(b) all innovations, --format csv --top 5",
         "ours": base + ["--format", "csv", "--top", "5", "-q", "--output", ours_b_out]},
        {"key": "c", "name": f"(c) event {EVENT_INNOVATIONS}x{EVENT_PARTNERS}, --rounds {EVENT_ROUNDS}",
         "ours": base + ["--event", attendees, "--rounds", str(EVENT_ROUNDS), "--format", "csv", "-q"]},
    ]
    peer_out = {"a": os.path.join(OUT, "match-nx-one.json"), "b": os.path.join(OUT, "match-nx-all.csv"),
                "c": os.path.join(OUT, "match-nx-event.csv")}
    peer_argv = {
        "a": ["one", ties, nodes, innovation, peer_out["a"], str(NX_HOLES_SAMPLE)],
        "b": ["all", ties, nodes, peer_out["b"]],
        "c": ["event", ties, nodes, attendees, str(EVENT_ROUNDS), peer_out["c"]],
    }
    peer_labels = {
        "a": "networkx: 4 link prediction scores + constraint/effective size with the tie added, all candidates",
        "b": "networkx: 4 link prediction scores of all pairs, top 5 by Adamic-Adar (constraint/effective size skipped)",
        "c": "networkx (rough peer): link prediction + max_weight_matching per round",
    }

    report = {"study": {"innovations": INNOVATIONS, "ties": TIES, "partners": 3 * INNOVATIONS, "seed": SEED,
                        "generator": "generate_regional.py"},
              "repeat": REPEAT, "nx_repeat": NX_REPEAT if python else None, "versions": versions,
              "weakties": WEAKTIES, "innovation": innovation, "innovation_degree": degree[innovation],
              "event": {"innovations": EVENT_INNOVATIONS, "partners": EVENT_PARTNERS, "rounds": EVENT_ROUNDS},
              "commands": [], "agreement": {}, "backtests": None, "notes": notes}

    peer_details = {}
    for c in commands:
        row = {"name": c["name"], "command": shlex.join(["weakties"] + c["ours"][1:]), "ours": None, "peer": None, "ratio": None,
               "peer_label": peer_labels[c["key"]]}
        if not missing:
            row["ours"] = summary(timed_runs(c["ours"], REPEAT))
        if python:
            runs = timed_runs([python, "-c", PEER_SCRIPT] + peer_argv[c["key"]], NX_REPEAT)
            detail_path = peer_out[c["key"]] if c["key"] == "a" else peer_out[c["key"]] + ".json"
            with open(detail_path, encoding="utf-8") as f:
                detail = json.load(f)
            peer_details[c["key"]] = detail
            extra = None
            if c["key"] == "a" and detail["holes_computed"] < detail["candidates"]:
                # Scale the constraint/effective-size part to all candidates (same for every run: the
                # last run's in-script time).
                missing_s = detail["timings"]["holes_s"] * (detail["candidates"] / detail["holes_computed"] - 1)
                extra = [missing_s] * len(runs)
                row["peer_label"] += f" (est.: {detail['holes_computed']} of {detail['candidates']} candidates timed, scaled)"
            row["peer"] = summary(runs, extra)
            row["peer"]["in_script_s_last_run"] = {k: round(v, 4) for k, v in detail["timings"].items()}
            if row["ours"]:
                row["ratio"] = round(row["ours"]["min_s"] / row["peer"]["min_s"], 5)
        report["commands"].append(row)

    # The table.
    print(f"\nwhole-process seconds, min / median of {REPEAT} (weakties) and {NX_REPEAT if python else 0} (networkx) runs")
    print(f"{'command':44s} {'ours min':>9s} {'median':>9s} {'peer min':>10s} {'median':>10s} {'ours/peer':>10s}")
    for row in report["commands"]:
        o, p = row["ours"], row["peer"]
        est = " est." if p and p["estimated"] else ""
        print(f"{row['name']:44s} "
              + (f"{o['min_s']:9.3f} {o['median_s']:9.3f} " if o else f"{'-':>9s} {'-':>9s} ")
              + (f"{p['min_s']:10.3f} {p['median_s']:10.3f}" if p else f"{'-':>10s} {'-':>10s}")
              + (f"{row['ratio']:10.4f}x" if row["ratio"] is not None else f"{'-':>11s}") + est)
    for row in report["commands"]:
        if row["peer"]:
            stages = ", ".join(f"{k} {v:.2f}" for k, v in row["peer"]["in_script_s_last_run"].items())
            print(f"  {row['name'][:3]} peer = {row['peer_label']}; in script (last run): {stages}")
    if "a" in peer_details and "b" in peer_details:
        a = peer_details["a"]
        per_candidate = a["timings"]["holes_s"] / max(1, a["holes_computed"])
        pairs = peer_details["b"]["pairs"]
        skipped = (f"(b) peer: constraint/effective size with the tie added skipped for all {pairs} pairs "
                   f"(networkx {per_candidate:.3f} s per pair in (a): ~{duration(per_candidate * pairs)})")
        print("  " + skipped)
        notes.append(skipped)

    # Agreement.
    if python and not missing:
        print("\nagreement with networkx")
        check_dir = os.path.join(OUT, "match-check")
        shutil.rmtree(check_dir, ignore_errors=True)
        os.makedirs(check_dir)
        # (a): every candidate, from one JSON run showing all of them.
        ours_json = os.path.join(check_dir, "a.json")
        subprocess.run(base + ["--innovation", innovation, "--top", "1000000000", "--format", "json", "-q",
                               "--output", ours_json], check=True)
        ours_rows, order = ours_json_rows(ours_json)
        theirs = peer_details["a"]["scores"]
        if theirs and any(v[4] is None for v in theirs.values()):
            # Sampled holes: get the shown ten exactly.
            pairs_path = os.path.join(check_dir, "a-pairs.json")
            with open(pairs_path, "w", encoding="utf-8") as f:
                json.dump([[innovation, p] for p in order[:10]], f, ensure_ascii=False)
            out = os.path.join(check_dir, "a-pairs-nx.json")
            subprocess.run([python, "-c", PEER_SCRIPT, "pairs", ties, nodes, pairs_path, out], check=True)
            with open(out, encoding="utf-8") as f:
                for r in json.load(f)["rows"]:
                    theirs[r[1]] = r[2:8]
        report["agreement"]["a_shown"] = compare("(a) the 10 shown candidates", {p: ours_rows[p] for p in order[:10]}, theirs)
        report["agreement"]["a_all"] = compare(f"(a) all {len(order)} candidates", ours_rows, theirs)
        if len(order) != peer_details["a"]["candidates"]:
            print(f"    candidate counts differ: ours {len(order)}, networkx {peer_details['a']['candidates']}")
            report["agreement"]["a_all"]["status"] = "MISMATCH"
        # (b): every 50th row of our CSV.
        with open(ours_b_out, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))[::50]
        pairs_path = os.path.join(check_dir, "b-pairs.json")
        with open(pairs_path, "w", encoding="utf-8") as f:
            json.dump([[r["innovation_id"], r["partner_id"]] for r in rows], f, ensure_ascii=False)
        out = os.path.join(check_dir, "b-pairs-nx.json")
        subprocess.run([python, "-c", PEER_SCRIPT, "pairs", ties, nodes, pairs_path, out], check=True)
        with open(out, encoding="utf-8") as f:
            theirs_b = {(r[0], r[1]): r[2:8] for r in json.load(f)["rows"]}
        ours_b = {(r["innovation_id"], r["partner_id"]): [number(r[k]) for k in FIELDS] for r in rows}
        report["agreement"]["b_sample"] = compare(f"(b) every 50th row of the CSV", ours_b, theirs_b)
    else:
        print("\nagreement with networkx: skipped (" + ("SKIP_NX=1" if not python else "no weakties match") + ")")

    if not missing:
        report["backtests"] = run_backtests()

    with open(os.path.join(OUT, "match.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    print(f"\nresults: {os.path.join(OUT, 'match.json')}")


if __name__ == "__main__":
    main()
