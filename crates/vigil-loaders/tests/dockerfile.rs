//! The Dockerfile loader: syntax (continuations, the escape directive, here-documents, exec
//! and shell forms, flags), the model (stages, effective user, ARG/ENV substitution, spans),
//! suppressions, and bad input (a diagnostic with the line, the rest kept).

mod common;

use common::load_file;
use vigil_loaders::dockerfile::is_dockerfile_name;
use vigil_loaders::{Level, Loaded};
use vigil_model::{Node, Value};

fn load_docker(text: &str) -> Loaded {
    load_file("app/Dockerfile", text)
}

fn props(l: &Loaded) -> &Node {
    assert_eq!(l.resources.len(), 1, "one resource per Dockerfile");
    let r = &l.resources[0];
    assert_eq!(r.kind, "docker::Dockerfile");
    assert_eq!(r.address, "app/Dockerfile");
    &r.properties
}

/// Follows a path of map keys and list indexes (`stages.0.from.image`).
fn at<'a>(n: &'a Node, path: &str) -> &'a Node {
    path.split('.')
        .fold(n, |n, seg| match seg.parse::<usize>() {
            Ok(i) => &n.as_list().unwrap_or_else(|| panic!("{seg}: not a list"))[i],
            Err(_) => n.get(seg).unwrap_or_else(|| panic!("no `{seg}` in {path}")),
        })
}

fn s<'a>(n: &'a Node, path: &str) -> &'a str {
    at(n, path)
        .as_str()
        .unwrap_or_else(|| panic!("{path} is not a string: {:?}", at(n, path).value))
}

fn line(n: &Node, path: &str) -> u32 {
    at(n, path).span.expect("span").start.line
}

/// Instructions of the whole file, flat.
fn instructions(n: &Node) -> &[Node] {
    at(n, "instructions").as_list().unwrap()
}

fn errors(l: &Loaded) -> Vec<(u32, &str)> {
    l.diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| (d.line, d.message.as_str()))
        .collect()
}

#[test]
fn names_that_are_dockerfiles() {
    for n in [
        "Dockerfile",
        "dockerfile",
        "Dockerfile.prod",
        "api.dockerfile",
        "Containerfile",
    ] {
        assert!(is_dockerfile_name(n), "{n}");
    }
    for n in [
        "Dockerfile-notes.md.txt.yaml",
        "docker-compose.yml",
        "main.tf",
    ] {
        assert!(!is_dockerfile_name(n), "{n}");
    }
}

