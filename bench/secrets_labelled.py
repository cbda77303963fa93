#!/usr/bin/env python3
"""Vigil's secret scanner, Gitleaks and Kingfisher (and detect-secrets, ripsecrets when present)
on the labelled examples that three public scanners ship with their rules.

Corpora (read in place from the peers' repositories, bare or checked out, at HEAD):

  NP  Nosey Parker  crates/noseyparker/data/default/builtin/rules/*.yml
                    `examples:` are true, `negative_examples:` (and one `non_examples:`) false
  KF  Kingfisher 1.x data/rules/*.yml, `examples:` true, `negative_examples:` false
  GL  Gitleaks      cmd/generate/config/rules/*.go, the string literals of each rule's
                    `tps := []string{...}` (true) and `fps := []string{...}` (false), with
                    `tps = append(tps, ...)` and package-level `[]string` variables they name.
                    Examples made at run time (`utils.GenerateSampleSecrets(...)`,
                    `secrets.NewSecret(...)`, `fmt.Sprintf`) cannot be read statically and are
                    counted as left out, as are the `map[string]string` examples whose meaning
                    depends on a file name.

Each example is written to a file of its own (`<out>/corpus/<np|kf|gl>-<true|false>/NNNN.txt`).
Two kinds of false examples are dropped, and counted: those whose text is also a true example
of any corpus (a peer's "must not match" is per rule: Gitleaks lists other rules' keys as a
rule's false examples), and those a comment of the peer calls a credential its own pattern
misses (`# FIXME: extend this rule so these examples get matched`, `// False Negative`).
Every tool then scans the corpus directory once; an example counts as detected (true corpora)
or flagged (false corpora) when the tool reports at least one finding, of any rule, in its file.

Usage:
  bench/secrets_labelled.py --noseyparker <noseyparker-repo> --kingfisher <kingfisher-repo> \\
      --gitleaks <gitleaks-repo> [--out bench/out/secrets-labelled] [--skip-build] \\
      [--tools vigil,gitleaks,kingfisher,detect-secrets,ripsecrets] [--reuse gitleaks,kingfisher] \\
      [--misses vigil] [--markdown FILE] [--kingfisher-flags "--confidence low"]

  --out DIR       where the corpus, the tools' reports and the table go
                  (default bench/out/secrets-labelled/)
  --tools LIST    tools to run (default: all that are installed); Vigil is target/release/vigil,
                  the others are looked up in bench/out/venv/bin, then on PATH
  --reuse LIST    read these tools' reports from a previous run instead of running them again
  --skip-build    do not run `cargo build --release -p vigil-cli` first
  --misses TOOL   also list TOOL's missed true examples and flagged false examples, with the
                  peer's rule name for each (written to <out>/misses-TOOL.md as well)
  --markdown FILE also write the table there (it is always written to <out>/table.md)
  --kingfisher-flags "..."  extra Kingfisher flags, e.g. "--confidence low" or
                  "--include-hidden-findings" (default: none, what a user gets)

Flags used: `vigil secrets DIR --format json --fail-on never`; `gitleaks dir DIR --no-banner
--exit-code 0 --report-format json --report-path F`; `kingfisher scan DIR --no-validate
--no-update-check --no-dedup --format json --output F` (no network; --no-dedup so that the same
secret in two files is reported in both); `detect-secrets scan --all-files DIR`; `ripsecrets DIR`.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

NP_DIR = "crates/noseyparker/data/default/builtin/rules"
KF_DIR = "data/rules"
GL_DIR = "cmd/generate/config/rules"

CORPORA = ["np-true", "np-false", "kf-true", "kf-false", "gl-true", "gl-false"]
CORPUS_TITLES = {
    "np": "Nosey Parker",
    "kf": "Kingfisher 1.x",
    "gl": "Gitleaks",
}
ALL_TOOLS = ["vigil", "gitleaks", "kingfisher", "detect-secrets", "ripsecrets"]


# ---------------------------------------------------------------------------------------------
# Reading the peers' repositories (a bare mirror, a clone, or a plain directory)


class Repo:
    def __init__(self, path):
        self.path = path
        self.git = self._is_git(path)

    @staticmethod
    def _is_git(path):
        try:
            subprocess.run(
                ["git", "-C", path, "rev-parse", "--git-dir"],
                check=True,
                capture_output=True,
            )
            return True
        except (subprocess.CalledProcessError, FileNotFoundError):
            return False

    def _git(self, *args, data=None):
        return subprocess.run(
            ["git", "-C", self.path, *args], check=True, capture_output=True, input=data
        ).stdout

    def describe(self):
        """(commit id, `git describe --tags` or '')"""
        if not self.git:
            return ("(not a git repository)", "")
        commit = self._git("rev-parse", "HEAD").decode().strip()
        try:
            tag = self._git("describe", "--tags", "HEAD").decode().strip()
        except subprocess.CalledProcessError:
            tag = ""
        return commit, tag

    def files(self, folder, suffix):
        """{path: text} of the files directly in `folder` whose names end with `suffix`."""
        if self.git:
            names = [
                n
                for n in self._git("ls-tree", "--name-only", "HEAD", folder + "/")
                .decode()
                .splitlines()
                if n.endswith(suffix)
            ]
            out = OrderedDict()
            for n in sorted(names):
                out[n] = self._git("show", "HEAD:" + n).decode("utf-8", "replace")
            return out
        base = os.path.join(self.path, folder)
        return OrderedDict(
            (os.path.join(folder, n), open(os.path.join(base, n), encoding="utf-8").read())
            for n in sorted(os.listdir(base))
            if n.endswith(suffix)
        )


# ---------------------------------------------------------------------------------------------
# Nosey Parker and Kingfisher 1.x: YAML rules


# A comment next to a false example saying the peer's own pattern should have matched it: the
# example is a credential the peer misses, not an example of what must not be reported.
PEER_SAYS_TRUE = re.compile(
    r"FIXME|would be nice if|unfortunately doesn'?t match|false negative", re.I)


def comment_above(lines, lineno, indent):
    """The comment lines right above line `lineno` (0-based) indented at most `indent`."""
    out = []
    i = lineno - 1
    while i >= 0:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i -= 1
            continue
        if stripped.startswith("#") and len(line) - len(line.lstrip()) <= indent:
            out.append(stripped)
            i -= 1
            continue
        break
    return " ".join(out)


def yaml_examples(repo, folder, false_keys):
    """(true, false, peer_true): peer_true are false examples the peer's comment calls misses."""
    import yaml  # PyYAML

    true, false, peer_true = [], [], []
    for path, text in repo.files(folder, ".yml").items():
        lines = text.splitlines()
        root = yaml.compose(text)
        if root is None:
            continue
        top = {k.value: v for k, v in root.value}
        for rule in top.get("rules").value if "rules" in top else []:
            fields = {k.value: (k, v) for k, v in rule.value}
            name = "%s (%s)" % (
                fields["name"][1].value if "name" in fields else "?",
                fields["id"][1].value if "id" in fields else "?",
            )
            if "examples" in fields:
                for item in fields["examples"][1].value:
                    true.append((str(item.value), name))
            for key in false_keys:
                if key not in fields:
                    continue
                knode, seq = fields[key]
                line_of = lambda n: lines[n.start_mark.line] if n.start_mark.line < len(lines) else ""
                whole = PEER_SAYS_TRUE.search(
                    comment_above(lines, knode.start_mark.line, len(line_of(knode)) - len(line_of(knode).lstrip())))
                for item in seq.value:
                    ln = line_of(item)
                    indent = len(ln) - len(ln.lstrip())
                    mine = PEER_SAYS_TRUE.search(comment_above(lines, item.start_mark.line, indent))
                    (peer_true if (whole or mine) else false).append((str(item.value), name))
    return true, false, peer_true


