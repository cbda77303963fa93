//! Kubernetes manifests through the front door (`vigil_loaders::load`): what becomes a resource,
//! how it is named, and what bad input gives (a diagnostic with the line, the other documents
//! kept).

mod common;

use common::load_file;
use vigil_loaders::{Diagnostic, Level, Loaded};
use vigil_model::Value;

fn load_yaml(text: &str) -> Loaded {
    load_file("deploy/app.yaml", text)
}

fn addresses(l: &Loaded) -> Vec<&str> {
    l.resources.iter().map(|r| r.address.as_str()).collect()
}

fn errors(l: &Loaded) -> Vec<&Diagnostic> {
    l.diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .collect()
}

/// The one diagnostic whose message contains `needle`.
fn diag<'a>(l: &'a Loaded, needle: &str) -> &'a Diagnostic {
    let found: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "{needle:?} in {:#?}", l.diagnostics);
    found[0]
}

const TWO_OBJECTS: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app: web
    tier: 3
spec:
  template:
    spec:
      containers:
        - name: nginx
          image: nginx:1.25
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
";

#[test]
fn every_document_is_a_resource_named_by_kind_namespace_and_name() {
    let l = load_yaml(TWO_OBJECTS);
    assert_eq!(l.format, Some("kubernetes"));
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(
        addresses(&l),
        ["Deployment/shop/web", "Service/default/web"]
    );
    let d = &l.resources[0];
    assert_eq!(d.kind, "k8s::Deployment");
    assert_eq!(l.resources[1].kind, "k8s::Service");
    // The whole manifest is the properties.
    assert_eq!(
        d.properties.get("kind").unwrap().as_str(),
        Some("Deployment")
    );
    let image = d
        .properties
        .get("spec")
        .and_then(|n| n.get("template"))
        .and_then(|n| n.get("spec"))
        .and_then(|n| n.get("containers"))
        .and_then(|n| n.as_list())
        .and_then(|c| c[0].get("image"))
        .unwrap();
    assert_eq!(image.as_str(), Some("nginx:1.25"));
    assert_eq!(image.span.unwrap().start.line, 14);
    // Labels are the tags, scalars as text.
    assert_eq!(d.tags.get("app").map(String::as_str), Some("web"));
    assert_eq!(d.tags.get("tier").map(String::as_str), Some("3"));
    // Each resource spans its own document.
    let span = l.resources[1].span().unwrap();
    assert_eq!((span.start.line, span.end.line), (16, 21));
}

#[test]
fn a_document_without_a_name_is_named_by_its_position() {
    let l = load_yaml(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  generateName: job-\n",
    );
    assert_eq!(addresses(&l), ["Pod/default/a", "Pod/default/#2"]);
}

#[test]
fn list_items_are_resources_of_their_own() {
    let json = r#"{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "ops"},
     "spec": {"containers": [{"name": "c", "image": "busybox"}]}},
    {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}}
  ]
}"#;
    let l = load_file("dump.json", json);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(addresses(&l), ["Pod/ops/a", "Secret/default/s"]);
    assert_eq!(l.resources[0].span().unwrap().start.line, 5);

    // `kubectl get pods -o yaml` prints a PodList the same way.
    let l = load_yaml(
        "apiVersion: v1\nkind: PodList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n",
    );
    assert_eq!(addresses(&l), ["Pod/default/p"]);
}

#[test]
fn yaml_that_is_not_a_manifest_is_left_alone() {
    for text in [
        "name: build\nsteps:\n  - run: make\n",
        "# mentions apiVersion and kind in a comment\nkey: value\n",
        "apiVersion: v2\nname: chart\n", // a Helm Chart.yaml: no kind
        "- kind: a\n  apiVersion: b\n",
    ] {
        let l = load_yaml(text);
        assert_eq!(l.format, None, "{text}");
        assert!(l.diagnostics.is_empty(), "{text}: {:?}", l.diagnostics);
        assert!(l.resources.is_empty());
    }
}

#[test]
fn helm_rendered_output_reads_like_any_manifest() {
    let text = "\
---
# Source: shop/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: shop
---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    helm.sh/chart: shop-0.1.0
spec:
  template:
    spec:
      containers:
        - name: shop
          image: \"shop:1.0\"
";
    let l = load_yaml(text);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(
        addresses(&l),
        ["ServiceAccount/default/shop", "Deployment/default/shop"]
    );
}

#[test]
fn an_unrendered_helm_template_gets_one_diagnostic_asking_to_render_it() {
    let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include \"shop.fullname\" . }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
";
    let l = load_file("chart/templates/deployment.yaml", text);
    assert_eq!(l.diagnostics.len(), 1, "{:?}", l.diagnostics);
    let d = &l.diagnostics[0];
    assert_eq!(d.level, Level::Error);
    assert_eq!(d.line, 4);
    assert!(d.message.contains("helm template"), "{}", d.message);
    assert!(l.resources.is_empty());
}

#[test]
fn a_document_that_does_not_parse_is_reported_and_the_others_kept() {
    let text = "\
apiVersion: v1
kind: Pod
metadata:
  name: first
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
  labels: [unclosed
---
apiVersion: v1
kind: Pod
metadata:
  name: third
";
    let l = load_yaml(text);
    assert_eq!(l.format, Some("kubernetes"));
    // The third document keeps its position-based number even though the second is lost.
    assert_eq!(addresses(&l), ["Pod/default/first", "Pod/default/third"]);
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].message.contains("cannot parse YAML"),
        "{}",
        e[0].message
    );
    assert!((10..=11).contains(&e[0].line), "line {}", e[0].line);
    // Spans of documents read apart from the stream are still lines of the file.
    assert_eq!(l.resources[1].span().unwrap().start.line, 12);
    let name = l.resources[1]
        .properties
        .get("metadata")
        .and_then(|m| m.get("name"))
        .unwrap();
    assert_eq!(name.span.unwrap().start.line, 15);
}