#[test]
fn continuations_join_and_drop_comment_lines() {
    let l = load_docker(
        "FROM debian:12\nRUN apt-get update \\\n    # refresh first\n\n    && apt-get install -y curl\nUSER app\n",
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let p = props(&l);
    let run = &instructions(p)[1];
    assert_eq!(s(run, "instruction"), "RUN");
    assert_eq!(
        s(run, "value"),
        "apt-get update     && apt-get install -y curl"
    );
    assert_eq!(run.span.unwrap().start.line, 2);
    // The instruction after the continuation is read on its own line.
    assert_eq!(line(&instructions(p)[2], "value"), 6);
    let programs: Vec<&str> = at(run, "commands")
        .as_list()
        .unwrap()
        .iter()
        .map(|c| s(c, "program"))
        .collect();
    assert_eq!(programs, ["apt-get", "apt-get"]);
}

#[test]
fn escape_directive_changes_the_continuation_character() {
    let l = load_docker(
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n    C:\\ \nWORKDIR C:\\app\n",
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let p = props(&l);
    assert_eq!(s(p, "escape"), "`");
    assert_eq!(s(&instructions(p)[1], "value"), "dir     C:\\");
    // A backslash is an ordinary character under the backtick escape.
    assert_eq!(s(&instructions(p)[2], "value"), "C:\\app");
}

#[test]
fn heredocs_of_run_and_copy() {
    let l = load_docker(
        "FROM alpine:3.19\nRUN <<EOF\ncurl -fsSL https://x | sh\necho done\nEOF\nCOPY --chmod=755 <<EOT /usr/local/bin/hello\n#!/bin/sh\necho hi\nEOT\nUSER 1000\n",
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let p = props(&l);
    let run = &instructions(p)[1];
    assert_eq!(
        s(run, "heredocs.0"),
        "curl -fsSL https://x | sh\necho done\n"
    );
    assert!(s(run, "value").contains("curl -fsSL https://x | sh"));
    assert_eq!(s(run, "commands.1.program"), "sh");
    let copy = &instructions(p)[2];
    assert_eq!(s(copy, "heredocs.0"), "#!/bin/sh\necho hi\n");
    assert_eq!(s(copy, "dest"), "/usr/local/bin/hello");
    assert_eq!(s(copy, "flags.chmod"), "755");
    // The USER after the here-document is on its own line.
    assert_eq!(line(p, "final_stage.user"), 10);
}

#[test]
fn exec_and_shell_forms() {
    let l = load_docker(
        "FROM python:3.12\nRUN [\"python3\", \"-m\", \"pip\", \"install\", \"flask\"]\nRUN [\"/bin/sh\", \"-c\", \"sudo id && echo ok\"]\nCMD python app.py\nENTRYPOINT [\"tini\", \"--\"]\n",
    );
    let p = props(&l);
    let i = instructions(p);
    assert_eq!(s(&i[1], "exec.0"), "python3");
    assert_eq!(s(&i[1], "commands.0.program"), "pip");
    assert_eq!(s(&i[1], "commands.0.args.1"), "flask");
    // `sudo` is a wrapper: the program is what it runs.
    assert_eq!(s(&i[2], "commands.0.program"), "id");
    assert_eq!(s(&i[2], "commands.0.wrappers.0"), "sudo");
    assert_eq!(s(&i[2], "commands.1.program"), "echo");
    assert!(i[3].get("exec").is_none());
    assert_eq!(s(&i[3], "value"), "python app.py");
    assert_eq!(s(&i[4], "exec.1"), "--");
}

#[test]
fn flags_are_read() {
    let l = load_docker(
        "FROM --platform=linux/arm64 alpine:3.19 AS base\nRUN --mount=type=secret,id=npm --mount=type=cache,target=/root/.npm --network=none npm ci\nCOPY --from=base --chown=app:app /a /b\n",
    );
    let p = props(&l);
    assert_eq!(s(p, "stages.0.from.platform"), "linux/arm64");
    let run = &instructions(p)[1];
    assert_eq!(s(run, "flags.network"), "none");
    assert_eq!(at(run, "mounts").as_list().unwrap().len(), 2);
    assert_eq!(s(run, "mounts.1"), "type=cache,target=/root/.npm");
    let copy = &instructions(p)[2];
    assert_eq!(s(copy, "flags.from"), "base");
    assert_eq!(s(copy, "flags.chown"), "app:app");
    assert_eq!(s(copy, "stage_name"), "base");
}

#[test]
fn images_are_split_into_name_tag_and_digest() {
    let l = load_docker(
        "FROM registry.example.com:5000/team/app:1.2@sha256:abc AS a\nFROM ubuntu\nFROM localhost:5000/x\nFROM scratch\n",
    );
    let p = props(&l);
    assert_eq!(
        s(p, "stages.0.from.image"),
        "registry.example.com:5000/team/app"
    );
    assert_eq!(s(p, "stages.0.from.tag"), "1.2");
    assert_eq!(s(p, "stages.0.from.digest"), "sha256:abc");
    assert_eq!(s(p, "stages.1.from.image"), "ubuntu");
    assert!(at(p, "stages.1.from").get("tag").is_none());
    assert_eq!(s(p, "stages.2.from.image"), "localhost:5000/x");
    assert!(at(p, "stages.2.from").get("tag").is_none());
    assert_eq!(s(p, "stages.3.from.image"), "scratch");
}

#[test]
fn stages_know_their_base_and_inherit_user_and_env() {
    let l = load_docker(
        "FROM node:20 AS Base\nENV APP=/srv/app\nUSER node\nFROM base AS build\nWORKDIR $APP\nFROM alpine:3.19 AS final\nCOPY --from=build /srv/app /app\n",
    );
    let p = props(&l);
    assert_eq!(
        s(p, "stages.0.name"),
        "base",
        "stage names are case-insensitive"
    );
    assert_eq!(s(p, "stages.1.from.stage"), "base");
    assert!(at(p, "stages.1.from").get("image").is_none());
    assert_eq!(at(p, "stages.1.base_stage").value, Value::Number(0.0));
    // Inherited from the stage it is built on, pointing at the USER line there.
    assert_eq!(s(p, "stages.1.user"), "node");
    assert_eq!(line(p, "stages.1.user"), 3);
    assert_eq!(s(p, "stages.1.instructions.1.value"), "/srv/app");
    // A stage on another image inherits nothing.
    assert!(at(p, "stages.2").get("user").is_none());
    assert_eq!(at(p, "stages.2.final").value, Value::Bool(true));
    assert_eq!(at(p, "stages.0.final").value, Value::Bool(false));
    assert_eq!(s(p, "final_stage.name"), "final");
    assert_eq!(line(p, "final_stage"), 6);
}

#[test]
fn arguments_are_substituted_where_known() {
    let l = load_docker(
        "ARG BASE=python\nARG TAG\nARG USER_NAME=app\nFROM ${BASE}:3.12 AS one\nFROM $BASE:${TAG} AS two\nARG USER_NAME\nUSER ${USER_NAME}\nFROM alpine:3.19\nUSER ${USER_NAME:-nobody}\nENV HOME_DIR=/home/x\nWORKDIR ${HOME_DIR}/src\nWORKDIR $HOME/src\nARG LATE=late\nWORKDIR /$LATE\n",
    );
    let p = props(&l);
    assert_eq!(s(p, "stages.0.from.image"), "python");
    assert_eq!(s(p, "stages.0.from.tag"), "3.12");
    assert_eq!(s(p, "stages.0.from.raw"), "${BASE}:3.12");
    // TAG has no default: the image is unknown, so no rule can judge it.
    assert!(at(p, "stages.1.from.tag").is_unknown());
    assert!(at(p, "stages.1.from.image").is_unknown());
    // `ARG NAME` in a stage takes the global default.
    assert_eq!(s(p, "stages.1.user"), "app");
    // Undeclared in this stage: unknown, even with a default word (the base image may set it).
    assert!(at(p, "stages.2.user").is_unknown());
    let i = at(p, "stages.2.instructions").as_list().unwrap();
    assert_eq!(s(&i[3], "value"), "/home/x/src");
    assert!(
        at(&i[4], "value").is_unknown(),
        "HOME comes from the base image"
    );
    assert_eq!(s(&i[6], "value"), "/late");
}

#[test]
fn env_and_arg_pairs() {
    let l = load_docker(
        "FROM alpine:3.19\nENV A=1 B=\"two words\" C=$A\nENV LEGACY value with spaces\nARG TOKEN\nARG SECRET=${A}x\nLABEL org.opencontainers.image.title='my app'\n",
    );
    let p = props(&l);
    let i = instructions(p);
    assert_eq!(s(&i[1], "pairs.1.key"), "B");
    assert_eq!(s(&i[1], "pairs.1.value"), "two words");
    assert_eq!(at(&i[1], "pairs.1.literal").value, Value::Bool(true));
    assert_eq!(s(&i[1], "pairs.2.value"), "1");
    assert_eq!(at(&i[1], "pairs.2.literal").value, Value::Bool(false));
    assert_eq!(s(&i[2], "pairs.0.key"), "LEGACY");
    assert_eq!(s(&i[2], "pairs.0.value"), "value with spaces");
    assert!(i[3].get("pairs").unwrap().as_list().unwrap()[0]
        .get("value")
        .is_none());
    assert_eq!(s(&i[4], "pairs.0.value"), "1x");
    assert_eq!(s(&i[5], "pairs.0.value"), "my app");
}

#[test]
fn global_args_are_listed_before_the_first_stage() {
    let l = load_docker("ARG V=1\nFROM alpine:${V}\n");
    let p = props(&l);
    assert_eq!(s(p, "args.0.pairs.0.key"), "V");
    assert!(instructions(p)[0].get("stage").is_none());
    assert_eq!(s(p, "stages.0.from.tag"), "1");
}

#[test]
fn suppression_comments_apply_to_the_file() {
    let l = load_docker(
        "FROM alpine:3.19\n# vigil:ignore DOCKER-001,DOCKER-021 runs under a PodSecurity policy\nRUN echo '# vigil:ignore DOCKER-004 not a comment'\n",
    );
    let sup = &l.resources[0].suppressions;
    let ids: Vec<&str> = sup.iter().map(|s| s.rule.as_str()).collect();
    assert_eq!(ids, ["DOCKER-001", "DOCKER-021"]);
    assert_eq!(sup[0].reason, "runs under a PodSecurity policy");
}

#[test]
fn unknown_instruction_is_reported_and_the_rest_kept() {
    let l = load_docker("FROM alpine:3.19\nBOGUS thing \\\n  more\nUSER app\n");
    assert_eq!(errors(&l), [(2, "unknown instruction 'BOGUS'")]);
    let p = props(&l);
    assert_eq!(s(p, "final_stage.user"), "app");
    assert_eq!(line(p, "final_stage.user"), 4);
}

#[test]
fn several_errors_are_each_reported() {
    let l = load_docker("FROM alpine:3.19\nFOO a\nRUN\nBAR b\nEXPOSE\nUSER app\n");
    let e = errors(&l);
    let lines: Vec<u32> = e.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 4, 5, 3], "{e:?}");
    assert!(e[2]
        .1
        .contains("EXPOSE instruction requires at least one argument"));
    assert!(e[3]
        .1
        .contains("RUN instruction requires at least one argument"));
    assert_eq!(s(props(&l), "final_stage.user"), "app");
}

#[test]
fn unterminated_heredoc_points_at_its_instruction() {
    let l = load_docker("FROM alpine:3.19\nUSER app\nRUN <<EOF\necho never ends\n");
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, 3);
    assert!(e[0].1.contains("here-document"), "{}", e[0].1);
    assert_eq!(s(props(&l), "final_stage.user"), "app");
}

