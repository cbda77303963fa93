#!/usr/bin/env python3
"""Summarises a run of bench/tf_vs_checkov.sh: reads every result directory under RESULTS_DIR
(`corpus/` for the generated corpus, `real-<module>/` for each real module) and writes
summary.json and summary.md in RESULTS_DIR (and prints the markdown).

Each result directory holds:

  hyperfine-<tool>.json   wall time per run, mean user and system CPU (hyperfine)
  time-<tool>.log         `/usr/bin/time -v` of every run, warm-up included (peak RSS, CPU)
  treemem-<tool>.json     peak summed RSS / PSS of the tool's process tree (bench/treemem.py)
  vigil-report.json       Vigil's JSON report of the last run
  checkov-report.json     Checkov's JSON report of the last run
  checkov-stderr.log      Checkov's log of every run (warnings, crashed checks)
  env.json                machine, versions, load before and after, corpus summary

Usage: tf_vs_checkov_report.py RESULTS_DIR
"""
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfn_vs_checkov_report import checkov_findings, fmt_mb, load, time_logs, vigil_findings  # noqa: E402


def diagnostic_kinds(path):
    """Vigil's diagnostics grouped by message shape (names and numbers blanked), with an example."""
    d = load(path)
    kinds = collections.OrderedDict()
    for x in d.get("diagnostics", []):
        k = re.sub(r"`[^`]*`", "`…`", x["message"])
        k = re.sub(r"\d+", "N", k)
        key = f"{x.get('level', '?')}: {k}"
        if key not in kinds:
            kinds[key] = {"count": 0, "example": f"{x['path']}:{x.get('line', 0)}: {x['message']}"}
        kinds[key]["count"] += 1
    return dict(sorted(kinds.items(), key=lambda kv: -kv[1]["count"]))


def checkov_log(path):
    if not os.path.exists(path):
        return {}
    crashed, warnings = collections.Counter(), 0
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"Failed to run check (\S+)", line)
            if m:
                crashed[m.group(1)] += 1
            elif "[WARNI]" in line:
                warnings += 1
    return {"crashed_checks": dict(crashed), "warnings": warnings}


def tool_figures(res, name):
    h = load(os.path.join(res, f"hyperfine-{name}.json"))["results"][0]
    runs = time_logs(os.path.join(res, f"time-{name}.log"))
    tm = load(os.path.join(res, f"treemem-{name}.json"))["tools"].get(name, {})
    return {
        "runs": len(h["times"]),
        "wall_mean_s": h["mean"],
        "wall_stddev_s": h.get("stddev") or 0.0,
        "wall_min_s": h["min"],
        "wall_max_s": h["max"],
        "cpu_mean_s": h["user"] + h["system"],
        "user_mean_s": h["user"],
        "system_mean_s": h["system"],
        "time_v_runs": len(runs),
        "time_v_cpu_s": [r["user"] + r["sys"] for r in runs],
        "peak_rss_kb": max(r["maxrss_kb"] for r in runs),
        "peak_tree_rss_kb": tm.get("peak_tree_rss_kb", 0),
        "peak_tree_pss_kb": tm.get("peak_tree_pss_kb", 0),
        "peak_processes": tm.get("peak_processes", 0),
        "exit_codes": sorted(set(h.get("exit_codes", []))),
    }


def summarise(res):
    env = load(os.path.join(res, "env.json"))
    v, c = tool_figures(res, "vigil"), tool_figures(res, "checkov")
    v.update(vigil_findings(os.path.join(res, "vigil-report.json")))
    v["diagnostic_kinds"] = diagnostic_kinds(os.path.join(res, "vigil-report.json"))
    c.update(checkov_findings(os.path.join(res, "checkov-report.json")))
    c.update(checkov_log(os.path.join(res, "checkov-stderr.log")))
    ratios = {
        "wall_checkov_over_vigil": c["wall_mean_s"] / v["wall_mean_s"],
        "cpu_checkov_over_vigil": c["cpu_mean_s"] / v["cpu_mean_s"],
        "rss_vigil_over_checkov": v["peak_rss_kb"] / c["peak_rss_kb"],
        "rss_vigil_over_checkov_tree_pss": v["peak_tree_pss_kb"] / c["peak_tree_pss_kb"] if c["peak_tree_pss_kb"] else None,
    }
    targets = {
        "wall_at_least_100x_faster": ratios["wall_checkov_over_vigil"] >= 100,
        "cpu_at_least_100x_less": ratios["cpu_checkov_over_vigil"] >= 100,
        "peak_memory_under_a_tenth": ratios["rss_vigil_over_checkov"] < 0.1,
    }
    return {"env": env, "tools": {"vigil": v, "checkov": c}, "ratios": ratios, "targets": targets}


def met(ok):
    return "met" if ok else "NOT met"


