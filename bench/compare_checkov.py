#!/usr/bin/env python3
"""Compare Vigil and Checkov findings on Terraform, resource by resource, for the rules both
tools have (see docs/compare-checkov.md).

  bench/compare_checkov.py run --module vpc=/path/to/terraform-aws-vpc [--module eks=...] \
                               [--fixtures] --work WORKDIR
  bench/compare_checkov.py compare --work WORKDIR [--json out.json] [--detail] [--markdown]

`run` scans each module repository from its root with both tools (the reports a user sees),
then once more per root module (a directory no other scanned directory calls as a local
module), which is how findings are attributed to a root: both tools name a module resource the
same way in every example that calls the module, and Checkov's repository-wide report does not
say which caller a graph finding comes from. `--fixtures` expands rules/aws/**/*.tf (the
`# --- file:` markers) into WORK/fx, one root module per fixture, and scans that tree once.

`compare` normalises both tools' findings to (root module, resource block) per pair of rules
(PAIRS), and puts each disagreement in a group (RULES, GROUPS: the verdicts written in the doc;
a disagreement no rule matches is reported as unclassified and needs reading).

Checkov comes from CHECKOV (default: `checkov` on PATH), Vigil from target/release/vigil.
Nothing is downloaded: the module repositories must already be checked out somewhere outside
this repository.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Vigil rule(s) <-> Checkov check(s) judging the same risk. Only these are compared.
PAIRS = [
    ("AWS-ACM-001", ["CKV2_AWS_71"]),
    ("AWS-ACM-002", ["CKV_AWS_234"]),
    ("AWS-APIGW-001", ["CKV_AWS_76"]),
    ("AWS-APIGW-002", ["CKV2_AWS_4"]),
    ("AWS-APIGW-003", ["CKV_AWS_206"]),
    ("AWS-APIGW-004", ["CKV_AWS_59", "CKV2_AWS_70", "CKV_AWS_309"]),
    ("AWS-APIGW-005", ["CKV_AWS_308"]),
    ("AWS-APIGW-006", ["CKV_AWS_73"]),
    ("AWS-APIGW-007", ["CKV2_AWS_51"]),
    ("AWS-ASG-001", ["CKV_AWS_79"], {"aws_launch_configuration"}),
    ("AWS-ASG-002", ["CKV_AWS_389"]),
    ("AWS-ASG-003", ["CKV_AWS_315"]),
    ("AWS-CB-001", ["CKV_AWS_316"]),
    ("AWS-CB-002", ["CKV_AWS_147"]),
    ("AWS-CB-004", ["CKV_AWS_311"]),
    ("AWS-CF-001", ["CKV_AWS_86"]),
    ("AWS-CF-002", ["CKV_AWS_34"]),
    ("AWS-CF-003", ["CKV_AWS_174"]),
    ("AWS-CF-004", ["CKV2_AWS_72"]),
    ("AWS-CF-005", ["CKV2_AWS_54"]),
    ("AWS-CF-006", ["CKV_AWS_68"]),
    ("AWS-CFG-001", ["CKV2_AWS_48"]),
    ("AWS-CFG-002", ["CKV_AWS_121"]),
    ("AWS-COG-002", ["CKV_AWS_366"]),
    ("AWS-CT-001", ["CKV_AWS_67"]),
    ("AWS-CT-002", ["CKV_AWS_36"]),
    ("AWS-CT-003", ["CKV_AWS_251"]),
    ("AWS-CT-004", ["CKV_AWS_35"]),
    ("AWS-CT-005", ["CKV2_AWS_10"]),
    ("AWS-DDB-001", ["CKV_AWS_28", "CKV_AWS_165"]),
    ("AWS-DDB-002", ["CKV_AWS_119"]),
    ("AWS-DMS-001", ["CKV_AWS_89"]),
    ("AWS-DOCDB-001", ["CKV_AWS_74"]),
    ("AWS-EC-001", ["CKV_AWS_29"]),
    ("AWS-EC-002", ["CKV_AWS_30"]),
    ("AWS-EC2-001", ["CKV_AWS_24"]),
    ("AWS-EC2-002", ["CKV_AWS_25"]),
    ("AWS-EC2-003", ["CKV_AWS_277"]),
    ("AWS-EC2-006", ["CKV_AWS_382"]),
    ("AWS-EC2-007", ["CKV2_AWS_12"]),
    ("AWS-EC2-008", ["CKV_AWS_231", "CKV_AWS_232"]),
    ("AWS-EC2-010", ["CKV_AWS_352"]),
    ("AWS-EC2-011", ["CKV_AWS_3"]),
    ("AWS-EC2-012", ["CKV_AWS_8"]),
    ("AWS-EC2-013", ["CKV_AWS_79"], {"aws_instance", "aws_launch_template"}),
    ("AWS-EC2-014", ["CKV_AWS_88"]),
    ("AWS-EC2-015", ["CKV_AWS_130"]),
    ("AWS-EC2-016", ["CKV2_AWS_11"]),
    ("AWS-EC2-018", ["CKV_AWS_23"]),
    ("AWS-EC2-019", ["CKV_AWS_189"]),
    ("AWS-ECR-001", ["CKV_AWS_163"]),
    ("AWS-ECR-002", ["CKV_AWS_51"]),
    ("AWS-ECR-003", ["CKV_AWS_32"]),
    ("AWS-ECS-001", ["CKV_AWS_65"]),
    ("AWS-EFS-001", ["CKV_AWS_42"]),
    ("AWS-EKS-001", ["CKV_AWS_38"]),
    ("AWS-EKS-002", ["CKV_AWS_58"]),
    ("AWS-EKS-003", ["CKV_AWS_37"]),
    ("AWS-EKS-004", ["CKV_AWS_100"]),
    ("AWS-ELB-001", ["CKV2_AWS_20", "CKV_AWS_2"]),
    ("AWS-ELB-003", ["CKV_AWS_103"]),
    ("AWS-ELB-004", ["CKV_AWS_213"]),
    ("AWS-ELB-006", ["CKV_AWS_91", "CKV_AWS_92"]),
    ("AWS-ELB-007", ["CKV_AWS_131"]),
    ("AWS-ELB-008", ["CKV2_AWS_28"]),
    ("AWS-ELB-009", ["CKV_AWS_376"]),
    ("AWS-GD-001", ["CKV_AWS_238"]),
    ("AWS-IAM-001", ["CKV_AWS_62", "CKV_AWS_1", "CKV_AWS_274"]),
    ("AWS-IAM-002", ["CKV2_AWS_40"]),
    ("AWS-IAM-006", ["CKV_AWS_60"]),
    ("AWS-IAM-008", ["CKV_AWS_358", "CKV_AWS_393"]),
    ("AWS-IAM-010", ["CKV_AWS_40"]),
    ("AWS-KMS-001", ["CKV_AWS_7"]),
    ("AWS-KMS-002+003", ["CKV_AWS_33"]),
    ("AWS-LAM-001", ["CKV_AWS_301"]),
    ("AWS-LAM-005", ["CKV_AWS_116"]),
    ("AWS-LAM-006", ["CKV_AWS_50"]),
    ("AWS-LAM-008", ["CKV_AWS_258"]),
    ("AWS-LAM-009", ["CKV_AWS_363"]),
    ("AWS-LAM-010", ["CKV_AWS_45"]),
    ("AWS-LAM-011", ["CKV_AWS_173"]),
    ("AWS-LOG-001", ["CKV_AWS_66"]),
    ("AWS-LOG-002", ["CKV_AWS_158"]),
    ("AWS-MSK-001", ["CKV_AWS_291"]),
    ("AWS-MSK-002", ["CKV_AWS_81"]),
    ("AWS-MSK-003", ["CKV_AWS_80"]),
    ("AWS-NEP-001", ["CKV_AWS_44"]),
    ("AWS-NEP-002", ["CKV_AWS_359"]),
    ("AWS-OS-001", ["CKV_AWS_5"]),
    ("AWS-OS-002", ["CKV_AWS_6"]),
    ("AWS-OS-003", ["CKV_AWS_83"]),
    ("AWS-OS-005", ["CKV_AWS_247"]),
    ("AWS-OS-006", ["CKV_AWS_84"]),
    ("AWS-RDS-001", ["CKV_AWS_17"]),
    ("AWS-RDS-002", ["CKV_AWS_16", "CKV_AWS_96"]),
    ("AWS-RDS-003", ["CKV_AWS_133"]),
    ("AWS-RDS-005", ["CKV_AWS_293", "CKV_AWS_139"]),
    ("AWS-RDS-006", ["CKV_AWS_161", "CKV_AWS_162"]),
    ("AWS-RDS-008", ["CKV_AWS_226"]),
    ("AWS-RDS-009", ["CKV_AWS_157"]),
    ("AWS-RDS-010", ["CKV_AWS_327"]),
    ("AWS-RS-001", ["CKV_AWS_87"]),
    ("AWS-RS-002", ["CKV_AWS_64"]),
    ("AWS-RS-003", ["CKV_AWS_71"]),
    ("AWS-RS-004", ["CKV_AWS_142"]),
    ("AWS-S3-001", ["CKV_AWS_57"]),
    ("AWS-S3-002", ["CKV_AWS_20"]),
    ("AWS-S3-003", ["CKV2_AWS_43"]),
    ("AWS-S3-004+006", ["CKV_AWS_70"]),
    ("AWS-S3-007", ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"]),
    ("AWS-S3-009", ["CKV_AWS_21"]),
    ("AWS-S3-010", ["CKV_AWS_18"]),
    ("AWS-SEC-001", ["CKV_AWS_149"]),
    ("AWS-SM-001", ["CKV_AWS_122"]),
    ("AWS-SM-002", ["CKV_AWS_22"]),
    ("AWS-SM-003", ["CKV_AWS_306"]),
    ("AWS-SM-004", ["CKV_AWS_98"]),
    ("AWS-SNS-001", ["CKV_AWS_26"]),
    ("AWS-SNS-002", ["CKV_AWS_169"]),
    ("AWS-SQS-001", ["CKV_AWS_27"]),
    ("AWS-SQS-002", ["CKV_AWS_168"]),
    ("AWS-WAF-002", ["CKV_AWS_175"]),
]


def vigil_ids(pair_name):
    """'AWS-KMS-002+003' -> ['AWS-KMS-002', 'AWS-KMS-003']"""
    head, *more = pair_name.split("+")
    base = head.rsplit("-", 1)[0]
    return [head] + [f"{base}-{m}" for m in more]


# Checkov reports some findings on a resource Vigil folds into its subject (or on the data
# source a policy is written in): follow the reference to the subject so both name one thing.
JOINED = {
    "aws_api_gateway_method_settings": ["aws_api_gateway_stage"],
    "aws_s3_bucket_acl": ["aws_s3_bucket"],
    "aws_s3_bucket_public_access_block": ["aws_s3_bucket"],
    "aws_s3_bucket_server_side_encryption_configuration": ["aws_s3_bucket"],
    "aws_s3_bucket_versioning": ["aws_s3_bucket"],
    "aws_s3_bucket_logging": ["aws_s3_bucket"],
    "aws_s3_bucket_website_configuration": ["aws_s3_bucket"],
    "aws_ecr_repository_policy": ["aws_ecr_repository"],
    "aws_load_balancer_policy": ["aws_elb"],
    "aws_iam_user_policy_attachment": ["aws_iam_user", "aws_iam_policy"],
    "aws_iam_role_policy_attachment": ["aws_iam_role", "aws_iam_policy"],
    "aws_iam_group_policy_attachment": ["aws_iam_group", "aws_iam_policy"],
    "aws_iam_policy_attachment": ["aws_iam_policy", "aws_iam_group", "aws_iam_user", "aws_iam_role"],
}
# Pairs whose two checks name different resources: both sides are brought to these types.
PAIR_SUBJECT = {
    # CKV2_AWS_12 fails the VPC; Vigil names the default security group (or the rule).
    "AWS-EC2-007": ["aws_vpc", "aws_default_vpc"],
    # CKV2_AWS_20 and CKV_AWS_103 may name the load balancer; Vigil names the listener.
    "AWS-ELB-001": ["aws_lb", "aws_alb"],
    "AWS-ELB-003": ["aws_lb", "aws_alb"],
}
POLICY_CONSUMERS = (
    "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy",
    "aws_iam_role", "aws_kms_key", "aws_s3_bucket_policy", "aws_sqs_queue_policy",
    "aws_sns_topic_policy", "aws_ecr_repository_policy", "aws_opensearch_domain_policy",
)

IDX = re.compile(r'\[[^\]]*\]')


def block_addr(address):
    """Strip instance keys and Vigil's '#entry' suffix: one key per resource block."""
    address = address.split("#", 1)[0]
    address = IDX.sub("", address)
    mods, local = split_addr(address)
    parts = local.split(".")
    keep = 3 if parts[0] == "data" else 2
    return "".join(f"module.{m}." for m in mods) + ".".join(parts[:keep])


