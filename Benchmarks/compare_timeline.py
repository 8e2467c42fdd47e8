#!/usr/bin/env python3
"""Timeline benchmark: `weakties timeline`, its establishment tests, `compare` and the QAP regression,
each a whole process, beside what a researcher would script for the same numbers.

Study: Benchmarks/generate_regional.py --first-year 2005 (2,500 innovations, 10,000 actors, 50,000 ties
beginning 2005–2024: 20 years) into bench-out/timeline-study/.

Timed, each as a whole process (wall clock and peak RSS of the child, benchcommon's MEASURE), min and
median of REPEAT runs:
  weakties timeline ties.csv --nodes nodes.csv --format json                 (20 yearly snapshots)
  weakties timeline ... --establishment --format json                       (+ three tests, 9,999 permutations)
  weakties compare ... --format json                                        (established vs new)
  weakties compare ... --qap region,sector,partner_type --format json       (QAP regression, 9,999 permutations)
  peer (establishment): python PEER_ESTABLISHMENT ties.csv nodes.csv — pandas and numpy: the
        partner-initiated test (units and initiator as weakties defines them), its slope and the
        stratified permutation p-value from 9,999 permutations, each a lexsort of the units by
        (innovation, random key) — the vectorised way to shuffle within groups.
  peer (QAP): R sna::netlm (Debian's r-cran-sna) on a smaller study (generate_regional.py --innovations
        QAP_INNOVATIONS (default 50: 200 actors) --ties 1000), beside `weakties compare --qap` on it,
        with QAP_REPS (default 100) permutations each: netlm builds n × n matrices and refits every
        permutation, which does not fit the large study.

Agreement: the peer's slope against weakties' JSON to 1e-9 and its p-value within 0.02 (both Monte
Carlo); netlm's coefficients against weakties' to 1e-9. OK / MISMATCH.

usage: compare_timeline.py   (environment: REPEAT=3 (at least 3)  QAP_INNOVATIONS=50  QAP_REPS=100)
"""
import json
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchcommon import OUT, ROOT, WEAKTIES, runs, venv  # noqa: E402

PEER_ESTABLISHMENT = r"""
import sys, json
import numpy as np, pandas as pd
ties = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
nodes = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False).set_index("id")
kind, founded = nodes["kind"], pd.to_numeric(nodes["founded"], errors="coerce")
rows = []
for s, t, ini, since in zip(ties.source, ties.target, ties.initiator, ties.since):
    for inno, other, own, theirs in ((s, t, "source", "target"), (t, s, "target", "source")):
        if kind.get(inno) != "innovation" or kind.get(other) == "innovation" or since == "" or np.isnan(founded.get(inno, np.nan)):
            continue
        role = 0 if ini == own else 1 if ini == theirs else None   # both / unknown say nothing about who sought whom
        if role is not None:
            rows.append((inno, int(since) - founded[inno], role))
d = pd.DataFrame(rows, columns=["innovation", "age", "y"])
g = d.groupby("innovation")
a = (d.age - g.age.transform("mean")).to_numpy()
y = d.y.to_numpy(dtype=float)
code = g.ngroup().to_numpy()
t = float(a @ y)
slope = t / float(a @ a)
rng = np.random.default_rng(1)
order0 = np.lexsort((np.arange(len(d)), code))       # units grouped by innovation
a_sorted, y_sorted, code_sorted = a[order0], y[order0], code[order0]
R, at_least = 9999, 0
for _ in range(R):
    perm = np.lexsort((rng.random(len(d)), code_sorted))   # shuffle within each innovation
    if a_sorted @ y_sorted[perm] >= t - 1e-9 * max(1, abs(t)):
        at_least += 1
print(json.dumps({"slope": slope, "p_rise": (1 + at_least) / (R + 1), "ties": len(d)}))
"""

NETLM = r"""
suppressMessages(library(sna)); args <- commandArgs(TRUE)
e <- read.csv(args[1], stringsAsFactors = FALSE); nd <- read.csv(args[2], stringsAsFactors = FALSE, na.strings = "")
ids <- nd$id; n <- length(ids); Y <- matrix(0, n, n)
i <- match(e$source, ids); j <- match(e$target, ids); Y[cbind(i, j)] <- 1; Y[cbind(j, i)] <- 1
pt <- ifelse(is.na(nd$partner_type) & nd$kind == "innovation", "innovation", nd$partner_type)
same <- function(v) { m <- outer(v, v, "=="); m[is.na(m)] <- FALSE; m * 1 }
set.seed(1); f <- netlm(Y, list(same(nd$region), same(nd$sector), same(pt)), mode = "graph", nullhyp = "qapspp", reps = as.integer(args[3]))
cat(sprintf("%.15f", f$coefficients), sep = "\n")
"""


