"""Start-up and scale benchmarks for mlcareer, as ratios of paired runs.

    python benchmarks/run.py [--venv DIR] [--pairs N] [--markdown] [--baseline GITREF] [--only WORDS]

Needs only public tools: Python 3.10+, pip (to build DIR on first use: a virtual environment
with this checkout installed non-editable, and the official tldr client), and optionally
hyperfine (Debian package) for a cross-check. Each comparison runs A and B alternately, N pairs,
swapping the order every pair, so machine noise hits both sides alike; the result is the median
of the per-pair ratios B/A. Peak memory is each process's maximum resident set (wait4).
With ``--baseline REF``, that commit is installed too and every comparison runs for both builds
in the same rounds, so before and after are measured side by side under the same noise.
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


def rounds(commands: list[tuple[list[str], dict]], pairs: int, before=None) -> list[list[tuple[float, int]]]:
    """Run the commands in turn, ``pairs`` rounds, reversing the order every other round;
    (time, peak KiB) per command per round. ``before(k)`` runs ahead of command k, untimed."""
    for _ in range(3):  # warm the page cache and mlcareer's cache
        for k, (argv, env) in enumerate(commands):
            if before:
                before(k)
            run_once(argv, env)
    results: list[list[tuple[float, int]]] = [[] for _ in commands]
    for i in range(pairs):
        order = range(len(commands)) if i % 2 == 0 else reversed(range(len(commands)))
        for k in order:
            if before:
                before(k)
            results[k].append(run_once(*commands[k]))
    return results


def summary(a: list[tuple[float, int]], b: list[tuple[float, int]]) -> dict:
    return {"a": statistics.median(t for t, _ in a), "b": statistics.median(t for t, _ in b),
            "ratio": statistics.median(tb / ta for (ta, _), (tb, _) in zip(a, b)),
            "peak_kib": max(m for _, m in b)}


def paired(a: list[str], b: list[str], env_a: dict, env_b: dict, pairs: int) -> dict:
    return summary(*rounds([(a, env_a), (b, env_b)], pairs))


def ensure_venv(venv: Path, source: Path = ROOT) -> Path:
    """A venv with mlcareer from ``source`` (reinstalled every run, so it is the code measured),
    non-editable as users get it, and the tldr client."""
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating {venv} (mlcareer from {source}, non-editable, and tldr)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(source), "tldr"], check=True)
    else:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(source)],
                       check=True)
    return venv / "bin"


def baseline_venv(ref: str, work: Path) -> Path:
    """A venv with mlcareer as of git commit ``ref`` of this repository."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"], check=True,
                         capture_output=True, text=True).stdout.strip()
    source = work / f"baseline-{sha[:12]}"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    return ensure_venv(HERE / "out" / f"venv-{sha[:12]}", source)


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
    parser.add_argument("--baseline", metavar="GITREF", help="also measure this commit, side by side")
    parser.add_argument("--only", metavar="WORDS", help="only the comparisons whose name contains WORDS "
                        "(e.g. --only completion)")
    args = parser.parse_args()

    bin_dir = ensure_venv(args.venv.resolve())
    work = Path(tempfile.mkdtemp(prefix="mlcareer-bench-"))
    try:
        builds = [("this checkout", bin_dir)]
        if args.baseline:
            builds.insert(0, (f"baseline {args.baseline}", baseline_venv(args.baseline, work)))
        large, worst = work / "large.yaml", work / "worst.yaml"
        subprocess.run([sys.executable, str(HERE / "make_large.py"), str(large)], check=True)
        subprocess.run([sys.executable, str(HERE / "make_large.py"), str(worst), "--title-prefix", "Data engineer "],
                       check=True)
        (work / "xdg" / "tldr" / "pages" / "common").mkdir(parents=True)
        (work / "xdg" / "tldr" / "pages" / "common" / "mlcareer.md").write_text(TLDR_PAGE)
        base_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "MLCAREER_DATA")}
        base_env.update({"XDG_CACHE_HOME": str(work / "xdg"), "TLDR_CACHE_MAX_AGE": "100000"})
        # Each build has its own mlcareer cache: their entries must not evict each other's.
        envs = [{**base_env, "MLCAREER_CACHE_DIR": str(work / f"cache-{n}")} for n in range(len(builds))]
        complete = {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": "mlcareer show mach", "COMP_CWORD": "2"}
        tldr, py = str(bin_dir / "tldr"), str(bin_dir / "python")
        parse_only = [py, "-c", f"import yaml; yaml.load(open({str(large)!r}, encoding='utf-8'), Loader=yaml.CSafeLoader)"]
        data, worst_data = ["--data", str(large)], ["--data", str(worst)]
        rows = []  # (name, goal, [result per build])

        def compare(name, goal, make, before=None):
            """``make(mlc, env)`` gives (argv A, env A, argv B, env B) for one build."""
            if args.only and args.only.lower() not in name.lower():
                return
            commands = []
            for (_, bdir), env in zip(builds, envs):
                a, env_a, b, env_b = make(str(bdir / "mlcareer"), env)
                commands += [(a, env_a), (b, env_b)]
            timed = rounds(commands, args.pairs, before)
            results = [summary(timed[2 * n], timed[2 * n + 1]) for n in range(len(builds))]
            rows.append((name, goal, results))
            shown = ", ".join(f"{label}: {r['ratio']:.2f}x" for (label, _), r in zip(builds, results))
            print(f"  {name}: {shown} (goal <= {goal}x)", file=sys.stderr)

        def clear_cache(k: int) -> None:
            if k % 2:  # B runs of the cold comparison start without mlcareer's cache
                shutil.rmtree(envs[k // 2]["MLCAREER_CACHE_DIR"], ignore_errors=True)

        print(f"{args.pairs} rounds each, on {machine()}", file=sys.stderr)
        compare("show (to a file) vs tldr client, one cached page", 1.2,
                lambda mlc, env: ([tldr, "mlcareer"], env, [mlc, "show", "machine-learning-engineer"], env))
        compare("Tab completion of a role vs python -c 'import typer'", 1.15,
                lambda mlc, env: ([py, "-c", "import typer"], env, [mlc], {**env, **complete}))
        compare("titles --search: 1,000-role file vs built-in only", 1.5,
                lambda mlc, env: ([mlc, "titles", "--search", "data"], env,
                                  [mlc, *data, "titles", "--search", "data"], env))
        compare("titles --search 'data eng', all 20,000 titles match: 1,000-role file vs built-in only", 1.5,
                lambda mlc, env: ([mlc, "titles", "--search", "data eng"], env,
                                  [mlc, *worst_data, "titles", "--search", "data eng"], env))
        compare("show: 1,000-role file vs built-in only", 1.5,
                lambda mlc, env: ([mlc, "show", "machine-learning-engineer"], env,
                                  [mlc, *data, "show", "synthetic-role-0500"], env))
        question = "what fills an ML engineer's calendar"
        compare("ask a question vs show, warm cache", 1.5,
                lambda mlc, env: ([mlc, "show", "machine-learning-engineer"], env, [mlc, "ask", question], env))
        post = ("I'm 27 and work in retail, I did some Python at school and I like maths. "
                "Would a master's degree in computer science be enough to get hired as an ML engineer?")
        compare("ask a long question (the nearest examples read too) vs show, warm cache", 1.5,
                lambda mlc, env: ([mlc, "show", "machine-learning-engineer"], env, [mlc, "ask", post], env))
        cold_pairs, args.pairs = args.pairs, min(args.pairs, args.cold_runs)
        compare("first (cold) ask, nothing cached, vs a warm ask", 2.0,
                lambda mlc, env: ([mlc, "ask", question], env, [mlc, "ask", question], env), clear_cache)
        compare("first (cold) run, 1,000-role file, titles --search vs parsing it with PyYAML's C loader", 1.25,
                lambda mlc, env: (parse_only, env, [mlc, *data, "titles", "--search", "data"], env), clear_cache)
        args.pairs = cold_pairs

        if args.markdown:
            print(f"Machine: {machine()}. {args.pairs} interleaved rounds per comparison ({args.cold_runs} for "
                  f"the cold run); large file: {large.stat().st_size / 2**20:.1f} MiB, 1,000 roles, 20,000 titles.\n")
            for (label, _), n in zip(builds, range(len(builds))):
                print(f"{label}:\n")
                print("| comparison | A median | B median | ratio B/A (median of rounds) | goal | met |")
                print("| --- | ---: | ---: | ---: | ---: | :-: |")
                for name, goal, results in rows:
                    r = results[n]
                    met = "yes" if r["ratio"] <= goal else "**no**"
                    print(f"| {name} | {r['a'] * 1e3:.1f} ms | {r['b'] * 1e3:.1f} ms | {r['ratio']:.2f}x | {goal}x | {met} |")
                cold = next((r for name, _, r in rows if name.startswith("first (cold) run")), [None] * (n + 1))[n]
                warm = [r[n]["peak_kib"] for name, _, r in rows if "1,000" in name and "cold" not in name]
                if cold is None or not warm:
                    print()
                    continue
                warm_peak = max(warm)
                print(f"| peak memory, 1,000-role file, cold / warm | | {cold['peak_kib'] / 1024:.0f} / "
                      f"{warm_peak / 1024:.0f} MiB | | < 150 MB | "
                      f"{'yes' if max(cold['peak_kib'], warm_peak) * 1024 < 150e6 else '**no**'} |\n")

        if shutil.which("hyperfine"):
            print("\nhyperfine cross-check (sequential runs, not paired):", file=sys.stderr)
            subprocess.run(["hyperfine", "-N", "--warmup", "5", "--runs", "30", "--style", "basic",
                            f"{tldr} mlcareer", f"{bin_dir / 'mlcareer'} show machine-learning-engineer"],
                           env=envs[-1], stdout=sys.stderr, check=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
