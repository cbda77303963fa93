#!/usr/bin/env python3
"""Scores Vigil on KICS's labelled samples.

KICS ships, per query, positive samples (with the line each finding is expected at) and negative
samples (which must raise nothing). Vigil's rules are not KICS's queries, so `kics/*.tsv` maps
each covered KICS query to the Vigil rule(s) that judge the same risk; only mapped queries count.

  found     = expected (file, line) pairs where a mapped rule reports at that line
  false     = negative files where a mapped rule reports anything

Terraform samples are scored file by file: every `.tf` sample is named on the command line, so each
is a root module of its own.

Usage: bench/kics_score.py [--platform cloudFormation|terraform] [--vigil PATH] [--only QUERY] [--misses]
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


# Terraform samples are scored file by file: each `.tf` sample is named on the command line, so
# Vigil reads it as a root module of its own (positives and negatives never share a module, as
# they would if the test directory were scanned as one configuration). Plan JSON samples
# (`terraform show -json`, a handful) are not scored: Vigil points their findings at the `.tf`
# files beside them, which here are other samples.
SAMPLE_EXTENSIONS = {"terraform": (".tf",)}
# KICS's Terraform expected results repeat a line once per port it finds open there (line 111 of
# one sample 126 times); there each expected (file, line) counts once.
DISTINCT_LINES = {"terraform"}


def samples(platform, tdir, prefix):
    exts = SAMPLE_EXTENSIONS.get(platform)
    found = sorted(glob.glob(os.path.join(tdir, prefix + "*")))
    found = [f for f in found if os.path.basename(f) != "positive_expected_result.json"]
    return [f for f in found if exts is None or f.endswith(exts)]


def scan_targets(platform, dirs):
    """What to name on Vigil's command line: the test directories, or every sample file."""
    if platform not in SAMPLE_EXTENSIONS:
        return sorted(dirs)
    return [f for d in sorted(dirs) for f in samples(platform, d, "positive") + samples(platform, d, "negative")]


def run_vigil(vigil, targets):
    cmd = [vigil, "scan", "--format", "json", "--fail-on", "never", *targets]
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
    report = run_vigil(args.vigil, scan_targets(args.platform, set(dirs.values())))
    by_file = collections.defaultdict(list)
    for f in report["findings"]:
        by_file[os.path.normpath(f["location"]["path"])].append(f)

    total = Tally()
    excl = Tally()   # samples where KICS is wrong (kics/*.exclude)
    aside = Tally()  # samples that cannot be judged as written (registry modules)
    other_line = unscored = 0
    asides = []
    rows = []
    for q, rules in sorted(mapping.items()):
        tdir = dirs[q]
        expected_path = os.path.join(tdir, "positive_expected_result.json")
        expected = json.load(open(expected_path)) if os.path.exists(expected_path) else []
        positives = [os.path.basename(f) for f in samples(args.platform, tdir, "positive")]
        for e in expected:
            # A few of KICS's expected-result files spell the key `filename`; many Terraform ones
            # leave it out when the query has a single positive sample.
            e["fileName"] = e.get("fileName") or e.get("filename")
            if not e["fileName"] and len(positives) == 1:
                e["fileName"] = positives[0]
        if args.platform in DISTINCT_LINES:
            seen = set()
            expected = [e for e in expected if not ((e["fileName"], e["line"]) in seen or seen.add((e["fileName"], e["line"])))]
        row = Tally()
        misses = []
        for e in expected:
            if args.platform in SAMPLE_EXTENSIONS and not str(e["fileName"]).endswith(SAMPLE_EXTENSIONS[args.platform]):
                unscored += 1
                continue
            path = os.path.normpath(os.path.join(tdir, e["fileName"]))
            sample = f"{e['fileName']}:{e['line']}"
            lines = {f["location"].get("start_line") for f in by_file.get(path, []) if f["rule_id"] in rules}
            hit = e["line"] in lines
            row.positive(hit)
            note = ""
            if (q, sample) in exclusions:
                excl.positive(hit)
                note = " [excluded: KICS is wrong]"
            elif registry_module_at(args.platform, path, e["line"]):
                aside.positive(hit)
                asides.append((q, sample, registry_module_at(args.platform, path, e["line"])))
                note = " [set aside: inside a registry module]"
            if not hit:
                other_line += bool(lines - {None})
                misses.append(f"{sample} (vigil: {sorted(l for l in lines if l)})" + note)
        false = []
        for n in samples(args.platform, tdir, "negative"):
            hits = [f for f in by_file.get(os.path.normpath(n), []) if f["rule_id"] in rules]
            row.negative(bool(hits))
            note = ""
            if (q, os.path.basename(n)) in exclusions:
                excl.negative(bool(hits))
                note = " [excluded: KICS is wrong]"
            elif registry_module_at(args.platform, n):
                aside.negative(bool(hits))
                asides.append((q, os.path.basename(n), registry_module_at(args.platform, n)))
                note = " [set aside: uses a registry module]"
            if hits:
                false.append(f"{os.path.basename(n)}:{','.join(str(f['location'].get('start_line')) for f in hits)}" + note)
        total.add(row)
        rows.append({"query": q, "rules": sorted(rules), "positives": row.pos, "found": row.found,
                     "negatives": row.neg, "false": row.false, "misses": misses, "false_alarms": false})
        if args.misses and (misses or false):
            print(f"{q} [{','.join(sorted(rules))}]")
            for m in misses:
                print(f"   miss  {m}")
            for m in false:
                print(f"   false {m}")
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    print(f"platform {args.platform}: {len(mapping)} queries mapped")
    print(f"positives found at the expected line: {total.found}/{total.pos} = {pct(total.found, total.pos):.1f}%")
    print(f"negative files falsely reported:      {total.false}/{total.neg} = {pct(total.false, total.neg):.1f}%")
    print(f"positives missed at the expected line but reported on another line of the file: {other_line}")
    if unscored:
        print(f"expected results in samples that are not scored (plan JSON): {unscored}")
    if excl.samples:
        t = total.minus(excl)
        print(f"without {excl.samples} samples where KICS is wrong (kics/*.exclude):")
        print(f"  positives found: {t.found}/{t.pos} = {pct(t.found, t.pos):.1f}%   negatives falsely reported: {t.false}/{t.neg} = {pct(t.false, t.neg):.1f}%")
    if aside.samples:
        t = total.minus(excl).minus(aside)
        print(f"and without {aside.samples} samples built on registry modules that are not installed:")
        print(f"  positives found: {t.found}/{t.pos} = {pct(t.found, t.pos):.1f}%   negatives falsely reported: {t.false}/{t.neg} = {pct(t.false, t.neg):.1f}%")
    if args.markdown:
        write_markdown(args.markdown, args.platform, rows, exclusions, asides, other_line, unscored, total, excl, aside)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"queries": rows, "found": total.found, "positives": total.pos,
                       "false": total.false, "negatives": total.neg}, f, indent=1)