#[test]
fn a_broken_file_that_is_not_a_manifest_makes_no_noise() {
    let l = load_yaml("kind of: [broken\napiVersion words\n");
    assert_eq!(l.format, None);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
}

#[test]
fn duplicate_keys_warn_and_merge_keys_apply() {
    let text = "\
apiVersion: v1
kind: Pod
metadata:
  name: a
  name: b
spec:
  securityContext: &sc
    runAsNonRoot: true
  containers:
    - name: c
      securityContext:
        <<: *sc
        privileged: false
";
    let l = load_yaml(text);
    let d = diag(&l, "duplicate key `name`");
    assert_eq!((d.level, d.line), (Level::Warning, 5));
    assert_eq!(addresses(&l), ["Pod/default/b"]);
    let sc = l.resources[0]
        .properties
        .get("spec")
        .and_then(|s| s.get("containers"))
        .and_then(|c| c.as_list())
        .and_then(|c| c[0].get("securityContext"))
        .unwrap();
    assert_eq!(
        sc.get("runAsNonRoot").map(|n| &n.value),
        Some(&Value::Bool(true))
    );
}

#[test]
fn an_alias_bomb_is_an_error_not_an_outage() {
    let mut y = String::from(
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n",
    );
    for i in 1..12 {
        let p = i - 1;
        y.push_str(&format!(
            "  a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let l = load_yaml(&y);
    assert_eq!(l.format, Some("kubernetes"));
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].message.contains("alias"), "{}", e[0].message);
}

#[test]
fn a_document_that_is_a_list_or_scalar_is_reported() {
    let text = "\
apiVersion: v1
kind: Pod
metadata:
  name: ok
---
- apiVersion: v1
  kind: Pod
---
just text
---
";
    let l = load_yaml(text);
    assert_eq!(addresses(&l), ["Pod/default/ok"]);
    let list = diag(&l, "document 2 is a list");
    assert_eq!((list.level, list.line), (Level::Error, 6));
    let scalar = diag(&l, "document 3 is a scalar");
    assert_eq!(scalar.line, 9);
    // The empty document after the last `---` is nothing to report.
    assert_eq!(l.diagnostics.len(), 2, "{:?}", l.diagnostics);
}

#[test]
fn a_document_without_kind_is_reported_among_manifests() {
    let l = load_yaml("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nmetadata: {}\n");
    assert_eq!(addresses(&l), ["Pod/default/#1"]);
    let d = diag(&l, "document 2 has no `kind`");
    assert_eq!((d.level, d.line), (Level::Warning, 4));
}

#[test]
fn wrong_types_are_reported_with_their_line_and_the_resource_kept() {
    let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext: true
      containers: foo
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              env: FOO=bar
              securityContext:
                capabilities:
                  add: NET_ADMIN
            - just-a-string
";
    let l = load_yaml(text);
    assert_eq!(
        addresses(&l),
        ["Deployment/default/web", "CronJob/default/nightly"]
    );
    let lines = |needle: &str| {
        let d = diag(&l, needle);
        assert_eq!(d.level, Level::Error);
        d.line
    };
    assert_eq!(
        lines("`containers` must be a list of containers, found the scalar `foo`"),
        9
    );
    assert_eq!(lines("`securityContext` must be a mapping"), 8);
    assert_eq!(lines("`env` must be a list"), 22);
    assert_eq!(lines("`capabilities.add` must be a list"), 25);
    assert_eq!(lines("each item of `containers` must be a mapping"), 26);
}

#[test]
fn wrong_header_types_skip_the_document() {
    let l = load_yaml("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: [Pod]\n");
    assert_eq!(addresses(&l), ["Pod/default/#1"]);
    assert_eq!(diag(&l, "`kind` of document 2 must be a string").line, 5);
}

#[test]
fn comments_in_or_above_a_document_suppress_its_findings_only() {
    let text = "\
# vigil:ignore K8S-001 above the first document
apiVersion: v1
kind: Pod
metadata:
  name: a
---
apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  hostNetwork: true # vigil:ignore K8S-002 node exporter needs the host network
# vigil:ignore K8S-003 written above the marker of the next document
---
apiVersion: v1
kind: Pod
metadata:
  name: c
---
apiVersion: v1
kind: Pod
metadata:
  name: d
";
    let l = load_yaml(text);
    let rules = |i: usize| {
        l.resources[i]
            .suppressions
            .iter()
            .map(|s| s.rule.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(rules(0), ["K8S-001"]);
    assert_eq!(rules(1), ["K8S-002"]);
    assert_eq!(
        l.resources[1].suppressions[0].reason,
        "node exporter needs the host network"
    );
    assert_eq!(rules(2), ["K8S-003"]);
    assert!(rules(3).is_empty());
}

#[test]
fn the_ignore_annotation_suppresses_with_its_reason() {
    let text = "\
apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
    vigil.dev/ignore: \"K8S-001, K8S-004: CNI agent, reviewed in SEC-7; K8S-010 needs: root\"
";
    let l = load_yaml(text);
    let s = &l.resources[0].suppressions;
    let got: Vec<(&str, &str)> = s
        .iter()
        .map(|s| (s.rule.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("K8S-001", "CNI agent, reviewed in SEC-7"),
            ("K8S-004", "CNI agent, reviewed in SEC-7"),
            ("K8S-010", "needs: root"),
        ]
    );
}

#[test]
fn json_manifests_with_tabs_load() {
    let l = load_file(
        "pod.json",
        "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"p\"}\n}\n",
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(addresses(&l), ["Pod/default/p"]);
}
