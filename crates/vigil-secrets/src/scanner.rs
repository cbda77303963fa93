//! Matching a set of secret rules against bytes: one keyword pass picks the rules worth running,
//! their patterns run over the text, and each candidate goes through the false-alarm filters.

use crate::filters;
use crate::redact::{digest, redact};
use crate::rule::SecretRule;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use vigil_model::{
    fingerprint, Finding, Location, Position, Span, Suppression, SuppressionKind,
    INLINE_SUPPRESSION_MARKER,
};

/// Why a file's content was not scanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    /// A NUL byte in the first 8 KiB: images, archives, compiled code.
    Binary,
}

impl Skip {
    pub fn describe(self) -> &'static str {
        match self {
            Skip::Binary => "binary content (a NUL byte in the first 8 KiB)",
        }
    }
}

/// One credential found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretMatch {
    /// Index of the rule in [`Scanner::rules`].
    pub rule: usize,
    pub span: Span,
    /// Hex of the first 8 bytes of the secret's SHA-256: the identity used by fingerprints.
    pub digest: String,
    /// A few leading characters and the digest: the only form in which a secret is shown.
    pub redacted: String,
    /// Byte range of the secret in the scanned text (to mask it in code frames).
    pub range: std::ops::Range<usize>,
    pub suppressed: Option<Suppression>,
}

/// The outcome of scanning one text.
#[derive(Debug, Default)]
pub struct Scanned {
    pub matches: Vec<SecretMatch>,
    pub skipped: Option<Skip>,
}

/// A compiled set of secret rules.
pub struct Scanner {
    rules: Vec<SecretRule>,
    keywords: AhoCorasick,
    /// For each keyword (by pattern id), the rules that list it.
    keyword_rules: Vec<Vec<usize>>,
    /// Rules without keywords: run on every text.
    always: Vec<usize>,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field("rules", &self.rules.len())
            .finish()
    }
}

/// How far from the start a NUL byte marks a text as binary (as git and ripgrep decide).
const BINARY_PROBE: usize = 8 * 1024;

/// How many bytes either side of a secret, on its line, [`filters::line_marks_fake`] reads.
const FAKE_MARK_REACH: usize = 256;

