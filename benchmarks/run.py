"""Start-up and scale benchmarks for mlcareer, as ratios of paired runs.

    python benchmarks/run.py [--venv DIR] [--pairs N] [--markdown]

Needs only public tools: Python 3.10+, pip (to build DIR on first use: a virtual environment
with this checkout installed non-editable, and the official tldr client), and optionally
hyperfine (Debian package) for a cross-check. Each comparison runs A and B alternately, N pairs,
swapping the order every pair, so machine noise hits both sides alike; the result is the median
of the per-pair ratios B/A. Peak memory is each process's maximum resident set (wait4).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TLDR_PAGE = """# mlcareer

> A career advisor for machine learning, from curated and sourced role data.
> More information: <https://example.org/mlcareer>.

- Show the whole profile of a role:

`mlcareer show {{machine-learning-engineer}}`

- Show pay estimates per source, with derived hourly figures:

`mlcareer salary`

- Search related job titles, tolerant of typos:

`mlcareer titles --search {{data}}`
"""


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB) of one run, stdout to a file as in a pipe."""
    with open(os.devnull, "w") as sink, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=sink, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def paired(a: list[str], b: list[str], env_a: dict, env_b: dict, pairs: int) -> dict:
    for _ in range(3):  # warm the page cache and mlcareer's cache
        run_once(a, env_a)
        run_once(b, env_b)
    times_a, times_b, ratios, peak = [], [], [], 0
    for i in range(pairs):
        if i % 2:
            tb, mb = run_once(b, env_b)
            ta, _ = run_once(a, env_a)
        else:
            ta, _ = run_once(a, env_a)
            tb, mb = run_once(b, env_b)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(tb / ta)
        peak = max(peak, mb)
    return {"a": statistics.median(times_a), "b": statistics.median(times_b),
            "ratio": statistics.median(ratios), "peak_kib": peak}


def ensure_venv(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating {venv} (mlcareer from this checkout, non-editable, and tldr)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT), "tldr"], check=True)
    return venv / "bin"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, default=HERE / "out" / "venv")
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--cold-runs", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print the results as a Markdown table")
    args = parser.parse_args()

    bin_dir = ensure_venv(args.venv.resolve())
    work = Path(tempfile.mkdtemp(prefix="mlcareer-bench-"))
    try:
        large = work / "large.yaml"
        subprocess.run([sys.executable, str(HERE / "make_large.py"), str(large)], check=True)
        (work / "xdg" / "tldr" / "pages" / "common").mkdir(parents=True)
        (work / "xdg" / "tldr" / "pages" / "common" / "mlcareer.md").write_text(TLDR_PAGE)
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "MLCAREER_DATA")}
        env.update({"XDG_CACHE_HOME": str(work / "xdg"), "MLCAREER_CACHE_DIR": str(work / "cache"),
                    "TLDR_CACHE_MAX_AGE": "100000"})
        complete_env = {**env, "_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer show mach",
                        "COMP_CWORD": "2"}
        mlc, py = str(bin_dir / "mlcareer"), str(bin_dir / "python")
        data = ["--data", str(large)]
        rows = []

        def compare(name, a, b, goal, env_a=env, env_b=env):
            result = paired(a, b, env_a, env_b, args.pairs)
            rows.append((name, result, goal))
            print(f"  {name}: {result['ratio']:.2f}x (goal <= {goal}x)", file=sys.stderr)

        print(f"{args.pairs} pairs each, on {machine()}", file=sys.stderr)
        compare("show (to a file) vs tldr client, one cached page",
                [str(bin_dir / "tldr"), "mlcareer"], [mlc, "show", "machine-learning-engineer"], 1.2)
        compare("Tab completion of a role vs python -c 'import typer'",
                [py, "-c", "import typer"], [mlc], 1.15, env, complete_env)
        compare("titles --search: 1,000-role file vs built-in only",
                [mlc, "titles", "--search", "data"], [mlc, *data, "titles", "--search", "data"], 1.5)
        compare("show: 1,000-role file vs built-in only",
                [mlc, "show", "machine-learning-engineer"], [mlc, *data, "show", "synthetic-role-0500"], 1.5)

        cold_times, cold_peak = [], 0
        for _ in range(args.cold_runs):
            shutil.rmtree(work / "cache", ignore_errors=True)
            elapsed, peak = run_once([mlc, *data, "titles", "--search", "data"], env)
            cold_times.append(elapsed)
            cold_peak = max(cold_peak, peak)
        warm_peak = max(r["peak_kib"] for name, r, _ in rows if "1,000" in name)
        cold = statistics.median(cold_times)
        print(f"  cold run, 1,000-role file: {cold:.2f} s, peak {cold_peak / 1024:.0f} MiB", file=sys.stderr)

        if args.markdown:
            print(f"Machine: {machine()}. {args.pairs} interleaved pairs per comparison; "
                  f"large file: {large.stat().st_size / 2**20:.1f} MiB, 1,000 roles, 20,000 titles.\n")
            print("| comparison | A median | B median | ratio B/A (median of pairs) | goal | met |")
            print("| --- | ---: | ---: | ---: | ---: | :-: |")
            for name, r, goal in rows:
                met = "yes" if r["ratio"] <= goal else "**no**"
                print(f"| {name} | {r['a'] * 1e3:.1f} ms | {r['b'] * 1e3:.1f} ms | {r['ratio']:.2f}x | {goal}x | {met} |")
            print(f"| first (cold) run, 1,000-role file, titles --search | | {cold:.2f} s | | < 2 s | "
                  f"{'yes' if cold < 2 else '**no**'} |")
            print(f"| peak memory, 1,000-role file, cold / warm | | {cold_peak / 1024:.0f} / {warm_peak / 1024:.0f} MiB"
                  f" | | < 150 MB | {'yes' if max(cold_peak, warm_peak) * 1024 < 150e6 else '**no**'} |")

        if shutil.which("hyperfine"):
            print("\nhyperfine cross-check (sequential runs, not paired):", file=sys.stderr)
            subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "30", "--style", "basic",
                            f"{bin_dir / 'tldr'} mlcareer", f"{mlc} show machine-learning-engineer"],
                           env=env, stdout=sys.stderr, check=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
