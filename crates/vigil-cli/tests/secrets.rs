//! End-to-end tests of secret scanning: the real `vigil` binary on real files, real git
//! repositories (made with the `git` command) and real git hooks, in temporary directories.
//!
//! The credentials are synthetic: a GitHub classic token whose checksum is valid (so the rule
//! reports it) and an AWS key pair that was never issued. They are assembled from pieces so that
//! this file does not hold a whole token on one line.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Synthetic credentials

/// The 30 random characters of the GitHub token.
const TOKEN_RANDOM: &str = concat!("Q3vX8kLm2N", "w7Rt5Yz9Pb", "4Hc6Jd1Fg0");
/// Its six checksum characters (base62 CRC32 of the random part).
const TOKEN_CHECK: &str = concat!("40Tp", "Op");
const GITHUB_RULE: &str = "SECRET-GITHUB-001";

/// `ghp_` + random + checksum: reported by `SECRET-GITHUB-001`.
fn token() -> String {
    format!("ghp_{TOKEN_RANDOM}{TOKEN_CHECK}")
}

/// Another valid GitHub token, from 30 random characters: the checksum is computed as GitHub
/// does, so the rule reports it.
fn github_token(random: &str) -> String {
    assert_eq!(random.len(), 30);
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut n = crc32(random.as_bytes());
    let mut check = [b'0'; 6];
    for slot in check.iter_mut().rev() {
        *slot = DIGITS[(n % 62) as usize];
        n /= 62;
    }
    format!("ghp_{random}{}", std::str::from_utf8(&check).unwrap())
}

/// A second token, for rotation and `--since`.
fn other_token() -> String {
    github_token(concat!("Zr8Kp2Wq5Lm9", "Xt3Vb7Nc1Hd4", "Gj6Fs0"))
}

const AWS_ID: &str = concat!("AKIA", "Q5XN3RT7", "KJ2LW4PM");
const AWS_SECRET: &str = concat!("9dKq2LmP0sT7", "vXz3NbR5cW8y", "Hf1Jg4Ae6Ui0Oo2M");

/// An AWS credentials file: `SECRET-AWS-001` (the pair) and `SECRET-AWS-002` (the id).
fn aws_credentials() -> String {
    format!("[default]\naws_access_key_id = {AWS_ID}\naws_secret_access_key = {AWS_SECRET}\n")
}

/// Every 8-character window of `secret` past its 4-character prefix: none may be printed.
fn pieces(secret: &str) -> Vec<String> {
    let b = secret.as_bytes();
    (4..=b.len() - 8)
        .map(|i| String::from_utf8(b[i..i + 8].to_vec()).unwrap())
        .collect()
}

/// Asserts that `output` holds no part of any of the secrets.
fn assert_no_secret(output: &str, secrets: &[&str], context: &str) {
    for s in secrets {
        assert!(
            !output.contains(s),
            "{context}: the whole secret was printed:\n{output}"
        );
        for p in pieces(s) {
            assert!(
                !output.contains(&p),
                "{context}: `{p}`, a piece of a secret, was printed:\n{output}"
            );
        }
    }
}

/// A redacted GitHub token as the reports show it: `ghp_…` and 8 hex digits.
fn is_redacted_token(s: &str) -> bool {
    s.strip_prefix("ghp_…").is_some_and(|rest| {
        rest.len() == 8
            && rest
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    })
}

// ---------------------------------------------------------------------------------------------
// Running vigil and git

/// `vigil secrets ARGS --format json` in `dir`: the exit code and the report.
fn secrets_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["secrets"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = vigil(dir, &all);
    let json = run.json();
    (run.code, json)
}

