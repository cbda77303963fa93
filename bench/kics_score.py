#!/usr/bin/env python3
"""Scores Vigil on KICS's labelled samples.

KICS ships, per query, positive samples (with the line each finding is expected at) and negative
samples (which must raise nothing). Vigil's rules are not KICS's queries, so `kics/*.tsv` maps
each covered KICS query to the Vigil rule(s) that judge the same risk; only mapped queries count.

  found     = expected (file, line) pairs where a mapped rule reports at that line
  false     = negative files where a mapped rule reports anything

Usage: bench/kics_score.py [--platform cloudFormation] [--vigil PATH] [--only QUERY] [--misses]
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "kics-queries-samples")
PLATFORM_DIRS = {"cloudFormation": ["cloudFormation/aws", "cloudFormation/aws_sam"], "terraform": ["terraform/aws"]}


def load_exclusions(platform):
    """`query<TAB>file:line<TAB>reason` (or `file` for a negative): samples where KICS is wrong."""
    out = {}
    for path in sorted(glob.glob(os.path.join(HERE, "kics", f"{platform}*.exclude"))):
        with open(path) as f:
            for n, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    sys.exit(f"{path}:{n}: expected `query<TAB>file[:line]<TAB>reason`")
                out[(parts[0], parts[1])] = parts[2]
    return out


def load_map(platform, only_file=None):
    mapping = {}
    files = [only_file] if only_file else sorted(glob.glob(os.path.join(HERE, "kics", f"{platform}*.tsv")))
    for path in files:
        with open(path) as f:
            for n, line in enumerate(f, 1):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                parts = line.split()
                if len(parts) != 2:
                    sys.exit(f"{path}:{n}: expected `query-dir<TAB>RULE-ID[,RULE-ID]`")
                query, rules = parts
                if query in mapping:
                    sys.exit(f"{path}:{n}: query {query} mapped twice")
                mapping[query] = set(rules.split(","))
    return mapping


def find_query(platform, query):
    for d in PLATFORM_DIRS[platform]:
        p = os.path.join(CORPUS, d, query)
        if os.path.isdir(p):
            return p
    return None


def run_vigil(vigil, dirs):
    cmd = [vigil, "scan", "--format", "json", "--fail-on", "never", *dirs]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"vigil failed ({out.returncode}): {out.stderr[:2000]}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--platform", default="cloudFormation", choices=sorted(PLATFORM_DIRS))
    ap.add_argument("--vigil", default=os.path.join(ROOT, "target", "release", "vigil"))
    ap.add_argument("--only", help="score one query")
    ap.add_argument("--misses", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--json", help="write the per-query figures here")
    ap.add_argument("--map", help="use only this map file (default: every kics/<platform>*.tsv)")
    ap.add_argument("--markdown", help="write the figures, per-query table and exclusions as Markdown here")
    args = ap.parse_args()

    mapping = load_map(args.platform, args.map)
    exclusions = load_exclusions(args.platform)
    if args.only:
        mapping = {k: v for k, v in mapping.items() if k == args.only}
    dirs = {}
    for q in mapping:
        d = find_query(args.platform, q)
        if d is None:
            sys.exit(f"mapped query {q} not found in the corpus")
        dirs[q] = os.path.join(d, "test")
    report = run_vigil(args.vigil, sorted(dirs.values()))
    by_file = collections.defaultdict(list)
    for f in report["findings"]:
        by_file[os.path.normpath(f["location"]["path"])].append(f)

    total_pos = total_found = total_neg = total_false = 0
    other_line = 0
    excl_pos = excl_found = excl_neg = excl_false = 0
    rows = []
    for q, rules in sorted(mapping.items()):
        tdir = dirs[q]
        expected_path = os.path.join(tdir, "positive_expected_result.json")
        expected = json.load(open(expected_path)) if os.path.exists(expected_path) else []
        pos = found = 0
        misses = []
        for e in expected:
            # A few of KICS's expected-result files spell the key `filename`.
            e["fileName"] = e.get("fileName") or e.get("filename")
            path = os.path.normpath(os.path.join(tdir, e["fileName"]))
            pos += 1
            lines = {f["location"].get("start_line") for f in by_file.get(path, []) if f["rule_id"] in rules}
            hit = e["line"] in lines
            excluded = (q, f"{e['fileName']}:{e['line']}") in exclusions
            if excluded:
                excl_pos += 1
                excl_found += hit
            if hit:
                found += 1
            elif lines - {None}:
                other_line += 1
                misses.append(f"{e['fileName']}:{e['line']} (vigil: {sorted(l for l in lines if l)})" + (" [excluded: KICS is wrong]" if excluded else ""))
            else:
                misses.append(f"{e['fileName']}:{e['line']} (vigil: {sorted(l for l in lines if l)})" + (" [excluded: KICS is wrong]" if excluded else ""))
        negs = sorted(glob.glob(os.path.join(tdir, "negative*")))
        false = []
        for n in negs:
            hits = [f for f in by_file.get(os.path.normpath(n), []) if f["rule_id"] in rules]
            excluded = (q, os.path.basename(n)) in exclusions
            if excluded:
                excl_neg += 1
                excl_false += bool(hits)
            if hits:
                false.append(f"{os.path.basename(n)}:{','.join(str(f['location'].get('start_line')) for f in hits)}" + (" [excluded: KICS is wrong]" if excluded else ""))
        total_pos += pos
        total_found += found
        total_neg += len(negs)
        total_false += len(false)
        rows.append({"query": q, "rules": sorted(rules), "positives": pos, "found": found,
                     "negatives": len(negs), "false": len(false), "misses": misses, "false_alarms": false})
        if args.misses and (misses or false):
            print(f"{q} [{','.join(sorted(rules))}]")
            for m in misses:
                print(f"   miss  {m}")
            for m in false:
                print(f"   false {m}")
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"platform {args.platform}: {len(mapping)} queries mapped")
    print(f"positives found at the expected line: {total_found}/{total_pos} = {pct(total_found, total_pos):.1f}%")
    print(f"negative files falsely reported:      {total_false}/{total_neg} = {pct(total_false, total_neg):.1f}%")
    print(f"positives missed at the expected line but reported on another line of the file: {other_line}")
    if excl_pos or excl_neg:
        f2, p2 = total_found - excl_found, total_pos - excl_pos
        x2, n2 = total_false - excl_false, total_neg - excl_neg
        print(f"without {excl_pos + excl_neg} samples where KICS is wrong (kics/*.exclude):")
        print(f"  positives found: {f2}/{p2} = {pct(f2, p2):.1f}%   negatives falsely reported: {x2}/{n2} = {pct(x2, n2):.1f}%")
    if args.markdown:
        write_markdown(args.markdown, args.platform, rows, exclusions, other_line,
                       (total_found, total_pos, total_false, total_neg),
                       (excl_found, excl_pos, excl_false, excl_neg))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"queries": rows, "found": total_found, "positives": total_pos,
                       "false": total_false, "negatives": total_neg}, f, indent=1)


def write_markdown(path, platform, rows, exclusions, other_line, totals, excluded):
    found, pos, false, neg = totals
    ef, ep, ex, en = excluded
    pct = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "n/a"
    out = [f"### KICS {platform} samples ({len(rows)} queries mapped)", ""]
    out.append("| | positives found at the expected line | negative files falsely reported |")
    out.append("|---|---|---|")
    out.append(f"| all samples of the mapped queries | {found}/{pos} = {pct(found, pos)} | {false}/{neg} = {pct(false, neg)} |")
    out.append(f"| without the {ep + en} samples where KICS is wrong | {found - ef}/{pos - ep} = {pct(found - ef, pos - ep)} "
               f"| {false - ex}/{neg - en} = {pct(false - ex, neg - en)} |")
    out += ["", f"Of the positives missed at the expected line, {other_line} are reported by the mapped rule on "
            "another line of the same file (a different convention for where to point)."]
    out += ["", "| KICS query | Vigil rule(s) | found | false |", "|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['query']} | {', '.join(r['rules'])} | {r['found']}/{r['positives']} | {r['false']}/{r['negatives']} |")
    out += ["", f"#### Samples where KICS is wrong ({platform})", "", "| KICS query | sample | why |", "|---|---|---|"]
    for (q, sample), reason in sorted(exclusions.items()):
        out.append(f"| {q} | {sample} | {reason.replace('|', '/')} |")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