#[test]
fn instructions_before_from_are_reported() {
    let l = load_docker("RUN echo hi\nFROM alpine:3.19\nUSER app\n");
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, 1);
    assert!(e[0].1.contains("expected FROM"), "{}", e[0].1);
    assert_eq!(s(props(&l), "final_stage.user"), "app");
}

#[test]
fn a_file_without_from_is_reported() {
    let l = load_docker("ARG X=1\n# nothing else\n");
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].1.contains("at least one FROM"));
    let p = props(&l);
    assert!(p.get("final_stage").is_none());
    assert_eq!(at(p, "stages").as_list().unwrap().len(), 0);
}

#[test]
fn invalid_json_is_shell_form_as_in_docker() {
    let l = load_docker("FROM alpine:3.19\nCMD [\"sh\", \"-c]\nUSER app\n");
    assert!(errors(&l).is_empty(), "{:?}", l.diagnostics);
    let cmd = &instructions(props(&l))[1];
    assert!(cmd.get("exec").is_none());
    assert_eq!(s(cmd, "value"), "[\"sh\", \"-c]");
}

#[test]
fn missing_arguments_are_reported() {
    let l = load_docker("FROM alpine:3.19\nENV\nCOPY onlyone\nUSER app\n");
    let e = errors(&l);
    assert_eq!(
        e.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [2, 3],
        "{e:?}"
    );
    assert_eq!(s(props(&l), "final_stage.user"), "app");
}