class Tally:
    def __init__(self):
        self.pos = self.found = self.neg = self.false = 0

    def positive(self, hit):
        self.pos += 1
        self.found += bool(hit)

    def negative(self, hit):
        self.neg += 1
        self.false += bool(hit)

    @property
    def samples(self):
        return self.pos + self.neg

    def add(self, o):
        self.pos += o.pos
        self.found += o.found
        self.neg += o.neg
        self.false += o.false

    def minus(self, o):
        t = Tally()
        t.pos, t.found, t.neg, t.false = self.pos - o.pos, self.found - o.found, self.neg - o.neg, self.false - o.false
        return t


_MODULES = {}


def registry_module_at(platform, path, line=None):
    """The source of the registry module a Terraform sample calls (around `line`, when given).

    Vigil reads local modules and those `terraform init` installed (`.terraform/modules`); a
    sample calling a registry module without it cannot be judged from the sample alone: what the
    module makes of its inputs is in the module's code. KICS has the module's behaviour built in.
    """
    if platform != "terraform":
        return None
    if path not in _MODULES:
        blocks, start, depth, source = [], None, 0, None
        with open(path) as f:
            for n, text in enumerate(f, 1):
                stripped = text.strip()
                if start is None and depth == 0 and stripped.startswith("module "):
                    start, source = n, None
                if start is not None:
                    if source is None and stripped.startswith("source"):
                        source = stripped.split("=", 1)[-1].strip().strip('"')
                    depth += text.count("{") - text.count("}")
                    if depth <= 0:
                        if source and not source.startswith((".", "/")):
                            blocks.append((start, n, source))
                        start, depth = None, 0
        _MODULES[path] = blocks
    for start, end, source in _MODULES[path]:
        if line is None or start <= line <= end:
            return source
    return None


def write_markdown(path, platform, rows, exclusions, asides, other_line, unscored, total, excl, aside):
    pct = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "n/a"
    cell = lambda t: (f"{t.found}/{t.pos} = {pct(t.found, t.pos)}", f"{t.false}/{t.neg} = {pct(t.false, t.neg)}")
    out = [f"### KICS {platform} samples ({len(rows)} queries mapped)", ""]
    out.append("| | positives found at the expected line | negative files falsely reported |")
    out.append("|---|---|---|")
    out.append("| all samples of the mapped queries | %s | %s |" % cell(total))
    out.append(f"| without the {excl.samples} samples where KICS is wrong | %s | %s |" % cell(total.minus(excl)))
    if aside.samples:
        out.append(f"| ... and without the {aside.samples} samples built on registry modules | %s | %s |"
                   % cell(total.minus(excl).minus(aside)))
    out += ["", f"Of the positives missed at the expected line, {other_line} are reported by the mapped rule on "
            "another line of the same file (a different convention for where to point)."]
    if unscored:
        out[-1] += (f" {unscored} expected result{'s' if unscored > 1 else ''} in `terraform show -json` plan "
                    f"samples {'are' if unscored > 1 else 'is'} not scored (Vigil points plan findings at the `.tf` files "
                    "beside the plan, which here are other samples).")
    out += ["", "| KICS query | Vigil rule(s) | found | false |", "|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['query']} | {', '.join(r['rules'])} | {r['found']}/{r['positives']} | {r['false']}/{r['negatives']} |")
    out += ["", f"#### Samples where KICS is wrong ({platform})", "", "| KICS query | sample | why |", "|---|---|---|"]
    for (q, sample), reason in sorted(exclusions.items()):
        out.append(f"| {q} | {sample} | {reason.replace('|', '/')} |")
    if asides:
        out += ["", f"#### Samples built on registry modules ({platform})", "",
                "These samples call a module from the Terraform registry without its code (no `.terraform/modules`), "
                "so what the module makes of its inputs cannot be read from the sample; Vigil judges a registry "
                "module once `terraform init` has installed it.", "",
                "| KICS query | sample | module |", "|---|---|---|"]
        for q, sample, source in sorted(asides):
            out.append(f"| {q} | {sample} | `{source}` |")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
