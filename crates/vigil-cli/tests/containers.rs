//! `vigil scan` on container definitions: Dockerfiles and Kubernetes manifests in a real
//! directory tree, the real binary.

mod common;

use common::*;
use serde_json::Value;

/// Root in the final stage only through the stage it is built on.
const MULTI_STAGE: &str = "ARG BASE=3.20
FROM alpine:${BASE} AS base
USER root

FROM base
ENV DB_PASSWORD=hunter2-but-longer
COPY app /app
HEALTHCHECK CMD [\"/app\", \"--health\"]
";

#[test]
fn dockerfiles_are_found_by_name_and_judged_on_their_final_stage() {
    let t = tmp();
    write(t.path(), "svc/Dockerfile", MULTI_STAGE);
    write(t.path(), "svc/Dockerfile.prod", MULTI_STAGE);
    write(t.path(), "tools/build.dockerfile", MULTI_STAGE);
    write(t.path(), "Containerfile", MULTI_STAGE);
    // A clean image: non-root user in the final stage, pinned base.
    write(
        t.path(),
        "ok/Dockerfile",
        "FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS build\nRUN true\n\nFROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCOPY --from=build /bin/true /app\nUSER 10001\nHEALTHCHECK CMD [\"/app\"]\n",
    );
    let (code, report) = scan_json(t.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    // The USER that makes the final stage root is the earlier stage's, and the finding points
    // there.
    let user_line = line_of(MULTI_STAGE, "USER root");
    assert_eq!(
        unsuppressed_at(&report, "DOCKER-001"),
        vec![
            ("Containerfile".to_string(), user_line),
            ("svc/Dockerfile".to_string(), user_line),
            ("svc/Dockerfile.prod".to_string(), user_line),
            ("tools/build.dockerfile".to_string(), user_line),
        ],
        "{report}"
    );
    assert!(
        findings(&report)
            .iter()
            .all(|f| f["location"]["path"] != "ok/Dockerfile"),
        "{report}"
    );
    assert_eq!(report["summary"]["files_scanned"], 5, "{report}");
}

#[test]
fn a_password_in_env_is_reported_and_never_printed_whole() {
    let t = tmp();
    write(t.path(), "Dockerfile", MULTI_STAGE);
    let (_, report) = scan_json(t.path(), &["."]);
    assert_eq!(
        unsuppressed_at(&report, "DOCKER-006"),
        vec![(
            "Dockerfile".to_string(),
            line_of(MULTI_STAGE, "DB_PASSWORD")
        )],
        "{report}"
    );
    for format in ["text", "json", "sarif", "junit"] {
        let run = vigil(t.path(), &["scan", ".", "--format", format]);
        assert!(!run.all().contains("hunter2"), "{format}: {run:?}");
    }
    let text = vigil(t.path(), &["scan", "."]);
    assert!(text.stdout.contains("DB_PASSWORD="), "{text:?}");
}

#[test]
fn a_suppression_comment_in_a_dockerfile_carries_its_reason() {
    let t = tmp();
    write(
        t.path(),
        "Dockerfile",
        &format!("# vigil:ignore DOCKER-001 the base image drops to uid 1000 itself, SEC-9\n{MULTI_STAGE}"),
    );
    let (_, report) = scan_json(t.path(), &["."]);
    assert!(
        unsuppressed_at(&report, "DOCKER-001").is_empty(),
        "{report}"
    );
    let f = of_rule(&report, "DOCKER-001");
    assert_eq!(f.len(), 1, "{report}");
    assert!(f[0]["suppressed"]["reason"]
        .as_str()
        .unwrap()
        .contains("SEC-9"));
}

#[test]
fn a_broken_dockerfile_names_its_line_and_the_rest_is_still_judged() {
    let t = tmp();
    let broken =
        "FROM alpine:3.20\nRUN apk add curl \\\n    && echo ok\nFROBNICATE now\nUSER root\n";
    write(t.path(), "broken/Dockerfile", broken);
    write(t.path(), "svc/Dockerfile", MULTI_STAGE);
    let (code, report) = scan_json(t.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    let d: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["path"] == "broken/Dockerfile")
        .collect();
    assert_eq!(d.len(), 1, "{report}");
    assert_eq!(d[0]["line"], line_of(broken, "FROBNICATE"), "{report}");
    // What follows the bad instruction is still read: the final USER root is reported.
    assert!(
        unsuppressed_at(&report, "DOCKER-001")
            .iter()
            .any(|(p, l)| p == "broken/Dockerfile" && *l == line_of(broken, "USER root")),
        "{report}"
    );
    assert_eq!(unsuppressed_at(&report, "DOCKER-001").len(), 2, "{report}");
}

/// Helm output: several documents, a CronJob whose pod hides three levels down.
const MANIFESTS: &str = "---
# Source: shop/templates/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop
data:
  mode: production
---
# Source: shop/templates/cronjob.yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  namespace: shop
spec:
  schedule: \"0 3 * * *\"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              image: registry.example.com/report:1.2.3
              env:
                - name: DB_PASSWORD
                  value: hunter2-but-longer
              securityContext:
                privileged: true
";

#[test]
fn manifests_are_judged_document_by_document_down_to_a_cronjobs_pod() {
    let t = tmp();
    write(t.path(), "deploy/shop.yaml", MANIFESTS);
    // YAML that is not Kubernetes is not read as a manifest.
    write(
        t.path(),
        "config/app.yaml",
        "server:\n  port: 8080\n  kind: web\n",
    );
    let (code, report) = scan_json(t.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        unsuppressed_at(&report, "K8S-001"),
        vec![(
            "deploy/shop.yaml".to_string(),
            line_of(MANIFESTS, "privileged: true")
        )],
        "{report}"
    );
    let f = of_rule(&report, "K8S-001");
    assert_eq!(f[0]["kind"], "k8s::CronJob", "{report}");
    assert_eq!(f[0]["address"], "CronJob/shop/nightly", "{report}");
    assert_eq!(report["summary"]["files_scanned"], 1, "{report}");
    // The literal password is reported, and masked wherever the file is shown.
    assert_eq!(unsuppressed_at(&report, "K8S-031").len(), 1, "{report}");
    for format in ["text", "json", "sarif"] {
        let run = vigil(t.path(), &["scan", ".", "--format", format]);
        assert!(!run.all().contains("hunter2"), "{format}: {run:?}");
    }
}

#[test]
fn an_unrendered_helm_template_is_one_clear_error_and_other_manifests_are_judged() {
    let t = tmp();
    write(
        t.path(),
        "chart/templates/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        {{- toYaml .Values.containers | nindent 8 }}\n",
    );
    write(t.path(), "deploy/shop.yaml", MANIFESTS);
    let (code, report) = scan_json(t.path(), &["."]);
    assert_eq!(code, 1, "{report}");
    let d: Vec<&Value> = diagnostics(&report)
        .iter()
        .filter(|d| d["path"] == "chart/templates/deployment.yaml")
        .collect();
    assert_eq!(d.len(), 1, "{report}");
    assert!(
        d[0]["message"].as_str().unwrap().contains("helm template"),
        "{report}"
    );
    assert_eq!(unsuppressed_at(&report, "K8S-001").len(), 1, "{report}");
}

#[test]
fn a_manifest_annotation_suppresses_a_rule_with_its_reason() {
    let t = tmp();
    let annotated = MANIFESTS.replace(
        "  name: nightly\n",
        "  name: nightly\n  annotations:\n    vigil.dev/ignore: \"K8S-001: the report job reads the node's disks, SEC-11\"\n",
    );
    write(t.path(), "deploy/shop.yaml", &annotated);
    let (_, report) = scan_json(t.path(), &["."]);
    assert!(unsuppressed_at(&report, "K8S-001").is_empty(), "{report}");
    let f = of_rule(&report, "K8S-001");
    assert_eq!(f.len(), 1, "{report}");
    assert!(f[0]["suppressed"]["reason"]
        .as_str()
        .unwrap()
        .contains("SEC-11"));
    // Other rules on the same resource still apply.
    assert_eq!(unsuppressed_at(&report, "K8S-031").len(), 1, "{report}");
}
