//! Terraform: evaluates a configuration (a root module and the local modules it calls) as far as
//! it can be known before `apply`, and maps its AWS resources onto the CloudFormation-shaped
//! records the rules judge.
//!
//! The stages, each in its own file:
//! - [`syntax`]: parses one `.tf` file with `hcl-edit`, keeping byte spans, and turns them into
//!   lines and columns;
//! - [`config`]: finds the module tree (local `source = "./..."` modules, and modules already
//!   downloaded under `.terraform/modules`) and expands resources, `count`, `for_each` and
//!   `dynamic` blocks into resource instances;
//! - [`eval`] and [`functions`]: evaluate expressions and Terraform's built-in functions;
//!   values known only after apply stay [`vigil_model::Value::Unknown`];
//! - [`aws`]: maps provider resources onto canonical kinds (`aws_s3_bucket` →
//!   `AWS::S3::Bucket`) and joins the resources the provider splits apart back onto their subject;
//! - [`plan`]: reads `terraform show -json` output onto the same records.

pub mod aws;
mod config;
mod eval;
mod functions;
pub mod plan;
mod syntax;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

pub use config::{load_configuration, module_sources, TfResource};

/// Where a configuration's files are read from: the disk, or memory (fixtures, fuzzing).
///
/// Paths are relative to the scan root, with `/` separators, as the walk reports them.
pub trait Fs: Sync {
    /// The text of a file, `None` when it does not exist or is not UTF-8.
    fn read(&self, path: &str) -> Option<Arc<str>>;
    /// The names of the files (not directories) directly in `dir`, sorted.
    fn list(&self, dir: &str) -> Vec<String>;
}

/// Reads from the disk; paths are opened as given.
pub struct DiskFs;

impl Fs for DiskFs {
    fn read(&self, path: &str) -> Option<Arc<str>> {
        std::fs::read_to_string(disk_path(path)).ok().map(Arc::from)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(disk_path(dir)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        names.sort();
        names
    }
}

fn disk_path(path: &str) -> &Path {
    Path::new(if path.is_empty() { "." } else { path })
}

/// Files held in memory, keyed by relative path.
#[derive(Debug, Default, Clone)]
pub struct MemFs {
    pub files: BTreeMap<String, Arc<str>>,
}

impl MemFs {
    /// Splits a fixture written as one file into its virtual files: text before the first
    /// `# --- file: <path>` line is `main.tf`, each marker starts a new file.
    pub fn from_fixture(text: &str) -> MemFs {
        let mut files = BTreeMap::new();
        let mut name = "main.tf".to_string();
        let mut current = String::new();
        for line in text.split_inclusive('\n') {
            if let Some(path) = line.trim().strip_prefix("# --- file:") {
                files.insert(name, Arc::from(std::mem::take(&mut current)));
                name = path.trim().to_string();
            } else {
                current.push_str(line);
            }
        }
        files.insert(name, Arc::from(current));
        MemFs { files }
    }
}

impl Fs for MemFs {
    fn read(&self, path: &str) -> Option<Arc<str>> {
        self.files.get(path).cloned()
    }

    fn list(&self, dir: &str) -> Vec<String> {
        self.files
            .keys()
            .filter_map(|p| {
                let rest = if dir.is_empty() {
                    p.as_str()
                } else {
                    p.strip_prefix(dir)?.strip_prefix('/')?
                };
                (!rest.contains('/')).then(|| rest.to_string())
            })
            .collect()
    }
}

/// Input variables given on the command line or in `vigil.toml`.
#[derive(Debug, Clone, Default)]
pub struct VariableInputs {
    /// `--var name=value`, applied last.
    pub vars: BTreeMap<String, String>,
    /// `--var-file` paths, applied in order after the auto-loaded files.
    pub var_files: Vec<String>,
}

/// Bounds that keep a hostile configuration from taking unbounded time or memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest module nesting followed.
    pub max_module_depth: usize,
    /// Most resource instances one configuration may expand into.
    pub max_instances: usize,
    /// Deepest expression nesting evaluated (nested `for`, calls, templates).
    pub max_expr_depth: usize,
    /// Largest collection an expression may build (`range`, `for`, string repetition).
    pub max_collection: usize,
    /// Most expression evaluations one configuration may take (nested `for` over large
    /// ranges): past it, the rest is unknown.
    pub max_steps: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_module_depth: 32,
            max_instances: 100_000,
            max_expr_depth: 256,
            max_collection: 100_000,
            max_steps: 20_000_000,
        }
    }
}