impl Scanner {
    /// Builds the keyword automaton. Rule ids must be unique.
    pub fn new(rules: Vec<SecretRule>) -> Result<Scanner, String> {
        let mut words: Vec<String> = Vec::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for (i, r) in rules.iter().enumerate() {
            if let Some(prev) = seen.insert(r.id.clone(), r.origin.clone()) {
                return Err(format!(
                    "rule id {} is defined twice: in {prev} and in {}",
                    r.id, r.origin
                ));
            }
            if r.keywords.is_empty() {
                always.push(i);
            }
            for k in &r.keywords {
                match words.iter().position(|w| w == k) {
                    Some(p) => keyword_rules[p].push(i),
                    None => {
                        words.push(k.clone());
                        keyword_rules.push(vec![i]);
                    }
                }
            }
        }
        // A DFA: a few MiB for a few hundred keywords, and the fastest of aho-corasick's
        // automata; this pass touches every byte of every file.
        let keywords = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| format!("secret rule keywords: {e}"))?;
        Ok(Scanner {
            rules,
            keywords,
            keyword_rules,
            always,
        })
    }

    pub fn rules(&self) -> &[SecretRule] {
        &self.rules
    }

    /// The rule with this id or name, in any case.
    pub fn get(&self, key: &str) -> Option<&SecretRule> {
        self.rules.iter().find(|r| r.is_named(key))
    }

    /// Keeps only the rules `keep` accepts.
    pub fn retain(self, keep: impl Fn(&SecretRule) -> bool) -> Scanner {
        let rules = self.rules.into_iter().filter(|r| keep(r)).collect();
        Scanner::new(rules).expect("ids were unique before")
    }

    /// Scans one text. `path` decides which loose-rule exceptions apply (lockfiles, minified
    /// files); it is not read.
    pub fn scan(&self, path: &str, text: &[u8]) -> Scanned {
        if memchr::memchr(0, &text[..text.len().min(BINARY_PROBE)]).is_some() {
            return Scanned {
                matches: Vec::new(),
                skipped: Some(Skip::Binary),
            };
        }
        let candidates = self.candidates(text);
        if candidates.is_empty() {
            return Scanned::default();
        }
        let skip_generic = filters::skip_generic_in_file(path);
        let mut lines: Option<LineIndex> = None;
        let mut found: Vec<SecretMatch> = Vec::new();
        for (ri, region) in candidates {
            let rule = &self.rules[ri];
            if rule.generic && skip_generic {
                continue;
            }
            let re = rule.regex();
            for window in Self::windows(rule, text, region) {
                let hay = &text[..window.end];
                let mut pos = window.start;
                while pos <= hay.len() {
                    let Some(caps) = re.captures_at(hay, pos) else {
                        break;
                    };
                    let whole = caps.get(0).expect("group 0 always matches");
                    pos = whole.end() + usize::from(whole.is_empty());
                    let Some(m) = rule.secret_groups().iter().find_map(|&g| caps.get(g)) else {
                        continue;
                    };
                    if let Some(found_one) = self.judge(ri, text, m.range(), &mut lines) {
                        found.push(found_one);
                    }
                }
            }
        }
        // A specific rule's match wins over a loose rule's match of the same text.
        let specific: Vec<std::ops::Range<usize>> = found
            .iter()
            .filter(|m| !self.rules[m.rule].generic)
            .map(|m| m.range.clone())
            .collect();
        found.retain(|m| {
            !self.rules[m.rule].generic
                || !specific
                    .iter()
                    .any(|r| r.start < m.range.end && m.range.start < r.end)
        });
        found.sort_by_key(|a| (a.range.start, a.rule));
        Scanned {
            matches: found,
            skipped: None,
        }
    }

    /// Whether the candidate secret at `range` of `text`, matched by rule `ri`, is reported:
    /// the filters on the secret, on the words around it and on what must be near it. Lines
    /// are indexed the first time a candidate needs them.
    fn judge(
        &self,
        ri: usize,
        text: &[u8],
        range: std::ops::Range<usize>,
        lines: &mut Option<LineIndex>,
    ) -> Option<SecretMatch> {
        let rule = &self.rules[ri];
        let secret = &text[range.clone()];
        if !self.accept(rule, secret) {
            return None;
        }
        let index = lines.get_or_insert_with(|| LineIndex::new(text));
        let line_no = index.line_of(range.start);
        let line = index.line_text(text, line_no);
        // The words around the secret, not the whole line: on a minified or generated file one
        // line can be megabytes long, and reading all of it again for every match made such a
        // file take minutes.
        let line_start = index.start(line_no);
        let around = &line[(range.start - line_start).saturating_sub(FAKE_MARK_REACH)
            ..(range.end - line_start + FAKE_MARK_REACH).min(line.len())];
        if filters::line_marks_fake(around, secret)
            || (rule.generic && filters::is_minified_line(line))
        {
            return None;
        }
        if let Some(near) = &rule.near {
            let from = line_no.saturating_sub(near.lines as usize);
            let to = (line_no + near.lines as usize).min(index.count() - 1);
            let window = &text[index.start(from)..index.end(text, to)];
            if !near.regex().is_match(window) {
                return None;
            }
        }
        Some(SecretMatch {
            rule: ri,
            span: Span {
                file: 0,
                start: index.position(text, range.start),
                end: index.position(text, range.end),
            },
            digest: digest(secret),
            redacted: redact(secret),
            suppressed: inline_suppression(rule, index, text, line_no),
            range,
        })
    }

    /// Rules whose keywords occur in the text (plus those without keywords), in rule order,
    /// each with where its pattern must run.
    fn candidates(&self, text: &[u8]) -> Vec<(usize, Region)> {
        // Positions of each keyword; past `MAX_HITS` a keyword is everywhere and its rules run
        // on the whole text.
        const MAX_HITS: usize = 2048;
        let mut hits: Vec<Option<Vec<usize>>> = vec![None; self.keyword_rules.len()];
        for m in self.keywords.find_overlapping_iter(text) {
            let k = m.pattern().as_usize();
            let list = hits[k].get_or_insert_with(Vec::new);
            if list.len() <= MAX_HITS {
                list.push(m.start());
            }
        }
        let mut regions: Vec<Option<Region>> = (0..self.rules.len()).map(|_| None).collect();
        for &i in &self.always {
            regions[i] = Some(Region::Whole);
        }
        for (k, found) in hits.iter().enumerate() {
            let Some(found) = found else { continue };
            for &r in &self.keyword_rules[k] {
                let region = regions[r].get_or_insert_with(|| Region::Near(Vec::new()));
                match region {
                    Region::Whole => {}
                    Region::Near(_) if found.len() > MAX_HITS => *region = Region::Whole,
                    Region::Near(at) => at.extend_from_slice(found),
                }
            }
        }
        regions
            .into_iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (i, r)))
            .collect()
    }

    /// The byte ranges of `text` where `rule`'s pattern runs: whole lines around each keyword
    /// (`context_lines` before and after, 2 by default; 64 KiB more after for patterns that
    /// span many lines, such as private key blocks), merged where they overlap. Starting and ending at line breaks keeps
    /// `\b` and `^`/`$` meaning what they mean in the whole text.
    fn windows(rule: &SecretRule, text: &[u8], region: Region) -> Vec<std::ops::Range<usize>> {
        let mut at = match region {
            Region::Whole => return std::iter::once(0..text.len()).collect(),
            Region::Near(at) => at,
        };
        at.sort_unstable();
        at.dedup();
        let extra = if rule.spans_lines { 64 * 1024 } else { 0 };
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for p in at {
            let n = rule.context_lines as usize;
            let start = lines_back(text, p, n);
            let end = lines_forward(text, (p + extra).min(text.len()), n);
            match out.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => out.push(start..end),
            }
        }
        out
    }

    /// The filters that look at the secret alone.
    fn accept(&self, rule: &SecretRule, secret: &[u8]) -> bool {
        if filters::is_documented_example(secret) || filters::is_placeholder(secret) {
            return false;
        }
        if rule.allow.iter().any(|a| a.is_match(secret)) {
            return false;
        }
        if let Some(min) = rule.min_entropy {
            if filters::entropy(secret) < min {
                return false;
            }
        }
        if let Some(kind) = rule.checksum {
            if !filters::checksum_ok(kind, secret) {
                return false;
            }
        }
        !(rule.generic && filters::looks_like_code_or_id(secret))
    }

    /// The findings for `scanned`, located in `path`.
    pub fn findings(&self, path: &str, scanned: &Scanned) -> Vec<Finding> {
        scanned
            .matches
            .iter()
            .map(|m| self.finding(path, m))
            .collect()
    }

    /// One match as a finding. The secret appears only redacted.
    pub fn finding(&self, path: &str, m: &SecretMatch) -> Finding {
        let rule = &self.rules[m.rule];
        let address = m.redacted.clone();
        Finding {
            rule_id: rule.id.clone(),
            rule_name: rule.name.clone(),
            severity: rule.severity,
            title: rule.title.clone(),
            message: format!("{} `{}`", rule.title, m.redacted),
            kind: "secret".into(),
            fingerprint: fingerprint(&rule.id, path, &format!("sha256:{}", m.digest), None),
            address,
            location: Location {
                path: path.to_string(),
                span: Some(m.span),
            },
            property_path: None,
            remediation: rule.remediation.clone(),
            suppressed: m.suppressed.clone(),
            provenance: None,
        }
    }
}

