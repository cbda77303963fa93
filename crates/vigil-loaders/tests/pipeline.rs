//! CI pipeline files through the front door: which files are claimed, what resource each
//! becomes, and the diagnostics broken files give (never a panic, the resource kept).

mod common;

use common::load_file;
use vigil_loaders::pipeline::{expressions, kind_of, PipelineKind};
use vigil_loaders::{Level, Loaded};
use vigil_model::Value;

fn messages(l: &Loaded, level: Level) -> Vec<String> {
    l.diagnostics
        .iter()
        .filter(|d| d.level == level)
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect()
}

const WORKFLOW: &str = "\
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
";

#[test]
fn files_are_claimed_by_place_and_name() {
    use PipelineKind::*;
    assert_eq!(kind_of(".github/workflows/ci.yml"), Some(GithubWorkflow));
    assert_eq!(
        kind_of("repo/.github/workflows/release.yaml"),
        Some(GithubWorkflow)
    );
    // GitHub reads only the workflows folder itself, not subfolders.
    assert_eq!(kind_of(".github/workflows/old/ci.yml"), None);
    assert_eq!(kind_of(".github/workflows/README.md"), None);
    assert_eq!(kind_of("action.yml"), Some(GithubAction));
    assert_eq!(
        kind_of(".github/actions/setup/action.yaml"),
        Some(GithubAction)
    );
    assert_eq!(kind_of(".gitlab-ci.yml"), Some(GitlabPipeline));
    assert_eq!(kind_of("ci/deploy.gitlab-ci.yml"), Some(GitlabPipeline));
    assert_eq!(kind_of("buildspec.yml"), Some(Buildspec));
    assert_eq!(kind_of("ci/buildspec-test.yaml"), Some(Buildspec));
    assert_eq!(kind_of("workflows/ci.yml"), None);
    assert_eq!(kind_of("template.yaml"), None);
}

#[test]
fn a_workflow_is_one_resource_holding_the_document() {
    let l = load_file(".github/workflows/ci.yml", WORKFLOW);
    assert_eq!(l.format, Some("github-actions"));
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.resources.len(), 1);
    let r = &l.resources[0];
    assert_eq!(r.kind, "github::Workflow");
    assert_eq!(r.address, ".github/workflows/ci.yml");
    // YAML 1.2: `on` is a key like any other, not the boolean true.
    let on = r.properties.get("on").expect("`on` kept as a string key");
    assert!(on.get("pull_request").is_some());
    let steps = r
        .properties
        .get("jobs")
        .unwrap()
        .get("test")
        .unwrap()
        .get("steps");
    let run = &steps.unwrap().as_list().unwrap()[1];
    assert_eq!(run.get("run").unwrap().as_str(), Some("make test"));
    // Entries point at the line naming them.
    assert_eq!(run.get("run").unwrap().span.unwrap().start.line, 8);
}

#[test]
fn other_pipeline_kinds() {
    let a = load_file(
        ".github/actions/setup/action.yml",
        "name: setup\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: bash\n",
    );
    assert_eq!(a.resources[0].kind, "github::Action");
    let g = load_file(".gitlab-ci.yml", "test:\n  script: make\n");
    assert_eq!(g.format, Some("gitlab-ci"));
    assert_eq!(g.resources[0].kind, "gitlab::Pipeline");
    let b = load_file(
        "buildspec.yml",
        "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n",
    );
    assert_eq!(b.format, Some("buildspec"));
    assert_eq!(b.resources[0].kind, "codebuild::Buildspec");
    assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
}

#[test]
fn gitlab_anchors_and_merge_keys_are_applied() {
    let text = "\
.defaults: &defaults
  image: alpine
  variables:
    REGION: eu-west-1
.setup: &setup
  - apk add curl
deploy:
  <<: *defaults
  script:
    - *setup
    - ./deploy.sh
";
    let l = load_file(".gitlab-ci.yml", text);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let deploy = l.resources[0].properties.get("deploy").unwrap();
    assert_eq!(deploy.get("image").unwrap().as_str(), Some("alpine"));
    let script = deploy.get("script").unwrap().as_list().unwrap();
    assert!(matches!(&script[0].value, Value::List(l) if l[0].as_str() == Some("apk add curl")));
}

#[test]
fn a_gitlab_component_header_is_skipped() {
    let text = "spec:\n  inputs:\n    stage:\n      default: test\n---\nbuild:\n  script: make\n";
    let l = load_file("templates/build.gitlab-ci.yml", text);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert!(l.resources[0].properties.get("build").is_some());
}

