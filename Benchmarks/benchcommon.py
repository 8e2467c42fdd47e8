"""What the comparison scripts share: where things are, a virtual environment per set of peers, and
whole-process timing (wall clock and peak RSS of a child process, best of REPEAT)."""
import os
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


def runs(argv, repeat):
    """(seconds, peak RSS in KiB) of each of REPEAT whole-process runs of ARGV; stops if one fails."""
    measured = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", MEASURE] + argv, capture_output=True, text=True, check=True).stdout.split()
        if out[2] != "0":
            raise SystemExit("failed: %s" % " ".join(argv))
        measured.append((float(out[0]), int(out[1])))
    return measured


def timed(argv, repeat):
    """Best (seconds, peak RSS in KiB) of REPEAT whole-process runs of ARGV; stops if it fails."""
    return min(runs(argv, repeat), key=lambda r: r[0])