SRC = re.compile(r'^\s*source\s*=\s*"(\.{1,2}/[^"]*)"', re.M)
MOD = re.compile(r'^module\s+"([^"]+)"\s*\{', re.M)


def tf_files(d):
    try:
        return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".tf")]
    except FileNotFoundError:
        return []


def blocks(d):
    """Yield (kind, type, name, text) for the top-level blocks of the .tf files in d."""
    for f in tf_files(d):
        text = open(f, errors="replace").read()
        for m in re.finditer(r'^(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*\{|^(module)\s+"([^"]+)"\s*\{', text, re.M):
            depth, i = 0, m.end() - 1
            while i < len(text):
                c = text[i]
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            body = text[m.start():i + 1]
            if m.group(4):
                yield "module", None, m.group(5), body
            else:
                yield m.group(1), m.group(2), m.group(3), body


_blocks_cache = {}


def cached_blocks(d):
    d = os.path.normpath(d)
    if d not in _blocks_cache:
        _blocks_cache[d] = list(blocks(d))
    return _blocks_cache[d]


def module_dir(root, modpath):
    """Directory of the module at `module.a.module.b` below root (local sources only)."""
    d = root
    for name in modpath:
        for kind, _, n, body in cached_blocks(d):
            if kind == "module" and n == name:
                s = SRC.search(body)
                if not s:
                    return None
                d = os.path.normpath(os.path.join(d, s.group(1).split("//")[0]))
                break
        else:
            return None
    return d