#[test]
fn yaml_errors_name_the_line() {
    let l = load_file(
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  a:\n    steps: [\n",
    );
    assert_eq!(l.format, Some("github-actions"));
    assert!(l.resources.is_empty());
    let e = messages(&l, Level::Error);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("cannot parse YAML"), "{e:?}");
    assert!(!e[0].starts_with("0:"), "{e:?}");
}

#[test]
fn structure_errors_keep_the_resource() {
    let l = load_file(".github/workflows/ci.yml", "on: push\njobs:\n  - build\n");
    assert_eq!(l.resources.len(), 1);
    assert_eq!(
        messages(&l, Level::Error),
        ["2:1: `jobs` is a list: expected a mapping of job ids to jobs"]
    );

    let l = load_file(
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      run: make\n  b: hello\n  c:\n    steps:\n      - make\n",
    );
    let e = messages(&l, Level::Error);
    assert!(
        e.contains(&"6:7: `steps` of job `a` is a mapping: expected a list of steps".to_string()),
        "{e:?}"
    );
    assert!(
        e.contains(&"7:3: job `b` is a scalar: expected a mapping".to_string()),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|m| m.starts_with("10:9: step 1 of job `c` is a scalar")),
        "{e:?}"
    );
    assert_eq!(l.resources.len(), 1);

    let l = load_file(
        ".gitlab-ci.yml",
        "stages: [build]\nbuild: make\ntest:\n  script:\n    run: x\n",
    );
    let e = messages(&l, Level::Error);
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].starts_with("2:1: job `build` is a scalar"), "{e:?}");
    assert!(e[1].starts_with("5:5: `test.script` is a mapping"), "{e:?}");

    let l = load_file("buildspec.yml", "phases:\n  build:\n    commands: make\n");
    assert_eq!(
        messages(&l, Level::Error),
        ["3:5: `phases.build.commands` must be a list of commands"]
    );
    assert_eq!(
        messages(&l, Level::Warning),
        ["1:1: the buildspec has no `version`: expected `version: 0.2`"]
    );

    let l = load_file(".github/workflows/ci.yml", "- on: push\n");
    assert!(l.resources.is_empty());
    assert!(messages(&l, Level::Error)[0].contains("the document is a list: expected a workflow"));

    let l = load_file(".github/workflows/empty.yml", "");
    assert!(messages(&l, Level::Warning)[0].contains("the file is empty"));
}

#[test]
fn duplicate_keys_are_warned() {
    let l = load_file(
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  a:\n    runs-on: x\n  a:\n    runs-on: y\n",
    );
    let w = messages(&l, Level::Warning);
    assert!(
        w.iter().any(|m| m.starts_with("5:3: duplicate key `a`")),
        "{w:?}"
    );
}

#[test]
fn expressions_are_split_and_checked() {
    let e = expressions("a ${{ github.x }} b ${{ format('}}{0}', x) }} c");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].body, " github.x ");
    assert_eq!(e[1].body, " format('}}{0}', x) ");
    assert!(e.iter().all(|x| x.terminated && !x.nested));
    let open = expressions("echo ${{ github.head_ref");
    assert!(!open[0].terminated);
    assert!(expressions("${{ a ${{ b }}")[0].nested);
    assert!(expressions("no expression $ {{ here }}").is_empty());
}

#[test]
fn malformed_expressions_are_warned_at_their_line() {
    let long = "x".repeat(5000);
    let text = format!(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo start\n          echo ${{{{ github.head_ref\n      - run: echo ${{{{ a ${{{{ b }}}}\n      - run: echo ${{{{ {long} }}}}\n"
    );
    let l = load_file(".github/workflows/ci.yml", &text);
    assert_eq!(l.resources.len(), 1);
    let w = messages(&l, Level::Warning);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w[0].starts_with("8:16: an unterminated"), "{w:?}");
    assert!(
        w[1].starts_with("9:19: `${{` inside an expression"),
        "{w:?}"
    );
    assert!(
        w[2].starts_with("10:19: an expression of 5002 characters"),
        "{w:?}"
    );
}

#[test]
fn many_malformed_expressions_are_bounded() {
    let mut text = String::from("on: push\njobs:\n  a:\n    steps:\n");
    for _ in 0..500 {
        text.push_str("      - run: echo ${{ oops\n");
    }
    let l = load_file(".github/workflows/ci.yml", &text);
    assert!(l.diagnostics.len() <= 21, "{}", l.diagnostics.len());
}

#[test]
fn suppression_comments_cover_the_file() {
    let text = format!("# vigil:ignore CI-003 internal mirror, reviewed\n{WORKFLOW}");
    let l = load_file(".github/workflows/ci.yml", &text);
    let s = &l.resources[0].suppressions;
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].rule, "CI-003");
    assert_eq!(s[0].reason, "internal mirror, reviewed");
}