/// `(rule, path)` of every unsuppressed finding.
fn hits(report: &Value) -> Vec<(String, String)> {
    unsuppressed(report)
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["location"]["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has_hit(report: &Value, rule: &str, path: &str) -> bool {
    hits(report).iter().any(|(r, p)| r == rule && p == path)
}

/// Notes of a JSON report, as `path: message`.
fn notes(report: &Value) -> Vec<String> {
    diagnostics(report)
        .iter()
        .filter(|d| d["level"] == "note")
        .map(|d| {
            format!(
                "{}: {}",
                d["path"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

const AUTHOR: &str = "Ann Author";
const AUTHOR_EMAIL: &str = "ann@example.com";

/// A `git` command in `dir`, isolated from the user's and the system's configuration, with a
/// fixed author.
fn git_command(dir: &Path, args: &[&str]) -> std::process::Command {
    let mut c = std::process::Command::new("git");
    c.args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        // A file that does not exist: git reads no global configuration.
        .env(
            "GIT_CONFIG_GLOBAL",
            std::env::temp_dir().join("vigil-secrets-test-no-gitconfig"),
        )
        .env("GIT_AUTHOR_NAME", AUTHOR)
        .env("GIT_AUTHOR_EMAIL", AUTHOR_EMAIL)
        .env("GIT_COMMITTER_NAME", AUTHOR)
        .env("GIT_COMMITTER_EMAIL", AUTHOR_EMAIL)
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    c
}

/// Runs git, whatever its outcome.
fn git_output(dir: &Path, args: &[&str]) -> Output {
    git_command(dir, args).output().expect("git runs")
}

/// Runs git, which must succeed; returns its standard output, trimmed.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_output(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A new repository at `dir/rel` on branch `main`.
fn init_repo(dir: &Path, rel: &str) -> PathBuf {
    let repo = dir.join(rel);
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    repo
}

/// Writes the files, stages everything and commits; returns the commit id.
fn commit(repo: &Path, files: &[(&str, &str)], message: &str) -> String {
    for (rel, text) in files {
        write(repo, rel, text);
    }
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", message]);
    git(repo, &["rev-parse", "HEAD"])
}

fn output_text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

// ---------------------------------------------------------------------------------------------
// 0. The synthetic credentials are what the rules expect

#[test]
fn synthetic_tokens_have_valid_checksums() {
    assert_eq!(github_token(TOKEN_RANDOM), token());
    assert_ne!(other_token(), token());
}

// ---------------------------------------------------------------------------------------------
// 1. The working tree

#[test]
fn working_tree_tokens_in_py_env_and_yaml_files_fail_the_gate() {
    let t = tmp();
    write(
        t.path(),
        "proj/app.py",
        &format!("TOKEN = \"{}\"\n", token()),
    );
    write(
        t.path(),
        "proj/.env",
        &format!("GITHUB_TOKEN={}\n", token()),
    );
    write(t.path(), "proj/deploy/creds.yaml", &aws_credentials());
    write(t.path(), "proj/README.md", "nothing secret here\n");
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "proj/app.py"), "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "proj/.env"), "{report:#}");
    assert!(
        has_hit(&report, "SECRET-AWS-001", "proj/deploy/creds.yaml"),
        "{report:#}"
    );
    assert!(
        findings(&report).iter().all(|f| f["kind"] == "secret"),
        "{report:#}"
    );
    assert_eq!(report["summary"]["files_searched_for_secrets"], 4);
    assert_eq!(report["summary"]["passed"], false);

    // The line and column of the token in app.py.
    let f = findings(&report)
        .iter()
        .find(|f| f["location"]["path"] == "proj/app.py")
        .unwrap();
    assert_eq!(f["location"]["start_line"], 1);
    assert_eq!(f["location"]["start_column"], 10);
}

#[test]
fn clean_tree_passes() {
    let t = tmp();
    write(
        t.path(),
        "proj/app.py",
        "import os\nTOKEN = os.environ[\"GITHUB_TOKEN\"]\n",
    );
    write(t.path(), "proj/.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n");
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    assert_eq!(report["summary"]["files_searched_for_secrets"], 2);
    let run = vigil(t.path(), &["secrets", "proj"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("PASSED"), "{run:?}");
}

#[test]
fn gitignored_files_are_not_searched() {
    let t = tmp();
    let repo = init_repo(t.path(), "proj");
    write(&repo, ".gitignore", "local.env\nbuild/\n");
    write(&repo, "local.env", &format!("GITHUB_TOKEN={}\n", token()));
    write(&repo, "build/out.txt", &format!("{}\n", token()));
    write(&repo, "app.py", "print('hello')\n");
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    // .gitignore and app.py only.
    assert_eq!(report["summary"]["files_searched_for_secrets"], 2);

    // The same file, not ignored, is found: the test would pass for the wrong reason otherwise.
    std::fs::remove_file(repo.join(".gitignore")).unwrap();
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/local.env"),
        "{report:#}"
    );
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/build/out.txt"),
        "{report:#}"
    );
}

#[test]
fn binary_file_with_a_token_is_skipped_with_a_note() {
    let t = tmp();
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend_from_slice(format!(" {} ", token()).as_bytes());
    std::fs::create_dir_all(t.path().join("proj")).unwrap();
    std::fs::write(t.path().join("proj/logo.png"), &bytes).unwrap();
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    let n = notes(&report);
    assert!(
        n.iter()
            .any(|m| m.starts_with("proj/logo.png:") && m.contains("binary")),
        "a note names the file and the reason: {n:?}"
    );
    assert_eq!(report["summary"]["files_searched_for_secrets"], 0);
}

#[test]
fn invalid_utf8_around_a_token_still_finds_it() {
    let t = tmp();
    let mut bytes = b"\xff\xfe latin-1 caf\xe9 \xc3\x28 token=".to_vec();
    bytes.extend_from_slice(token().as_bytes());
    bytes.extend_from_slice(b" \xe9\xff\n\x80 next line\n");
    std::fs::create_dir_all(t.path().join("proj")).unwrap();
    std::fs::write(t.path().join("proj/legacy.cfg"), &bytes).unwrap();
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/legacy.cfg"),
        "{report:#}"
    );
    // The text report shows the line (lossily) without the token.
    let run = vigil(t.path(), &["secrets", "proj"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("proj/legacy.cfg:1:"), "{run:?}");
    assert_no_secret(&run.all(), &[&token()], "text report");
}

#[cfg(unix)]
#[test]
fn broken_symlink_gives_a_note_not_a_crash() {
    let t = tmp();
    write(
        t.path(),
        "proj/app.py",
        &format!("TOKEN = \"{}\"\n", token()),
    );
    std::os::unix::fs::symlink("does/not/exist", t.path().join("proj/dangling")).unwrap();
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "the other file is still searched: {report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "proj/app.py"), "{report:#}");
    let n = notes(&report);
    assert!(
        n.iter()
            .any(|m| m.starts_with("proj/dangling:") && m.contains("symbolic link")),
        "{n:?}"
    );
    assert!(
        !diagnostics(&report).iter().any(|d| d["level"] == "error"),
        "{report:#}"
    );
}

#[test]
fn hundred_megabyte_single_line_file_is_skipped_or_scanned_on_request() {
    use std::io::Write;
    let t = tmp();
    std::fs::create_dir_all(t.path().join("proj")).unwrap();
    let path = t.path().join("proj/huge.min.js");
    {
        // 100 MiB on one line, written a mebibyte at a time; the token at the very end.
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let chunk: Vec<u8> = b"var a1b2c3=d4e5f6;"
            .iter()
            .copied()
            .cycle()
            .take(1024 * 1024)
            .collect();
        for _ in 0..100 {
            f.write_all(&chunk).unwrap();
        }
        write!(f, "token=\"{}\"", token()).unwrap();
        f.flush().unwrap();
    }
    assert!(std::fs::metadata(&path).unwrap().len() > 100 * 1024 * 1024);

    // Over the default limit (64 MB): skipped, with a note saying why.
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    let n = notes(&report);
    assert!(
        n.iter()
            .any(|m| m.starts_with("proj/huge.min.js:") && m.contains("size limit")),
        "{n:?}"
    );

    // With a higher limit it is read, and the token at its end is found.
    let (code, report) = secrets_json(t.path(), &["proj", "--max-file-size", "200"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/huge.min.js"),
        "{report:#}"
    );
    assert_eq!(report["summary"]["files_searched_for_secrets"], 1);
}

// ---------------------------------------------------------------------------------------------
// 2. A secret is never printed whole

#[test]
fn a_secret_is_never_printed_whole_in_any_format() {
    let t = tmp();
    write(
        t.path(),
        "proj/.env",
        &format!("GITHUB_TOKEN={}\n", token()),
    );
    write(
        t.path(),
        "proj/config.py",
        &format!("# near\nAPI = '{}'  # ci\n", token()),
    );
    write(t.path(), "proj/creds", &aws_credentials());
    let secrets = [token(), AWS_SECRET.to_string(), AWS_ID.to_string()];
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();

    let (_, report) = secrets_json(t.path(), &["proj"]);
    let redacted: Vec<String> = of_rule(&report, GITHUB_RULE)
        .iter()
        .map(|f| f["address"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(redacted.len(), 2, "{report:#}");
    assert!(is_redacted_token(&redacted[0]), "{redacted:?}");
    assert_eq!(redacted[0], redacted[1], "one token, one digest");

    for format in ["text", "json", "sarif", "junit"] {
        let run = vigil(t.path(), &["secrets", "proj", "--format", format]);
        assert_eq!(run.code, 1, "{format}: {run:?}");
        assert_no_secret(&run.all(), &secrets, format);
        assert!(
            run.stdout.contains(&redacted[0]),
            "{format} shows the redacted form {}:\n{}",
            redacted[0],
            run.stdout
        );
        // The same through --output.
        let file = t.path().join(format!("report.{format}"));
        let run = vigil(
            t.path(),
            &[
                "secrets",
                "proj",
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 1, "{format}: {run:?}");
        let written = std::fs::read_to_string(&file).unwrap();
        assert_no_secret(&written, &secrets, &format!("{format} file"));
        assert_no_secret(&run.all(), &secrets, &format!("{format} with -o"));
        assert!(written.contains(&redacted[0]), "{format}: {written}");
    }
}

#[test]
fn text_report_code_frame_masks_the_secret() {
    let t = tmp();
    write(
        t.path(),
        "proj/settings.py",
        &format!("DEBUG = False\nGITHUB_TOKEN = \"{}\"\nOTHER = 1\n", token()),
    );
    let run = vigil(t.path(), &["secrets", "proj"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("proj/settings.py:2:17"), "{run:?}");
    let masked = format!("GITHUB_TOKEN = \"{}\"", "*".repeat(token().len()));
    assert!(
        run.stdout.contains(&masked),
        "the code frame shows the line with the token masked:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("DEBUG = False"),
        "context lines: {run:?}"
    );
    assert_no_secret(&run.all(), &[&token()], "text");
}

// ---------------------------------------------------------------------------------------------
// 3. What is staged

/// A repository with one clean commit.
fn repo_with_one_commit(t: &TempDir) -> PathBuf {
    let repo = init_repo(t.path(), "repo");
    commit(&repo, &[("README.md", "# project\n")], "initial");
    repo
}

#[test]
fn staged_token_fails_and_names_the_path() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    write(&repo, "src/config.py", &format!("TOKEN = '{}'\n", token()));
    git(&repo, &["add", "src/config.py"]);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        hits(&report),
        vec![(GITHUB_RULE.to_string(), "src/config.py".to_string())]
    );
    let run = vigil(&repo, &["secrets", "--staged"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("src/config.py:1:"), "{run:?}");
    assert_no_secret(&run.all(), &[&token()], "staged text");

    // From a subdirectory, the repository is found above it and the paths stay the same.
    let (code, report) = secrets_json(&repo.join("src"), &["--staged"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "src/config.py"), "{report:#}");
}

#[test]
fn staged_ignores_a_token_only_in_the_working_tree() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    // Tracked and modified, but the modification is not staged.
    write(
        &repo,
        "README.md",
        &format!("# project\ntoken {}\n", token()),
    );
    // Untracked.
    write(&repo, "notes.txt", &format!("{}\n", token()));
    // Staged, clean.
    write(&repo, "main.py", "print('hi')\n");
    git(&repo, &["add", "main.py"]);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    // The working-tree scan does see them.
    let (code, _) = secrets_json(&repo, &["."]);
    assert_eq!(code, 1);
}

#[test]
fn staged_ignores_a_token_committed_in_head_and_unchanged() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    commit(
        &repo,
        &[("legacy.env", &format!("TOKEN={}\n", token()))],
        "old mistake",
    );
    write(&repo, "new.py", "x = 1\n");
    git(&repo, &["add", "new.py"]);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");

    // Changing the committed file (token kept) and staging it makes it part of the commit.
    write(&repo, "legacy.env", &format!("TOKEN={}\nMORE=1\n", token()));
    git(&repo, &["add", "legacy.env"]);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "legacy.env"), "{report:#}");
}

// ---------------------------------------------------------------------------------------------
// 4. History

#[test]
fn history_finds_a_removed_token_and_names_the_commit_and_author() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    let first = commit(
        &repo,
        &[("deploy.sh", &format!("export GITHUB_TOKEN={}\n", token()))],
        "add deploy script",
    );
    let second = commit(
        &repo,
        &[("deploy.sh", "export GITHUB_TOKEN=\"$CI_TOKEN\"\n")],
        "read the token from CI",
    );
    assert_ne!(first, second);
    // Nothing in the working tree or the index.
    let (code, _) = secrets_json(&repo, &["."]);
    assert_eq!(code, 0);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 0, "{report:#}");

    let (code, report) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 1, "{report:#}");
    let f = of_rule(&report, GITHUB_RULE);
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["location"]["path"], "deploy.sh");
    assert_eq!(f[0]["introduced"]["commit"], first.as_str(), "{report:#}");
    assert_eq!(
        f[0]["introduced"]["author"],
        format!("{AUTHOR} <{AUTHOR_EMAIL}>").as_str()
    );
    assert!(
        f[0]["introduced"]["date"]
            .as_str()
            .is_some_and(|d| d.len() >= 20),
        "{report:#}"
    );
    let run = vigil(&repo, &["secrets", "--history"]);
    assert!(run.stdout.contains(&first[..12]), "{run:?}");
    assert_no_secret(&run.all(), &[&token()], "history text");
}

#[test]
fn history_reports_a_blob_once_across_commits_and_branches() {
    let t = tmp();
    let repo = init_repo(t.path(), "repo");
    // All in the same second, as scripts and CI make them: commit time cannot order them.
    let first = commit(
        &repo,
        &[("ci.env", &format!("GITHUB_TOKEN={}\n", token()))],
        "one",
    );
    commit(&repo, &[("a.txt", "a\n")], "two");
    git(&repo, &["checkout", "-q", "-b", "feature"]);
    commit(&repo, &[("b.txt", "b\n")], "three");
    // The same content under another path, on the branch.
    commit(
        &repo,
        &[("copy/ci.env", &format!("GITHUB_TOKEN={}\n", token()))],
        "four",
    );
    git(&repo, &["checkout", "-q", "main"]);
    commit(&repo, &[("c.txt", "c\n")], "five");
    git(&repo, &["tag", "v1"]);

    let (code, report) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 1, "{report:#}");
    let f = of_rule(&report, GITHUB_RULE);
    assert_eq!(f.len(), 1, "one blob, one finding: {report:#}");
    assert_eq!(f[0]["location"]["path"], "ci.env");
    assert_eq!(
        f[0]["introduced"]["commit"],
        first.as_str(),
        "credited to the commit that introduced it, not a later one: {report:#}"
    );
}

#[test]
fn history_since_reports_only_what_is_newer() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    let base = commit(
        &repo,
        &[("old.env", &format!("TOKEN={}\n", token()))],
        "old token",
    );
    let newer = commit(
        &repo,
        &[("new.env", &format!("TOKEN={}\n", other_token()))],
        "new token",
    );
    let (code, report) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 1);
    assert_eq!(of_rule(&report, GITHUB_RULE).len(), 2, "{report:#}");

    let (code, report) = secrets_json(&repo, &["--history", "--since", &base]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        hits(&report),
        vec![(GITHUB_RULE.to_string(), "new.env".to_string())],
        "{report:#}"
    );
    assert_eq!(
        of_rule(&report, GITHUB_RULE)[0]["introduced"]["commit"],
        newer.as_str()
    );

    // Since the tip: nothing new. By name too.
    let (code, report) = secrets_json(&repo, &["--history", "--since", "HEAD"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    let (code, report) = secrets_json(&repo, &["--history", "--since", "HEAD~1"]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(hits(&report).len(), 1, "{report:#}");

    // A revision that does not exist is a usage error.
    let run = vigil(
        &repo,
        &["secrets", "--history", "--since", "no-such-branch"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("no-such-branch"), "{run:?}");
}

#[test]
fn history_finds_a_token_on_a_branch_other_than_the_checked_out_one() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    git(&repo, &["checkout", "-q", "-b", "experiment"]);
    let on_branch = commit(
        &repo,
        &[("try.py", &format!("T = '{}'\n", token()))],
        "experiment",
    );
    git(&repo, &["checkout", "-q", "main"]);
    assert!(!repo.join("try.py").exists());
    let (code, report) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 1, "{report:#}");
    let f = of_rule(&report, GITHUB_RULE);
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["location"]["path"], "try.py");
    assert_eq!(f[0]["introduced"]["commit"], on_branch.as_str());
}