# ---------------------------------------------------------------------------------------------
# Gitleaks: string literals in Go source

GO_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>`[^`]*`)
  | (?P<str>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<num>[0-9][0-9A-Za-z_.]*)
  | (?P<op>\.\.\.|:=|==|!=|<=|>=|&&|\|\||<-|\+\+|--|[-+*/%&|^<>=!(){}\[\],;:.])
    """,
    re.S | re.X,
)


def go_unquote(tok):
    """The value of a Go string literal."""
    if tok[0] == "`":
        return tok[1:-1].replace("\r", "")
    body, out, i = tok[1:-1], [], 0
    simple = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
              "\\": "\\", '"': '"', "'": "'"}
    raw = bytearray()

    def flush():
        if raw:
            out.append(raw.decode("utf-8", "replace"))
            raw.clear()

    while i < len(body):
        c = body[i]
        if c != "\\":
            flush()
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in simple:
            flush()
            out.append(simple[e])
            i += 2
        elif e == "x":
            raw.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif e in "01234567":
            raw.append(int(body[i + 1:i + 4], 8))
            i += 4
        elif e == "u":
            flush()
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif e == "U":
            flush()
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        else:
            raise ValueError("bad escape in " + tok)
    flush()
    return "".join(out)


class Tok(tuple):
    """(kind, text, comments above): compares equal to a (kind, text) pair."""

    def __eq__(self, other):
        return tuple(self[:2]) == tuple(other[:2]) if isinstance(other, tuple) else NotImplemented

    def __ne__(self, other):
        return not self == other

    __hash__ = tuple.__hash__


