#!/usr/bin/env python3
"""`make fuzz`: runs each cccd-fuzz target under libFuzzer for FUZZ_SECONDS and rewrites the
fuzz section of BENCHMARKS.md with what each run did.

Usage: scripts/fuzz.py CCCD_FUZZ_BINARY SECONDS [TARGET…]   (no target: every target)
FUZZ_JOBS=N runs N targets at a time (default 1). The table keeps the rows of targets not run
this time, each with its own date.

Per target: a work corpus in .build-fuzz/corpus/TARGET (kept between runs, so coverage
accumulates) next to the committed seeds in Fuzz/Corpus/TARGET (read, never written); crashes,
leaks and timeouts land in .build-fuzz/crashes/TARGET/. A crash is fixed in the product, and its
input moved to Fuzz/Crashes/TARGET/, where FuzzRegressionTests replays it on every `make test`.
"""
import os
import platform
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK_BEGIN, MARK_END = "<!-- fuzz:begin -->", "<!-- fuzz:end -->"
# Leak detection stays on except for toml-config: TOMLKit 0.6 leaks on every parse (the
# CTOMLParseError it allocates, the key arrays of tableGetKeys: a few hundred bytes per
# configuration load), which is not ours to free.
EXTRA_ARGUMENTS = {"toml-config": ["-detect_leaks=0"]}
EXTRA_ENVIRONMENT = {"toml-config": {"ASAN_OPTIONS": "detect_leaks=0"}}  # nor at exit


def targets(binary):
    out = subprocess.run([binary], capture_output=True, text=True, env={**os.environ, "CCCD_FUZZ_TARGET": ""})
    match = re.search(r"one of: (.*)", out.stderr)
    if not match:
        sys.exit(f"cannot list targets from {binary}: {out.stderr.strip()}")
    return match.group(1).split()


def run(binary, target, seconds):
    work = os.path.join(ROOT, ".build-fuzz", "corpus", target)
    crashes = os.path.join(ROOT, ".build-fuzz", "crashes", target)
    seeds = os.path.join(ROOT, "Fuzz", "Corpus", target)
    os.makedirs(work, exist_ok=True)
    os.makedirs(crashes, exist_ok=True)
    before = set(os.listdir(crashes))
    log_path = os.path.join(ROOT, ".build-fuzz", f"fuzz-{target}.log")
    command = [binary, work] + ([seeds] if os.path.isdir(seeds) else []) + [
        f"-max_total_time={seconds}", "-print_final_stats=1", "-timeout=20", "-rss_limit_mb=4096",
        "-max_len=16384", f"-artifact_prefix={crashes}/"] + EXTRA_ARGUMENTS.get(target, [])
    started = time.monotonic()
    # SWIFT_BACKTRACE off: the Swift runtime's crash handler reads the crashed stack in a way
    # AddressSanitizer reports as a bug of its own, hiding the real trap from libFuzzer.
    with open(log_path, "w") as log:
        code = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "CCCD_FUZZ_TARGET": target, "SWIFT_BACKTRACE": "enable=no",
                                   "LSAN_OPTIONS": f"suppressions={os.path.join(ROOT, 'Fuzz', 'lsan-suppressions.txt')}",
                                   **EXTRA_ENVIRONMENT.get(target, {})}).returncode
    elapsed = time.monotonic() - started
    text = open(log_path, errors="replace").read()
    executed = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    done = re.findall(r"Done (\d+) runs in (\d+) second", text)
    runs = int(executed[-1]) if executed else (int(done[-1][0]) if done else 0)
    cov = re.findall(r"cov: (\d+) ft: (\d+) corp: (\d+)", text)
    new = sorted(set(os.listdir(crashes)) - before)
    return {
        "target": target, "seconds": round(elapsed), "runs": runs,
        "rate": runs / elapsed if elapsed > 0 else 0,
        "cov": cov[-1][0] if cov else "?", "features": cov[-1][1] if cov else "?",
        "corpus": cov[-1][2] if cov else "?",
        "crashes": len(new), "artifacts": new, "exit": code, "log": os.path.relpath(log_path, ROOT),
    }


def machine():
    model = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores (shared), {platform.system()} {platform.release()}"


HEADER = ("| target | date (UTC) | seconds | executions | execs/s | coverage (edges / features) | corpus | crashes |",
          "|---|---|---:|---:|---:|---:|---:|---|")


def report(results, previous):
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
    rows = {}
    for line in previous.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == len(HEADER[0].strip("|").split("|")) and cells[0] not in ("target",):
            rows[cells[0]] = line
    for r in results:
        crashes = "0" if r["crashes"] == 0 and r["exit"] == 0 else \
            f"**{r['crashes']}** ({', '.join(r['artifacts']) or 'exit ' + str(r['exit'])}; see {r['log']})"
        rows[r["target"]] = (f"| {r['target']} | {now} | {r['seconds']} | {r['runs']:,} | {r['rate']:,.0f} | "
                             f"{r['cov']} / {r['features']} | {r['corpus']} | {crashes} |")
    lines = [
        f"`make fuzz` (`scripts/fuzz.py`) on {machine()}: libFuzzer + AddressSanitizer (leaks too), debug build "
        "with every Swift and C++ module instrumented; several targets ran side by side on the shared cores.",
        "",
        *HEADER,
    ]
    lines += sorted(rows.values(), key=lambda row: row.split("|")[1].strip())
    lines += ["", "Crashes found by earlier runs, fixed in the product and kept as regression inputs: "
              "`Fuzz/Crashes/` (listed with their fixes in Fuzz/README.md)."]
    return "\n".join(lines)


def section():
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read()
    return text[text.index(MARK_BEGIN) + len(MARK_BEGIN):text.index(MARK_END)]


def rewrite(new):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read()
    begin, end = text.index(MARK_BEGIN) + len(MARK_BEGIN), text.index(MARK_END)
    open(path, "w").write(text[:begin] + "\n" + new + "\n" + text[end:])


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, seconds = sys.argv[1], int(sys.argv[2])
    chosen = sys.argv[3:] or targets(binary)
    def one(target):
        print(f"fuzzing {target} for {seconds} s …", flush=True)
        result = run(binary, target, seconds)
        print(f"  {target}: {result['runs']:,} executions, cov {result['cov']}, corpus {result['corpus']}, "
              f"crashes {result['crashes']} (exit {result['exit']})", flush=True)
        return result
    with ThreadPoolExecutor(max_workers=max(1, int(os.environ.get("FUZZ_JOBS", "1")))) as pool:
        results = list(pool.map(one, chosen))
    rewrite(report(results, section()))
    print("BENCHMARKS.md: fuzz section rewritten")
    if any(r["crashes"] or r["exit"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
