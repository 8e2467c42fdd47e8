"""What the comparison scripts share: where things are, a virtual environment per set of peers, and
whole-process timing (wall clock and peak RSS of a child process, best of REPEAT)."""
import os
import random
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench-out")
WEAKTIES = os.path.join(ROOT, ".build", "release", "weakties")
BENCH = os.path.join(ROOT, ".build", "release", "weakties-bench")

# Run in a fresh interpreter: the child's peak RSS is then the measured command's alone.
MEASURE = r"""
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
"""


def venv(name, *packages):
    """The python of bench-out/venv-NAME, created with PACKAGES installed by pip on first use."""
    path = os.path.join(OUT, "venv-" + name)
    python = os.path.join(path, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", path], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", *packages], check=True)
    return python


def venv_or_system(name, packages, modules):
    """venv(NAME, *PACKAGES) when its python imports MODULES; otherwise (pip failed, no network) this
    interpreter if it imports them; otherwise stop."""
    def imports(python):
        return subprocess.run([python, "-c", "import " + ", ".join(modules)], capture_output=True).returncode == 0
    try:
        python = venv(name, *packages)
        if imports(python):
            return python
        reason = "it lacks one of " + ", ".join(modules)
    except (subprocess.CalledProcessError, OSError) as error:
        reason = str(error)
    if not imports(sys.executable):
        raise SystemExit("bench-out/venv-%s is not usable (%s) and %s cannot import %s" % (name, reason, sys.executable, ", ".join(modules)))
    print("note: bench-out/venv-%s is not usable (%s); using %s" % (name, reason, sys.executable), file=sys.stderr)
    return sys.executable


def summary(seconds, rss_kb=None):
    """{"runs_s", "min_s", "median_s"[, "peak_rss_mb"]} of a list of times (and peak RSS values in KiB)."""
    out = {"runs_s": [round(t, 4) for t in seconds], "min_s": round(min(seconds), 4),
           "median_s": round(statistics.median(seconds), 4)}
    if rss_kb:
        out["peak_rss_mb"] = round(max(rss_kb) / 1024, 1)
    return out


def runs(argv, repeat):
    """(seconds, peak RSS in KiB) of each of REPEAT whole-process runs of ARGV; stops if one fails."""
    measured = []
    for _ in range(repeat):
        result = subprocess.run([sys.executable, "-c", MEASURE] + argv, capture_output=True, text=True, check=True)
        out = result.stdout.split()
        if out[2] != "0":
            raise SystemExit("failed (exit %s): %s\n%s" % (out[2], " ".join(argv), result.stderr.strip()[-2000:]))
        measured.append((float(out[0]), int(out[1])))
    return measured


def timed(argv, repeat):
    """Best (seconds, peak RSS in KiB) of REPEAT whole-process runs of ARGV; stops if it fails."""
    return min(runs(argv, repeat), key=lambda r: r[0])


def barabasi_albert(n, m, seed):
    """Seeded Barabási–Albert edges (source, target) on nodes 0..n-1, m per new node (compare_metrics, compare_formats)."""
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