#[test]
fn history_of_a_shallow_clone_works_and_says_it_is_shallow() {
    let t = tmp();
    let origin = repo_with_one_commit(&t);
    commit(
        &origin,
        &[("old.env", &format!("TOKEN={}\n", token()))],
        "old",
    );
    commit(&origin, &[("old.env", "TOKEN=\n")], "removed");
    commit(
        &origin,
        &[("new.env", &format!("TOKEN={}\n", other_token()))],
        "new",
    );
    let url = format!("file://{}", origin.display());
    git(t.path(), &["clone", "-q", "--depth", "1", &url, "shallow"]);
    let shallow = t.path().join("shallow");
    let (code, report) = secrets_json(&shallow, &["--history"]);
    assert_eq!(code, 1, "{report:#}");
    // Only the tip is there: the removed token cannot be seen, the current one is.
    assert_eq!(
        hits(&report),
        vec![(GITHUB_RULE.to_string(), "new.env".to_string())],
        "{report:#}"
    );
    let n = notes(&report);
    assert!(n.iter().any(|m| m.contains("shallow")), "{n:?}");
    // --since within the shallow history.
    let (code, report) = secrets_json(&shallow, &["--history", "--since", "HEAD"]);
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn empty_repository_works() {
    let t = tmp();
    let repo = init_repo(t.path(), "repo");
    let (code, report) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty());
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty());
    // The first commit's staged files are all new.
    write(&repo, "first.env", &format!("TOKEN={}\n", token()));
    git(&repo, &["add", "first.env"]);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "first.env"), "{report:#}");
    // Staged but not committed: history has nothing yet.
    let (code, _) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 0);
}

