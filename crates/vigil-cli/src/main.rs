//! `vigil`: wires the stages together. Exit codes: 0 pass, 1 policy failure, 2 usage or input error.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigil_engine::Catalogue;
use vigil_gate::config::FailOn;
use vigil_gate::{Baseline, Config, ScanOptions};

mod hook;

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tells the allocator to commit arena memory as it is used rather than up front. The arenas
/// are created by the first allocation, before `main`, so this runs as a load-time constructor,
/// and must not allocate. (With mimalloc's default, a scan of terraform-aws-modules/eks peaked
/// at 65 MB instead of 51 MB, at the same speed.)
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static COMMIT_ARENAS_LAZILY: extern "C" fn() = {
    extern "C" fn commit_arenas_lazily() {
        // SAFETY: sets a plain integer option; allocates nothing.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
    }
    commit_arenas_lazily
};

// Positions in mimalloc.h's `mi_option_e` (the same in mimalloc 2 and 3); the binding crate
// names only a few options.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells the allocator to give freed pages back at once rather than after a delay. `vigil scan`
/// frees each Terraform root's syntax trees as it goes: this brought a scan of
/// terraform-aws-modules/eks from 51 MB to 36 MB, for about a third more CPU time on a run of a
/// fifth of a second. History scans keep the default: there it cost a fifth more CPU for
/// memory they did not need.
fn purge_freed_memory_at_once() {
    // SAFETY: sets a plain integer option, read at each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

#[derive(Parser)]
#[command(
    name = "vigil",
    version,
    about = "Security gate for infrastructure as code",
    long_about = "Vigil judges infrastructure templates against one catalogue of security rules, \
                  fails the pipeline when they break policy, and reports in text, JSON, SARIF or JUnit.\n\n\
                  Exit codes: 0 passed, 1 policy failure, 2 usage or input error.",
    after_help = "Examples:\n  vigil scan infra/\n  vigil scan . --format sarif -o vigil.sarif --fail-on medium\n  vigil scan tf/ --var-file prod.tfvars\n  vigil rules list\n  vigil rules show AWS-S3-001"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files and directories; exit 1 if findings reach the threshold
    ///
    /// Reads CloudFormation templates (YAML, JSON, SAM), Terraform configurations (`.tf` files,
    /// grouped by directory into modules; a directory no other scanned directory calls is a
    /// root module, judged with the local modules it calls) and Terraform plans
    /// (`terraform show -json`).
    ///
    /// Examples:
    ///   vigil scan infra/
    ///   vigil scan tf/ --var-file prod.tfvars --var region=eu-west-1
    ///   vigil scan . --format sarif -o vigil.sarif --fail-on medium
    #[command(verbatim_doc_comment)]
    Scan(ScanArgs),
    /// Look for credentials: in files, in what is staged, or in the whole git history
    ///
    /// Every file is read (`.gitignore` is honoured in directories); binary files are skipped
    /// with a note. Secrets are never printed whole: reports show a few leading characters and
    /// a digest. Suppress a finding with `vigil:ignore RULE-ID reason` on its line or the line
    /// above, with `[secrets] exclude` in vigil.toml, or with a baseline.
    ///
    /// Examples:
    ///   vigil secrets .                          # the working tree
    ///   vigil secrets --staged                   # what `git commit` would record (pre-commit)
    ///   vigil secrets --history                  # every blob in history, each once
    ///   vigil secrets --history --since origin/main --format sarif -o secrets.sarif
    #[command(verbatim_doc_comment)]
    Secrets(SecretsArgs),
    /// Install or remove the git hooks that run the gate before a commit or a push
    ///
    /// `vigil hook install` writes `.git/hooks/pre-commit`, which runs `vigil secrets --staged`
    /// and stops the commit when it fails. An existing hook is kept (renamed with a
    /// `.pre-vigil` suffix) and run first. `--pre-push` also installs a pre-push hook that
    /// searches the commits being pushed. `git commit --no-verify` skips the hooks.
    #[command(verbatim_doc_comment)]
    Hook(HookArgs),
    /// Write a baseline accepting today's findings, so later scans fail only on new ones.
    Baseline(BaselineArgs),
    /// List, explain and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(Args, Clone)]
struct CommonScan {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Also load the rules in this directory (same format as the built-in catalogue).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// CloudFormation parameter value, as `aws cloudformation deploy --parameter-overrides` takes it.
    #[arg(long = "param", value_name = "KEY=VALUE")]
    params: Vec<String>,
    /// CloudFormation parameters file: `[{"ParameterKey":..,"ParameterValue":..}]` or `{"Parameters":{..}}`.
    #[arg(long = "params-file", value_name = "FILE")]
    params_file: Option<PathBuf>,
    /// Terraform input variable for every root module, as `terraform plan -var` takes it.
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,
    /// Terraform variable file (`.tfvars`), read after `terraform.tfvars` and `*.auto.tfvars`.
    #[arg(long = "var-file", value_name = "FILE")]
    var_files: Vec<PathBuf>,
    #[command(flatten)]
    selection: Selection,
    /// Do not search files for secrets (credentials); judge infrastructure files only.
    #[arg(long)]
    no_secrets: bool,
}

/// Which files and findings count: shared by `scan`, `baseline` and `secrets`.
#[derive(Args, Clone)]
struct Selection {
    /// Configuration file (default: vigil.toml in the first directory given, if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Do not read files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Keep this rule's findings out of the verdict, marked suppressed (repeatable).
    #[arg(long, value_name = "RULE")]
    skip: Vec<String>,
    /// Skip files larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 64)]
    max_file_size: u64,
}

impl Selection {
    /// The exclusions, skipped rules and size limit of `config` and of the command line.
    fn apply(&self, config: &Config, o: &mut ScanOptions) {
        o.exclude = config
            .exclude
            .iter()
            .chain(&self.exclude)
            .cloned()
            .collect();
        o.skip_rules = config
            .skip_rules
            .iter()
            .chain(&self.skip)
            .cloned()
            .collect();
        o.severity_overrides = config.severity.clone();
        o.max_file_size = self.max_file_size.saturating_mul(1024 * 1024);
    }
}

#[derive(Args)]
struct ScanArgs {
    #[command(flatten)]
    common: CommonScan,
    #[command(flatten)]
    gate: GateArgs,
}

/// How a run reports and decides: shared by `scan` and `secrets`.
#[derive(Args)]
struct GateArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Lowest severity that fails the gate: low, medium, high, critical or never [default: high].
    #[arg(long, value_name = "SEVERITY")]
    fail_on: Option<String>,
    /// Fail only on findings not in this baseline file (see `vigil baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Do not fail the gate for files that cannot be parsed (they are still reported).
    #[arg(long)]
    allow_parse_errors: bool,
    /// Never colour the text report (NO_COLOR is honoured too).
    #[arg(long)]
    no_color: bool,
}

