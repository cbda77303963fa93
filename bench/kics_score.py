#!/usr/bin/env python3
"""Scores Vigil on KICS's labelled samples.

KICS ships, per query, positive samples (with the line each finding is expected at) and negative
samples (which must raise nothing). Vigil's rules are not KICS's queries, so `kics/*.tsv` maps
each covered KICS query to the Vigil rule(s) that judge the same risk; only mapped queries count.

  found     = expected (file, line) pairs where a mapped rule reports at that line
  false     = negative files where a mapped rule reports anything

Terraform samples are scored file by file: every `.tf` sample is named on the command line, so each
is a root module of its own.

Registry modules (Terraform). Some samples call a module from the Terraform registry
(`source = "terraform-aws-modules/s3-bucket/aws"`, `version = "3.7.0"`). Scanned alone, such a
sample lacks the module's code, and these samples are set aside in a row of their own. With
`--modules DIR`, each such sample is scanned as `terraform init` leaves it instead: the sample is
copied to a staging directory with `.terraform/modules/<key>/` holding the module's code at the
newest release its `version` constraint allows (the newest release when there is none), and
`.terraform/modules/modules.json` naming it, including the modules the installed module calls
(nested registry modules are installed the same way; local ones are read in place). DIR holds one
git repository per module, bare or checked out, named as the registry names the module's GitHub
repository:

  DIR/terraform-<provider>-<name>        e.g. DIR/terraform-aws-s3-bucket (or ...-s3-bucket.git)
  DIR/<namespace>/terraform-<provider>-<name>   e.g. DIR/terraform-aws-modules/terraform-aws-vpc

with the release tags (`v3.7.0` or `3.7.0`); the pinned tag is extracted with `git archive`. For
example `git clone --bare https://github.com/terraform-aws-modules/terraform-aws-vpc DIR/terraform-aws-vpc`.
A `//subdir` source installs the whole repository and points at the sub-directory, as
`terraform init` does. Findings are mapped back to the sample: those in the staged sample count at
their line; those located in the module's own code match no expected line, but count as a false
alarm on a negative sample. Samples whose module (or a module it calls) is not in DIR, or has no
release matching the constraint, stay set aside.

Usage: bench/kics_score.py [--platform cloudFormation|terraform] [--vigil PATH] [--only QUERY] [--misses]
                           [--modules DIR [--stage-dir DIR]] [--markdown FILE] [--json FILE]
"""
import argparse
import collections
import glob
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "kics-queries-samples")
PLATFORM_DIRS = {
    "cloudFormation": ["cloudFormation/aws", "cloudFormation/aws_sam"],
    "terraform": ["terraform/aws"],
    "dockerfile": ["dockerfile"],
    "k8s": ["k8s"],
}


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
    ap.add_argument("--modules", metavar="DIR",
                    help="Terraform: git repositories of the registry modules the samples call (layout above); "
                         "each sample calling one is scanned with the module installed as `terraform init` would")
    ap.add_argument("--stage-dir", metavar="DIR",
                    help="with --modules: stage the samples here and keep them (default: a temporary directory)")
    args = ap.parse_args()
    if args.modules and args.platform != "terraform":
        ap.error("--modules applies to --platform terraform")
    if args.stage_dir and not args.modules:
        ap.error("--stage-dir needs --modules")
    if args.modules and not os.path.isdir(args.modules):
        ap.error(f"--modules {args.modules}: not a directory")

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
    targets = scan_targets(args.platform, set(dirs.values()))

    # Samples calling a registry module, staged with the module installed (`--modules`).
    staged = {}         # sample path -> Staged
    not_installed = {}  # sample path -> why its modules could not be installed
    installer = stage_root = None
    if args.modules:
        stage_root = os.path.abspath(args.stage_dir or tempfile.mkdtemp(prefix="kics-terraform-"))
        installer = ModuleInstaller(args.modules, os.path.join(stage_root, ".packages"))
    try:
        for t in targets if installer else []:
            with open(t) as f:
                calls = module_calls(f.read())
            if not any(c.source and not is_local_source(c.source) for c in calls):
                continue
            query = os.path.basename(os.path.dirname(os.path.dirname(t)))
            try:
                staged[os.path.normpath(t)] = stage_sample(t, os.path.join(stage_root, query), calls, installer)
            except NotInstalled as e:
                not_installed[os.path.normpath(t)] = str(e)
        report = run_vigil(args.vigil, targets + [st.file for st in staged.values()])
    finally:
        if stage_root and not args.stage_dir:
            shutil.rmtree(stage_root, ignore_errors=True)
    by_file = collections.defaultdict(list)
    for f in report["findings"]:
        by_file[os.path.normpath(f["location"]["path"])].append(f)
    # Findings of a staged sample: in the sample itself, and in the installed modules' code.
    in_sample, in_module = {}, collections.defaultdict(list)
    for path, st in staged.items():
        in_sample[path] = by_file.get(st.file, [])
    module_dirs = {os.path.join(st.root, ".terraform", "modules") + os.sep: path for path, st in staged.items()}
    for p, fs in by_file.items():
        for prefix, path in module_dirs.items():
            if p.startswith(prefix):
                in_module[path] += [(os.path.relpath(p, staged[path].root), f) for f in fs]

    # Two views of the same samples: `plain` scans each sample alone; `inst` scans the staged copy
    # where the registry modules are installed (the same as `plain` without --modules).
    plain = {"total": Tally(), "excl": Tally(), "aside": Tally()}
    inst = {"total": Tally(), "excl": Tally(), "aside": Tally()}
    other_line = unscored = in_module_code = 0
    asides = []
    rows = []

    def count(kind, sample_path, hit, ihit, positive):
        for view, h, installed in ((plain, hit, False), (inst, ihit, sample_path in staged)):
            add = Tally.positive if positive else Tally.negative
            add(view["total"], h)
            if kind == "excl":
                add(view["excl"], h)
            elif kind == "aside" and not installed:
                add(view["aside"], h)

    def aside_note(path, positive):
        if path in staged:
            return " [registry module installed]"
        if path in not_installed:
            return f" [set aside: {not_installed[path]}]"
        return " [set aside: inside a registry module]" if positive else " [set aside: uses a registry module]"

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
            module_hits = []
            if path in staged:
                lines = {f["location"].get("start_line") for f in in_sample[path] if f["rule_id"] in rules}
                module_hits = [f"{p}:{f['location'].get('start_line')}" for p, f in in_module[path] if f["rule_id"] in rules]
            ihit = e["line"] in lines
            row.positive(ihit)
            module = registry_module_at(args.platform, path, e["line"])
            kind = "excl" if (q, sample) in exclusions else "aside" if module else None
            count(kind, path, hit, ihit, True)
            note = ""
            if kind == "excl":
                note = " [excluded: KICS is wrong]"
            elif kind == "aside":
                asides.append((q, sample, module, staged[path].version_of(module) if path in staged else None))
                note = aside_note(path, True)
            if not ihit:
                other_line += bool(lines - {None})
                in_module_code += bool(module_hits)
                in_code = f"; in the module's code: {', '.join(sorted(set(module_hits)))}" if module_hits else ""
                misses.append(f"{sample} (vigil: {sorted(l for l in lines if l)}{in_code})" + note)
        false = []
        for n in samples(args.platform, tdir, "negative"):
            n = os.path.normpath(n)
            hits = [f for f in by_file.get(n, []) if f["rule_id"] in rules]
            ihits, module_hits = hits, []
            if n in staged:
                ihits = [f for f in in_sample[n] if f["rule_id"] in rules]
                module_hits = [f"{p}:{f['location'].get('start_line')}" for p, f in in_module[n] if f["rule_id"] in rules]
            row.negative(bool(ihits or module_hits))
            module = registry_module_at(args.platform, n)
            kind = "excl" if (q, os.path.basename(n)) in exclusions else "aside" if module else None
            count(kind, n, bool(hits), bool(ihits or module_hits), False)
            note = ""
            if kind == "excl":
                note = " [excluded: KICS is wrong]"
            elif kind == "aside":
                asides.append((q, os.path.basename(n), module, staged[n].version_of(module) if n in staged else None))
                note = aside_note(n, False)
            if ihits or module_hits:
                where = [str(f["location"].get("start_line")) for f in ihits] + sorted(set(module_hits))
                false.append(f"{os.path.basename(n)}:{','.join(where)}" + note)
        rows.append({"query": q, "rules": sorted(rules), "positives": row.pos, "found": row.found,
                     "negatives": row.neg, "false": row.false, "misses": misses, "false_alarms": false})
        if args.misses and (misses or false):
            print(f"{q} [{','.join(sorted(rules))}]")
            for m in misses:
                print(f"   miss  {m}")
            for m in false:
                print(f"   false {m}")
    pct = lambda a, b: 100.0 * a / b if b else 0.0
    figures = lambda t: (f"positives found: {t.found}/{t.pos} = {pct(t.found, t.pos):.1f}%   "
                         f"negatives falsely reported: {t.false}/{t.neg} = {pct(t.false, t.neg):.1f}%")
    total, excl, aside = inst["total"], inst["excl"], inst["aside"]
    print(f"platform {args.platform}: {len(mapping)} queries mapped")
    if args.modules:
        print(f"registry modules installed from {args.modules} for {len(staged)} samples"
              + (f"; {len(not_installed)} samples call modules that could not be installed" if not_installed else ""))
        for (source, constraint, version), n in sorted(installer.used.items()):
            print(f"  {source} {constraint or '(no version constraint)'} -> {version}: {n} module calls")
    print(f"positives found at the expected line: {total.found}/{total.pos} = {pct(total.found, total.pos):.1f}%")
    print(f"negative files falsely reported:      {total.false}/{total.neg} = {pct(total.false, total.neg):.1f}%")
    print(f"positives missed at the expected line but reported on another line of the file: {other_line}")
    if args.modules:
        print(f"positives missed at the expected line but reported inside the installed module's code: {in_module_code}")
    if unscored:
        print(f"expected results in samples that are not scored (plan JSON): {unscored}")
    if excl.samples:
        print(f"without {excl.samples} samples where KICS is wrong (kics/*.exclude):")
        print("  " + figures(total.minus(excl)))
    if aside.samples:
        print(f"and without {aside.samples} samples built on registry modules that are not installed:")
        print("  " + figures(total.minus(excl).minus(aside)))
    if args.modules:
        p = plain
        print("the same samples scanned alone, without the registry modules (as without --modules):")
        print("  all samples:                   " + figures(p["total"]))
        print("  without KICS's mistakes:       " + figures(p["total"].minus(p["excl"])))
        print(f"  and without {p['aside'].samples} samples built on registry modules: "
              + figures(p["total"].minus(p["excl"]).minus(p["aside"])))
    if args.markdown:
        write_markdown(args.markdown, args.platform, rows, exclusions, asides, other_line, unscored, inst,
                       plain if args.modules else None, installer, in_module_code)
    if args.json:
        out = {"queries": rows, "found": total.found, "positives": total.pos, "false": total.false, "negatives": total.neg}
        if args.modules:
            p = plain["total"]
            out["without_modules"] = {"found": p.found, "positives": p.pos, "false": p.false, "negatives": p.neg}
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)


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


