//! Embeds every rule folder under `rules/` and refuses to build a rule without both a
//! failing and a passing fixture.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let root = root.canonicalize().expect("the rules/ folder is missing");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut dirs = Vec::new();
    collect(&root, &mut dirs);
    dirs.sort();
    let mut problems = Vec::new();
    let mut code = String::from("pub static EMBEDDED: &[EmbeddedRule] = &[\n");
    for dir in &dirs {
        println!("cargo:rerun-if-changed={}", dir.display());
        let rel = dir
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let mut fixtures: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                p.is_file() && (n.starts_with("pass") || n.starts_with("fail"))
            })
            .collect();
        fixtures.sort();
        let has = |prefix: &str| {
            fixtures
                .iter()
                .any(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        };
        if !has("fail") || !has("pass") {
            problems.push(format!(
                "rules/{rel}: a rule needs at least one `fail*` and one `pass*` fixture"
            ));
        }
        write!(
            code,
            "    EmbeddedRule {{ path: {:?}, yaml: include_str!({:?}), fixtures: &[",
            format!("rules/{rel}/rule.yaml"),
            dir.join("rule.yaml").display().to_string()
        )
        .unwrap();
        for f in &fixtures {
            write!(
                code,
                "({:?}, include_str!({:?})), ",
                f.file_name().unwrap().to_string_lossy(),
                f.display().to_string()
            )
            .unwrap();
        }
        code.push_str("] },\n");
    }
    code.push_str("];\n");
    embed_secret_rules(&root.join("secrets"), &root, &mut code);
    if !problems.is_empty() {
        panic!("\n{}\n", problems.join("\n"));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(out, code).unwrap();
}

/// Secret rules are one YAML file each under `rules/secrets/`, examples inside (the secrets
/// crate refuses a rule without both true and false examples).
fn embed_secret_rules(dir: &Path, root: &Path, code: &mut String) {
    let mut files = Vec::new();
    collect_yaml(dir, &mut files);
    files.sort();
    code.push_str("pub static EMBEDDED_SECRET_RULES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            format!("rules/{rel}"),
            f.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_yaml(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("rule.yaml").is_file() {
        out.push(dir.to_path_buf());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.path().is_dir() {
            collect(&e.path(), out);
        }
    }
}