#[derive(Args)]
struct SecretsArgs {
    /// Files or directories to search (working-tree mode), or the repository (with --staged
    /// or --history).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Search what is staged for the next commit (the index), not the working tree.
    #[arg(long, conflicts_with = "history")]
    staged: bool,
    /// Search every blob ever committed on any ref, each once; findings name the commit,
    /// author and date where the secret first appeared.
    #[arg(long)]
    history: bool,
    /// With --history: only what is new since this revision (`origin/main`, a commit id).
    #[arg(long, value_name = "REV", requires = "history")]
    since: Option<String>,
    /// With --history: only the commits reachable from this revision (a branch, a commit id),
    /// not from every ref. The pre-push hook passes the commit being pushed.
    #[arg(long, value_name = "REV", requires = "history")]
    rev: Option<String>,
    /// Also load the secret rules in this directory (one YAML file per rule, as in `rules/secrets/`).
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    #[command(flatten)]
    selection: Selection,
    #[command(flatten)]
    gate: GateArgs,
}

#[derive(Args)]
struct HookArgs {
    #[command(subcommand)]
    action: HookAction,
}

#[derive(Subcommand)]
enum HookAction {
    /// Install the hook in this repository's `.git/hooks` (an existing hook is kept and run first).
    Install {
        /// Also install a pre-push hook that searches the commits being pushed.
        #[arg(long)]
        pre_push: bool,
        /// The repository (default: the one around the current directory).
        #[arg(long, value_name = "DIR", default_value = ".")]
        repo: PathBuf,
    },
    /// Remove Vigil's hooks and put back any hook they had chained to.
    Uninstall {
        #[arg(long, value_name = "DIR", default_value = ".")]
        repo: PathBuf,
    },
}