ModuleCall = collections.namedtuple("ModuleCall", "name start end source version")
_MODULE_HEADER = re.compile(r'module\s+"([^"]+)"\s*\{')
_MODULE_ARGUMENT = re.compile(r'(source|version)\s*=\s*"([^"]*)"')


def module_calls(text):
    """The `module` blocks of a Terraform file: name, first and last line, `source` and `version`.

    A line scanner, not a parser: enough for the samples and for terraform-aws-modules, whose
    files are formatted by `terraform fmt`."""
    calls, cur, depth = [], None, 0
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if cur is None:
            m = _MODULE_HEADER.match(stripped)
            if not m:
                continue
            cur, depth = {"name": m.group(1), "start": n, "source": None, "version": None}, 0
        elif depth == 1:
            a = _MODULE_ARGUMENT.match(stripped)
            if a and cur[a.group(1)] is None:
                cur[a.group(1)] = a.group(2)
        depth += line.count("{") - line.count("}")
        if depth <= 0:
            calls.append(ModuleCall(cur["name"], cur["start"], n, cur["source"], cur["version"]))
            cur = None
    return calls


def is_local_source(source):
    return source in (".", "..") or source.startswith(("./", "../"))


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
        with open(path) as f:
            _MODULES[path] = [c for c in module_calls(f.read()) if c.source and not c.source.startswith((".", "/"))]
    for c in _MODULES[path]:
        if line is None or c.start <= line <= c.end:
            return c.source
    return None


