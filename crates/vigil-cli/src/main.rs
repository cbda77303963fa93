//! `vigil`: wires the stages together. Exit codes: 0 pass, 1 policy failure, 2 usage or input error.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use vigil_engine::Catalogue;
use vigil_gate::config::FailOn;
use vigil_gate::{Baseline, Config, ScanOptions};

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tells the allocator to hand freed pages back to the system at once instead of keeping them
/// for later and to commit arena memory only when used. A scan frees each file's syntax tree
/// soon after building it; with mimalloc's defaults those pages stay resident and the peak
/// memory of a Terraform scan was about half again as large. The run time did not change
/// measurably. Environment variables (`MIMALLOC_PURGE_DELAY`, ...) still win when set.
fn return_memory_promptly() {
    // Option numbers from mimalloc.h's `mi_option_e`, the same in mimalloc 2 and 3;
    // the binding crate exports constants only for a few options.
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    for (option, name, value) in [
        (PURGE_DELAY, "MIMALLOC_PURGE_DELAY", 0),
        (ARENA_EAGER_COMMIT, "MIMALLOC_ARENA_EAGER_COMMIT", 0),
    ] {
        if std::env::var_os(name).is_none() {
            // SAFETY: sets a plain integer option; valid at any time, from any thread.
            unsafe { libmimalloc_sys::mi_option_set(option, value) };
        }
    }
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
    /// Configuration file (default: vigil.toml in the first scanned directory, if present).
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

#[derive(Args)]
struct ScanArgs {
    #[command(flatten)]
    common: CommonScan,
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
    return_memory_promptly();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(a) => scan(a),
        Command::Baseline(a) => baseline(a),
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
    let path = match &common.config {
        Some(p) => Some(p.clone()),
        None => common
            .paths
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
        exclude: config
            .exclude
            .iter()
            .chain(&common.exclude)
            .cloned()
            .collect(),
        skip_rules: config
            .skip_rules
            .iter()
            .chain(&common.skip)
            .cloned()
            .collect(),
        severity_overrides: config.severity.clone(),
        max_file_size: common.max_file_size.saturating_mul(1024 * 1024),
        ..ScanOptions::default()
    };
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
    Ok(o)
}

fn scan(a: ScanArgs) -> Result<ExitCode, UsageError> {
    let config = load_config(&a.common)?;
    let catalogue = catalogue(&a.common.rules)?;
    let mut options = scan_options(&a.common, &config)?;
    let fail_on: FailOn = a
        .fail_on
        .as_deref()
        .or(config.fail_on.as_deref())
        .unwrap_or("high")
        .parse()
        .map_err(|e: String| format!("--fail-on: {e}"))?;
    if let Some(b) = &a.baseline {
        options.baseline = Some((b.display().to_string(), Baseline::read(b)?));
    }
    for key in options
        .skip_rules
        .iter()
        .chain(options.severity_overrides.keys())
    {
        if catalogue.get(key).is_none() {
            return Err(format!("no rule `{key}` (see `vigil rules list`)").into());
        }
    }
    let result = vigil_gate::scan(&options, &catalogue);
    let allow = a.allow_parse_errors || config.allow_parse_errors.unwrap_or(false);
    let verdict = result.verdict(fail_on, allow);
    let report = vigil_reports::Report {
        tool_version: VERSION,
        findings: &result.findings,
        diagnostics: &result.diagnostics,
        rules: catalogue.rules(),
        sources: &result.sources,
        files_scanned: result.files_scanned,
        fail_on: match fail_on {
            FailOn::Severity(s) => Some(s),
            FailOn::Never => None,
        },
        passed: verdict.passed,
        parse_errors_fail: !allow,
    };
    let format = match a.format {
        OutputFormat::Text => vigil_reports::Format::Text,
        OutputFormat::Json => vigil_reports::Format::Json,
        OutputFormat::Sarif => vigil_reports::Format::Sarif,
        OutputFormat::Junit => vigil_reports::Format::Junit,
    };
    let color = a.output.is_none()
        && !a.no_color
        && std::env::var_os("NO_COLOR").is_none()
        && std::io::stdout().is_terminal();
    let rendered = vigil_reports::render(&report, format, color);
    write_output(a.output.as_deref(), &rendered)?;
    if a.output.is_some() {
        eprintln!(
            "vigil: {} files, {} findings ({} failing), {} unreadable: {}",
            result.files_scanned,
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
            let text = match format {
                ListFormat::Markdown => vigil_reports::catalogue_markdown(c.rules()),
                ListFormat::Json => {
                    serde_json::to_string_pretty(
                        &c.rules().iter().map(rule_json).collect::<Vec<_>>(),
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
                    s.push_str(&format!("{} rules\n", c.rules().len()));
                    s
                }
            };
            write_output(None, &text)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Show { id, rules } => {
            let c = catalogue(&rules)?;
            let r = c
                .get(&id)
                .ok_or_else(|| format!("no rule `{id}` (see `vigil rules list`)"))?;
            write_output(None, &show(r))?;
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
            Ok(if failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
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