/// Whether a file name belongs to a Terraform module (`.tf`; `.tf.json` is not read yet).
pub fn is_configuration_file(name: &str) -> bool {
    name.ends_with(".tf")
}

/// The directory part of a relative path (`""` for the root).
pub fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// Joins a relative module source to `dir` and normalises `.` and `..`.
/// `None` when the path climbs above the scan root.
pub fn join_path(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if dir.is_empty() || dir == "." {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    let mut above = 0usize;
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else {
                    // Paths given on the command line may themselves start with `..`.
                    parts.push("..");
                    above += 1;
                }
            }
            s => parts.push(s),
        }
    }
    if above > 0 && !dir.starts_with("..") && !dir.starts_with('/') {
        return None;
    }
    Some(parts.join("/"))
}

/// Loads the configuration whose root module is `root_dir`: every resource of the root and of
/// the modules it calls, mapped onto canonical records.
pub fn load(root_dir: &str, fs: &dyn Fs, inputs: &VariableInputs, limits: Limits) -> crate::Loaded {
    let out = load_configuration(root_dir, fs, inputs, limits);
    let paths: Arc<Vec<String>> = Arc::new(out.files.iter().map(|(p, _)| p.clone()).collect());
    let resources = aws::to_resources(&out.resources, &out.json_sources, Some(paths));
    crate::Loaded {
        format: Some("terraform"),
        resources,
        diagnostics: out.diagnostics,
        sources: out.files,
    }
}

/// Loads one `.tf` file as a root module on its own (`vigil scan main.tf`): the other files of
/// its directory are not read, the local modules it calls are.
pub fn load_file(
    path: &str,
    fs: &dyn Fs,
    inputs: &VariableInputs,
    limits: Limits,
) -> crate::Loaded {
    let dir = parent_dir(path);
    let only = OnlyFile {
        inner: fs,
        dir,
        name: &path[path.len() - path.rsplit('/').next().unwrap_or(path).len()..],
    };
    load(dir, &only, inputs, limits)
}

/// A view of a file system where one directory holds only one file.
struct OnlyFile<'a> {
    inner: &'a dyn Fs,
    dir: &'a str,
    name: &'a str,
}

impl Fs for OnlyFile<'_> {
    fn read(&self, path: &str) -> Option<Arc<str>> {
        self.inner.read(path)
    }

    fn list(&self, dir: &str) -> Vec<String> {
        if dir == self.dir {
            vec![self.name.to_string()]
        } else {
            self.inner.list(dir)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_module_paths() {
        assert_eq!(
            join_path("infra", "./modules/vpc").unwrap(),
            "infra/modules/vpc"
        );
        assert_eq!(
            join_path("infra/envs/prod", "../../modules/x").unwrap(),
            "infra/modules/x"
        );
        assert_eq!(join_path("", "./m").unwrap(), "m");
        assert!(join_path("infra", "../../etc").is_none());
    }

    #[test]
    fn splits_fixture_files() {
        let fs = MemFs::from_fixture("a = 1\n# --- file: modules/x/main.tf\nb = 2\n");
        assert_eq!(&*fs.read("main.tf").unwrap(), "a = 1\n");
        assert_eq!(&*fs.read("modules/x/main.tf").unwrap(), "b = 2\n");
        assert_eq!(fs.list(""), vec!["main.tf"]);
        assert_eq!(fs.list("modules/x"), vec!["main.tf"]);
    }
}