# `terraform init`, for the registry modules the samples call (`--modules DIR`).

# `[registry.terraform.io/]<namespace>/<name>/<provider>[//<subdir>]`
_REGISTRY_SOURCE = re.compile(
    r"^(?:registry\.terraform\.io/)?([0-9A-Za-z][0-9A-Za-z_-]*)/([0-9A-Za-z][0-9A-Za-z_-]*)/([0-9a-z]+)(?://(.+))?$")
_VERSION = re.compile(r"v?(\d+(?:\.\d+){0,2})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?")
_CONSTRAINT = re.compile(r"(=|!=|>=|<=|>|<|~>)?\s*(\S+)")


class NotInstalled(Exception):
    pass


def parse_version(text):
    """`3.7.0`, `v2.0`, `1.24.0-pre` as (segments, pre-release); None for other tags."""
    m = _VERSION.fullmatch(text.strip())
    if not m:
        return None
    return [int(x) for x in m.group(1).split(".")], m.group(2)


def allows(constraint, version):
    """Whether a module `version` constraint admits `version`, as Terraform (go-version) reads it:
    `3.7.0` or `= 3.7.0` exactly, `>=`, `<`, ..., `~> 3.0` any 3.x from 3.0, `~> 3.7.0` any
    3.7.x from 3.7.0, comma-separated terms all hold. Pre-releases only when named exactly."""
    segs, pre = version
    v = tuple(segs + [0] * (3 - len(segs)))
    terms = [t.strip() for t in (constraint or "").split(",") if t.strip()]
    if pre and not any(parse_version(_CONSTRAINT.fullmatch(t).group(2) or "") == version for t in terms
                       if _CONSTRAINT.fullmatch(t)):
        return False
    for term in terms:
        m = _CONSTRAINT.fullmatch(term)
        c = parse_version(m.group(2)) if m else None
        if c is None:
            raise NotInstalled(f"cannot read the version constraint `{constraint}`")
        op, (csegs, cpre) = m.group(1) or "=", c
        cv = tuple(csegs + [0] * (3 - len(csegs)))
        ok = {"=": v == cv and pre == cpre, "!=": not (v == cv and pre == cpre), ">": v > cv, ">=": v >= cv,
              "<": v < cv, "<=": v <= cv,
              "~>": v >= cv and v[:max(len(csegs) - 1, 0)] == cv[:max(len(csegs) - 1, 0)]}[op]
        if not ok:
            return False
    return True