def split_addr(addr):
    parts = addr.split(".")
    mods = []
    while len(parts) > 2 and parts[0] == "module":
        mods.append(parts[1])
        parts = parts[2:]
    return mods, ".".join(parts)


def follow(root, addr, targets):
    """Addresses of `targets`-typed resources that the block `addr` refers to (same module)."""
    mods, local = split_addr(addr)
    d = module_dir(root, mods)
    if d is None:
        return []
    kind = "data" if local.startswith("data.") else "resource"
    typ, name = local.split(".")[-2:]
    prefix = "".join(f"module.{m}." for m in mods)
    for k, t, n, body in cached_blocks(d):
        if k == kind and t == typ and n == name:
            refs = re.findall(r'\b(%s)\.([A-Za-z0-9_-]+)' % "|".join(map(re.escape, targets)), body)
            return sorted({f"{prefix}{t2}.{n2}" for t2, n2 in refs})
    return []


def consumers(root, addr):
    """Resources in the same module that use the policy document data source `addr`."""
    mods, local = split_addr(addr)
    d = module_dir(root, mods)
    if d is None:
        return []
    name = local.split(".")[-1]
    prefix = "".join(f"module.{m}." for m in mods)
    out = set()
    pat = re.compile(r'data\.aws_iam_policy_document\.%s\b' % re.escape(name))
    for k, t, n, body in cached_blocks(d):
        if k == "resource" and t in POLICY_CONSUMERS and pat.search(body):
            out.add(f"{prefix}{t}.{n}")
    return sorted(out)


# ------------------------------------------------------------------ loading results
def load_vigil(path, root_of):
    out = []
    for f in json.load(open(path))["findings"]:
        root = root_of(f)
        out.append(dict(rule=f["rule_id"], root=root, addr=f["address"], key=block_addr(f["address"]),
                        path=f["location"]["path"], line=f["location"]["start_line"]))
    return out


def checkov_records(path):
    text = open(path).read()
    # Checkov sometimes prints an error line on stdout before the report: start at the JSON
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    d = json.loads(text[min(starts):]) if starts else {}
    if isinstance(d, list):  # several frameworks
        d = next((x for x in d if x.get("check_type") == "terraform"), {"results": {}})
    res = d.get("results", {})
    return res.get("failed_checks", []), res.get("passed_checks", []), d.get("summary", {})


def ck_addr(rec):
    r = rec["resource"]
    cls = rec.get("check_class") or ""
    mods, local = split_addr(r)
    if ".data." in cls and not local.startswith("data."):
        prefix = "".join(f"module.{m}." for m in mods)
        r = prefix + "data." + local
    return r


def normalise_checkov(rec, root_abs, ck_id, vigil_rule):
    """Keys (block addresses) a Checkov record stands for, in Vigil's terms."""
    addr = block_addr(ck_addr(rec))
    mods, local = split_addr(addr)
    typ = local.split(".")[-2] if "." in local else local
    if local.startswith("data.aws_iam_policy_document"):
        c = consumers(root_abs, addr)
        return c or [addr]
    if typ in JOINED:
        t = follow(root_abs, addr, JOINED[typ]) or by_name(root_abs, addr, JOINED[typ])
        return t or [addr]
    return [addr]


def by_name(root, addr, targets):
    """The subject named by a literal (`repository = "app"`) rather than by a reference."""
    mods, local = split_addr(addr)
    d = module_dir(root, mods)
    if d is None:
        return []
    typ, name = local.split(".")[-2:]
    prefix = "".join(f"module.{m}." for m in mods)
    blks = cached_blocks(d)
    body = next((b for k, t, n, b in blks if k == "resource" and t == typ and n == name), "")
    lits = set(re.findall(r'^\s*(?:repository|bucket|load_balancer_name|user|role|group|name)\s*=\s*"([^"$]+)"', body, re.M))
    out = []
    for k, t, n, b in blks:
        if k == "resource" and t in targets:
            own = re.findall(r'^\s*(?:name|bucket)\s*=\s*"([^"$]+)"', b, re.M)
            if lits & set(own):
                out.append(f"{prefix}{t}.{n}")
    return sorted(out)


def normalise_vigil(v, root_abs):
    return [v["key"]]


# ------------------------------------------------------------------ comparison
def compare(units):
    """units: list of dict(name, roots: {root_rel: root_abs}, vigil: [...], ck_failed: [(root_rel, rec)],
    ck_passed: [(root_rel, rec)]). Returns one row per (unit, pair, root, resource block)."""
    rows = []
    for u in units:
        for pair, ck_ids, *types in PAIRS:
            types = types[0] if types else None
            vids = vigil_ids(pair)

            def wanted(rec):
                if rec["check_id"] not in ck_ids:
                    return False
                return types is None or split_addr(block_addr(rec["resource"]))[1].split(".")[0] in types

            V = collections.defaultdict(list)
            for v in u["vigil"]:
                if v["rule"] in vids:
                    for k in subject(pair, u["roots"][v["root"]], normalise_vigil(v, u["roots"][v["root"]])):
                        V[(v["root"], k)].append(v)
            # a Checkov record may stand for several blocks (a policy document used twice, an
            # attachment naming a user and a policy): it matches when one of them is Vigil's
            C = collections.defaultdict(list)
            for root, rec in u["ck_failed"]:
                if not wanted(rec):
                    continue
                cands = subject(pair, u["roots"][root], normalise_checkov(rec, u["roots"][root], rec["check_id"], vids))
                hit = [k for k in cands if (root, k) in V]
                for k in (hit or cands[:1]):
                    C[(root, k)].append(rec)
            P = collections.defaultdict(list)
            for root, rec in u["ck_passed"]:
                if wanted(rec):
                    for k in subject(pair, u["roots"][root], normalise_checkov(rec, u["roots"][root], rec["check_id"], vids)):
                        P[(root, k)].append(rec["check_id"])
            for key in sorted(set(V) | set(C)):
                status = "both" if key in V and key in C else ("vigil" if key in V else "checkov")
                rows.append(dict(unit=u["name"], pair=pair, checkov=ck_ids, root=key[0], key=key[1],
                                 status=status, vigil_instances=len({x["addr"] for x in V.get(key, [])}),
                                 vigil_lines=sorted({f'{x["path"]}:{x["line"]}' for x in V.get(key, [])}),
                                 checkov_ids=sorted({r["check_id"] for r in C.get(key, [])}),
                                 checkov_lines=sorted({f'{r["file_abs_path"]}:{r["file_line_range"][0]}' for r in C.get(key, [])}),
                                 checkov_passed=sorted(set(P.get(key, [])))))
    return rows


def subject(pair, root_abs, keys):
    """For pairs whose two checks name different resources, bring both to one subject."""
    targets = PAIR_SUBJECT.get(pair)
    if not targets:
        return keys
    out = []
    for k in keys:
        typ = split_addr(k)[1].split(".")[0]
        if typ in targets:
            out.append(k)
            continue
        t = follow(root_abs, k, targets)
        if not t:
            for g in follow(root_abs, k, ["aws_default_security_group"]):
                t += follow(root_abs, g, targets)
        out += t or [k]
    return sorted(set(out))