def go_tokens(src):
    """Tokens of Go source; each is (kind, text, comments written on lines of their own above it)."""
    toks = []
    pos = 0
    pending = []
    line_has_token = False
    while pos < len(src):
        m = GO_TOKEN.match(src, pos)
        if not m:
            raise ValueError("cannot tokenize Go at %r" % src[pos:pos + 40])
        pos = m.end()
        kind = m.lastgroup
        text = m.group()
        if kind == "ws":
            if "\n" in text:
                line_has_token = False
            continue
        if kind == "comment":
            if not line_has_token:
                pending.append(text)
            continue
        line_has_token = True
        value = go_unquote(text) if kind in ("raw", "str") else text
        toks.append(Tok(("str" if kind in ("raw", "str") else kind, value, " ".join(pending))))
        pending = []
    return toks


class GoExpr:
    """A small parser for the expressions Gitleaks' rule files assign to tps/fps."""

    def __init__(self, toks, i):
        self.t = toks
        self.i = i

    def peek(self, k=0):
        j = self.i + k
        return self.t[j] if j < len(self.t) else ("eof", "")

    def take(self, text=None):
        tok = self.peek()
        if text is not None and tok[1] != text:
            raise ValueError("expected %r, got %r" % (text, tok))
        self.i += 1
        return tok

    def expr(self):
        parts = [self.unary()]
        while self.peek() == ("op", "+"):
            self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else ("concat", parts)

    def unary(self):
        node = self.primary()
        while True:
            tok = self.peek()
            if tok == ("op", "."):
                self.take()
                name = self.take()[1]
                node = ("sel", node, name)
            elif tok == ("op", "("):
                node = ("call", node, self.items(")"))
            elif tok == ("op", "[") and node[0] != "type":
                self.skip_group("[", "]")
                node = ("other",)
            else:
                return node

    def primary(self):
        tok = self.take()
        if tok[0] == "str":
            return ("lit", tok[1])
        if tok[0] == "ident" and tok[1] == "map":
            self.skip_group("[", "]")
            self.take()  # value type
            self.take("{")
            return ("map", self.map_items())
        if tok[0] == "ident":
            return ("ident", tok[1])
        if tok == ("op", "["):
            self.take("]")
            self.take()  # element type
            self.take("{")
            return ("slice", self.items("}", opened=True))
        if tok == ("op", "("):
            node = self.expr()
            self.take(")")
            return node
        return ("other",)

    def items(self, close, opened=False):
        if not opened:
            self.take()  # the opening bracket
        out = []
        while self.peek() != ("op", close):
            first = self.peek()
            node = self.expr()
            if self.peek() == ("op", "..."):
                self.take()
                node = ("spread", node)
            if len(first) > 2 and PEER_SAYS_TRUE.search(first[2]):
                node = ("note", node)
            out.append(node)
            if self.peek() == ("op", ","):
                self.take()
        self.take(close)
        return out

    def map_items(self):
        out = []
        while self.peek() != ("op", "}"):
            k = self.expr()
            self.take(":")
            v = self.expr()
            out.append((k, v))
            if self.peek() == ("op", ","):
                self.take()
        self.take("}")
        return out

    def skip_group(self, open_, close):
        self.take(open_)
        depth = 1
        while depth:
            tok = self.take()
            if tok == ("op", open_):
                depth += 1
            elif tok == ("op", close):
                depth -= 1