def newest_allowed(tags, constraint):
    """The tag of the newest release a constraint admits (the newest release when there is none)."""
    best = None
    for tag in tags:
        v = parse_version(tag)
        if v is None or not allows(constraint, v):
            continue
        key = (tuple(v[0] + [0] * (3 - len(v[0]))), v[1] is None, v[1] or "")
        if best is None or key > best[0]:
            best = (key, tag, ".".join(str(x) for x in v[0]) + (f"-{v[1]}" if v[1] else ""))
    return (best[1], best[2]) if best else (None, None)


class ModuleInstaller:
    """Finds a registry module's git repository in the modules directory, picks the release tag
    `terraform init` would and extracts it (`git archive`) once per tag."""

    def __init__(self, modules_dir, cache_dir):
        self.modules_dir = modules_dir
        self.cache_dir = cache_dir
        self.tags = {}
        self.packages = {}
        self.used = collections.Counter()  # (source, constraint, version) -> module calls installed

    def repository(self, namespace, name, provider):
        base = f"terraform-{provider}-{name}"
        for d in (self.modules_dir, os.path.join(self.modules_dir, namespace)):
            for cand in (os.path.join(d, base), os.path.join(d, base + ".git")):
                if os.path.exists(os.path.join(cand, ".git")) or (
                        os.path.isfile(os.path.join(cand, "HEAD")) and os.path.isdir(os.path.join(cand, "objects"))):
                    return cand
        return None

    def resolve(self, source, constraint):
        """(repository, tag, version, subdir, registry address) of a module call."""
        m = _REGISTRY_SOURCE.match(source)
        if not m:
            raise NotInstalled(f"`{source}` is not a module of the public registry")
        namespace, name, provider, subdir = m.groups()
        repo = self.repository(namespace, name, provider)
        if repo is None:
            raise NotInstalled(f"no repository terraform-{provider}-{name} in the modules directory")
        if repo not in self.tags:
            out = subprocess.run(["git", "-C", repo, "tag", "--list"], capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"git tag in {repo} failed: {out.stderr.strip()}")
            self.tags[repo] = out.stdout.split()
        tag, version = newest_allowed(self.tags[repo], constraint)
        if tag is None:
            raise NotInstalled(f"no release of {source} matches `{constraint}`")
        return repo, tag, version, subdir, f"registry.terraform.io/{namespace}/{name}/{provider}"

    def package(self, repo, tag):
        if (repo, tag) not in self.packages:
            dest = os.path.join(self.cache_dir, str(len(self.packages)))
            if os.path.exists(dest):
                shutil.rmtree(dest)
            os.makedirs(dest)
            out = subprocess.run(["git", "-C", repo, "archive", "--format=tar", tag], capture_output=True)
            if out.returncode != 0:
                # A mirror that left out large blobs (a zip file of an example, ...): archive the
                # rest; a module's own `.tf` files are never among them.
                missing = self.missing_files(repo, tag)
                if missing and not any(p.endswith(".tf") for p in missing):
                    print(f"note: {os.path.basename(repo)} {tag}: {len(missing)} file(s) absent from the repository "
                          f"left out: {', '.join(missing[:3])}", file=sys.stderr)
                    out = subprocess.run(["git", "-C", repo, "archive", "--format=tar", tag, "--", "."]
                                         + [f":(exclude,literal){p}" for p in missing], capture_output=True)
            if out.returncode != 0:
                sys.exit(f"git archive {tag} in {repo} failed: {out.stderr.decode(errors='replace').strip()}")
            with tarfile.open(fileobj=io.BytesIO(out.stdout)) as t:
                t.extractall(dest, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
            self.packages[(repo, tag)] = dest
        return self.packages[(repo, tag)]

    @staticmethod
    def missing_files(repo, tag):
        """Files of `tag` whose content the repository does not hold."""
        tree = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "-z", tag], capture_output=True, text=True)
        blobs = {}
        for entry in tree.stdout.split("\0"):
            if "\t" in entry:
                meta, p = entry.split("\t", 1)
                if meta.split()[1] == "blob":
                    blobs.setdefault(meta.split()[2], []).append(p)
        check = subprocess.run(["git", "-C", repo, "cat-file", "--batch-check"], input="\n".join(blobs) + "\n",
                               capture_output=True, text=True)
        return sorted(p for line in check.stdout.splitlines() if line.endswith(" missing")
                      for p in blobs.get(line.split()[0], []))