def roots_of(top):
    dirs = set()
    for d, ds, fs in os.walk(top):
        ds[:] = [x for x in ds if x != ".terraform" and not x.startswith(".")]
        if any(f.endswith(".tf") for f in fs):
            dirs.add(os.path.normpath(d))
    called = set()
    for d in dirs:
        for f in tf_files(d):
            for s in SRC.findall(open(f, errors="replace").read()):
                called.add(os.path.normpath(os.path.join(d, s.split("//")[0])))
    return sorted(d for d in dirs if d not in called)


def expand_fixtures(dst):
    src = os.path.join(ROOT, "rules", "aws")
    n = 0
    for f in sorted(glob.glob(src + "/**/*.tf", recursive=True)):
        rel = os.path.relpath(f, src)[:-3]
        cur, files = "main.tf", {"main.tf": []}
        for line in open(f):
            m = re.match(r"^# --- file: (\S+)\s*$", line)
            if m:
                cur = m.group(1)
                files.setdefault(cur, [])
                continue
            files[cur].append(line)
        for name, lines in files.items():
            p = os.path.join(dst, rel, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            open(p, "w").write("".join(lines))
        n += 1
    return n


def cmd_run(a):
    work = os.path.abspath(a.work)
    os.makedirs(os.path.join(work, "out"), exist_ok=True)
    vigil = os.path.join(ROOT, "target", "release", "vigil")
    checkov = os.environ.get("CHECKOV", "checkov")
    ck_args = ["--framework", "terraform", "-o", "json", "--compact", "--skip-download"]
    def ck(d, out, quiet):
        with open(out, "w") as fh:
            subprocess.run([checkov, "-d", d] + ck_args + (["--quiet"] if quiet else []), stdout=fh,
                           stderr=subprocess.DEVNULL)
    def vg(d, out):
        with open(out, "w") as fh:
            subprocess.run([vigil, "scan", d, "--format", "json", "--fail-on", "never"], stdout=fh,
                           stderr=subprocess.DEVNULL)
    for spec in a.module or []:
        name, path = spec.split("=", 1)
        path = os.path.abspath(path)
        json.dump({"path": path}, open(os.path.join(work, f"module-{name}.json"), "w"))
        vg(path, os.path.join(work, "out", f"vg-{name}.json"))
        if not a.skip_checkov:
            ck(path, os.path.join(work, "out", f"ck-{name}.json"), True)
        for r in roots_of(path):
            n = name + "+" + os.path.relpath(r, path).replace("/", "+")
            os.makedirs(os.path.join(work, "vgroot"), exist_ok=True)
            os.makedirs(os.path.join(work, "perroot"), exist_ok=True)
            vg(r, os.path.join(work, "vgroot", n + ".json"))
            if not a.skip_checkov:
                ck(r, os.path.join(work, "perroot", n + ".json"), False)
    if a.fixtures:
        fx = os.path.join(work, "fx")
        subprocess.run(["rm", "-rf", fx])
        print(expand_fixtures(fx), "fixtures", file=sys.stderr)
        vg(fx, os.path.join(work, "out", "vg-fx.json"))
        if not a.skip_checkov:
            ck(fx, os.path.join(work, "out", "ck-fx.json"), False)


def load_units(work):
    units = []
    for mf in sorted(glob.glob(os.path.join(work, "module-*.json"))):
        name = os.path.basename(mf)[7:-5]
        top = json.load(open(mf))["path"]
        roots = {os.path.relpath(r, top): r for r in roots_of(top)}
        vig, ckf, ckp = [], [], []
        for rel, r in roots.items():
            n = name + "+" + rel.replace("/", "+")
            vig += load_vigil(os.path.join(work, "vgroot", n + ".json"), lambda f, rel=rel: rel)
            p = os.path.join(work, "perroot", n + ".json")
            if os.path.exists(p) and os.path.getsize(p):
                f, pa, _ = checkov_records(p)
                ckf += [(rel, x) for x in f]
                ckp += [(rel, x) for x in pa]
        units.append(dict(name=name, top=top, roots=roots, vigil=vig, ck_failed=ckf, ck_passed=ckp))
    fx = os.path.join(work, "fx")
    if os.path.exists(os.path.join(work, "out", "vg-fx.json")):
        def rel3(p):
            return "/".join(os.path.relpath(p, fx).split("/")[:3])
        vig = load_vigil(os.path.join(work, "out", "vg-fx.json"), lambda f: rel3(f["location"]["path"]))
        ckf, ckp = [], []
        p = os.path.join(work, "out", "ck-fx.json")
        if os.path.exists(p) and os.path.getsize(p):
            f, pa, _ = checkov_records(p)
            ckf = [(rel3(x["file_abs_path"]), x) for x in f]
            ckp = [(rel3(x["file_abs_path"]), x) for x in pa]
        allroots = {v["root"] for v in vig} | {r for r, _ in ckf + ckp}
        roots = {r: os.path.join(fx, r) for r in allroots}
        units.append(dict(name="fixtures", top=fx, roots=roots, vigil=vig, ck_failed=ckf, ck_passed=ckp))
    return units


# ---------------------------------------------------------------------------------- verdicts
# The verdict on each disagreement, made by reading the Terraform (see docs/compare-checkov.md).
# First matching rule wins.
# RULES: (unit regex, pair regex, status, root regex, key regex, group)
# GROUPS: id -> (verdict, text); verdict V = Vigil right, C = Checkov right, N = definitions differ or
# not decidable from the configuration (neither is wrong).

GROUPS = {}
RULES = []


def g(gid, verdict, text):
    GROUPS[gid] = (verdict, text)


def r(pair, status, root=".*", key=".*", gid=None, unit=".*"):
    RULES.append((unit, pair, status, root, key, gid))


# ======================================================================= Vigil wrong (Checkov right)
g("vw-ddb-global", "C", "AWS-DDB-002 judges only `AWS::DynamoDB::Table`; an `aws_dynamodb_table` with `replica` "
  "blocks (or joined `aws_dynamodb_table_replica`) becomes `AWS::DynamoDB::GlobalTable` and its key is never judged")
r("AWS-DDB-002", "checkov", r"dynamodb/table-pitr-disabled/(fail|fail-dynamic|fail-global-home|fail-replica-resource|pass)$",
  r"aws_dynamodb_table\.(global|customers|split)$", "vw-ddb-global")
g("vw-rds-serverless-v1", "C", "AWS-RDS-010 needs `StorageEncrypted: true`, but an Aurora Serverless v1 cluster "
  "(`engine_mode = \"serverless\"`) is always encrypted, with the AWS managed key unless `kms_key_id` is set")
r("AWS-RDS-010", "checkov", r"rds/storage-not-encrypted/pass$", r"aws_rds_cluster\.serverless_v1$", "vw-rds-serverless-v1")
g("vw-sg-default-description", "C", "a group without `description` gets the provider's placeholder "
  "\"Managed by Terraform\"; Vigil counts it as a description, but it records no reason, which is the "
  "risk the rule names (fixture `pass-default-description` makes this a deliberate choice to revisit)")
r("AWS-EC2-018", "checkov", key=r"aws_security_group\.", gid="vw-sg-default-description")
g("vw-sg-named-default", "C", "AWS-EC2-007 flags an `aws_security_group` named `default`; AWS refuses that name "
  "(reserved), so no such group can exist: the finding describes nothing deployable")
r("AWS-EC2-007", "vigil", r"ec2/default-sg-has-rules/fail-name$", gid="vw-sg-named-default")
g("vw-default-sg-unmanaged", "C", "the VPC's default security group is left with AWS's own rules (all egress, "
  "all ingress from itself); CIS 5.4, which AWS-EC2-007 cites, asks for a default group that allows nothing. "
  "Vigil only reports rules added to the group; Terraform can empty it with `aws_default_security_group`")
r("AWS-EC2-007", "checkov", r"examples/complete$", gid="vw-default-sg-unmanaged", unit="vpc")
r("AWS-EC2-007", "checkov", r"ec2/", r"aws_vpc\.", "vw-default-sg-unmanaged", unit="fixtures")

g("vw-external-attachment", "C", "a policy attachment whose principal (and policy) are not declared in the "
  "configuration is joined onto nothing, so AdministratorAccess or any managed policy attached to an external "
  "user or role is never judged")
g("vw-iam-foreach-attachment", "C", "`aws_iam_user_policy_attachment` with `for_each = aws_iam_user.team` and "
  "`user = each.value.name` is not joined onto the users it iterates over, so the direct attachment is missed")
g("vw-iam-unknown-users", "C", "an `aws_iam_policy_attachment` whose `users` is a variable without a value is "
  "treated as naming users: AWS-IAM-010 fires on an unknown")
g("vw-s3-legacy-policy", "C", "the deprecated inline `policy` argument of `aws_s3_bucket` is not mapped to an "
  "`AWS::S3::BucketPolicy`, so a public policy written there is never judged")
g("vw-heredoc-policy", "C", "a JSON policy written as a heredoc that interpolates an unknown value "
  "(`${aws_s3_bucket.inbox.arn}`) becomes unknown as a whole, so its public `Principal` is not seen")
r("AWS-S3-004\\+006", "checkov", r"bucket-policy-public-read/fail-legacy$", gid="vw-s3-legacy-policy", unit="fixtures")
r("AWS-S3-004\\+006", "checkov", r"bucket-policy-public-write/fail-heredoc$", gid="vw-heredoc-policy", unit="fixtures")
r("AWS-IAM-010", "checkov", r"user-direct-policy/fail-for-each$", gid="vw-iam-foreach-attachment", unit="fixtures")
r("AWS-IAM-010", "vigil", r"user-direct-policy/pass$", r"\.unknown$", "vw-iam-unknown-users", unit="fixtures")

# ======================================================================= Checkov wrong (Vigil right)
g("ck-eval", "V", "Checkov does not evaluate what decides the value (a variable default or `.tfvars`, a local, "
  "a conditional, `count`/`for_each`, a `dynamic` block, a heredoc, an `aws_iam_policy_document`, a value passed "
  "into a local module) and passes the resource")
g("ck-count0", "V", "Checkov counts a resource that is not created (`count = 0`, a `for_each` over an empty "
  "collection) as present: here the flow log that would cover the VPC")
g("ck-scope", "V", "Checkov's check does not cover this resource type or form, so the risk goes unreported: "
  "`aws_default_network_acl`, `aws_default_security_group`, `aws_default_vpc`, launch templates (CKV_AWS_8), "
  "standalone `aws_elasticache_cluster`, `aws_db_instance` CMK (CKV_AWS_327 is clusters only), organisation "
  "aggregators, `inline_policy` of `aws_iam_role`, MariaDB IAM auth, replica PITR settings")
g("ck-sg-rule-resources", "V", "Checkov misreads `aws_vpc_security_group_*_rule` and rule forms: a rule without "
  "`from_port`/`to_port` (every protocol) passes, a single `cidr_ipv6 = \"::/0\"` string is not matched, "
  "`protocol = \"all\"` is not read as -1, and a group passes as soon as one earlier rule has `self = true`")
g("ck-port0", "V", "Checkov's NACL port checks treat `from_port = 0` as unset, so a rule for ports 0-65535 from "
  "anywhere passes")
g("ck-default-unsafe", "V", "Checkov passes when the argument is missing, but AWS's default is the unsafe value: "
  "SageMaker notebooks get direct internet access, an OpenSearch domain without `domain_endpoint_options` "
  "accepts HTTP, a node group `remote_access` without source groups opens SSH to the world, "
  "`retention_in_days = 0` keeps logs for ever, `tracing_config { mode = \"PassThrough\" }` is not active tracing")
g("ck-narrow", "V", "Checkov's check is narrower than the risk: CKV2_AWS_72 fails plain-HTTP origins only on ELB, "
  "MediaStore and MediaPackage domains; CKV_AWS_277/382 only count protocol -1, not every TCP/UDP port; "
  "CKV2_AWS_40 matches `iam:*` case-sensitively; CKV_AWS_45 misses a password that is not high-entropy; "
  "CKV_AWS_121 ignores `organization_aggregation_source`; CKV_AWS_358/393 accept a `repo:*` subject; "
  "CKV_AWS_274 knows AdministratorAccess only in the `aws` partition")
g("ck-presence", "V", "Checkov is satisfied by the presence of a block whose content is wrong: logging to a "
  "CloudFront bucket name that is not an S3 domain, a CloudWatch Logs group without the role CloudTrail needs, "
  "a DynamoDB replica with point-in-time recovery off, an event-invoke config is ignored")
g("ck-fp-context", "V", "Checkov fails a resource whose context makes it safe: a `Principal` `*` limited by "
  "`aws:PrincipalOrgID`/`principal_org_id` or by `source_arn`/`source_account`, a `Deny` NACL rule, an ICMP "
  "rule (no ports), a prefix-list source, a serverless SageMaker endpoint (no volume to encrypt), a log target "
  "bucket, logging through CloudWatch log delivery, an on-failure destination instead of a DLQ, registry-level "
  "ECR scanning, an empty `environment`, a Gateway Load Balancer listener (no HTTPS possible), an instance whose "
  "launch template sets IMDS, a policy whose `*` action is limited to one S3 ARN, a recorder without "
  "`recording_group` (records everything), Redshift logging set by the separate `aws_redshift_logging` resource")
g("ck-fp-default", "V", "Checkov fails a missing argument whose provider or AWS default is the safe value: "
  "`auto_minor_version_upgrade` (true), `allow_unauthenticated_identities` (false), MSK encryption in transit "
  "(TLS, in-cluster on), Redshift `encrypted` (on by default for new clusters since January 2025), a read replica's "
  "backup retention")
g("ck-fp-unresolved", "V", "Checkov fails a value it cannot resolve although the variable's default (or the "
  "expression) is safe")
g("ck-module-defaults", "V", "Checkov evaluates a module's resources with the module's own defaults, even where the "
  "caller turns them off (`create = false`) or the module is instantiated zero times (`for_each` over an "
  "empty map), or where the default it cannot read through a `dynamic` block is safe")
g("ck-http-listener-tls", "V", "CKV_AWS_103 fails a plain HTTP listener for its TLS policy; there is no TLS to judge "
  "(the missing redirect is AWS-ELB-001's finding)")
g("ck-apigw-deployment", "V", "an `aws_api_gateway_deployment` with `stage_name` creates a stage; Checkov has no "
  "check on deployments, Vigil judges the stage it creates")

# ======================================================================= neither wrong
g("n-unknown", "N", "the value is not known before apply (a data source, a variable without default, another "
  "resource's attribute); Vigil does not report unknowns, Checkov does")
g("n-inherited", "N", "encryption is taken from the source (snapshot, replica source, cloned cluster, restored "
  "point in time); the configuration does not say whether it is on")
g("n-ami", "N", "the root volume's encryption follows the AMI's snapshot and the account's EBS default, which "
  "the configuration does not show: Checkov fails an instance or launch configuration without "
  "`root_block_device`, Vigil judges only declared devices (and flags a declared root device without "
  "`encrypted`, which Checkov leaves unknown)")
g("n-cmk-vs-encryption", "N", "Checkov's customer-managed-key check also fails resources that are not encrypted "
  "at all; Vigil reports those under its encryption rule (AWS-OS-001, AWS-EC2-011, AWS-RDS-002, AWS-RS-002)")
g("n-scope", "N", "the two checks draw the line differently and each is right by its own definition: "
  "CKV_AWS_37 wants all five EKS log types (Vigil: audit); CKV2_AWS_4 also wants metrics; CKV_AWS_352 covers "
  "only ingress `aws_network_acl_rule`; CKV_AWS_20 reports `authenticated-read` and `public-read-write` ACLs "
  "as public read (Vigil: AWS-S3-003 / AWS-S3-001); CKV2_AWS_40 reports `*` (Vigil: AWS-IAM-001); "
  "CKV_AWS_91 includes Network Load Balancers; CKV_AWS_6 exempts single-node domains; CKV2_AWS_51 includes "
  "HTTP/WebSocket stages; CKV_AWS_3 fails a volume created from a snapshot")
g("n-invalid", "N", "the configuration is rejected by AWS as written (an incomplete TCP port range), so neither "
  "finding describes a deployable resource")

# ----------------------------------------------------------------------- row rules (fixtures)
F = "fixtures"
EVAL = r"/(fail|pass)-(variable|tfvars|condition|locals|count|for-each|dynamic|module|param|mapping|heredoc|policy-document|interpolation|split|ordered-behavior|logging-block|default)$"
# specific first
r("AWS-ACM-001", "vigil", r"acm/certificate-wildcard/fail-variable$", gid="ck-eval", unit=F)
r("AWS-APIGW-00[1-6]", "vigil", key=r"aws_api_gateway_deployment\.", gid="ck-apigw-deployment", unit=F)
r("AWS-APIGW-002", "vigil", r"stage-execution-logging-disabled/fail$", r"aws_apigatewayv2_stage\.", "ck-scope", unit=F)
r("AWS-APIGW-002", "checkov", gid="n-scope", unit=F)
r("AWS-APIGW-004", "checkov", r"method-no-authorization/pass$", gid="ck-fp-context", unit=F)
r("AWS-APIGW-007", "checkov", key=r"aws_apigatewayv2_stage\.", gid="n-scope", unit=F)
r("AWS-APIGW-007", "vigil", r"stage-no-client-certificate/fail$", gid="ck-presence", unit=F)
r("AWS-APIGW-007", "vigil", gid="ck-eval", unit=F)
r("AWS-CB-002", "vigil", r"codebuild/source-url-credentials/", gid="n-scope", unit=F)
r("AWS-CF-001", "vigil", r"cloudfront/logging-disabled/fail$", gid="ck-presence", unit=F)
r("AWS-CF-001", "checkov", r"cloudfront/logging-disabled/pass$", gid="ck-fp-context", unit=F)
r("AWS-CF-003", "checkov", r"viewer-tls-outdated/pass$", gid="n-unknown", unit=F)
r("AWS-CF-004", "vigil", gid="ck-narrow", unit=F)
r("AWS-CFG-001", "checkov", key=r"\.default$", gid="ck-fp-context", unit=F)
r("AWS-CFG-001", "checkov", key=r"\.unknown$", gid="n-unknown", unit=F)
r("AWS-CFG-002", "vigil", gid="ck-narrow", unit=F)
r("AWS-COG-002", "checkov", gid="ck-fp-default", unit=F)
r("AWS-CT-005", "vigil", r"no-cloudwatch-logs/fail$", gid="ck-presence", unit=F)
r("AWS-CT-005", "checkov", r"no-cloudwatch-logs/pass$", gid="ck-fp-context", unit=F)
r("AWS-DDB-001", "vigil", r"table-pitr-disabled/(fail|fail-replica-resource)$", gid="ck-presence", unit=F)
r("AWS-DDB-002", "checkov", key=r"\.imported$", gid="n-unknown", unit=F)
r("AWS-DOCDB-001", "checkov", gid="n-inherited", unit=F)
r("AWS-NEP-001", "checkov", gid="n-inherited", unit=F)
r("AWS-EC-00[12]", "vigil", key=r"aws_elasticache_cluster\.", gid="ck-scope", unit=F)
r("AWS-EC2-00[123]", "checkov", key=r"\.unknown$", gid="n-unknown", unit=F)
r("AWS-EC2-001", "checkov", key=r"from_prefix_list$", gid="ck-fp-context", unit=F)
r("AWS-EC2-00[1236]", "vigil", key=r"aws_vpc_security_group_(ingress|egress)_rule\.", gid="ck-sg-rule-resources", unit=F)
r("AWS-EC2-002", "vigil", r"sg-all-traffic-open/pass$", r"aws_security_group\.cluster$", "ck-sg-rule-resources", unit=F)
r("AWS-EC2-003", "vigil", r"sg-all-traffic-open/fail$", r"all_udp$", "n-scope", unit=F)
r("AWS-EC2-003", "checkov", gid="ck-fp-context", unit=F)
r("AWS-EC2-006", "vigil", key=r"aws_default_security_group\.", gid="ck-scope", unit=F)
r("AWS-EC2-006", "vigil", key=r"all_out_v6$", gid="ck-sg-rule-resources", unit=F)
r("AWS-EC2-008", "vigil", key=r"aws_default_network_acl\.", gid="ck-scope", unit=F)
r("AWS-EC2-008", "vigil", key=r"all_tcp_v6$", gid="ck-port0", unit=F)
r("AWS-EC2-010", "vigil", key=r"half_range$", gid="n-invalid", unit=F)
r("AWS-EC2-010", "vigil", gid="n-scope", unit=F)
r("AWS-EC2-010", "checkov", gid="ck-fp-context", unit=F)
r("AWS-EC2-011", "checkov", key=r"from_snapshot$", gid="n-inherited", unit=F)
r("AWS-EC2-012", "vigil", key=r"aws_launch_template\.", gid="ck-scope", unit=F)
r("AWS-EC2-012", ".*", gid="n-ami", unit=F)
r("AWS-EC2-013", "checkov", key=r"from_template$", gid="ck-fp-context", unit=F)
r("AWS-EC2-015", "vigil", key=r"aws_default_subnet\.", gid="ck-scope", unit=F)
r("AWS-EC2-016", "vigil", r"vpc-flow-logs-disabled/(fail-condition|fail-module)$", gid="ck-count0", unit=F)
r("AWS-EC2-016", "checkov", key=r"maybe$", gid="n-unknown", unit=F)
r("AWS-EC2-018", "vigil", key=r"aws_default_security_group\.", gid="ck-scope", unit=F)
r("AWS-EC2-018", "vigil", r"sg-rule-no-description/fail$", gid="ck-presence", unit=F)
r("AWS-EC2-019", "checkov", gid="n-cmk-vs-encryption", unit=F)
r("AWS-ECR-001", "checkov", r"pass-registry$", gid="ck-fp-context", unit=F)
r("AWS-ECS-001", "checkov", key=r"\.dynamic$", gid="ck-eval", unit=F)
r("AWS-ECS-001", "checkov", key=r"\.unknown$", gid="n-unknown", unit=F)
r("AWS-EKS-003", "checkov", key=r"\.unknown$", gid="n-unknown", unit=F)
r("AWS-EKS-003", "checkov", gid="n-scope", unit=F)
r("AWS-EKS-004", "vigil", gid="ck-default-unsafe", unit=F)
r("AWS-ELB-001", "checkov", key=r"gateway$", gid="ck-fp-context", unit=F)
r("AWS-ELB-003", "checkov", r"alb-http-no-redirect/", gid="ck-http-listener-tls", unit=F)
r("AWS-ELB-004", "vigil", gid="ck-scope", unit=F)
r("AWS-ELB-006", "checkov", key=r"\.nlb$", gid="n-scope", unit=F)
r("AWS-ELB-007", "checkov", key=r"from_parameter$", gid="n-unknown", unit=F)
r("AWS-ELB-008", "checkov", key=r"maybe$", gid="n-unknown", unit=F)
r("AWS-ELB-009", "checkov", gid="n-scope", unit=F)
r("AWS-IAM-001|AWS-IAM-010", "checkov", r"fail-external$", gid="vw-external-attachment", unit=F)
r("AWS-IAM-002", "checkov", key=r"service_wide$", gid="ck-fp-context", unit=F)
r("AWS-IAM-002", "checkov", gid="n-scope", unit=F)
r("AWS-IAM-002", "vigil", gid="ck-narrow", unit=F)
r("AWS-IAM-006", "checkov", key=r"\.org$", gid="ck-fp-context", unit=F)
r("AWS-IAM-008", "checkov", key=r"from_variable$", gid="ck-fp-unresolved", unit=F)
r("AWS-IAM-008", "vigil", gid="ck-narrow", unit=F)
r("AWS-LAM-001", "checkov", gid="ck-fp-context", unit=F)
r("AWS-LAM-005", "checkov", gid="ck-fp-context", unit=F)
r("AWS-LAM-006", "vigil", r"function-no-xray/fail$", gid="ck-default-unsafe", unit=F)
r("AWS-LAM-010", "vigil", r"env-plaintext-secret/fail$", gid="ck-narrow", unit=F)
r("AWS-LAM-011", "checkov", gid="ck-fp-context", unit=F)
r("AWS-LOG-001", "vigil", r"fail-zero$", gid="ck-default-unsafe", unit=F)
r("AWS-MSK-002", "checkov", key=r"from_variable$", gid="n-unknown", unit=F)
r("AWS-MSK-002", "checkov", gid="ck-fp-default", unit=F)
r("AWS-MSK-003", "checkov", key=r"from_variable$", gid="n-unknown", unit=F)
r("AWS-OS-002", "vigil", gid="n-scope", unit=F)
r("AWS-OS-003", "vigil", gid="ck-default-unsafe", unit=F)
r("AWS-OS-005", "checkov", gid="n-cmk-vs-encryption", unit=F)
r("AWS-RDS-002", "checkov", gid="n-inherited", unit=F)
r("AWS-RDS-003", "checkov", key=r"replica$", gid="ck-fp-default", unit=F)
r("AWS-RDS-006", "vigil", key=r"\.maria$", gid="ck-narrow", unit=F)
r("AWS-RDS-008", "checkov", key=r"from_variable$", gid="n-unknown", unit=F)
r("AWS-RDS-008", "checkov", gid="ck-fp-default", unit=F)
r("AWS-RDS-010", "vigil", key=r"aws_db_instance\.", gid="ck-scope", unit=F)
r("AWS-RDS-010", "checkov", key=r"\.clone$", gid="n-inherited", unit=F)
r("AWS-RDS-010", "checkov", gid="n-cmk-vs-encryption", unit=F)
r("AWS-RS-002", "checkov", key=r"from_variable$", gid="n-unknown", unit=F)
r("AWS-RS-002", "checkov", gid="ck-fp-default", unit=F)
r("AWS-RS-003", "checkov", key=r"warehouse$", gid="n-unknown", unit=F)
r("AWS-RS-004", "checkov", key=r"from_variable$", gid="n-unknown", unit=F)
r("AWS-RS-004", "checkov", gid="n-cmk-vs-encryption", unit=F)
r("AWS-S3-00[23]", ".*", r"s3/bucket-acl-(authenticated-read|public-read-write)/", gid="n-scope", unit=F)
r("AWS-S3-010", "checkov", gid="ck-fp-context", unit=F)
r("AWS-SM-001", "vigil", gid="ck-default-unsafe", unit=F)
r("AWS-SM-004", "checkov", gid="ck-fp-context", unit=F)
r("AWS-SQS-001", "checkov", gid="ck-fp-default", unit=F)
r("AWS-WAF-002", "checkov", gid="n-scope", unit=F)
r("AWS-IAM-001", "vigil", r"policy-admin-access/fail-attachment$", gid="ck-narrow", unit=F)
r("AWS-IAM-006", "vigil", r"role-trust-public/fail$", gid="ck-eval", unit=F)
r("AWS-S3-004\+006", "vigil", r"bucket-policy-public-(read|write)/fail$", gid="ck-eval", unit=F)
r("AWS-RS-003", "checkov", r"cluster-audit-logging-disabled/pass$", gid="ck-fp-context", unit=F)
# generic: a fail-* fixture whose finding Checkov misses because of how the value is written
r(".*", "vigil", EVAL, gid="ck-eval", unit=F)


def classify(row):
    for unit, pair, status, root, key, gid in RULES:
        if (re.fullmatch(unit, row["unit"]) and re.fullmatch(pair, row["pair"]) and re.fullmatch(status, row["status"])
                and re.search(root, row["root"]) and re.search(key, row["key"])):
            return gid
    return None

# ----------------------------------------------------------------------- row rules (module repositories)
M = "vpc|eks|rds"
RULES[:0] = []  # (placeholder)
r("AWS-RDS-0\\d\\d", "checkov", r"^wrappers", gid="ck-module-defaults", unit="rds")
r("AWS-EC2-0\\d\\d", "checkov", r"^wrappers", gid="ck-module-defaults", unit="vpc")
r("AWS-EC2-007", "checkov", gid="ck-module-defaults", unit="vpc")
r("AWS-EC2-00[89]|AWS-EC2-010", "vigil", key=r"aws_default_network_acl\.", gid="ck-scope", unit="vpc")
r("AWS-EC2-008", "vigil", r"examples/outpost$", gid="ck-eval", unit="vpc")
r("AWS-EC2-016", "vigil", key=r"aws_default_vpc\.", gid="ck-scope", unit="vpc")
r("AWS-EC2-016", "vigil", gid="ck-count0", unit="vpc")
r("AWS-LOG-002", "vigil", gid="ck-eval", unit=M)
r("AWS-RDS-010", "vigil", key=r"aws_db_instance\.", gid="ck-scope", unit="rds")
r("AWS-RDS-003", "checkov", key=r"module\.replica\.", gid="ck-fp-default", unit="rds")
r("AWS-RDS-0\\d\\d", "vigil", gid="ck-eval", unit="rds")
r("AWS-RDS-0\\d\\d", "checkov", r"examples/groups$", gid="ck-module-defaults", unit="rds")
r("AWS-KMS-001", "checkov", r"kms/key-rotation-disabled/pass$", gid="ck-fp-context", unit="fixtures")
r("AWS-KMS-002\\+003", "vigil", r"kms/key-policy-public-decrypt-or-admin/fail$", gid="ck-scope", unit="fixtures")
r("AWS-SEC-001", "vigil", r"fail-null$", gid="ck-eval", unit="fixtures")
# EKS / RDS module rows
RULES.insert(0, (".*", ".*", "checkov", ".*", r"module\.(disabled_eks|db_disabled|disabled)\.", "ck-module-defaults"))
g("ck-dynamic", "V", "Checkov fails a value that is set safely inside a `dynamic` block it does not read: "
  "`http_tokens = \"required\"` in the node-group launch templates, the cluster's secrets `encryption_config`")
r("AWS-EKS-002", "checkov", gid="ck-dynamic", unit="eks")
r("AWS-EC2-012", "checkov", gid="n-ami", unit="eks")
r("AWS-EKS-003", "checkov", gid="n-scope", unit="eks")
r("AWS-EC2-013", "checkov", r"examples/karpenter$", r"eks_managed_node_group\.", "ck-dynamic", unit="eks")
r("AWS-EC2-013", "checkov", r"tests/eks-managed-node-group$", r"module\.eks\.module\.eks_managed_node_group\.", "ck-dynamic", unit="eks")
r("AWS-EC2-013", "checkov", r"tests/self-managed-node-group$", r"self_managed_node_group\.", "ck-dynamic", unit="eks")
r("AWS-EC2-013", "checkov", gid="ck-module-defaults", unit="eks")
r("AWS-EC2-006", "vigil", key=r"aws_security_group_rule\.node$", gid="ck-eval", unit="eks")
r("AWS-EC2-00[16]", "vigil", key=r"aws_vpc_security_group_(ingress|egress)_rule\.", gid="ck-sg-rule-resources", unit="eks")
r("AWS-IAM-001", "vigil", gid="ck-eval", unit="eks")
r("AWS-LOG-002", "vigil", gid="ck-eval", unit="eks")
r("AWS-S3-009", "checkov", r"pass-unknown-bucket$", gid="n-unknown", unit="fixtures")


VERDICT_NAMES = {"V": "Vigil right", "C": "Checkov right", "N": "neither wrong"}


def markdown(rows):
    """Per input: the pair table, the disagreement groups, and a summary over all inputs."""
    out = []
    summary = collections.defaultdict(collections.Counter)
    for u in sorted({r["unit"] for r in rows}, key=lambda x: (x == "fixtures", x)):
        R = [r for r in rows if r["unit"] == u]
        out += [f"### {u}", "", "| Vigil rule | Checkov | both flag | only Vigil | only Checkov |",
                "|---|---|---:|---:|---:|"]
        by = collections.defaultdict(collections.Counter)
        for r in R:
            by[(r["pair"], tuple(r["checkov"]))][r["status"]] += 1
        for (pair, ck), c in sorted(by.items()):
            out.append(f"| {pair} | {', '.join(ck)} | {c['both']} | {c['vigil']} | {c['checkov']} |")
        G = collections.defaultdict(collections.Counter)
        for r in R:
            if r["status"] == "both":
                summary[u]["agree"] += 1
                continue
            gid = classify(r) or "unclassified"
            summary[u][GROUPS.get(gid, ("?",))[0]] += 1
            G[gid][(r["pair"], r["status"])] += 1
        out += ["", "| verdict | group | pair: only Vigil / only Checkov | cases |", "|---|---|---|---:|"]
        for gid, c in sorted(G.items(), key=lambda x: -sum(x[1].values())):
            parts = collections.defaultdict(lambda: [0, 0])
            for (pair, st), n in c.items():
                parts[pair][0 if st == "vigil" else 1] += n
            cases = ", ".join(f"{p} {a}/{b}" for p, (a, b) in sorted(parts.items()))
            v = GROUPS.get(gid, ("?",))[0]
            out.append(f"| {VERDICT_NAMES.get(v, v)} | {gid} | {cases} | {sum(c.values())} |")
        out.append("")
    out += ["### summary", "", "| input | agreements | Vigil right | Checkov right | neither wrong | unclassified |",
            "|---|---:|---:|---:|---:|---:|"]
    for u, s in summary.items():
        out.append(f"| {u} | {s['agree']} | {s['V']} | {s['C']} | {s['N']} | {s['?']} |")
    return "\n".join(out)


def cmd_compare(a):
    units = load_units(os.path.abspath(a.work))
    rows = compare(units)
    if a.json:
        json.dump(rows, open(a.json, "w"), indent=1)
    tab = collections.defaultdict(collections.Counter)
    for r in rows:
        tab[(r["unit"], r["pair"])][r["status"]] += 1
    for u in units:
        print(f"\n## {u['name']}")
        print("| pair | Checkov | both | only Vigil | only Checkov |")
        print("|---|---|---:|---:|---:|")
        for pair, ck_ids, *_ in PAIRS:
            c = tab.get((u["name"], pair))
            if c:
                print(f"| {pair} | {', '.join(ck_ids)} | {c['both']} | {c['vigil']} | {c['checkov']} |")
    if a.markdown:
        print(markdown(rows))
    if a.detail:
        for r in rows:
            if r["status"] != "both":
                print(r["unit"], r["pair"], r["status"], r["root"], r["key"], r["vigil_instances"],
                      r["checkov_ids"], "passed:" + ",".join(r["checkov_passed"]), classify(r))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--work", required=True)
    r.add_argument("--module", action="append", help="NAME=PATH of a module repository checkout")
    r.add_argument("--fixtures", action="store_true")
    r.add_argument("--skip-checkov", action="store_true")
    c = sub.add_parser("compare")
    c.add_argument("--work", required=True)
    c.add_argument("--json")
    c.add_argument("--detail", action="store_true", help="list every disagreement with its group")
    c.add_argument("--markdown", action="store_true", help="tables per input, groups and summary")
    a = ap.parse_args()
    {"run": cmd_run, "compare": cmd_compare}[a.cmd](a)


if __name__ == "__main__":
    main()
