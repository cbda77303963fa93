#!/usr/bin/env python3
"""Summarises a run of bench/cfn_vs_checkov.sh: reads what it left in RESULTS_DIR and writes
summary.json and summary.md there (and prints the markdown).

  hyperfine.json          wall time per run, mean user and system CPU (hyperfine)
  time-<tool>.log         `/usr/bin/time -v` of every run, warm-up included (peak RSS, CPU)
  treemem.json            peak summed RSS / PSS of each tool's process tree (bench/treemem.py)
  vigil-report.json       Vigil's JSON report of the last run
  checkov-report.json     Checkov's JSON report of the last run
  env.json                machine, versions, load before and after, corpus summary

Usage: cfn_vs_checkov_report.py RESULTS_DIR
"""
import json
import os
import re
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def time_logs(path):
    """Per-run figures from appended `/usr/bin/time -v` outputs."""
    runs = []
    cur = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            m = re.match(r"(User time \(seconds\)|System time \(seconds\)|Maximum resident set size \(kbytes\)"
                         r"|Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)|Exit status): (.*)", line)
            if not m:
                continue
            k, v = m.groups()
            if k.startswith("User"):
                cur = {"user": float(v)}
                runs.append(cur)
            elif k.startswith("System"):
                cur["sys"] = float(v)
            elif k.startswith("Maximum"):
                cur["maxrss_kb"] = int(v)
            elif k.startswith("Elapsed"):
                parts = [float(p) for p in v.split(":")]
                secs = 0.0
                for p in parts:
                    secs = secs * 60 + p
                cur["wall"] = secs
            elif k.startswith("Exit"):
                cur["exit"] = int(v)
    return runs


def vigil_findings(path):
    d = load(path)
    sev = d["summary"]["findings"]
    return {
        "findings": len(d["findings"]),
        "by_severity": sev,
        "files_scanned": d["summary"]["files_scanned"],
        "errors": d["summary"]["errors"],
        "diagnostics": len(d["diagnostics"]),
    }


def checkov_findings(path):
    with open(path) as f:
        d = json.load(f)
    reports = d if isinstance(d, list) else [d]
    failed = passed = parse_errors = resources = 0
    files = set()
    for r in reports:
        s = r.get("summary", r)
        passed += s.get("passed", 0)
        parse_errors += s.get("parsing_errors", 0)
        resources += s.get("resource_count", 0)
        checks = r.get("results", {}).get("failed_checks", [])
        failed += len(checks) if "results" in r else s.get("failed", 0)
        files.update(c.get("file_path") for c in checks)
    return {"findings": failed, "passed_checks": passed, "parsing_errors": parse_errors,
            "files_with_findings": len(files), "resource_count": resources}


def fmt_mb(kb):
    return f"{kb / 1024:.0f} MiB" if kb >= 10 * 1024 else f"{kb / 1024:.1f} MiB"