class Staged:
    def __init__(self, root, file):
        self.root, self.file, self.installed = root, file, []  # (key, source, constraint, version)

    def version_of(self, source):
        return next((v for k, s, c, v in self.installed if s == source and "." not in k), None)


def stage_sample(path, query_dir, calls, installer):
    """Copies a sample to `query_dir/<sample>/` and installs the modules it calls there as
    `terraform init` does: `.terraform/modules/<key>/` and `.terraform/modules/modules.json`."""
    root = os.path.join(query_dir, os.path.splitext(os.path.basename(path))[0])
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, ".terraform", "modules"))
    staged = Staged(root, os.path.join(root, os.path.basename(path)))
    shutil.copyfile(path, staged.file)
    manifest = [{"Key": "", "Source": "", "Dir": "."}]
    install_modules(calls, "", ".", staged, installer, manifest)
    with open(os.path.join(root, ".terraform", "modules", "modules.json"), "w") as f:
        json.dump({"Modules": manifest}, f)
    for key, source, constraint, version in staged.installed:
        installer.used[(source, constraint, version)] += 1
    return staged


def install_modules(calls, parent_key, parent_dir, staged, installer, manifest, depth=0):
    """Installs the modules `calls` name (called from `parent_dir`, relative to the root) and,
    recursively, those they call. Keys are Terraform's: `s3_bucket`, `db.db_instance`."""
    if depth > 16:
        raise NotInstalled("modules nested more than 16 deep")
    for call in calls:
        if not call.source:
            continue
        key = f"{parent_key}.{call.name}" if parent_key else call.name
        if is_local_source(call.source):
            if not parent_key:
                continue  # a local module of the sample itself: read in place, nothing to install
            d = posixpath.normpath(posixpath.join(parent_dir, call.source))
            if not d.startswith(".terraform/modules/"):
                raise NotInstalled(f"module {key} climbs out of the installed module ({call.source})")
            entry = {"Key": key, "Source": call.source, "Dir": d}
        else:
            repo, tag, version, subdir, address = installer.resolve(call.source, call.version)
            package = posixpath.join(".terraform", "modules", key)
            shutil.copytree(installer.package(repo, tag), os.path.join(staged.root, package), symlinks=True)
            d = posixpath.normpath(posixpath.join(package, subdir)) if subdir else package
            entry = {"Key": key, "Source": address + (f"//{subdir}" if subdir else ""), "Version": version, "Dir": d}
            staged.installed.append((key, call.source, call.version, version))
        manifest.append(entry)
        module_dir = os.path.join(staged.root, d)
        if not os.path.isdir(module_dir):
            raise NotInstalled(f"module {key}: no directory {d}")
        nested = []
        for name in sorted(os.listdir(module_dir)):
            if name.endswith(".tf"):
                with open(os.path.join(module_dir, name)) as f:
                    nested += module_calls(f.read())
        install_modules(nested, key, d, staged, installer, manifest, depth + 1)


