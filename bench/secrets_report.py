#!/usr/bin/env python3
"""Summarises bench/secrets_vs_peers.sh: per mode, each tool's wall time, CPU, peak memory and
findings, and Vigil's ratios to each peer.

Usage: bench/secrets_report.py bench/out/secrets-results
"""
import json
import os
import re
import statistics
import sys


def time_logs(path):
    """(cpu seconds per run, peak RSS in MiB over runs) from `/usr/bin/time -v -a` output."""
    cpu, rss = [], []
    if not os.path.exists(path):
        return [], 0.0
    user = None
    for line in open(path):
        m = re.match(r"\s*User time \(seconds\): ([\d.]+)", line)
        if m:
            user = float(m.group(1))
        m = re.match(r"\s*System time \(seconds\): ([\d.]+)", line)
        if m and user is not None:
            cpu.append(user + float(m.group(1)))
            user = None
        m = re.match(r"\s*Maximum resident set size \(kbytes\): (\d+)", line)
        if m:
            rss.append(int(m.group(1)) / 1024)
    return cpu, max(rss) if rss else 0.0


def findings(results, tool, mode):
    """Findings each tool reported, from its report file (None when there is none)."""
    base = os.path.join(results, f"{tool}-{mode}")
    try:
        if tool == "vigil":
            return len(json.load(open(base + ".json"))["findings"])
        if tool == "gitleaks":
            return len(json.load(open(base + ".json")))
        if tool == "kingfisher":
            data = json.load(open(base + ".json"))
            if isinstance(data, dict):
                data = data.get("findings", data.get("matches", []))
            return len(data)
        if tool == "ripsecrets":
            return sum(1 for _ in open(base + ".txt"))
    except (OSError, ValueError, KeyError):
        return None
    return None


def main():
    results = sys.argv[1]
    out = ["# Secret scanning: Vigil and its peers, side by side", ""]
    for mode in ["tree", "history", "precommit"]:
        d = os.path.join(results, mode)
        if not os.path.exists(os.path.join(d, "hyperfine.json")):
            continue
        hf = json.load(open(os.path.join(d, "hyperfine.json")))["results"]
        size = None
        if os.path.exists(os.path.join(d, "bytes")):
            size = int(open(os.path.join(d, "bytes")).read().split()[0])
        rows = {}
        for r in hf:
            tool = r["command"]
            cpu, rss = time_logs(os.path.join(d, f"time-{tool}.log"))
            cpu_med = statistics.median(cpu) if cpu else r["user"] + r["system"]
            rows[tool] = {
                "wall": r["mean"],
                "sd": r["stddev"] or 0.0,
                "cpu": cpu_med,
                "rss": rss,
                "found": findings(results, tool, mode),
            }
        title = {"tree": "Working tree", "history": "Full history (every ref)",
                 "precommit": "Pre-commit: 10 staged files"}[mode]
        out += [f"## {title}", ""]
        if size:
            out.append(f"{size / 1e6:.1f} MB scanned" + (" (unique blobs reachable from every ref)" if mode == "history" else ""))
            out.append("")
        out.append("| tool | wall mean ± σ (s) | CPU user+sys (s) | MB per CPU second | peak RSS (MiB) | findings |")
        out.append("|---|---|---|---|---|---|")
        for tool, v in rows.items():
            per_cpu = f"{size / 1e6 / v['cpu']:.1f}" if size and v["cpu"] else "-"
            out.append(f"| {tool} | {v['wall']:.3f} ± {v['sd']:.3f} | {v['cpu']:.2f} | {per_cpu} | {v['rss']:.0f} | {v['found'] if v['found'] is not None else '-'} |")
        out.append("")
        if "vigil" in rows:
            vg = rows["vigil"]
            for tool, v in rows.items():
                if tool == "vigil":
                    continue
                per_cpu = (f" (Vigil's throughput per CPU second is {v['cpu'] / vg['cpu']:.1f} times {tool}'s)"
                           if size else "")
                memory = f", peak memory Vigil / {tool} **{vg['rss'] / v['rss']:.2f}**" if v["rss"] else ""
                out.append(f"- {tool} / Vigil: wall **{v['wall'] / vg['wall']:.1f}×**, "
                           f"CPU **{v['cpu'] / vg['cpu']:.1f}×**{per_cpu}{memory}")
            if mode == "precommit":
                out.append(f"- Vigil's pre-commit run: {vg['wall'] * 1000:.0f} ms wall (target: under 50 ms)")
            if mode == "history":
                out.append(f"- Vigil's peak memory: {vg['rss']:.0f} MiB (target: under 300 MB)")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