def summary(label, measured):
    times = [m[0] for m in measured]
    print("  %-58s min %6.2f s  median %6.2f s  %5.0f MB" % (label, min(times), statistics.median(times), max(m[1] for m in measured) / 1024))
    return {"min": min(times), "median": statistics.median(times), "peak_mb": max(m[1] for m in measured) / 1024}


def main():
    repeat = max(3, int(os.environ.get("REPEAT", "3")))
    study = os.path.join(OUT, "timeline-study")
    os.makedirs(study, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_regional.py"), "--first-year", "2005", study], check=True)
    ties, nodes = os.path.join(study, "ties.csv"), os.path.join(study, "nodes.csv")
    out = os.path.join(OUT, "timeline-out.json")
    results = {}
    print("Timeline benchmark: 2,500 innovations, 10,000 actors, 50,000 ties, 2005–2024 (whole processes, %d runs)" % repeat)
    base = [WEAKTIES, "timeline", ties, "--nodes", nodes, "--format", "json", "-q"]
    results["timeline"] = summary("weakties timeline", runs(base + ["--output", out], repeat))
    results["establishment"] = summary("weakties timeline --establishment", runs(base + ["--establishment", "--output", out], repeat))
    ours = json.load(open(out))["establishment"]["partner_initiated"]
    compare = [WEAKTIES, "compare", ties, "--nodes", nodes, "--format", "json", "-q", "--output", out]
    results["compare"] = summary("weakties compare (established vs new)", runs(compare, repeat))
    results["qap"] = summary("weakties compare --qap region,sector,partner_type", runs(compare + ["--qap", "region,sector,partner_type"], repeat))

    python = venv("timeline", "pandas", "numpy")
    script = os.path.join(OUT, "peer_establishment.py")
    open(script, "w").write(PEER_ESTABLISHMENT)
    results["peer_establishment"] = summary("pandas + numpy: partner-initiated test only", runs([python, script, ties, nodes], repeat))
    peer = json.loads(subprocess.run([python, script, ties, nodes], capture_output=True, text=True, check=True).stdout)
    same = abs(peer["slope"] - ours["slope_per_year"]) < 1e-9 and abs(peer["p_rise"] - ours["p_rise"]) < 0.02 and peer["ties"] == ours["ties"]
    print("  establishment: slope %.12f vs %.12f, p %.4f vs %.4f, %d units: %s" % (
        ours["slope_per_year"], peer["slope"], ours["p_rise"], peer["p_rise"], peer["ties"], "OK" if same else "MISMATCH"))
    results["establishment_ratio"] = results["establishment"]["min"] / results["peer_establishment"]["min"]
    print("  ratio (all three tests and the timeline against the peer's one test): %.2f" % results["establishment_ratio"])

    rscript = shutil.which("Rscript")
    if rscript is None or subprocess.run([rscript, "-e", "suppressMessages(library(sna))"], capture_output=True).returncode != 0:
        print("  QAP against R sna: skipped (Rscript with sna not found; make rdeps installs it)")
    else:
        small = os.path.join(OUT, "qap-study")
        innovations = os.environ.get("QAP_INNOVATIONS", "50")
        reps = os.environ.get("QAP_REPS", "100")
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_regional.py"), "--innovations", innovations, "--ties", "1000", small], check=True)
        st, sn = os.path.join(small, "ties.csv"), os.path.join(small, "nodes.csv")
        netlm = os.path.join(OUT, "netlm.R")
        open(netlm, "w").write(NETLM)
        print("QAP regression, %s innovations (%d actors), 1,000 ties, %s permutations:" % (innovations, 4 * int(innovations), reps))
        cmd = [WEAKTIES, "compare", st, "--nodes", sn, "--qap", "region,sector,partner_type", "--permutations", reps, "--format", "json", "-q", "--output", out]
        results["qap_small"] = summary("weakties compare --qap", runs(cmd, repeat))
        results["netlm"] = summary("R sna::netlm (qapspp)", runs([rscript, netlm, st, sn, reps], repeat))
        coefficients = [c["estimate"] for c in json.load(open(out))["coefficients"]]
        r = [float(x) for x in subprocess.run([rscript, netlm, st, sn, "2"], capture_output=True, text=True, check=True).stdout.split()]
        ok = len(r) == len(coefficients) and all(abs(a - b) < 1e-9 for a, b in zip(coefficients, r))
        print("  coefficients equal to 1e-9: %s; ratio %.4f" % ("OK" if ok else "MISMATCH", results["qap_small"]["min"] / results["netlm"]["min"]))
    json.dump(results, open(os.path.join(OUT, "timeline.json"), "w"), indent=2)


if __name__ == "__main__":
    main()