def main():
    res = sys.argv[1]
    env = load(os.path.join(res, "env.json"))
    hf = {r["command"]: r for r in load(os.path.join(res, "hyperfine.json"))["results"]}
    tm = load(os.path.join(res, "treemem.json"))["tools"]
    tools = {}
    for name, script_name in (("vigil", "vigil"), ("checkov", "checkov")):
        h = hf[name]
        runs = time_logs(os.path.join(res, f"time-{name}.log"))
        cpu_runs = [r["user"] + r["sys"] for r in runs]
        tools[name] = {
            "runs": len(h["times"]),
            "wall_mean_s": h["mean"],
            "wall_stddev_s": h.get("stddev") or 0.0,
            "wall_min_s": h["min"],
            "wall_max_s": h["max"],
            "cpu_mean_s": h["user"] + h["system"],
            "user_mean_s": h["user"],
            "system_mean_s": h["system"],
            "time_v_runs": len(runs),
            "time_v_cpu_s": cpu_runs,
            "peak_rss_kb": max(r["maxrss_kb"] for r in runs),
            "peak_tree_rss_kb": tm.get(script_name, {}).get("peak_tree_rss_kb", 0),
            "peak_tree_pss_kb": tm.get(script_name, {}).get("peak_tree_pss_kb", 0),
            "peak_processes": tm.get(script_name, {}).get("peak_processes", 0),
            "exit_codes": sorted(set(h.get("exit_codes", []))),
        }
    tools["vigil"].update(vigil_findings(os.path.join(res, "vigil-report.json")))
    tools["checkov"].update(checkov_findings(os.path.join(res, "checkov-report.json")))
    v, c = tools["vigil"], tools["checkov"]
    ratios = {
        "wall_checkov_over_vigil": c["wall_mean_s"] / v["wall_mean_s"],
        "cpu_checkov_over_vigil": c["cpu_mean_s"] / v["cpu_mean_s"],
        "rss_vigil_over_checkov": v["peak_rss_kb"] / c["peak_rss_kb"],
        "rss_vigil_over_checkov_tree_pss": v["peak_tree_pss_kb"] / c["peak_tree_pss_kb"] if c["peak_tree_pss_kb"] else None,
    }
    targets = {
        "wall_at_least_100x_faster": ratios["wall_checkov_over_vigil"] >= 100,
        "peak_memory_under_a_tenth": ratios["rss_vigil_over_checkov"] < 0.1,
    }
    summary = {"env": env, "tools": tools, "ratios": ratios, "targets": targets}
    with open(os.path.join(res, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")

    corpus = env.get("corpus", {})
    load_before, load_after = env.get("loadavg_before", "?"), env.get("loadavg_after", "?")
    lines = [
        f"Corpus: {corpus.get('templates')} templates ({corpus.get('yaml')} YAML, {corpus.get('json')} JSON), "
        f"{corpus.get('bytes_total', 0) / 1e6:.1f} MB, {corpus.get('resources_total')} resources; "
        f"seed `{corpus.get('seed')}`.",
        f"Machine: {env.get('cpus')} CPUs ({env.get('cpu_model')}), {env.get('mem_gib')} GiB; "
        f"load average before `{load_before}`, after `{load_after}`; "
        f"busy CPUs during the hyperfine run (all processes, of {env.get('cpus')}): {env.get('busy_cpus_during_run', '?')}.",
        f"Versions: {env.get('vigil_version')} ({env.get('vigil_rules')}), checkov {env.get('checkov_version')} "
        f"({env.get('checkov_cfn_checks')} CloudFormation checks), {env.get('hyperfine_version')}.",
        "",
        "| tool | runs | wall mean ± σ (s) | CPU user+sys (s) | peak RSS, largest process | peak PSS, process tree (procs) | findings |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("vigil", "checkov"):
        t = tools[name]
        lines.append(
            f"| {name} | {t['runs']} | {t['wall_mean_s']:.2f} ± {t['wall_stddev_s']:.2f} | {t['cpu_mean_s']:.2f} | "
            f"{fmt_mb(t['peak_rss_kb'])} | {fmt_mb(t['peak_tree_pss_kb'])} ({t['peak_processes']}) | {t['findings']} |")
    lines += [
        "",
        f"- Checkov wall / Vigil wall: **{ratios['wall_checkov_over_vigil']:.0f}×** "
        f"(target ≥ 100×: {'met' if targets['wall_at_least_100x_faster'] else 'NOT met'})",
        f"- Checkov CPU / Vigil CPU: **{ratios['cpu_checkov_over_vigil']:.0f}×**",
        f"- Vigil peak RSS / Checkov peak RSS (largest process): **{ratios['rss_vigil_over_checkov']:.3f}** "
        f"(target < 0.1: {'met' if targets['peak_memory_under_a_tenth'] else 'NOT met'})",
    ]
    if ratios["rss_vigil_over_checkov_tree_pss"] is not None:
        lines.append(f"- Vigil / Checkov, peak PSS of the whole process tree: "
                     f"**{ratios['rss_vigil_over_checkov_tree_pss']:.3f}**")
    lines.append(
        f"- Findings: Vigil {v['findings']} ({', '.join(f'{k} {n}' for k, n in v['by_severity'].items())}; "
        f"{v['files_scanned']} files, {v['diagnostics']} diagnostics), Checkov {c['findings']} failed checks "
        f"({c['passed_checks']} passed checks, {c['parsing_errors']} parsing errors, {c['resource_count']} resources, "
        f"{c['files_with_findings']} files with findings)")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(res, "summary.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
