#!/usr/bin/env python3
"""Agreement benchmark: `weakties agree` beside what a researcher would script with pandas and PyPI
`krippendorff` for the same numbers, on a large double-coded study.

Study: Benchmarks/generate_coded.py --mentions MENTIONS (default 1,000,000) --seed 1 into
bench-out/agree-study/: 18,300 interviews of one innovation each, coded by K1 and K2 (a third of them
also by K3), each coder missing ~5 % of the ties and disagreeing on ~15 % of strengths; names with
spelling variants.

Timed, each as a whole process (wall clock and peak RSS of the child, benchcommon's MEASURE), min and
median of REPEAT runs:
  weakties agree ties.csv --bootstrap 0 --format json -q --output F   (the coefficients, no intervals)
  weakties agree ties.csv --format json -q --output F                 (with 1,000 bootstrap replicates; extra)
  weakties actors ties.csv --nodes nodes.csv --suggest-merges --format csv -q --output F   (extra: no peer)
  peer: python PEER_SCRIPT ties.csv — pandas reads the table, builds the units (interview, unordered
        pair) with each coder's values (presence: coded or not, for the coders of the interview;
        strength: the coder's majority, equal votes strong), pivots them to krippendorff's
        coders × units matrix and computes α for presence (nominal) and strength (ordinal).
The peer runs in bench-out/venv-agree (pip install pandas krippendorff).

Agreement: the peer's two α against weakties' JSON (`overall`, variables presence and strength) to
1e-9. OK / MISMATCH.

usage: compare_agree.py   (environment: REPEAT=3 (at least 3)  MENTIONS=1000000  SEED=1)
"""
import json
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchcommon import OUT, ROOT, WEAKTIES, runs, venv  # noqa: E402

PEER_SCRIPT = r"""
import sys, json
import numpy as np, pandas as pd, krippendorff
d = pd.read_csv(sys.argv[1], usecols=["source", "target", "strength", "interview", "coder"], dtype=str, keep_default_na=False)
d = d[(d.interview.str.strip() != "") & (d.coder.str.strip() != "")]
a, b = d.source.str.strip(), d.target.str.strip()
d = d.assign(lo=np.where(a < b, a, b), hi=np.where(a < b, b, a),
             strong=d.strength.str.strip().str.lower().isin(["strong", "stark", "3", "4", "5"]).astype(int))
coders = d.groupby("interview").coder.nunique()
d = d[d.interview.map(coders) >= 2]
per = d.groupby(["interview", "lo", "hi", "coder"]).strong.agg(["sum", "count"]).reset_index()
per["value"] = (2 * per["sum"] >= per["count"]).astype(float)
units = per[["interview", "lo", "hi"]].drop_duplicates().reset_index(drop=True)
units["unit"] = np.arange(len(units))
per = per.merge(units, on=["interview", "lo", "hi"])
names = sorted(d.coder.unique())
strength = per.pivot(index="coder", columns="unit", values="value").reindex(names)
# Presence: 1 where the coder coded the pair, 0 where the coder coded the interview but not the pair.
of_interview = d[["interview", "coder"]].drop_duplicates()
grid = units.merge(of_interview, on="interview")
grid = grid.merge(per[["unit", "coder"]].assign(present=1.0), on=["unit", "coder"], how="left").fillna({"present": 0.0})
presence = grid.pivot(index="coder", columns="unit", values="present").reindex(names)
print(json.dumps({"presence": float(krippendorff.alpha(reliability_data=presence.to_numpy(), level_of_measurement="nominal")),
                  "strength": float(krippendorff.alpha(reliability_data=strength.to_numpy(), level_of_measurement="ordinal"))}))
"""


def summary(label, measured):
    times = [t for t, _ in measured]
    rss = max(m for _, m in measured) / 1024
    print("  %-58s min %7.2f s  median %7.2f s  peak %6.0f MB" % (label, min(times), statistics.median(times), rss))
    return {"min": min(times), "median": statistics.median(times), "peak_mb": rss}


def main():
    repeat = max(3, int(os.environ.get("REPEAT", "3")))
    mentions = int(os.environ.get("MENTIONS", "1000000"))
    seed = os.environ.get("SEED", "1")
    study = os.path.join(OUT, "agree-study")
    ties, nodes = os.path.join(study, "ties.csv"), os.path.join(study, "nodes.csv")
    if not os.path.exists(ties):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_coded.py"), "--mentions", str(mentions),
                        "--seed", seed, study], check=True)
    python = venv("agree", "pandas", "krippendorff")
    peer = os.path.join(OUT, "agree_peer.py")
    with open(peer, "w") as f:
        f.write(PEER_SCRIPT)
    out = os.path.join(OUT, "agree.json")
    print("agree on %s (%d mentions), %d runs each, whole processes" % (ties, mentions, repeat))
    results = {
        "weakties agree --bootstrap 0": summary("weakties agree --bootstrap 0", runs([WEAKTIES, "agree", ties, "--bootstrap", "0", "--format", "json", "-q", "--output", out], repeat)),
        "peer pandas + krippendorff": summary("peer: pandas + krippendorff (presence, strength)", runs([python, peer, ties], repeat)),
        "weakties agree (1,000 bootstrap replicates)": summary("weakties agree (1,000 bootstrap replicates; extra)", runs([WEAKTIES, "agree", ties, "--format", "json", "-q", "--output", out + ".ci"], repeat)),
        "weakties actors --suggest-merges": summary("weakties actors --suggest-merges (extra, no peer)", runs([WEAKTIES, "actors", ties, "--nodes", nodes, "--suggest-merges", "--format", "csv", "-q", "--output", os.path.join(OUT, "aliases.csv")], repeat)),
    }
    ratio = results["weakties agree --bootstrap 0"]["min"] / results["peer pandas + krippendorff"]["min"]
    print("  ratio weakties / peer (min): %.2f" % ratio)
    ours = {e["variable"]: e["alpha"] for e in json.load(open(out))["overall"]}
    theirs = json.loads(subprocess.run([python, peer, ties], capture_output=True, text=True, check=True).stdout)
    ok = all(abs(ours[k] - theirs[k]) < 1e-9 for k in ("presence", "strength"))
    print("  agreement: presence α %.12f vs %.12f, strength α %.12f vs %.12f: %s" % (
        ours["presence"], theirs["presence"], ours["strength"], theirs["strength"], "OK" if ok else "MISMATCH"))
    json.dump({"mentions": mentions, "repeat": repeat, "results": results, "ratio": ratio, "agreement": ok},
              open(os.path.join(OUT, "agree-bench.json"), "w"), indent=2)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