def literal_value(node):
    """The string a literal or a `+` concatenation of literals spells, else None."""
    if node[0] == "lit":
        return node[1]
    if node[0] == "concat":
        parts = [literal_value(p) for p in node[1]]
        return None if any(p is None for p in parts) else "".join(parts)
    return None


def gitleaks_examples(repo):
    """(true, false, peer_true, left_out): peer_true are false examples the peer's comment calls
    misses; left_out counts what could not be read statically."""
    true, false, peer_true = [], [], []
    left = Counter()
    for path, src in repo.files(GL_DIR, ".go").items():
        toks = go_tokens(src)
        # Slices assigned to names anywhere in the file (`var keys = []string{...}`).
        slices = {}
        for i in range(len(toks) - 2):
            if toks[i][0] == "ident" and toks[i + 1][1] in ("=", ":=") and toks[i + 2] == ("op", "["):
                if toks[i][1] in ("tps", "fps"):
                    continue
                try:
                    node = GoExpr(toks, i + 2).expr()
                except (ValueError, IndexError):
                    continue
                if node[0] == "slice":
                    slices[toks[i][1]] = node[1]

        # Split at top-level `func`.
        funcs, depth, start = [], 0, None
        for i, tok in enumerate(toks):
            if tok == ("ident", "func") and depth == 0:
                if start is not None:
                    funcs.append((start, i))
                start = i
            elif tok == ("op", "{"):
                depth += 1
            elif tok == ("op", "}"):
                depth -= 1
        if start is not None:
            funcs.append((start, len(toks)))

        for a, b in funcs:
            body = toks[a:b]
            rule = body[1][1] if len(body) > 1 else "?"
            for i in range(len(body) - 1):
                if body[i] == ("ident", "RuleID") and body[i + 1] == ("op", ":") and body[i + 2][0] == "str":
                    rule = body[i + 2][1]
                    break
            for i in range(len(body) - 1):
                tok = body[i]
                if tok[0] != "ident" or tok[1] not in ("tps", "fps"):
                    continue
                if body[i + 1][1] not in (":=", "="):
                    continue
                if i > 0 and body[i - 1][1] in (".", ","):
                    continue
                label = tok[1]
                node = GoExpr(body, i + 2).expr()
                got, missing, noted = expand(node, label, slices)
                name = "%s (%s)" % (rule, os.path.basename(path))
                dest = true if label == "tps" else false
                for kind, n in missing.items():
                    left[(label, kind)] += n
                for e in got:
                    dest.append((e, name))
                for e in noted:
                    (true if label == "tps" else peer_true).append((e, name))
    return true, false, peer_true, left


def expand(node, label, slices):
    """Examples a tps/fps right-hand side holds, what was left out by kind, and the examples a
    comment marks as the peer's own misses."""
    got, missing, noted = [], Counter(), []

    def element(n):
        if n[0] == "note":
            v = literal_value(n[1])
            if v is not None:
                noted.append(v)
            else:
                element(n[1])
            return
        v = literal_value(n)
        if v is not None:
            got.append(v)
            return
        if n[0] == "spread":
            inner = n[1]
            if inner[0] == "ident" and inner[1] in slices:
                for e in slices[inner[1]]:
                    element(e)
            elif inner[0] == "ident" and inner[1] == label:
                pass
            else:
                missing[generated_kind(inner)] += 1
            return
        missing[generated_kind(n)] += 1

    if node[0] == "slice":
        for e in node[1]:
            element(e)
    elif node[0] == "map":
        missing["map[file]content (depends on the file name)"] += len(node[1])
    elif node[0] == "call" and node[1] == ("ident", "append"):
        args = node[2]
        first, rest = args[0], args[1:]
        if first == ("ident", label):
            pass
        elif first[0] == "ident" and first[1] in slices:
            for e in slices[first[1]]:
                element(e)
        else:
            g, m, o = expand(first, label, slices)
            got += g
            missing += m
            noted += o
        for e in rest:
            element(e)
    elif node[0] == "ident" and node[1] in slices:
        for e in slices[node[1]]:
            element(e)
    else:
        missing[generated_kind(node)] += 1
    return got, missing, noted