def write_markdown(path, platform, rows, exclusions, asides, other_line, unscored, inst, plain, installer, in_module_code=0):
    """`inst`: the figures as scored; `plain`: those of the samples scanned alone (with --modules)."""
    pct = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "n/a"
    cell = lambda t: (f"{t.found}/{t.pos} = {pct(t.found, t.pos)}", f"{t.false}/{t.neg} = {pct(t.false, t.neg)}")
    total, excl, aside = inst["total"], inst["excl"], inst["aside"]
    out = [f"### KICS {platform} samples ({len(rows)} queries mapped)", ""]
    out.append("| | positives found at the expected line | negative files falsely reported |")
    out.append("|---|---|---|")
    if plain is None:
        out.append("| all samples of the mapped queries | %s | %s |" % cell(total))
        out.append(f"| without the {excl.samples} samples where KICS is wrong | %s | %s |" % cell(total.minus(excl)))
        if aside.samples:
            out.append(f"| ... and without the {aside.samples} samples built on registry modules | %s | %s |"
                       % cell(total.minus(excl).minus(aside)))
    else:
        out.append("| all samples of the mapped queries, registry modules installed | %s | %s |" % cell(total))
        out.append(f"| without the {excl.samples} samples where KICS is wrong, registry modules installed | %s | %s |"
                   % cell(total.minus(excl)))
        if aside.samples:
            out.append(f"| ... and without the {aside.samples} samples whose registry module could not be installed "
                       "| %s | %s |" % cell(total.minus(excl).minus(aside)))
        out.append("| all samples, registry modules not installed (each sample scanned alone) | %s | %s |"
                   % cell(plain["total"]))
        out.append(f"| without the {plain['excl'].samples} samples where KICS is wrong, registry modules not installed "
                   "| %s | %s |" % cell(plain["total"].minus(plain["excl"])))
        out.append(f"| ... and without the {plain['aside'].samples} samples built on registry modules (set aside) "
                   "| %s | %s |" % cell(plain["total"].minus(plain["excl"]).minus(plain["aside"])))
    out += ["", f"Of the positives missed at the expected line, {other_line} are reported by the mapped rule on "
            "another line of the same file (a different convention for where to point)."]
    if plain is not None:
        out[-1] += (f" {in_module_code} are reported by the mapped rule inside the installed module's code (where the "
                    "module applies the default or value that causes the finding) rather than at the module call.")
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
    if asides and installer is None:
        out += ["", f"#### Samples built on registry modules ({platform})", "",
                "These samples call a module from the Terraform registry without its code (no `.terraform/modules`), "
                "so what the module makes of its inputs cannot be read from the sample; Vigil judges a registry "
                "module once `terraform init` has installed it.", "",
                "| KICS query | sample | module |", "|---|---|---|"]
        for q, sample, source, _ in sorted(asides):
            out.append(f"| {q} | {sample} | `{source}` |")
    elif asides or (installer and installer.used):
        out += ["", f"#### Samples built on registry modules ({platform})", "",
                "These samples call a module from the Terraform registry. They are scored as `terraform init` leaves "
                "them: the module's code at the newest release its `version` constraint allows, under "
                "`.terraform/modules` with `modules.json` (`--modules`). Releases installed:", "",
                "| module | version constraint | release installed | module calls |", "|---|---|---|---|"]
        for (source, constraint, version), n in sorted(installer.used.items()):
            out.append(f"| `{source}` | {f'`{constraint}`' if constraint else 'none'} | {version} | {n} |")
        out += ["", "Samples (those where KICS is wrong are in the table above):", "",
                "| KICS query | sample | module | release installed |", "|---|---|---|---|"]
        for q, sample, source, version in sorted(asides):
            out.append(f"| {q} | {sample} | `{source}` | {version or 'not installed (set aside)'} |")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