#[test]
fn duplicate_stage_names_warn() {
    let l = load_docker("FROM alpine:3.19 AS x\nFROM debian:12 AS X\n");
    let w: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Warning)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].line, 2);
}

#[test]
fn crlf_and_bom_keep_lines_right() {
    let l = load_docker("\u{feff}FROM alpine:3.19\r\nRUN echo a \\\r\n  b\r\nUSER app\r\n");
    assert!(errors(&l).is_empty(), "{:?}", l.diagnostics);
    let p = props(&l);
    assert_eq!(s(&instructions(p)[1], "value"), "echo a   b");
    assert_eq!(line(p, "final_stage.user"), 4);
}

#[test]
fn hostile_input_does_not_panic() {
    let many_errors = "FROM a\n".to_string() + &"X y\n".repeat(500);
    let l = load_docker(&many_errors);
    assert!(errors(&l).len() <= 51);
    for text in [
        "",
        "\\",
        "FROM",
        "FROM a\nRUN <<",
        "FROM a\nRUN <<\"EOF\nx",
        "# escape=x\nFROM a",
        "FROM a\nENV ${\nUSER ${A:-${B",
        "FROM a\nCOPY --from= x",
        "FROM a\nONBUILD ONBUILD RUN x",
        "FROM é\nRUN é \\\né",
    ] {
        let _ = load_docker(text);
    }
}

#[test]
fn wrappers_and_assignments_are_skipped_to_find_the_program() {
    let l = load_docker(
        "FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo -u root -E apt-get install -y curl; env A=1 /usr/bin/pip3 install x\n",
    );
    let run = &instructions(props(&l))[1];
    assert_eq!(s(run, "commands.0.program"), "apt-get");
    assert_eq!(s(run, "commands.0.args.0"), "install");
    assert_eq!(s(run, "commands.0.wrappers.0"), "sudo");
    assert_eq!(s(run, "commands.1.program"), "pip3");
    assert_eq!(s(run, "commands.1.wrappers.0"), "env");
}
