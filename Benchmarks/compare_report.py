#!/usr/bin/env python3
"""Report benchmark: `weakties report --format html` beside the report as researchers script it today.

Generates the seeded study (25 innovations, 500 ties, seed 1; Benchmarks/generate_study.py) into
bench-out/report-study/, then times in one run, best of REPEAT, each as a whole process (wall clock
around subprocess.run, so Python's start-up and imports count, as they do for the researcher):
  - Benchmarks/report_pipeline.py: pandas + networkx + one `sfdp -Tsvg` command per ego map and one
    for the study map + Jinja2 pages, in the virtual environment bench-out/venv-report (plain pip
    install of pandas, networkx and jinja2); its stage breakdown (--timings) of the best run is kept;
  - .build/release/weakties report … --format html --output bench-out/report-weakties --quiet.
Both output folders are emptied before every run (outside the timed region). Target (issue 10):
ours ≤ 0.1 × the pipeline. Results go to stdout and bench-out/report.json.

usage: compare_report.py   (environment: REPEAT=5  INNOVATIONS=25  TIES=500  SEED=1)
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import time

from benchcommon import OUT, ROOT, WEAKTIES, venv

HERE = os.path.join(ROOT, "Benchmarks")
REPEAT = int(os.environ.get("REPEAT", "5"))
INNOVATIONS = int(os.environ.get("INNOVATIONS", "25"))
TIES = int(os.environ.get("TIES", "500"))
SEED = int(os.environ.get("SEED", "1"))
TARGET_RATIO = 0.1


def timed(command, output_dir):
    """Wall-clock seconds of one whole process, its completed process; output_dir is emptied first."""
    shutil.rmtree(output_dir, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - start, result


def versions(python):
    script = "import pandas, networkx, jinja2; print(pandas.__version__, networkx.__version__, jinja2.__version__)"
    pandas, networkx, jinja = subprocess.run([python, "-c", script], capture_output=True, text=True,
                                             check=True).stdout.split()
    graphviz = subprocess.run(["sfdp", "-V"], capture_output=True, text=True).stderr.strip()
    return {"pandas": pandas, "networkx": networkx, "jinja2": jinja, "graphviz": graphviz}


def weakties_report_missing():
    """Why our side cannot run (None when it can): no release binary, or no `report` subcommand."""
    if not os.path.exists(WEAKTIES):
        return f"{WEAKTIES} not found; build first: swift build -c release --product weakties"
    help_text = subprocess.run([WEAKTIES, "--help"], capture_output=True, text=True).stdout
    if not any(line.split()[:1] == ["report"] for line in help_text.splitlines()):
        return "this weakties build has no `report` subcommand yet"
    return None


def main():
    os.makedirs(OUT, exist_ok=True)
    if shutil.which("sfdp") is None:
        sys.exit("the pipeline needs Graphviz's sfdp command: apt-get install graphviz")
    study = os.path.join(OUT, "report-study")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_study.py"), "--innovations", str(INNOVATIONS),
                    "--ties", str(TIES), "--seed", str(SEED), study], check=True)
    ties, nodes = os.path.join(study, "ties.csv"), os.path.join(study, "nodes.csv")
    python = venv("report", "pandas", "networkx", "jinja2")

    # The pipeline, whole process; the breakdown of the fastest run is kept.
    pipeline_out = os.path.join(OUT, "report-pipeline")
    command = [python, os.path.join(HERE, "report_pipeline.py"), ties, nodes, pipeline_out, "--timings"]
    runs = []
    for _ in range(REPEAT):
        seconds, result = timed(command, pipeline_out)
        if result.returncode != 0:
            sys.exit(f"report_pipeline.py failed:\n{result.stderr.strip()[-2000:]}")
        runs.append((seconds, json.loads(result.stdout.strip().splitlines()[-1])))
    pipeline_s, stages = min(runs, key=lambda r: r[0])
    # What the stages do not cover: the interpreter's start-up and exit.
    stages["python_startup_and_exit"] = round(pipeline_s - stages["total_in_script"], 4)
    with open(ties, encoding="utf-8", newline="") as f:
        mention_rows = sum(1 for _ in csv.reader(f)) - 1  # records, not lines: quotes span lines
    report = {"study": {"innovations": INNOVATIONS, "ties": TIES, "seed": SEED, "mention_rows": mention_rows},
              "repeat": REPEAT, "versions": versions(python),
              "pipeline_s": round(pipeline_s, 4), "pipeline_runs_s": [round(r[0], 4) for r in runs],
              "pipeline_stages_s": stages,
              "weakties_s": None, "ratio": None, "target_ratio": TARGET_RATIO}
    print(f"pipeline (pandas + networkx + {INNOVATIONS + 1} sfdp runs + Jinja2): {pipeline_s:.3f} s "
          f"(best of {REPEAT})")
    print("  " + ", ".join(f"{k} {v:.3f} s" for k, v in stages.items() if k != "total_in_script"))

    # Ours, whole process.
    missing = weakties_report_missing()
    if missing:
        print(f"weakties report: skipped: {missing}")
        report["weakties_note"] = missing
    else:
        ours_out = os.path.join(OUT, "report-weakties")
        command = [WEAKTIES, "report", ties, "--nodes", nodes, "--format", "html", "--output", ours_out, "--quiet"]
        ours = []
        stage_runs = []
        os.environ["WEAKTIES_TIMINGS"] = "1"  # stage times on stderr (import, metrics, maps, pages, writing)
        for _ in range(REPEAT):
            seconds, result = timed(command, ours_out)
            if result.returncode != 0:
                sys.exit(f"weakties report failed (exit {result.returncode}):\n{result.stderr.strip()[-2000:]}")
            ours.append(seconds)
            stage_runs.append({line.split()[2]: float(line.split()[3]) for line in result.stderr.splitlines()
                               if line.startswith("weakties: timing ")})
        del os.environ["WEAKTIES_TIMINGS"]
        if not os.path.exists(os.path.join(ours_out, "index.html")):
            print(f"warning: weakties report wrote no index.html into {ours_out}")
        ours_s = min(ours)
        ratio = ours_s / pipeline_s
        best_stages = stage_runs[ours.index(ours_s)]
        report.update({"weakties_s": round(ours_s, 4), "weakties_runs_s": [round(s, 4) for s in ours],
                       "weakties_stages_s": best_stages,
                       "ratio": round(ratio, 4), "meets_target": ratio <= TARGET_RATIO})
        print(f"weakties report --format html: {ours_s:.3f} s (best of {REPEAT})")
        print("  " + ", ".join(f"{k} {v:.3f} s" for k, v in best_stages.items())
              + " (maps are drawn while the pages are rendered)")
        print(f"ratio ours/pipeline: {ratio:.3f}x (target <= {TARGET_RATIO}x: "
              f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")

    with open(os.path.join(OUT, "report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(f"results: {os.path.join(OUT, 'report.json')}")


if __name__ == "__main__":
    main()