#[test]
fn staged_and_history_outside_a_repository_is_a_usage_error() {
    let t = tmp();
    std::fs::create_dir_all(t.path().join("plain")).unwrap();
    let plain = t.path().join("plain");
    for mode in ["--staged", "--history"] {
        let run = vigil(&plain, &["secrets", mode]);
        assert_eq!(run.code, 2, "{mode}: {run:?}");
        assert!(run.stderr.contains("git"), "{mode}: {run:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Suppressions

#[test]
fn inline_ignore_on_the_line_or_the_line_above_suppresses() {
    let t = tmp();
    write(
        t.path(),
        "proj/above.py",
        &format!(
            "# vigil:ignore {GITHUB_RULE} test fixture\nTOKEN = \"{}\"\n",
            token()
        ),
    );
    write(
        t.path(),
        "proj/same.py",
        &format!(
            "TOKEN = \"{}\"  # vigil:ignore {GITHUB_RULE} test fixture\n",
            token()
        ),
    );
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    let f = of_rule(&report, GITHUB_RULE);
    assert_eq!(
        f.len(),
        2,
        "suppressed findings are still listed: {report:#}"
    );
    for f in f {
        assert_eq!(f["suppressed"]["kind"], "inline", "{f:#}");
        assert_eq!(f["suppressed"]["reason"], "test fixture", "{f:#}");
    }
    assert_eq!(report["summary"]["suppressed"], 2);

    // Two lines above is too far; another rule's id does not count.
    write(
        t.path(),
        "proj/far.py",
        &format!(
            "# vigil:ignore {GITHUB_RULE} test fixture\n\nTOKEN = \"{}\"\n",
            token()
        ),
    );
    write(
        t.path(),
        "proj/other.py",
        &format!(
            "TOKEN = \"{}\"  # vigil:ignore SECRET-AWS-001 no\n",
            token()
        ),
    );
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "{report:#}");
    let mut paths: Vec<String> = hits(&report).into_iter().map(|(_, p)| p).collect();
    paths.sort();
    assert_eq!(paths, vec!["proj/far.py", "proj/other.py"], "{report:#}");
}

#[test]
fn secrets_exclude_in_vigil_toml_keeps_a_path_out() {
    let t = tmp();
    let repo = init_repo(t.path(), "proj");
    write(
        &repo,
        "vigil.toml",
        "[secrets]\nexclude = [\"fixtures/**\"]\n",
    );
    write(
        &repo,
        "fixtures/leaked.env",
        &format!("TOKEN={}\n", token()),
    );
    write(&repo, "src/app.py", "print('ok')\n");
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    // `vigil scan` honours it too.
    let (code, report) = scan_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(findings(&report).is_empty(), "{report:#}");
    // And the git modes, from the repository.
    git(&repo, &["add", "-A"]);
    let (code, report) = secrets_json(&repo, &["--staged"]);
    assert_eq!(code, 0, "{report:#}");
    git(&repo, &["commit", "-q", "-m", "fixtures"]);
    let (code, report2) = secrets_json(&repo, &["--history"]);
    assert_eq!(code, 0, "{report:#}\n{report2:#}");

    // Without the exclusion, it is found: the exclusion is what kept it out.
    std::fs::remove_file(repo.join("vigil.toml")).unwrap();
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/fixtures/leaked.env"),
        "{report:#}"
    );
}

#[test]
fn skip_rule_suppresses_its_findings() {
    let t = tmp();
    write(
        t.path(),
        "proj/.env",
        &format!("GITHUB_TOKEN={}\n", token()),
    );
    let (code, report) = secrets_json(t.path(), &["proj", "--skip", GITHUB_RULE]);
    assert_eq!(code, 0, "{report:#}");
    let f = of_rule(&report, GITHUB_RULE);
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["suppressed"]["kind"], "config", "{report:#}");
    // By name too.
    let (code, _) = secrets_json(
        t.path(),
        &["proj", "--skip", "github-personal-access-token-classic"],
    );
    assert_eq!(code, 0);
    // A rule that does not exist is refused, not silently ignored.
    let run = vigil(t.path(), &["secrets", "proj", "--skip", "SECRET-NOPE-999"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn baseline_accepts_secrets_and_a_rotated_token_still_fails() {
    let t = tmp();
    write(
        t.path(),
        "proj/app.py",
        &format!("TOKEN = \"{}\"\n", token()),
    );
    write(t.path(), "proj/bucket.yaml", PUBLIC_BUCKET);
    let run = vigil(t.path(), &["baseline", "proj", "-o", "vigil-baseline.json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let written = std::fs::read_to_string(t.path().join("vigil-baseline.json")).unwrap();
    assert!(
        written.contains(GITHUB_RULE),
        "the baseline holds the secret: {written}"
    );
    assert!(
        written.contains("AWS-S3-001"),
        "and the IaC finding: {written}"
    );
    assert_no_secret(&written, &[&token()], "baseline file");

    let (code, report) = secrets_json(t.path(), &["proj", "--baseline", "vigil-baseline.json"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        of_rule(&report, GITHUB_RULE)[0]["suppressed"]["kind"],
        "baseline"
    );
    let (code, report) = scan_json(t.path(), &["proj", "--baseline", "vigil-baseline.json"]);
    assert_eq!(code, 0, "{report:#}");
    assert!(unsuppressed(&report).is_empty(), "{report:#}");

    // The token moved to another line: same secret, same fingerprint, still accepted.
    write(
        t.path(),
        "proj/app.py",
        &format!("import os\n\nTOKEN = \"{}\"\n", token()),
    );
    let (code, report) = secrets_json(t.path(), &["proj", "--baseline", "vigil-baseline.json"]);
    assert_eq!(code, 0, "{report:#}");

    // A different token in its place is new.
    write(
        t.path(),
        "proj/app.py",
        &format!("TOKEN = \"{}\"\n", other_token()),
    );
    let (code, report) = secrets_json(t.path(), &["proj", "--baseline", "vigil-baseline.json"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "proj/app.py"), "{report:#}");
    let (code, report) = scan_json(t.path(), &["proj", "--baseline", "vigil-baseline.json"]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        hits(&report),
        vec![(GITHUB_RULE.into(), "proj/app.py".into())]
    );

    // `--no-secrets` leaves secrets out of the baseline.
    let run = vigil(
        t.path(),
        &["baseline", "proj", "--no-secrets", "-o", "iac-only.json"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let written = std::fs::read_to_string(t.path().join("iac-only.json")).unwrap();
    assert!(!written.contains("SECRET-"), "{written}");
}

// ---------------------------------------------------------------------------------------------
// 6. `vigil scan` reports both kinds

#[test]
fn scan_reports_iac_and_secret_findings_in_one_run() {
    let t = tmp();
    let template = format!(
        "AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
      Tags:
        - Key: deploy-token
          Value: {}
",
        token()
    );
    write(t.path(), "proj/site.yaml", &template);
    write(
        t.path(),
        "proj/scripts/release.sh",
        &format!("GH={}\n", token()),
    );
    let (code, report) = scan_json(t.path(), &["proj"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        has_hit(&report, "AWS-S3-002", "proj/site.yaml"),
        "{report:#}"
    );
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/site.yaml"),
        "{report:#}"
    );
    assert!(
        has_hit(&report, GITHUB_RULE, "proj/scripts/release.sh"),
        "files no loader reads are searched too: {report:#}"
    );
    assert_eq!(report["summary"]["files_scanned"], 1);
    assert_eq!(report["summary"]["files_searched_for_secrets"], 2);
    // The IaC finding's code frame comes from the same file: the token is masked there too.
    for format in ["text", "json", "sarif", "junit"] {
        let run = vigil(t.path(), &["scan", "proj", "--format", format]);
        assert_eq!(run.code, 1, "{run:?}");
        assert_no_secret(&run.all(), &[&token()], &format!("scan {format}"));
    }

    let (code, report) = scan_json(t.path(), &["proj", "--no-secrets"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        has_hit(&report, "AWS-S3-002", "proj/site.yaml"),
        "{report:#}"
    );
    assert!(of_rule(&report, GITHUB_RULE).is_empty(), "{report:#}");
    assert_eq!(report["summary"]["files_searched_for_secrets"], 0);

    // `[secrets] scan = false` does the same.
    write(t.path(), "proj/vigil.toml", "[secrets]\nscan = false\n");
    let (_, report) = scan_json(t.path(), &["proj"]);
    assert!(of_rule(&report, GITHUB_RULE).is_empty(), "{report:#}");
    assert!(
        has_hit(&report, "AWS-S3-002", "proj/site.yaml"),
        "{report:#}"
    );
}

// ---------------------------------------------------------------------------------------------
// 7. Git hooks

fn hooks(repo: &Path) -> PathBuf {
    repo.join(".git/hooks")
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

fn commit_count(repo: &Path) -> usize {
    git(repo, &["rev-list", "--count", "HEAD"]).parse().unwrap()
}

#[cfg(unix)]
#[test]
fn pre_commit_hook_blocks_a_staged_token_and_lets_a_clean_commit_through() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    let run = vigil(&repo, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    let hook = hooks(&repo).join("pre-commit");
    assert!(hook.is_file(), "{run:?}");
    assert!(is_executable(&hook));
    assert!(!hooks(&repo).join("pre-push").exists());
    assert!(!hooks(&repo).join("pre-commit.pre-vigil").exists());

    write(&repo, "config.py", &format!("TOKEN = '{}'\n", token()));
    git(&repo, &["add", "config.py"]);
    let out = git_output(&repo, &["commit", "-q", "-m", "leak"]);
    assert!(!out.status.success(), "the hook stops the commit");
    let text = output_text(&out);
    assert!(text.contains(GITHUB_RULE), "{text}");
    assert!(text.contains("config.py"), "{text}");
    assert_no_secret(&text, &[&token()], "hook output");
    assert_eq!(commit_count(&repo), 1);

    // Clean instead: the commit goes through.
    write(
        &repo,
        "config.py",
        "import os\nTOKEN = os.environ['TOKEN']\n",
    );
    git(&repo, &["add", "config.py"]);
    let out = git_output(&repo, &["commit", "-q", "-m", "clean"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(commit_count(&repo), 2);

    // `git commit -a` stages in a temporary index (GIT_INDEX_FILE): the hook must see it.
    write(
        &repo,
        "config.py",
        &format!("import os\nTOKEN = '{}'\n", token()),
    );
    let out = git_output(&repo, &["commit", "-q", "-a", "-m", "leak via -a"]);
    assert!(
        !out.status.success(),
        "`git commit -a` with a token is blocked: {}",
        output_text(&out)
    );
    assert_eq!(commit_count(&repo), 2);
    // And `git commit PATH` (a partial commit, another temporary index).
    let out = git_output(&repo, &["commit", "-q", "-m", "leak via path", "config.py"]);
    assert!(
        !out.status.success(),
        "`git commit PATH` with a token is blocked: {}",
        output_text(&out)
    );
    assert_eq!(commit_count(&repo), 2);

    // --no-verify is the documented way around it.
    let out = git_output(
        &repo,
        &["commit", "-q", "-a", "--no-verify", "-m", "forced"],
    );
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(commit_count(&repo), 3);
}

#[cfg(unix)]
#[test]
fn existing_pre_commit_hook_is_chained_runs_first_and_is_restored() {
    use std::os::unix::fs::PermissionsExt;
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    let original =
        "#!/bin/sh\n# the team's own hook\necho ran >> \"$(git rev-parse --git-dir)/marker\"\n";
    let hook = hooks(&repo).join("pre-commit");
    std::fs::create_dir_all(hooks(&repo)).unwrap();
    std::fs::write(&hook, original).unwrap();
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();

    let run = vigil(&repo, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    let chained = hooks(&repo).join("pre-commit.pre-vigil");
    assert_eq!(std::fs::read_to_string(&chained).unwrap(), original);
    assert_ne!(std::fs::read_to_string(&hook).unwrap(), original);

    // Installing again updates Vigil's hook and does not chain it to itself.
    let run = vigil(&repo, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        std::fs::read_to_string(&chained).unwrap(),
        original,
        "the chained hook is still the team's"
    );
    assert!(!hooks(&repo).join("pre-commit.pre-vigil.pre-vigil").exists());

    // A blocked commit: the team's hook ran before Vigil stopped it.
    let marker = repo.join(".git/marker");
    write(&repo, "leak.env", &format!("T={}\n", token()));
    git(&repo, &["add", "leak.env"]);
    let out = git_output(&repo, &["commit", "-q", "-m", "leak"]);
    assert!(!out.status.success(), "{}", output_text(&out));
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\n");

    // A clean commit: both run, the commit is made.
    git(&repo, &["rm", "-q", "--cached", "leak.env"]);
    std::fs::remove_file(repo.join("leak.env")).unwrap();
    write(&repo, "ok.txt", "fine\n");
    git(&repo, &["add", "ok.txt"]);
    let out = git_output(&repo, &["commit", "-q", "-m", "ok"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "ran\nran\n");

    // A failing team hook stops the commit before Vigil runs.
    std::fs::write(
        &chained,
        "#!/bin/sh\necho 'team hook says no' >&2\nexit 3\n",
    )
    .unwrap();
    write(&repo, "ok2.txt", "fine\n");
    git(&repo, &["add", "ok2.txt"]);
    let out = git_output(&repo, &["commit", "-q", "-m", "ok2"]);
    assert!(!out.status.success());
    assert!(output_text(&out).contains("team hook says no"));
    std::fs::write(&chained, original).unwrap();

    // Uninstalling puts the team's hook back.
    let run = vigil(&repo, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), original);
    assert!(!chained.exists());
    assert!(is_executable(&hook));
    // Uninstalling again leaves the team's hook alone.
    let run = vigil(&repo, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), original);
}

#[cfg(unix)]
#[test]
fn installing_twice_does_not_chain_vigil_to_itself() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    for _ in 0..2 {
        let run = vigil(&repo, &["hook", "install", "--pre-push"]);
        assert_eq!(run.code, 0, "{run:?}");
    }
    assert!(!hooks(&repo).join("pre-commit.pre-vigil").exists());
    assert!(!hooks(&repo).join("pre-push.pre-vigil").exists());
    assert!(is_executable(&hooks(&repo).join("pre-commit")));
    assert!(is_executable(&hooks(&repo).join("pre-push")));
    // From elsewhere, with --repo.
    let run = vigil(
        t.path(),
        &["hook", "install", "--repo", repo.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!hooks(&repo).join("pre-commit.pre-vigil").exists());
    let run = vigil(&repo, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!hooks(&repo).join("pre-commit").exists());
    assert!(!hooks(&repo).join("pre-push").exists());
}

#[cfg(unix)]
#[test]
fn pre_push_hook_blocks_a_pushed_token_and_lets_clean_pushes_through() {
    let t = tmp();
    git(
        t.path(),
        &["init", "-q", "--bare", "-b", "main", "remote.git"],
    );
    let remote = t.path().join("remote.git");
    let repo = repo_with_one_commit(&t);
    git(
        &repo,
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    let run = vigil(&repo, &["hook", "install", "--pre-push"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(is_executable(&hooks(&repo).join("pre-push")));

    // A new remote branch, clean.
    let out = git_output(&repo, &["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", output_text(&out));
    // More clean commits on top.
    let clean = commit(&repo, &[("a.txt", "a\n")], "a");
    let out = git_output(&repo, &["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(git(&remote, &["rev-parse", "main"]), clean);

    // A commit with a token (committed past the pre-commit hook): the push is refused.
    write(&repo, "deploy.env", &format!("TOKEN={}\n", token()));
    git(&repo, &["add", "deploy.env"]);
    let out = git_output(&repo, &["commit", "-q", "-m", "leak"]);
    assert!(!out.status.success(), "--pre-push installs pre-commit too");
    git(&repo, &["commit", "-q", "--no-verify", "-m", "leak"]);
    let out = git_output(&repo, &["push", "-q", "origin", "main"]);
    let text = output_text(&out);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains(GITHUB_RULE), "{text}");
    assert_no_secret(&text, &[&token()], "pre-push output");
    assert_eq!(
        git(&remote, &["rev-parse", "main"]),
        clean,
        "nothing was pushed"
    );

    // Removing the token in a later commit does not help: it is still in what is pushed.
    commit(&repo, &[("deploy.env", "TOKEN=\n")], "remove it");
    let out = git_output(&repo, &["push", "-q", "origin", "main"]);
    assert!(!out.status.success(), "{}", output_text(&out));

    // Rewriting the commits away does.
    git(&repo, &["reset", "-q", "--hard", &clean]);
    let fixed = commit(&repo, &[("deploy.env", "TOKEN=\n")], "deploy, no token");
    let out = git_output(&repo, &["push", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", output_text(&out));
    assert_eq!(git(&remote, &["rev-parse", "main"]), fixed);

    // A token on a local branch that is not pushed does not block pushing other branches.
    git(&repo, &["checkout", "-q", "-b", "wip"]);
    write(&repo, "wip.env", &format!("TOKEN={}\n", token()));
    git(&repo, &["add", "wip.env"]);
    git(&repo, &["commit", "-q", "--no-verify", "-m", "wip"]);
    git(&repo, &["checkout", "-q", "main"]);
    let more = commit(&repo, &[("b.txt", "b\n")], "b");
    let out = git_output(&repo, &["push", "-q", "origin", "main"]);
    assert!(
        out.status.success(),
        "only the pushed commits are searched: {}",
        output_text(&out)
    );
    assert_eq!(git(&remote, &["rev-parse", "main"]), more);
    // Nor a new remote branch made from clean commits.
    git(&repo, &["branch", "feature"]);
    let out = git_output(&repo, &["push", "-q", "origin", "feature"]);
    assert!(out.status.success(), "{}", output_text(&out));
    // Pushing the branch with the token is refused.
    let out = git_output(&repo, &["push", "-q", "origin", "wip"]);
    assert!(!out.status.success(), "{}", output_text(&out));
    assert!(
        output_text(&out).contains("wip.env"),
        "{}",
        output_text(&out)
    );

    // Someone else pushed to main; this clone has not fetched it and force-pushes over it.
    let url = remote.to_str().unwrap();
    git(t.path(), &["clone", "-q", url, "other"]);
    let other = t.path().join("other");
    let theirs = commit(&other, &[("theirs.txt", "x\n")], "theirs");
    git(&other, &["push", "-q", "origin", "main"]);
    assert_eq!(git(&remote, &["rev-parse", "main"]), theirs);
    let mine = commit(&repo, &[("mine.txt", "y\n")], "mine");
    let out = git_output(&repo, &["push", "-q", "--force", "origin", "main"]);
    assert!(
        out.status.success(),
        "an unknown remote commit is no error: {}",
        output_text(&out)
    );
    assert_eq!(git(&remote, &["rev-parse", "main"]), mine);
}

// ---------------------------------------------------------------------------------------------
// 8. User secret rules

const USER_RULE: &str = r#"id: SECRET-ACME-001
name: acme-api-key
title: Acme API key
severity: high
rationale: >
  An Acme API key reads and writes every project of its organisation.
remediation: >
  Revoke the key in the Acme console and read it from the secret store.
detect:
  keywords: [acme_live_]
  pattern: '\b(?P<secret>acme_live_[a-z0-9]{24})\b'
  min_entropy: 3.0
examples:
  fail:
    - 'ACME_KEY=acme_live_k7x2m9q4w1z8p3r6t5v0n2b4'
  pass:
    - 'ACME_KEY=acme_live_short'
"#;

#[test]
fn user_secret_rule_is_loaded_and_finds_its_pattern() {
    let t = tmp();
    write(t.path(), "my-rules/acme/api-key.yaml", USER_RULE);
    let key = concat!("acme_live_", "k7x2m9q4w1z8", "p3r6t5v0n2b4");
    write(
        t.path(),
        "proj/settings.ini",
        &format!("[acme]\nkey = {key}\n"),
    );
    // Without the rule: nothing.
    let (code, report) = secrets_json(t.path(), &["proj"]);
    assert_eq!(code, 0, "{report:#}");
    // With it: found, redacted.
    let (code, report) = secrets_json(t.path(), &["proj", "--rules", "my-rules"]);
    assert_eq!(code, 1, "{report:#}");
    let f = of_rule(&report, "SECRET-ACME-001");
    assert_eq!(f.len(), 1, "{report:#}");
    assert_eq!(f[0]["location"]["path"], "proj/settings.ini");
    assert_eq!(f[0]["location"]["start_line"], 2);
    assert_eq!(f[0]["severity"], "high");
    let run = vigil(t.path(), &["secrets", "proj", "--rules", "my-rules"]);
    assert_no_secret(&run.all(), &[key], "user rule");
    // `vigil scan` takes the same directory.
    let (code, report) = scan_json(t.path(), &["proj", "--rules", "my-rules"]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(of_rule(&report, "SECRET-ACME-001").len(), 1, "{report:#}");
    // And --skip knows the user rule by id.
    let (code, _) = secrets_json(
        t.path(),
        &["proj", "--rules", "my-rules", "--skip", "SECRET-ACME-001"],
    );
    assert_eq!(code, 0);
}

#[test]
fn malformed_user_secret_rule_exits_2_naming_the_file() {
    let t = tmp();
    write(t.path(), "proj/a.txt", "nothing\n");
    let cases = [
        // A pattern that does not compile.
        (
            "bad-regex.yaml",
            USER_RULE.replace(r"[a-z0-9]{24})\b'", r"[a-z0-9]{24}\b'"),
        ),
        // A field missing.
        (
            "no-examples.yaml",
            USER_RULE[..USER_RULE.find("examples:").unwrap()].to_string(),
        ),
        // Not YAML at all.
        ("garbage.yaml", "id: [unclosed\n  : :\n".to_string()),
        // A field that does not exist (a typo).
        (
            "typo.yaml",
            USER_RULE.replace("severity: high", "severity: high\nseverty: low"),
        ),
    ];
    for (name, text) in cases {
        let dir = format!("bad-{name}");
        write(t.path(), &format!("{dir}/{name}"), &text);
        let run = vigil(t.path(), &["secrets", "proj", "--rules", &dir]);
        assert_eq!(run.code, 2, "{name}: {run:?}");
        assert!(
            run.stderr.contains(name),
            "{name}: the file is named: {run:?}"
        );
        assert!(run.stdout.is_empty(), "{name}: no report: {run:?}");
    }
    // A user rule reusing a built-in id.
    write(
        t.path(),
        "dup/dup.yaml",
        &USER_RULE.replace("SECRET-ACME-001", GITHUB_RULE),
    );
    let run = vigil(t.path(), &["secrets", "proj", "--rules", "dup"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("dup.yaml"), "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// 9. The pre-commit framework's hook definitions

#[test]
fn pre_commit_hooks_yaml_runs_existing_vigil_subcommands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml at the repository root");
    let hooks: Value = serde_saphyr::from_str(&text).expect("valid YAML");
    let hooks = hooks.as_array().expect("a list of hooks");
    let by_id = |id: &str| -> &Value {
        hooks
            .iter()
            .find(|h| h["id"] == id)
            .unwrap_or_else(|| panic!("hook `{id}` is defined: {hooks:#?}"))
    };
    let expected = [
        ("vigil-secrets", "system", "vigil secrets --staged"),
        ("vigil-scan", "system", "vigil scan"),
    ];
    for (id, language, entry) in expected {
        let h = by_id(id);
        assert_eq!(h["language"], language, "{id}");
        assert_eq!(h["entry"], entry, "{id}");
        assert_eq!(h["pass_filenames"], false, "{id}");
        assert!(h["name"].as_str().is_some_and(|n| !n.is_empty()), "{id}");
    }
    assert_eq!(
        by_id("vigil-secrets")["stages"],
        serde_json::json!(["pre-commit"])
    );
    // Every entry is a vigil command whose subcommand and flags exist.
    let t = tmp();
    for h in hooks {
        let entry = h["entry"].as_str().expect("entry");
        let words: Vec<&str> = entry.split_whitespace().collect();
        assert_eq!(words[0], "vigil", "{entry}");
        let mut args = words[1..].to_vec();
        args.push("--help");
        let run = vigil(t.path(), &args);
        assert_eq!(run.code, 0, "`{entry} --help`: {run:?}");
        assert!(run.stdout.contains("Usage"), "{run:?}");
        let mut extra: Vec<String> = h["args"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        if !extra.is_empty() {
            let mut args: Vec<&str> = words[1..].to_vec();
            extra.push("--help".into());
            args.extend(extra.iter().map(String::as_str));
            let run = vigil(t.path(), &args);
            assert_eq!(run.code, 0, "`{entry}` with its args: {run:?}");
        }
    }
}

#[test]
fn history_of_a_corrupt_repository_reports_what_it_could_not_read_and_goes_on() {
    let t = tmp();
    let repo = repo_with_one_commit(&t);
    commit(
        &repo,
        &[
            ("a.env", &format!("TOKEN={}\n", token())),
            ("b.env", &format!("TOKEN={}\n", other_token())),
        ],
        "two tokens",
    );
    // Loose objects (no pack yet): delete the blob of b.env.
    let blob = git(&repo, &["rev-parse", "HEAD:b.env"]);
    let blob = blob.trim();
    let object = repo.join(".git/objects").join(&blob[..2]).join(&blob[2..]);
    std::fs::remove_file(&object).expect("the blob is a loose object");
    let (code, report) = secrets_json(&repo, &["--history"]);
    // The readable token is still found; the missing blob is an error naming its path, and
    // an unreadable input fails the gate.
    assert_eq!(code, 1, "{report:#}");
    assert!(has_hit(&report, GITHUB_RULE, "a.env"), "{report:#}");
    let errors: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["level"] == "error")
        .collect();
    assert!(errors.iter().any(|d| d["path"] == "b.env"), "{report:#}");
}
