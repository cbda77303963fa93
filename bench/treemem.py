#!/usr/bin/env python3
"""Runs a command and samples the memory of the processes under it, grouped by tool.

`/usr/bin/time -v` reports the largest single process's peak RSS (the `ru_maxrss` of the
waited-for tree), which undercounts a tool that forks workers. This sampler polls /proc every
INTERVAL seconds and, for every process below the command, finds which tool it belongs to
(the first argument, or the script run by an interpreter, whose file name is one of --tool);
it sums, per tool, the RSS and the PSS (proportional set size: shared pages split between the
processes sharing them, so forked copy-on-write workers are not counted twice) of that tool's
processes at each sample, and keeps the peaks.

Usage: treemem.py --tool vigil --tool checkov -o OUT.json [--interval 0.2] -- COMMAND...
The command's exit code is passed on. A sampler misses peaks shorter than its interval; for
the largest single process, trust /usr/bin/time's figure, which is exact.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def snapshot():
    """pid -> (ppid, argv) for every process."""
    procs = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        stat = read(f"/proc/{name}/stat")
        if not stat:
            continue
        # comm may hold spaces and parentheses: the fields after the last ')' are fixed.
        rest = stat[stat.rfind(b")") + 2:].split()
        procs[int(name)] = int(rest[1])
    return procs


def argv_of(pid):
    raw = read(f"/proc/{pid}/cmdline")
    return [a.decode(errors="replace") for a in raw.split(b"\0") if a] if raw else []


def kb(field, text):
    for line in text.splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", action="append", required=True, help="file name of a tool's executable or script")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--interval", type=float, default=0.2)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not cmd:
        ap.error("no command")

    tools = set(args.tool)
    peaks = {t: {"peak_tree_rss_kb": 0, "peak_tree_pss_kb": 0, "peak_processes": 0, "samples": 0} for t in tools}
    label_cache = {}

    def label(pid):
        if pid not in label_cache:
            argv = argv_of(pid)
            found = None
            for a in argv[:2]:  # the program, or the script an interpreter runs
                base = os.path.basename(a)
                if base in tools:
                    found = base
                    break
            label_cache[pid] = found
        return label_cache[pid]

    child = subprocess.Popen(cmd)
    while True:
        done = child.poll() is not None
        procs = snapshot()
        # Descendants of the command.
        kids = {}
        for pid, ppid in procs.items():
            kids.setdefault(ppid, []).append(pid)
        stack, tree = [child.pid], []
        while stack:
            p = stack.pop()
            tree.append(p)
            stack.extend(kids.get(p, []))
        totals = {}
        for pid in tree:
            t = label(pid)
            if t is None:
                continue
            status = read(f"/proc/{pid}/status")
            rollup = read(f"/proc/{pid}/smaps_rollup")
            if status is None:
                continue
            rss = kb("VmRSS:", status.decode(errors="replace"))
            pss = kb("Pss:", rollup.decode(errors="replace")) if rollup else rss
            if rss == 0:  # a zombie
                continue
            acc = totals.setdefault(t, [0, 0, 0])
            acc[0] += rss
            acc[1] += pss
            acc[2] += 1
        for t, (rss, pss, n) in totals.items():
            p = peaks[t]
            p["peak_tree_rss_kb"] = max(p["peak_tree_rss_kb"], rss)
            p["peak_tree_pss_kb"] = max(p["peak_tree_pss_kb"], pss)
            p["peak_processes"] = max(p["peak_processes"], n)
            p["samples"] += 1
        # Forget pids that are gone, so a reused pid is looked at afresh.
        for pid in list(label_cache):
            if pid not in procs:
                del label_cache[pid]
        if done:
            break
        time.sleep(args.interval)

    with open(args.output, "w") as f:
        json.dump({"interval_s": args.interval, "tools": peaks}, f, indent=2)
        f.write("\n")
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