/// `vigil:ignore RULE reason` on the secret's line or the line above; also the markers other
/// scanners' users already wrote (`gitleaks:allow`, `pragma: allowlist secret`), so adopting
/// Vigil does not resurface every secret a team reviewed.
fn inline_suppression(
    rule: &SecretRule,
    index: &LineIndex,
    text: &[u8],
    line_no: usize,
) -> Option<Suppression> {
    let mut lines = vec![index.line_text(text, line_no)];
    if line_no > 0 {
        lines.push(index.line_text(text, line_no - 1));
    }
    for (n, line) in lines.iter().enumerate() {
        // Most lines hold no marker: do not copy a long line to find that out.
        if memchr::memmem::find(line, INLINE_SUPPRESSION_MARKER.as_bytes()).is_none()
            && (n > 0
                || (memchr::memmem::find(line, b"gitleaks:allow").is_none()
                    && memchr::memmem::find(line, b"pragma: allowlist secret").is_none()))
        {
            continue;
        }
        let line = String::from_utf8_lossy(line);
        for s in Suppression::parse_inline(&line) {
            if s.rule == "*" || rule.is_named(&s.rule) {
                return Some(s);
            }
        }
        // Other tools' markers count on the secret's own line only.
        if n == 0 {
            for marker in ["gitleaks:allow", "pragma: allowlist secret"] {
                if line.contains(marker) {
                    return Some(Suppression {
                        kind: SuppressionKind::Inline,
                        rule: rule.id.clone(),
                        reason: format!("marked `{marker}`"),
                    });
                }
            }
        }
    }
    None
}

