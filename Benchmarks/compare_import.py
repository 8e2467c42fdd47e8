#!/usr/bin/env python3
"""Import benchmark: `weakties validate` beside pandas.read_csv and polars.read_csv on the same files.

Generates seeded tie tables (100k and 1M mention rows) in three shapes (SHAPES: long unique quotes,
short repeated fields, a wide table with 50 extra columns; Benchmarks/generate_ties.py --shape) and
times in one run, min and median of REPEAT (at least 3):
  - weakties validate FILE --quiet (release build; the whole process: parse, decode, intern ids,
    aggregate, build the graph and count components),
  - pandas.read_csv(FILE) in a virtual environment with a plain `pip install pandas` (no pyarrow),
  - polars.read_csv(FILE) in a separate virtual environment (so pandas stays without pyarrow).
Peak RSS is each process's maximum resident set size. Results go to stdout and bench-out/import.json.
"""
import json
import os
import subprocess
import sys

import statistics

from benchcommon import BENCH, OUT, ROOT, WEAKTIES, runs as measure, venv

# Also run: the in-process import time (weakties-bench import), without process start and summary.
REPEAT = max(3, int(os.environ.get("REPEAT", "3")))
SIZES = [int(s) for s in os.environ.get("SIZES", "100000,1000000").split(",")]
SHAPES = os.environ.get("SHAPES", "long,short,wide").split(",")

READER = r"""
import resource, sys, time
lib = sys.argv[1]
if lib == "pandas":
    import pandas as m
else:
    import polars as m
t = time.perf_counter()
df = m.read_csv(sys.argv[2])
elapsed = time.perf_counter() - t
assert len(df) > 0
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, m.__version__)
"""


def best(runs):
    return min(runs, key=lambda r: r[0])


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(WEAKTIES):
        sys.exit("build first: swift build -c release --product weakties")
    pandas_python = venv("pandas", "pandas")
    polars_python = venv("polars", "polars")
    check = subprocess.run([pandas_python, "-c", "import importlib.util as u; print(u.find_spec('pyarrow') is None)"],
                           capture_output=True, text=True).stdout.strip()
    if check != "True":
        sys.exit("pyarrow is installed in the pandas environment; remove it for a plain-install comparison")
    results = []
    for shape in SHAPES:
        for rows in SIZES:
            path = os.path.join(OUT, f"ties-{rows}.csv" if shape == "long" else f"ties-{shape}-{rows}.csv")
            if not os.path.exists(path):
                subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_ties.py"), str(rows), path,
                                "--shape", shape], check=True)
            size_mb = os.path.getsize(path) / 1e6
            ours = measure([WEAKTIES, "validate", path, "--quiet"], REPEAT)
            times = [t for t, _ in ours]
            peers = {}
            for name, python in (("pandas", pandas_python), ("polars", polars_python)):
                measured = []
                for _ in range(REPEAT):
                    out = subprocess.run([python, "-c", READER, name, path], capture_output=True, text=True, check=True).stdout.split()
                    measured.append((float(out[0]), int(out[1]) / 1024, out[2]))
                peers[name] = (min(m[0] for m in measured), statistics.median(m[0] for m in measured),
                               max(m[1] for m in measured), measured[0][2])
            inprocess = subprocess.run([BENCH, "import", path, str(REPEAT)],
                                       capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
            import_s = json.loads(inprocess)["seconds"]
            row = {
                "shape": shape, "rows": rows, "file_mb": round(size_mb, 1),
                "weakties_min_s": round(min(times), 3), "weakties_median_s": round(statistics.median(times), 3),
                "weakties_rss_mb": round(max(r for _, r in ours) / 1024, 1),
                "weakties_import_in_process_s": round(import_s, 3),
                "pandas_version": peers["pandas"][3], "pandas_min_s": round(peers["pandas"][0], 3),
                "pandas_median_s": round(peers["pandas"][1], 3), "pandas_rss_mb": round(peers["pandas"][2], 1),
                "polars_version": peers["polars"][3], "polars_min_s": round(peers["polars"][0], 3),
                "polars_median_s": round(peers["polars"][1], 3), "polars_rss_mb": round(peers["polars"][2], 1),
                "ratio_to_pandas": round(min(times) / peers["pandas"][0], 2),
                "ratio_to_polars": round(min(times) / peers["polars"][0], 2),
            }
            results.append(row)
            print(f"{shape:>5} {rows:>8} rows {size_mb:6.1f} MB | weakties min {min(times):6.3f} median {statistics.median(times):6.3f} s "
                  f"{row['weakties_rss_mb']:6.1f} MB | pandas {peers['pandas'][0]:6.3f}/{peers['pandas'][1]:6.3f} s "
                  f"{peers['pandas'][2]:6.1f} MB | polars {peers['polars'][0]:6.3f}/{peers['polars'][1]:6.3f} s "
                  f"{peers['polars'][2]:6.1f} MB | ratio pandas {row['ratio_to_pandas']:.2f}x polars {row['ratio_to_polars']:.2f}x"
                  f" | in-process {import_s:.3f} s", flush=True)
    with open(os.path.join(OUT, "import.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
