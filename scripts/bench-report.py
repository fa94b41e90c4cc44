#!/usr/bin/env python3
"""`make bench`'s report writer.

  bench-report.py begin ROWS          notes the machine and its load in ROWS (a fresh JSON-lines file)
  bench-report.py write ROWS REPORT   rewrites REPORT's <!-- bench:begin --> … <!-- bench:end --> block

Between the two, cccd-bench and eligibility-bench append one JSON line per figure to ROWS (their
BenchmarkRow: suite, name, figure, unit, runs, anchor, anchorFigure, target, met, note). Only the
marked block of REPORT is touched; everything around it stays as it was.
"""
import json
import os
import platform
import subprocess
import sys
import time

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
# Every suite `make bench` runs, by a part of its title: one missing from ROWS is named as such.
EXPECTED_SUITES = ["QR", "Passive Authentication", "Chip read", "Ledger", "Daemon", "Eligibility client",
                   "lookups in flight", "Gateway client vs wrk"]


def first_line(path, prefix):
    with open(path) as f:
        return next((line.split(":", 1)[1].strip() for line in f if line.startswith(prefix)), "?")


def cpu_sample():
    """Total and idle jiffies of the whole machine, and CPU jiffies per process name."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    per_process = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2:].split()
        per_process[pid] = (name, int(rest[11]) + int(rest[12]))
    return sum(fields), fields[3] + fields[4], per_process


def load(seconds=2.0):
    """The load average and how busy the CPUs were over `seconds`, with the busiest processes."""
    total0, idle0, procs0 = cpu_sample()
    time.sleep(seconds)
    total1, idle1, procs1 = cpu_sample()
    busy = 100.0 * (1 - (idle1 - idle0) / max(1, total1 - total0))
    by_name = {}
    for pid, (name, jiffies) in procs1.items():
        used = jiffies - procs0.get(pid, (name, 0))[1]  # a process started meanwhile: all of its time
        if used > 0:
            by_name[name] = by_name.get(name, 0) + used
    hz = os.sysconf("SC_CLK_TCK")
    busiest = [item for item in sorted(by_name.items(), key=lambda item: -item[1])[:4] if 100 * item[1] / hz / seconds >= 5]
    with open("/proc/loadavg") as f:
        loadavg = " ".join(f.read().split()[:3])
    return {"loadavg": loadavg, "busyPercent": round(busy),
            "busiest": [f"{name} {100 * used / hz / seconds:.0f}%" for name, used in busiest]}


def machine():
    swift = os.environ.get("SWIFT", "swift")
    try:
        version = subprocess.run([swift, "--version"], capture_output=True, text=True).stdout.splitlines() or ["?"]
    except OSError:
        version = [f"{swift}: not found"]
    mem_kib = int(first_line("/proc/meminfo", "MemTotal").split()[0])
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(),
            "cpu": first_line("/proc/cpuinfo", "model name"), "memory": f"{mem_kib / 1048576:.1f} GiB",
            "kernel": f"{platform.system()} {platform.release()}", "swift": version[0].strip(), "loadAtStart": load()}


def number(value, unit):
    if unit == "ns":
        for limit, scale, suffix in [(1e3, 1, "ns"), (1e6, 1e3, "µs"), (1e9, 1e6, "ms")]:
            if abs(value) < limit:
                return f"{value / scale:.2f} {suffix}" if scale > 1 else f"{value:.0f} ns"
        return f"{value / 1e9:.2f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:,.0f} {unit}"


def table(rows):
    lines = ["| benchmark | median | runs | anchor (same run) | anchor median | ratio | target | met | note |",
             "|---|---:|---:|---|---:|---:|---|---|---|"]
    for row in rows:
        anchor = row.get("anchorFigure")
        ratio = f"{row['figure'] / anchor:.2f}×" if anchor else "—"
        met = {True: "yes", False: "**no**", None: "—"}[row.get("met")]
        lines.append(f"| {row['name']} | {number(row['figure'], row['unit'])} | {row['runs']} | {row.get('anchor') or '—'} | "
                     f"{number(anchor, row['unit']) if anchor is not None else '—'} | {ratio} | {row['target']} | {met} | "
                     f"{row.get('note') or ''} |")
    return lines


def render(machine_info, rows, load_at_end):
    start = machine_info["loadAtStart"]
    suites = list(dict.fromkeys(row["suite"] for row in rows))
    judged = [row for row in rows if row.get("met") is not None]
    missed_count = sum(1 for row in judged if not row["met"])
    missed = []
    for suite in dict.fromkeys(row["suite"] for row in judged if not row["met"]):
        names = [row["name"] for row in judged if row["suite"] == suite and not row["met"]]
        missed.append(f"{suite}: " + (", ".join(names) if len(names) <= 3 else f"{len(names)} rows"))
    absent = [name for name in EXPECTED_SUITES if not any(name in suite for suite in suites)]
    out = [f"Last run: {machine_info['date']}, `make bench` (release build). Every figure is the median of the runs "
           "shown, beside its anchor measured in the same run: on a shared machine both move together, so read "
           "the ratio more than the absolute figure.", "",
           f"Machine: {machine_info['cores']} cores ({machine_info['cpu']}), {machine_info['memory']} RAM, "
           f"{machine_info['kernel']}, {machine_info['swift']}.", "",
           f"Other load: load average {start['loadavg']} at the start, CPUs {start['busyPercent']}% busy in the 2 s "
           f"before it ({', '.join(start['busiest']) or 'no process above 5%'}); load average {load_at_end['loadavg']} at the end.", "",
           f"Targets met: {len(judged) - missed_count} of {len(judged)}."
           + (f" Not met: {'; '.join(missed)}." if missed else "")]
    if absent:
        out += ["", f"Not measured in this run (see the command's output for why): {', '.join(absent)}."]
    for suite in suites:
        out += ["", f"### {suite}", ""] + table([row for row in rows if row["suite"] == suite])
    return "\n".join(out)


def rewrite_block(report_text, block):
    if report_text.count(BEGIN) != 1 or report_text.count(END) != 1 or report_text.index(BEGIN) > report_text.index(END):
        raise SystemExit(f"error: the report needs exactly one {BEGIN} … {END} block")
    head, rest = report_text.split(BEGIN)
    return head + BEGIN + "\n" + block + "\n" + END + rest.split(END, 1)[1]


def main(argv):
    if len(argv) == 3 and argv[1] == "begin":
        with open(argv[2], "w") as f:
            f.write(json.dumps({"machine": machine()}, ensure_ascii=False) + "\n")
    elif len(argv) == 4 and argv[1] == "write":
        with open(argv[2]) as f:
            lines = [json.loads(line) for line in f if line.strip()]
        machine_info = next((line["machine"] for line in lines if "machine" in line), None)
        if machine_info is None:
            raise SystemExit(f"error: {argv[2]} does not start with the machine line (run `begin` first)")
        rows = [line for line in lines if "suite" in line]
        load_at_end = next((line["loadAtEnd"] for line in lines if "loadAtEnd" in line), None)
        if load_at_end is None:  # kept with the rows, so rendering the same run again says the same
            load_at_end = load(1.0)
            with open(argv[2], "a") as f:
                f.write(json.dumps({"loadAtEnd": load_at_end}, ensure_ascii=False) + "\n")
        with open(argv[3]) as f:
            text = rewrite_block(f.read(), render(machine_info, rows, load_at_end))
        with open(argv[3], "w") as f:
            f.write(text)
        print(f"wrote {len(rows)} figures to {argv[3]}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