def section(name, s):
    env, v, c, r, t = s["env"], s["tools"]["vigil"], s["tools"]["checkov"], s["ratios"], s["targets"]
    lines = [f"### {name}", ""]
    corpus = env.get("corpus")
    if corpus:
        lines.append(
            f"Corpus: {corpus['tf_files']} .tf files ({corpus['root_modules']} root modules, "
            f"{corpus['shared_modules']} shared modules, {corpus['other_files']} tfvars and templates), "
            f"{corpus['bytes_total'] / 1e6:.1f} MB, {corpus['lines_total']} lines; seed `{corpus['seed']}`.")
    else:
        lines.append(f"`{env['target']}`{' (' + env['git'] + ')' if env.get('git') else ''}: "
                     f"{env['tf_files']} .tf files, {env['tf_lines']} lines.")
    lines += [
        f"Load average before `{env['loadavg_before']}`, after `{env['loadavg_after']}`; busy CPUs during "
        f"the runs (all processes, of {env['cpus']}): {env['busy_cpus_during_run']}; {env['run_seconds']:.0f} s in all.",
        "",
        "| tool | runs | wall mean ± σ (s) | CPU user+sys (s) | peak RSS, largest process | peak PSS, process tree (procs) | findings |",
        "|---|---|---|---|---|---|---|",
    ]
    for tool, x in (("vigil", v), ("checkov", c)):
        warm = env.get(f"{tool}_warmup", 0)
        lines.append(
            f"| {tool} | {x['runs']} (+{warm} warm-up) | {x['wall_mean_s']:.3f} ± {x['wall_stddev_s']:.3f} | "
            f"{x['cpu_mean_s']:.3f} | {fmt_mb(x['peak_rss_kb'])} | {fmt_mb(x['peak_tree_pss_kb'])} "
            f"({x['peak_processes']}) | {x['findings']} |")
    lines += [
        "",
        f"- Checkov wall / Vigil wall: **{r['wall_checkov_over_vigil']:.0f}×** (target ≥ 100×: {met(t['wall_at_least_100x_faster'])})",
        f"- Checkov CPU / Vigil CPU: **{r['cpu_checkov_over_vigil']:.0f}×** ({met(t['cpu_at_least_100x_less'])})",
        f"- Vigil peak RSS / Checkov peak RSS (largest process): **{r['rss_vigil_over_checkov']:.3f}** "
        f"(target < 0.1: {met(t['peak_memory_under_a_tenth'])})",
    ]
    if r["rss_vigil_over_checkov_tree_pss"] is not None:
        lines.append(f"- Vigil / Checkov, peak PSS of the whole process tree: **{r['rss_vigil_over_checkov_tree_pss']:.3f}**")
    lines.append(
        f"- Findings: Vigil {v['findings']} ({', '.join(f'{k} {n}' for k, n in v['by_severity'].items())}; "
        f"{v['files_scanned']} files read, {v['diagnostics']} diagnostics), Checkov {c['findings']} failed checks "
        f"({c['passed_checks']} passed, {c['parsing_errors']} parsing errors, {c['resource_count']} resources, "
        f"{c['files_with_findings']} files with findings; {c.get('warnings', 0)} log warnings"
        + (f", crashed checks {c['crashed_checks']}" if c.get("crashed_checks") else "") + ")")
    if v["diagnostic_kinds"]:
        lines.append("- Vigil's diagnostics by kind:")
        for k, d in v["diagnostic_kinds"].items():
            lines.append(f"  - {d['count']} × {k} — e.g. `{d['example']}`")
    return lines


def main():
    top = sys.argv[1]
    names = sorted(d for d in os.listdir(top) if os.path.isfile(os.path.join(top, d, "env.json")))
    names.sort(key=lambda d: (d != "corpus", d))
    summaries = {d: summarise(os.path.join(top, d)) for d in names}
    with open(os.path.join(top, "summary.json"), "w") as f:
        json.dump(summaries, f, indent=2)
        f.write("\n")
    if not summaries:
        sys.exit(f"no results under {top}")
    env = next(iter(summaries.values()))["env"]
    lines = [
        f"Machine: {env['cpus']} CPUs ({env['cpu_model']}), {env['mem_gib']} GiB, Linux {env['kernel']}.",
        f"Versions: {env['vigil_version']} built from `{env.get('vigil_source', '?')}` ({env['vigil_rules']}), checkov {env['checkov_version']} "
        f"({env['checkov_terraform_checks']} Terraform checks), {env['hyperfine_version']}.",
        "",
    ]
    for d, s in summaries.items():
        lines += section("Generated corpus" if d == "corpus" else f"Real module: {d.removeprefix('real-')}", s)
        lines.append("")
    if len(summaries) > 1:
        lines += ["### Ratios", "",
                  "| target | .tf files | wall ratio | CPU ratio | RSS ratio (largest process) | PSS ratio (tree) |",
                  "|---|---|---|---|---|---|"]
        for d, s in summaries.items():
            r = s["ratios"]
            pss = f"{r['rss_vigil_over_checkov_tree_pss']:.3f}" if r["rss_vigil_over_checkov_tree_pss"] else "–"
            lines.append(f"| {d} | {s['env']['tf_files']} | {r['wall_checkov_over_vigil']:.0f}× | "
                         f"{r['cpu_checkov_over_vigil']:.0f}× | {r['rss_vigil_over_checkov']:.3f} | {pss} |")
    text = "\n".join(lines).rstrip("\n") + "\n"
    with open(os.path.join(top, "summary.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