/// Where a candidate rule's pattern runs.
#[derive(Debug, Clone)]
enum Region {
    Whole,
    /// Around these keyword positions.
    Near(Vec<usize>),
}

/// The start of the line `n` lines above the one holding `at`.
fn lines_back(text: &[u8], at: usize, n: usize) -> usize {
    let mut start = at.min(text.len());
    for _ in 0..=n {
        match memchr::memrchr(b'\n', &text[..start]) {
            Some(i) => start = i,
            None => return 0,
        }
    }
    start + 1
}

/// The end (before the line break) of the line `n` lines below the one holding `at`.
fn lines_forward(text: &[u8], at: usize, n: usize) -> usize {
    let mut end = at;
    for _ in 0..=n {
        match memchr::memchr(b'\n', &text[end..]) {
            Some(i) => end += i + 1,
            None => return text.len(),
        }
    }
    end - 1
}

/// Line starts of a text, built only when a candidate needs a location.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        if starts.len() > 1 && *starts.last().unwrap() == text.len() {
            starts.pop();
        }
        LineIndex { starts }
    }

    pub(crate) fn count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub(crate) fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// End of `line`, without its line break.
    pub(crate) fn end(&self, text: &[u8], line: usize) -> usize {
        let mut end = self.starts.get(line + 1).map_or(text.len(), |s| s - 1);
        if end > self.starts[line] && text.get(end.wrapping_sub(1)) == Some(&b'\r') {
            end -= 1;
        }
        end
    }

    pub(crate) fn line_text<'t>(&self, text: &'t [u8], line: usize) -> &'t [u8] {
        &text[self.start(line)..self.end(text, line).max(self.start(line))]
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub(crate) fn position(&self, text: &[u8], offset: usize) -> Position {
        let line = self.line_of(offset);
        let before = &text[self.starts[line]..offset];
        let column = String::from_utf8_lossy(before).chars().count() + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> Scanner {
        let rule = SecretRule::parse(
            "t.yaml",
            r#"
id: SECRET-T-001
name: t
title: T
severity: high
rationale: r
remediation: r
detect:
  keywords: [tok_]
  pattern: '\b(?P<secret>tok_[A-Za-z0-9]{20})\b'
examples:
  fail: ['tok_Q3vX8kLm2Nw7Rt5Yz9Pb']
  pass: ['tok_short']
"#,
        )
        .unwrap();
        Scanner::new(vec![rule]).unwrap()
    }

    #[test]
    fn windows_find_what_the_whole_text_holds_with_the_right_lines() {
        let s = scanner();
        let mut text = String::new();
        for i in 0..5000 {
            text.push_str(&format!("filler line {i} with words\n"));
        }
        text.push_str("a = \"tok_Q3vX8kLm2Nw7Rt5Yz9Pb\"\n");
        for i in 0..5000 {
            text.push_str(&format!("more {i}\n"));
        }
        // Two on one line, and one at the very end without a line break.
        text.push_str(
            "x tok_A1b2C3d4E5f6G7h8I9j0 tok_K1l2M3n4O5p6Q7r8S9t0\ntok_Z9y8X7w6V5u4T3s2R1q0",
        );
        let found = s.scan("f.txt", text.as_bytes());
        let lines: Vec<u32> = found.matches.iter().map(|m| m.span.start.line).collect();
        assert_eq!(lines, vec![5001, 10002, 10002, 10003]);
        // A token glued to a longer word is not one.
        assert!(s
            .scan("f.txt", b"tok_Q3vX8kLm2Nw7Rt5Yz9Pbextra")
            .matches
            .is_empty());
    }

    #[test]
    fn binary_text_is_skipped() {
        let s = scanner();
        let r = s.scan("b.bin", b"\0\0tok_Q3vX8kLm2Nw7Rt5Yz9Pb");
        assert_eq!(r.skipped, Some(Skip::Binary));
        assert!(r.matches.is_empty());
    }
}