#[derive(Args)]
struct BaselineArgs {
    #[command(flatten)]
    common: CommonScan,
    /// Where to write the baseline.
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        default_value = "vigil-baseline.json"
    )]
    output: PathBuf,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules in force.
    List {
        #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Also load the rules in this directory.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Explain one rule: why it matters, how to fix it, what it checks.
    Show {
        /// Rule id or name (`AWS-S3-002` or `s3-bucket-acl-public-read`).
        id: String,
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
    /// Run the fixtures of the rules in a directory (your own rules), or of the built-in ones.
    Test {
        /// Rules directory; the built-in catalogue when omitted.
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
    Sarif,
    Junit,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
    /// The catalogue page, as in docs/catalogue.md.
    Markdown,
}

/// A usage or input error: printed, exit 2.
struct UsageError(String);

impl<T: Into<String>> From<T> for UsageError {
    fn from(s: T) -> Self {
        UsageError(s.into())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(a) => scan(a),
        Command::Baseline(a) => baseline(a),
        Command::Secrets(a) => secrets(a),
        Command::Hook(a) => hook::run(a.action),
        Command::Rules(r) => rules(r),
    };
    match result {
        Ok(code) => code,
        Err(UsageError(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn catalogue(extra: &[PathBuf]) -> Result<Catalogue, UsageError> {
    let mut c = vigil_rules::catalogue().map_err(|errs| join(&errs))?;
    for dir in extra {
        let rules = Catalogue::load_dir(dir).map_err(|errs| join(&errs))?;
        for r in rules {
            c.add(r).map_err(|e| e.to_string())?;
        }
    }
    Ok(c)
}

fn join<E: std::fmt::Display>(errs: &[E]) -> String {
    errs.iter()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_params(
    common: &CommonScan,
    config: &Config,
) -> Result<BTreeMap<String, String>, UsageError> {
    let mut params = config.parameters.clone();
    if let Some(file) = &common.params_file {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let json: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: {e}", file.display(), e.line(), e.column()))?;
        let scalar = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match &json {
            serde_json::Value::Array(items) => {
                for item in items {
                    match (
                        item.get("ParameterKey").and_then(|k| k.as_str()),
                        item.get("ParameterValue"),
                    ) {
                        (Some(k), Some(v)) => {
                            params.insert(k.to_string(), scalar(v));
                        }
                        _ => {
                            return Err(format!(
                                "{}: each entry needs ParameterKey and ParameterValue",
                                file.display()
                            )
                            .into())
                        }
                    }
                }
            }
            serde_json::Value::Object(o) => {
                let map = o.get("Parameters").and_then(|p| p.as_object()).unwrap_or(o);
                for (k, v) in map {
                    params.insert(k.clone(), scalar(v));
                }
            }
            _ => {
                return Err(format!(
                "{}: expected a list of ParameterKey/ParameterValue or {{\"Parameters\": {{...}}}}",
                file.display()
            )
                .into())
            }
        }
    }
    for p in &common.params {
        let (k, v) = p
            .split_once('=')
            .ok_or_else(|| format!("--param `{p}`: expected KEY=VALUE"))?;
        params.insert(k.to_string(), v.to_string());
    }
    Ok(params)
}

fn load_config(common: &CommonScan) -> Result<Config, UsageError> {
    read_config(common.selection.config.as_deref(), &common.paths)
}

/// `--config FILE`, else `vigil.toml` in the first directory scanned, else the defaults.
fn read_config(explicit: Option<&Path>, paths: &[PathBuf]) -> Result<Config, UsageError> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => paths
            .iter()
            .find(|p| p.is_dir())
            .map(|d| d.join("vigil.toml"))
            .filter(|p| p.is_file()),
    };
    match path {
        Some(p) => Ok(Config::read(&p)?),
        None => Ok(Config::default()),
    }
}

fn scan_options(common: &CommonScan, config: &Config) -> Result<ScanOptions, UsageError> {
    if let Some(missing) = common.paths.iter().find(|p| !p.exists()) {
        return Err(format!("{}: no such file or directory", missing.display()).into());
    }
    let mut o = ScanOptions {
        paths: common.paths.clone(),
        ..ScanOptions::default()
    };
    common.selection.apply(config, &mut o);
    o.load.parameters = parse_params(common, config)?;
    o.load.variables.var_files = config.terraform.var_files.clone();
    for f in &common.var_files {
        if !f.is_file() {
            return Err(format!("--var-file {}: no such file", f.display()).into());
        }
        o.load
            .variables
            .var_files
            .push(f.to_string_lossy().replace('\\', "/"));
    }
    o.load.variables.vars = config.terraform.vars.clone();
    for v in &common.vars {
        let (k, val) = v
            .split_once('=')
            .ok_or_else(|| format!("--var `{v}`: expected NAME=VALUE"))?;
        o.load
            .variables
            .vars
            .insert(k.trim().to_string(), val.to_string());
    }
    // The same findings in `vigil scan` and `vigil baseline`, so a baseline accepts secrets too.
    if !common.no_secrets && config.secrets.scan != Some(false) {
        o.secrets = Some(secret_scanner(&common.rules)?);
        o.secrets_exclude = config.secrets.exclude.clone();
    }
    Ok(o)
}

fn scan(a: ScanArgs) -> Result<ExitCode, UsageError> {
    purge_freed_memory_at_once();
    let config = load_config(&a.common)?;
    let catalogue = catalogue(&a.common.rules)?;
    let mut options = scan_options(&a.common, &config)?;
    check_rule_names(&options, &catalogue, options.secrets.as_deref())?;
    options.baseline = read_baseline(&a.gate)?;
    let result = vigil_gate::scan(&options, &catalogue);
    report_and_decide(&a.gate, &config, &result, catalogue.rules())
}

fn secrets(a: SecretsArgs) -> Result<ExitCode, UsageError> {
    if let Some(missing) = a.paths.iter().find(|p| !p.exists()) {
        return Err(format!("{}: no such file or directory", missing.display()).into());
    }
    let config = read_config(a.selection.config.as_deref(), &a.paths)?;
    let scanner = secret_scanner(&a.rules)?;
    let mut options = ScanOptions {
        paths: a.paths.clone(),
        iac: false,
        secrets: Some(scanner),
        secrets_exclude: config.secrets.exclude.clone(),
        baseline: read_baseline(&a.gate)?,
        ..ScanOptions::default()
    };
    a.selection.apply(&config, &mut options);
    check_rule_names(&options, &Catalogue::new(), options.secrets.as_deref())?;
    let result = if a.staged || a.history {
        let source = if a.staged {
            vigil_gate::GitSource::Staged
        } else {
            vigil_gate::GitSource::History {
                since: a.since.clone(),
                rev: a.rev.clone(),
            }
        };
        if a.paths.len() > 1 {
            return Err("--staged and --history take one repository path".into());
        }
        vigil_gate::scan_git(&a.paths[0], &source, &options)?
    } else {
        vigil_gate::scan(&options, &Catalogue::new())
    };
    report_and_decide(&a.gate, &config, &result, &[])
}

/// Refuses `--skip` and `[severity]` keys that name no rule: a typo would silently keep a
/// finding failing, or worse, hide nothing while the user believes it does.
fn check_rule_names(
    options: &ScanOptions,
    catalogue: &Catalogue,
    secrets: Option<&vigil_secrets::Scanner>,
) -> Result<(), UsageError> {
    for key in options
        .skip_rules
        .iter()
        .chain(options.severity_overrides.keys())
    {
        let known = catalogue.get(key).is_some() || secrets.is_some_and(|s| s.get(key).is_some());
        if !known {
            return Err(format!("no rule `{key}` (see `vigil rules list`)").into());
        }
    }
    Ok(())
}

fn read_baseline(gate: &GateArgs) -> Result<Option<(String, Baseline)>, UsageError> {
    match &gate.baseline {
        Some(b) => Ok(Some((b.display().to_string(), Baseline::read(b)?))),
        None => Ok(None),
    }
}

/// The built-in secret rules and those in `extra` directories.
fn secret_scanner(extra: &[PathBuf]) -> Result<std::sync::Arc<vigil_secrets::Scanner>, UsageError> {
    let mut rules = vigil_rules::secret_rules().map_err(|errs| join(&errs))?;
    for dir in extra {
        rules.extend(vigil_secrets::load_dir(dir).map_err(|errs| join(&errs))?);
    }
    Ok(std::sync::Arc::new(vigil_secrets::Scanner::new(rules)?))
}

/// Renders the report, writes it, and turns the verdict into the exit code.
fn report_and_decide(
    gate: &GateArgs,
    config: &Config,
    result: &vigil_gate::ScanResult,
    rules: &[vigil_engine::Rule],
) -> Result<ExitCode, UsageError> {
    let fail_on: FailOn = gate
        .fail_on
        .as_deref()
        .or(config.fail_on.as_deref())
        .unwrap_or("high")
        .parse()
        .map_err(|e: String| format!("--fail-on: {e}"))?;
    let allow = gate.allow_parse_errors || config.allow_parse_errors.unwrap_or(false);
    let verdict = result.verdict(fail_on, allow);
    let report = vigil_reports::Report {
        tool_version: VERSION,
        findings: &result.findings,
        diagnostics: &result.diagnostics,
        rules,
        sources: &result.sources,
        files_scanned: result.files_scanned,
        files_searched: result.files_searched,
        fail_on: match fail_on {
            FailOn::Severity(s) => Some(s),
            FailOn::Never => None,
        },
        passed: verdict.passed,
        parse_errors_fail: !allow,
    };
    let format = match gate.format {
        OutputFormat::Text => vigil_reports::Format::Text,
        OutputFormat::Json => vigil_reports::Format::Json,
        OutputFormat::Sarif => vigil_reports::Format::Sarif,
        OutputFormat::Junit => vigil_reports::Format::Junit,
    };
    let color = gate.output.is_none()
        && !gate.no_color
        && std::env::var_os("NO_COLOR").is_none()
        && std::io::stdout().is_terminal();
    let rendered = vigil_reports::render(&report, format, color);
    write_output(gate.output.as_deref(), &rendered)?;
    if gate.output.is_some() {
        eprintln!(
            "vigil: {} files, {} findings ({} failing), {} unreadable: {}",
            result.files_scanned.max(result.files_searched),
            result.findings.len(),
            verdict.failing_findings,
            verdict.unreadable,
            if verdict.passed { "passed" } else { "FAILED" }
        );
    }
    Ok(if verdict.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn write_output(path: Option<&Path>, text: &str) -> Result<(), UsageError> {
    match path {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()).into())
        }
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            Ok(())
        }
    }
}

fn baseline(a: BaselineArgs) -> Result<ExitCode, UsageError> {
    let config = load_config(&a.common)?;
    let catalogue = catalogue(&a.common.rules)?;
    let options = scan_options(&a.common, &config)?;
    let result = vigil_gate::scan(&options, &catalogue);
    let b = Baseline::from_findings(&result.findings);
    write_output(Some(&a.output), &b.to_json())?;
    eprintln!(
        "vigil: wrote {} findings to {}",
        b.findings.len(),
        a.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn rules(cmd: RulesCommand) -> Result<ExitCode, UsageError> {
    match cmd {
        RulesCommand::List { format, rules } => {
            let c = catalogue(&rules)?;
            let secrets = secret_scanner(&rules)?;
            let text = match format {
                ListFormat::Markdown => {
                    vigil_reports::catalogue_markdown(c.rules())
                        + "\n"
                        + &vigil_reports::secret_catalogue_markdown(secrets.rules())
                }
                ListFormat::Json => {
                    serde_json::to_string_pretty(
                        &c.rules()
                            .iter()
                            .map(rule_json)
                            .chain(secrets.rules().iter().map(secret_rule_json))
                            .collect::<Vec<_>>(),
                    )
                    .unwrap()
                        + "\n"
                }
                ListFormat::Text => {
                    let mut s = String::new();
                    for r in c.rules() {
                        s.push_str(&format!(
                            "{:<12} {:<8} {:<40} {}\n",
                            r.id, r.severity, r.name, r.title
                        ));
                    }
                    for r in secrets.rules() {
                        s.push_str(&format!(
                            "{:<12} {:<8} {:<40} {}\n",
                            r.id, r.severity, r.name, r.title
                        ));
                    }
                    s.push_str(&format!(
                        "{} rules, {} secret rules\n",
                        c.rules().len(),
                        secrets.rules().len()
                    ));
                    s
                }
            };
            write_output(None, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Show { id, rules } => {
            let c = catalogue(&rules)?;
            if let Some(r) = c.get(&id) {
                write_output(None, &show(r))?;
                return Ok(ExitCode::SUCCESS);
            }
            let secrets = secret_scanner(&rules)?;
            let r = secrets
                .get(&id)
                .ok_or_else(|| format!("no rule `{id}` (see `vigil rules list`)"))?;
            write_output(None, &show_secret_rule(r))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Test { dir } => {
            let rules = match &dir {
                Some(d) => Catalogue::load_dir(d).map_err(|e| join(&e))?,
                None => vigil_rules::rules().map_err(|e| join(&e))?,
            };
            let mut failures = Vec::new();
            for r in &rules {
                failures.extend(vigil_gate::fixtures::check_rule(r));
            }
            // Secret rules: the built-in ones, or those in the directory, checked with their
            // examples (user rules against the built-in set too, so overlaps show).
            let mut secret_rules = vigil_rules::secret_rules().map_err(|e| join(&e))?;
            let user_secret_rules = match &dir {
                Some(d) => vigil_secrets::load_dir(d).map_err(|e| join(&e))?,
                None => Vec::new(),
            };
            let user_ids: std::collections::BTreeSet<String> =
                user_secret_rules.iter().map(|r| r.id.clone()).collect();
            secret_rules.extend(user_secret_rules);
            let scanner = vigil_secrets::Scanner::new(secret_rules)?;
            let secret_failures: Vec<_> = vigil_secrets::check_examples(&scanner)
                .into_iter()
                .filter(|f| dir.is_none() || user_ids.contains(&f.rule_id))
                .collect();
            for f in &secret_failures {
                println!("FAIL {} {}: {}", f.rule_id, f.example, f.problem);
            }
            let secret_total = if dir.is_some() {
                user_ids.len()
            } else {
                scanner.rules().len()
            };
            let secret_failed = secret_failures
                .iter()
                .map(|f| &f.rule_id)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            println!(
                "secret rules: {} passed, {} failed",
                secret_total - secret_failed,
                secret_failed
            );
            for f in &failures {
                println!("FAIL {f}");
            }
            println!(
                "{} passed, {} failed",
                rules.len()
                    - failures
                        .iter()
                        .map(|f| &f.rule_id)
                        .collect::<std::collections::BTreeSet<_>>()
                        .len(),
                failures
                    .iter()
                    .map(|f| &f.rule_id)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
            );
            Ok(if failures.is_empty() && secret_failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn secret_rule_json(r: &vigil_secrets::SecretRule) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "name": r.name,
        "title": r.title,
        "severity": r.severity,
        "kinds": ["secret"],
        "formats": ["any"],
        "keywords": r.keywords,
        "pattern": r.pattern,
        "references": r.references,
    })
}

fn show_secret_rule(r: &vigil_secrets::SecretRule) -> String {
    let mut s = format!(
        "{} {}\n{}\nseverity: {}\nkind: secret (searched in every file, staged change and commit)\n\n",
        r.id, r.name, r.title, r.severity
    );
    s.push_str(&format!("why:\n{}\n\n", indent(r.rationale.trim())));
    s.push_str(&format!("fix:\n{}\n\n", indent(r.remediation.trim())));
    s.push_str("recognised by:\n");
    if !r.keywords.is_empty() {
        s.push_str(&format!("  keywords: {}\n", r.keywords.join(", ")));
    }
    s.push_str(&format!("  pattern: {}\n", r.pattern));
    if let Some(e) = r.min_entropy {
        s.push_str(&format!("  entropy: at least {e} bits per character\n"));
    }
    if let Some(c) = r.checksum {
        s.push_str(&format!("  checksum: {c:?}\n"));
    }
    if let Some(n) = &r.near {
        s.push_str(&format!(
            "  near (within {} lines): {}\n",
            n.lines, n.source
        ));
    }
    if r.generic {
        s.push_str("  loose rule: values that look like code, hashes or ids are not reported\n");
    }
    s.push_str(&format!(
        "\nexamples: {} reported, {} not reported (in {})\n",
        r.examples_fail.len(),
        r.examples_pass.len(),
        r.origin
    ));
    for link in &r.references {
        s.push_str(&format!("see: {link}\n"));
    }
    s
}

fn rule_json(r: &vigil_engine::Rule) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "name": r.name,
        "title": r.title,
        "severity": r.severity,
        "kinds": r.kinds(),
        "formats": r.formats(),
        "references": r.references,
        "rationale": r.rationale,
        "remediation": r.remediation,
        "fixed_example": r.fixed_example,
        "checks": r.checks.iter().map(|c| &c.source).collect::<Vec<_>>(),
    })
}

fn show(r: &vigil_engine::Rule) -> String {
    let mut s = format!("{} ({})  {}\n", r.id, r.name, r.title);
    s.push_str(&format!("severity: {}\n", r.severity));
    s.push_str(&format!("applies to: {}\n", r.kinds().join(", ")));
    s.push_str(&format!("formats: {}\n", r.formats().join(", ")));
    let kinds = r.kinds();
    let tf = vigil_loaders::terraform::aws::terraform_types(&kinds);
    if !tf.is_empty() {
        s.push_str(&format!("terraform: {}\n", tf.join(", ")));
    }
    if !r.references.cis_aws_v3.is_empty() {
        s.push_str(&format!(
            "CIS AWS Foundations v3: {}\n",
            r.references.cis_aws_v3.join(", ")
        ));
    }
    if !r.references.aws_fsbp.is_empty() {
        s.push_str(&format!(
            "AWS Foundational Security Best Practices: {}\n",
            r.references.aws_fsbp.join(", ")
        ));
    }
    if !r.references.k8s_pss.is_empty() {
        s.push_str(&format!(
            "Kubernetes Pod Security Standards: {}\n",
            r.references.k8s_pss.join(", ")
        ));
    }
    s.push_str(&format!(
        "\nWhy it matters:\n{}\n\nHow to fix:\n{}\n\nFixed example:\n",
        indent(&r.rationale),
        indent(&r.remediation)
    ));
    s.push_str(&indent(r.fixed_example.trim_end()));
    s.push_str("\n\nWhat it checks:\n");
    for c in &r.checks {
        s.push_str(&format!("  on {}", c.source.kinds.join(", ")));
        if let Some(e) = &c.source.each {
            s.push_str(&format!(", for each item of {e}"));
        }
        s.push_str(&format!(":\n    {}\n", c.source.when.trim()));
    }
    for l in &r.references.links {
        s.push_str(&format!("\nsee: {l}"));
    }
    s.push_str(&format!(
        "\nsuppress with: # vigil:ignore {} <reason>\n",
        r.id
    ));
    s
}

fn indent(t: &str) -> String {
    t.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