def generated_kind(node):
    def name(n):
        if n[0] == "ident":
            return n[1]
        if n[0] == "sel":
            return name(n[1]) + "." + n[2]
        return "?"

    if node[0] == "call":
        return "generated: " + name(node[1]) + "(...)"
    if node[0] == "concat":
        for p in node[1]:
            if p[0] == "call":
                return generated_kind(p)
        return "generated: concatenation with a variable"
    return "generated: variable"


# ---------------------------------------------------------------------------------------------
# Writing the corpus


def build_corpus(args, out):
    np_repo, kf_repo, gl_repo = Repo(args.noseyparker), Repo(args.kingfisher), Repo(args.gitleaks)
    sets, noted = {}, {}
    sets["np-true"], sets["np-false"], noted["np-false"] = yaml_examples(
        np_repo, NP_DIR, ["negative_examples", "non_examples"])
    sets["kf-true"], sets["kf-false"], noted["kf-false"] = yaml_examples(
        kf_repo, KF_DIR, ["negative_examples"])
    sets["gl-true"], sets["gl-false"], noted["gl-false"], left = gitleaks_examples(gl_repo)

    every_true = set(e for c in CORPORA if c.endswith("true") for e, _ in sets[c])
    dropped = {}
    for c in CORPORA:
        if c.endswith("false"):
            keep = [(e, r) for e, r in sets[c] if e not in every_true]
            dropped[c] = len(sets[c]) - len(keep)
            sets[c] = keep

    corpus = os.path.join(out, "corpus")
    if os.path.isdir(corpus):
        shutil.rmtree(corpus)
    index = {}
    for c in CORPORA:
        os.makedirs(os.path.join(corpus, c))
        for n, (text, rule) in enumerate(sets[c], 1):
            rel = "%s/%04d.txt" % (c, n)
            with open(os.path.join(corpus, rel), "w", encoding="utf-8", newline="") as f:
                f.write(text if text.endswith("\n") else text + "\n")
            index[rel] = {"corpus": c, "rule": rule}
    meta = {
        "repos": {
            "np": np_repo.describe(),
            "kf": kf_repo.describe(),
            "gl": gl_repo.describe(),
        },
        "dropped_false_also_true": dropped,
        "dropped_false_peer_says_true": {c: len(v) for c, v in noted.items()},
        "gitleaks_left_out": {"%s | %s" % k: v for k, v in sorted(left.items())},
    }
    json.dump({"files": index, "meta": meta}, open(os.path.join(out, "index.json"), "w"), indent=1)
    return index, meta


# ---------------------------------------------------------------------------------------------
# Running the tools


def find_tool(name):
    if name == "vigil":
        p = os.path.join(ROOT, "target", "release", "vigil")
        return p if os.path.exists(p) else None
    p = os.path.join(HERE, "out", "venv", "bin", name)
    if os.path.exists(p):
        return p
    return shutil.which(name)


def version(tool, exe):
    cmd = {
        "vigil": [exe, "--version"],
        "gitleaks": [exe, "version"],
        "kingfisher": [exe, "--version"],
        "detect-secrets": [exe, "--version"],
        "ripsecrets": [exe, "--version"],
    }[tool]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except Exception:
        return "?"


def run_tool(tool, exe, corpus, report, kingfisher_flags=()):
    """Runs `tool` on the corpus directory (as cwd, scanning `.`); the raw report goes to `report`."""
    if tool == "vigil":
        cmd = [exe, "secrets", ".", "--format", "json", "--fail-on", "never", "-o", report]
    elif tool == "gitleaks":
        cmd = [exe, "dir", ".", "--no-banner", "--exit-code", "0", "--report-format", "json",
               "--report-path", report]
    elif tool == "kingfisher":
        cmd = [exe, "scan", ".", "--no-validate", "--no-update-check", "--no-dedup",
               *kingfisher_flags, "--format", "json", "--output", report]
    elif tool == "detect-secrets":
        cmd = [exe, "scan", "--all-files", "."]
    elif tool == "ripsecrets":
        cmd = [exe, "."]
    else:
        raise ValueError(tool)
    r = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    if tool in ("detect-secrets", "ripsecrets"):
        open(report, "w").write(r.stdout)
    if not os.path.exists(report) or (tool not in ("ripsecrets",) and os.path.getsize(report) == 0):
        sys.stderr.write(r.stderr[-3000:])
        raise SystemExit("%s produced no report (exit %d)" % (tool, r.returncode))
    return " ".join(os.path.basename(c) if i == 0 else c for i, c in enumerate(cmd))


def hits(tool, report, corpus):
    """{file (relative to the corpus): [rule, ...]} from a tool's report."""
    out = {}

    def add(path, rule):
        if os.path.isabs(path):
            path = os.path.relpath(path, corpus)
        out.setdefault(os.path.normpath(path), []).append(rule)

    if tool == "vigil":
        for f in json.load(open(report))["findings"]:
            add(f["location"]["path"], f["rule_id"])
    elif tool == "gitleaks":
        for f in json.load(open(report)) or []:
            add(f["File"], f["RuleID"])
    elif tool == "kingfisher":
        d = json.load(open(report))
        for f in d.get("findings", []):
            add(f["finding"]["path"], f["rule"]["id"])
    elif tool == "detect-secrets":
        for path, results in json.load(open(report))["results"].items():
            for r in results:
                add(path, r["type"])
    elif tool == "ripsecrets":
        for line in open(report):
            m = re.match(r"(?:\x1b\[[0-9;]*m)*([^:\x1b]+?)(?:\x1b\[[0-9;]*m)*:(\d+):", line)
            if m:
                add(m.group(1), "ripsecrets")
    return out


# ---------------------------------------------------------------------------------------------
# Reporting


def pct(k, n):
    return "%d/%d = **%.1f%%**" % (k, n, 100.0 * k / n) if n else "–"


def table(index, results, tools):
    by_corpus = {c: [f for f, v in index.items() if v["corpus"] == c] for c in CORPORA}
    rows = []
    head = "| corpus | examples | " + " | ".join(tools) + " |"
    rows.append(head)
    rows.append("|---|---:|" + "---:|" * len(tools))

    def row(label, files):
        cells = [pct(sum(1 for f in files if results[t].get(f)), len(files)) for t in tools]
        rows.append("| %s | %d | %s |" % (label, len(files), " | ".join(cells)))

    for c in CORPORA:
        peer, kind = c.split("-")
        row("%s %s (%s)" % (CORPUS_TITLES[peer], kind, "detected" if kind == "true" else "flagged"),
            by_corpus[c])
    row("**all true** (detected)", [f for c in CORPORA if c.endswith("true") for f in by_corpus[c]])
    row("**all false** (flagged)", [f for c in CORPORA if c.endswith("false") for f in by_corpus[c]])
    return "\n".join(rows)


def misses(index, results, tool, corpus):
    lines = ["# %s: missed true examples and flagged false examples" % tool, ""]
    for kind, want in (("true", False), ("false", True)):
        title = "missed true examples" if kind == "true" else "flagged false examples"
        for c in CORPORA:
            if not c.endswith(kind):
                continue
            files = sorted(f for f, v in index.items() if v["corpus"] == c and bool(results.get(f)) == want)
            lines.append("## %s: %s (%d)" % (c, title, len(files)))
            lines.append("")
            for f in files:
                text = open(os.path.join(corpus, f), encoding="utf-8").read().rstrip("\n")
                preview = text.replace("\n", "\\n")
                if len(preview) > 160:
                    preview = preview[:157] + "..."
                extra = "  [%s]" % ", ".join(sorted(set(results[f]))) if want else ""
                lines.append("- `%s` %s%s: `%s`" % (f, index[f]["rule"], extra, preview.replace("`", "'")))
            lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--noseyparker", required=True, help="Nosey Parker repository (bare or checked out)")
    ap.add_argument("--kingfisher", required=True, help="Kingfisher 1.x repository")
    ap.add_argument("--gitleaks", required=True, help="Gitleaks repository")
    ap.add_argument("--out", default=os.path.join(HERE, "out", "secrets-labelled"))
    ap.add_argument("--tools", default=",".join(ALL_TOOLS))
    ap.add_argument("--reuse", default="")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--misses", default="")
    ap.add_argument("--markdown", default="")
    ap.add_argument("--kingfisher-flags", default="")
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    corpus = os.path.join(out, "corpus")
    wanted = [t for t in args.tools.split(",") if t]
    reuse = set(t for t in args.reuse.split(",") if t)

    if "vigil" in wanted and "vigil" not in reuse and not args.skip_build:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "vigil-cli"], cwd=ROOT, check=True)

    index, meta = build_corpus(args, out)

    tools, results, commands, versions = [], {}, {}, {}
    for t in wanted:
        exe = find_tool(t)
        report = os.path.join(out, "report-%s.json" % t)
        if t in reuse:
            if not os.path.exists(report):
                raise SystemExit("--reuse %s: no report at %s" % (t, report))
            commands[t] = "(reused report)"
        else:
            if not exe:
                if t in ("detect-secrets", "ripsecrets"):
                    print("(%s not installed: skipped)" % t, file=sys.stderr)
                    continue
                raise SystemExit("%s not found" % t)
            commands[t] = run_tool(t, exe, corpus, report, args.kingfisher_flags.split())
        versions[t] = version(t, exe) if exe else "?"
        results[t] = hits(t, report, corpus)
        unknown = [f for f in results[t] if f not in index]
        if unknown:
            print("%s: findings in %d files outside the corpus index, e.g. %s"
                  % (t, len(unknown), unknown[:3]), file=sys.stderr)
        tools.append(t)

    md = ["Corpora: " + "; ".join(
        "%s %s%s" % (CORPUS_TITLES[k], v[0][:12], " (%s)" % v[1] if v[1] else "")
        for k, v in meta["repos"].items())]
    md.append("Tools: " + "; ".join("%s (%s)" % (t, versions[t]) for t in tools))
    dropped = sum(meta["dropped_false_also_true"].values())
    left = meta["gitleaks_left_out"]
    md.append("False examples dropped because they are also true examples: %d (%s)" % (
        dropped, ", ".join("%s %d" % kv for kv in meta["dropped_false_also_true"].items())))
    noted = meta["dropped_false_peer_says_true"]
    md.append("False examples dropped because the peer's comment calls them credentials its pattern "
              "misses: %d (%s)" % (sum(noted.values()), ", ".join("%s %d" % kv for kv in noted.items())))
    md.append("Gitleaks examples left out (not literals): %d true, %d false" % (
        sum(v for k, v in left.items() if k.startswith("tps")),
        sum(v for k, v in left.items() if k.startswith("fps"))))
    for k, v in left.items():
        md.append("  - %s: %d" % (k, v))
    md.append("")
    md.append(table(index, results, tools))
    text = "\n".join(md) + "\n"
    print(text)
    open(os.path.join(out, "table.md"), "w").write(text)
    if args.markdown:
        open(args.markdown, "w").write(text)
    json.dump(commands, open(os.path.join(out, "commands.json"), "w"), indent=1)

    for t in [t for t in args.misses.split(",") if t]:
        if t not in results:
            raise SystemExit("--misses %s: that tool was not run" % t)
        m = misses(index, results[t], t, corpus)
        open(os.path.join(out, "misses-%s.md" % t), "w").write(m)
        print(m)


if __name__ == "__main__":
    main()
