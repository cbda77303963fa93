#!/usr/bin/env python3
"""Generates a deterministic corpus of container, cluster and pipeline files for the speed benchmark.

One "service" per number, each a folder holding what such a service carries in a real repository:

  svc-NNNN/Dockerfile                       single- or multi-stage, ARGs, continuations, heredocs
  svc-NNNN/deploy/k8s.yaml                  Deployment or StatefulSet, Service, ConfigMap, a
                                            CronJob or Job, RBAC now and then; several documents,
                                            some written as `helm template` leaves them
  svc-NNNN/.github/workflows/ci.yml         build, test and deploy jobs, matrix, several triggers
  svc-NNNN/.gitlab-ci.yml                   one service in five, with anchors and `<<` merges
  svc-NNNN/buildspec.yml                    one service in four

Each service is built from a seeded random generator (corpus seed and service number), so the
same seed and count give byte-identical files, and the first N services of a larger corpus are the
N services of a smaller one. Some files are sloppy on purpose (root user, `latest` tags, `curl |
sh`, privileged pods, unpinned actions, attacker-controlled expressions in scripts) so that
scanners have something to report.

Usage: gen_pipeline_corpus.py OUT_DIR [--count N] [--seed S]
"""
import argparse
import json
import os
import random
import shutil
import sys

from corpus_words import APPS, TEAMS, WORDS

MARKER = ".vigil-bench-corpus"
GENERATOR_VERSION = 1

BASES = [
    ("python", ["3.12-slim", "3.11-slim-bookworm", "3.12"]),
    ("node", ["20-alpine", "22-bookworm-slim", "20"]),
    ("golang", ["1.23", "1.22-alpine"]),
    ("eclipse-temurin", ["21-jre", "17-jdk"]),
    ("ubuntu", ["22.04", "24.04", "latest"]),
    ("debian", ["bookworm-slim", "12"]),
    ("alpine", ["3.20", "3.19", "latest"]),
]
APT = ["ca-certificates", "curl", "git", "libpq-dev", "build-essential", "tzdata", "jq", "unzip"]
APK = ["ca-certificates", "curl", "git", "tzdata", "bash", "openssl"]
ACTIONS = [
    ("actions/checkout", ["v4", "11bd71901bbe5b1630ceea73d27597364c9af683"]),
    ("actions/setup-node", ["v4", "39370e3970a6d050c480ffad4ff0ed4d3fdee5af"]),
    ("actions/setup-python", ["v5"]),
    ("actions/cache", ["v4"]),
    ("docker/build-push-action", ["v6", "471d1dc4e07e5cdedd4c2171150001c434f0b7a4"]),
    ("docker/login-action", ["v3"]),
    ("aws-actions/configure-aws-credentials", ["v4", "e3dd6a429d7300a6a4c196c26e071d42e0343502"]),
    ("aws-actions/amazon-ecr-login", ["v2"]),
]


def dockerfile(r, name):
    base, tags = r.choice(BASES)
    tag = r.choice(tags)
    lines = [f"# {name}: built by the {r.choice(TEAMS)} team", "# syntax=docker/dockerfile:1"]
    multi = r.random() < 0.6
    lines.append(f"ARG BASE_TAG={tag}")
    if multi:
        lines.append(f"FROM {base}:${{BASE_TAG}} AS build")
        lines.append("WORKDIR /src")
        lines.append("COPY . .")
        if base == "golang":
            lines.append("RUN --mount=type=cache,target=/root/.cache/go-build \\\n    go build -o /out/app ./cmd/" + name)
        elif base == "node":
            lines.append("RUN npm ci && npm run build")
        else:
            lines.append("RUN make build")
        final_base, final_tags = r.choice(BASES[4:])
        lines.append(f"FROM {final_base}:{r.choice(final_tags)}")
    else:
        lines.append(f"FROM {base}:${{BASE_TAG}}")
    lines.append(f'LABEL org.opencontainers.image.title="{name}" team="{r.choice(TEAMS)}"')
    pkgs = r.sample(APT, r.randint(2, 6))
    if r.random() < 0.5:
        clean = " \\\n    && rm -rf /var/lib/apt/lists/*" if r.random() < 0.7 else ""
        lines.append("RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        "
                     + " \\\n        ".join(pkgs) + clean)
    else:
        lines.append("RUN apk add --no-cache " + " ".join(r.sample(APK, r.randint(2, 5))))
    if r.random() < 0.15:
        lines.append("RUN curl -fsSL https://get.example.com/install.sh | sh")
    if r.random() < 0.3:
        lines.append("RUN <<EOF\nset -eux\nmkdir -p /app/data\nchown -R 10001 /app\nEOF")
    for k in range(r.randint(2, 6)):
        lines.append(f"ENV {r.choice(WORDS).upper()}_{k}={r.choice(WORDS)}")
    if r.random() < 0.1:
        lines.append("ENV DB_PASSWORD=changeit-" + r.choice(WORDS))
    if multi:
        lines.append("COPY --from=build /out/ /app/")
    else:
        lines.append("COPY --chown=10001:10001 . /app")
    lines.append(f"EXPOSE {r.choice([8080, 8443, 3000, 5000, 9000])}")
    if r.random() < 0.7:
        lines.append("USER 10001")
    lines.append('HEALTHCHECK --interval=30s CMD ["/app/healthcheck"]')
    lines.append(f'ENTRYPOINT ["/app/{name}"]')
    return "\n".join(lines) + "\n"


def yaml_dump(v, indent=0):
    """A small YAML writer for plain trees (block style; strings quoted when needed)."""
    pad = "  " * indent
    out = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)) and x:
                out.append(f"{pad}{k}:")
                out.append(yaml_dump(x, indent + 1))
            else:
                out.append(f"{pad}{k}: {scalar(x)}")
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict) and x:
                inner = yaml_dump(x, indent + 1).split("\n")
                out.append(f"{pad}- {inner[0].lstrip()}")
                out.extend(inner[1:])
            elif isinstance(x, list) and x:
                out.append(f"{pad}-")
                out.append(yaml_dump(x, indent + 1))
            else:
                out.append(f"{pad}- {scalar(x)}")
    return "\n".join(out)


def scalar(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, float)):
        return str(x)
    if x == {} or x == []:
        return json.dumps(x)
    return json.dumps(x) if any(c in str(x) for c in ":#{}[],&*!|>'\"%@`\n") or str(x) in ("", "true", "false", "null", "on", "off", "yes", "no") else str(x)


def pod_template(r, name, image):
    risky = r.random() < 0.2
    container = {
        "name": name,
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
        "env": [{"name": f"{r.choice(WORDS).upper()}_URL", "value": f"http://{r.choice(APPS)}:8080"} for _ in range(r.randint(1, 4))]
        + [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": f"{name}-db", "key": "password"}}}],
        "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "500m", "memory": "512Mi"}},
        "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 10},
        "readinessProbe": {"httpGet": {"path": "/ready", "port": "http"}},
        "securityContext": (
            {"privileged": True, "allowPrivilegeEscalation": True}
            if risky
            else {
                "allowPrivilegeEscalation": False,
                "readOnlyRootFilesystem": True,
                "runAsNonRoot": True,
                "runAsUser": 10001,
                "capabilities": {"drop": ["ALL"]},
                "seccompProfile": {"type": "RuntimeDefault"},
            }
        ),
        "volumeMounts": [{"name": "tmp", "mountPath": "/tmp"}, {"name": "config", "mountPath": "/etc/" + name}],
    }
    spec = {
        "serviceAccountName": name,
        "automountServiceAccountToken": False,
        "containers": [container],
        "volumes": [{"name": "tmp", "emptyDir": {}}, {"name": "config", "configMap": {"name": name}}],
    }
    if risky and r.random() < 0.5:
        spec["hostNetwork"] = True
        spec["volumes"].append({"name": "docker", "hostPath": {"path": "/var/run/docker.sock"}})
    return {"metadata": {"labels": {"app.kubernetes.io/name": name, "app.kubernetes.io/part-of": r.choice(APPS)}}, "spec": spec}


def manifests(r, name):
    ns = r.choice(TEAMS)
    image = f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{name}:{r.randint(1, 40)}.{r.randint(0, 20)}.{r.randint(0, 9)}"
    labels = {"app.kubernetes.io/name": name, "app.kubernetes.io/managed-by": "Helm"}
    docs = []
    kind = r.choice(["Deployment", "Deployment", "StatefulSet"])
    workload = {
        "apiVersion": "apps/v1",
        "kind": kind,
        "metadata": {"name": name, "namespace": ns, "labels": labels},
        "spec": {"replicas": r.randint(2, 6), "selector": {"matchLabels": {"app.kubernetes.io/name": name}}, "template": pod_template(r, name, image)},
    }
    if kind == "StatefulSet":
        workload["spec"]["serviceName"] = name
    docs.append(workload)
    docs.append({
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"name": name, "namespace": ns, "labels": labels},
        "spec": {"type": r.choice(["ClusterIP", "ClusterIP", "LoadBalancer"]), "selector": {"app.kubernetes.io/name": name},
                 "ports": [{"name": "http", "port": 80, "targetPort": "http"}]},
    })
    docs.append({
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": name, "namespace": ns},
        "data": {f"{w}.conf": f"{w} = {r.randint(1, 1000)}" for w in r.sample(WORDS, r.randint(2, 8))},
    })
    if r.random() < 0.5:
        docs.append({
            "apiVersion": "batch/v1", "kind": "CronJob",
            "metadata": {"name": name + "-nightly", "namespace": ns},
            "spec": {"schedule": f"{r.randint(0, 59)} {r.randint(0, 23)} * * *",
                     "jobTemplate": {"spec": {"template": pod_template(r, name + "-nightly", image)}}},
        })
    if r.random() < 0.3:
        docs.append({
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
            "metadata": {"name": name, "namespace": ns},
            "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "watch"]}]
            + ([{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}] if r.random() < 0.3 else []),
        })
    out = []
    for d in docs:
        out.append(f"# Source: {name}/templates/{d['kind'].lower()}.yaml\n" + yaml_dump(d))
    return "---\n" + "\n---\n".join(out) + "\n"


def workflow(r, name):
    def uses(action):
        a, refs = next(x for x in ACTIONS if x[0] == action)
        return f"{a}@{r.choice(refs)}"
    triggers = {"push": {"branches": ["main"]}, "pull_request": {"branches": ["main"]}}
    if r.random() < 0.1:
        triggers["pull_request_target"] = {"types": ["opened", "synchronize"]}
    if r.random() < 0.2:
        triggers["issue_comment"] = {"types": ["created"]}
    wf = {
        "name": f"{name} CI",
        "on": triggers,
        "permissions": {"contents": "read"} if r.random() < 0.7 else "write-all",
        "concurrency": {"group": "${{ github.workflow }}-${{ github.ref }}", "cancel-in-progress": True},
        "jobs": {},
    }
    steps = [{"uses": uses("actions/checkout")}, {"uses": uses("actions/setup-node"), "with": {"node-version": "${{ matrix.node }}", "cache": "npm"}}]
    steps += [{"name": f"{w} step", "run": f"npm run {w}"} for w in r.sample(WORDS, r.randint(2, 5))]
    if r.random() < 0.15:
        steps.append({"name": "Greet", "run": 'echo "Thanks for ${{ github.event.pull_request.title }}"'})
    wf["jobs"]["test"] = {"runs-on": "ubuntu-latest", "strategy": {"matrix": {"node": [18, 20, 22]}}, "timeout-minutes": 20, "steps": steps}
    deploy_steps = [
        {"uses": uses("actions/checkout"), "with": {"persist-credentials": False}},
        {"uses": uses("aws-actions/configure-aws-credentials"),
         "with": ({"role-to-assume": f"arn:aws:iam::123456789012:role/{name}-deploy", "aws-region": "eu-west-1"}
                  if r.random() < 0.7 else
                  {"aws-access-key-id": "${{ secrets.AWS_ACCESS_KEY_ID }}", "aws-secret-access-key": "${{ secrets.AWS_SECRET_ACCESS_KEY }}", "aws-region": "eu-west-1"})},
        {"uses": uses("aws-actions/amazon-ecr-login")},
        {"uses": uses("docker/build-push-action"), "with": {"push": True, "tags": f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{name}:${{{{ github.sha }}}}"}},
        {"name": "Deploy", "run": f"kubectl -n {r.choice(TEAMS)} set image deployment/{name} {name}=$IMAGE\nkubectl rollout status deployment/{name}",
         "env": {"IMAGE": f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/{name}:${{{{ github.sha }}}}"}},
    ]
    wf["jobs"]["deploy"] = {"needs": "test", "if": "github.ref == 'refs/heads/main'", "runs-on": "ubuntu-latest",
                            "permissions": {"id-token": "write", "contents": "read"}, "environment": "production", "steps": deploy_steps}
    return yaml_dump(wf) + "\n"


def gitlab(r, name):
    return f""".defaults: &defaults
  image: node:20-alpine
  tags: [docker]
  before_script:
    - npm ci

stages: [test, build, deploy]

variables:
  SERVICE: {name}
  DOCKER_DRIVER: overlay2

test:
  <<: *defaults
  stage: test
  script:
    - npm test
    - npm run lint

build:
  stage: build
  image: docker:27
  services: [docker:27-dind]
  script:
    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .
    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA

deploy:
  <<: *defaults
  stage: deploy
  environment: production
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
  script:
    - ./deploy.sh {r.choice(TEAMS)}
"""


def buildspec(r, name):
    return f"""version: 0.2
env:
  variables:
    SERVICE: {name}
    REGION: eu-west-1
  parameter-store:
    DB_PASSWORD: /{name}/db/password
phases:
  install:
    runtime-versions:
      nodejs: 20
  pre_build:
    commands:
      - aws ecr get-login-password --region $REGION | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com
  build:
    commands:
      - docker build -t {name}:$CODEBUILD_RESOLVED_SOURCE_VERSION .
      - docker push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/{name}:$CODEBUILD_RESOLVED_SOURCE_VERSION
artifacts:
  files: ["imagedefinitions.json"]
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    stamp = {"generator": "gen_pipeline_corpus.py", "version": GENERATOR_VERSION, "count": a.count, "seed": a.seed}
    marker = os.path.join(a.out, MARKER)
    if os.path.exists(marker):
        try:
            if json.load(open(marker)).get("pipeline") == stamp:
                return
        except (ValueError, OSError):
            pass
    total = 0
    files = 0
    for i in range(a.count):
        r = random.Random(f"{a.seed}-{i}")
        name = f"{r.choice(APPS)}-{r.choice(WORDS)}-{i:04d}"
        d = os.path.join(a.out, f"svc-{i:04d}")
        if os.path.isdir(d):
            shutil.rmtree(d)
        parts = {"Dockerfile": dockerfile(r, name), "deploy/k8s.yaml": manifests(r, name), ".github/workflows/ci.yml": workflow(r, name)}
        if i % 5 == 0:
            parts[".gitlab-ci.yml"] = gitlab(r, name)
        if i % 4 == 0:
            parts["buildspec.yml"] = buildspec(r, name)
        for rel, text in parts.items():
            write(os.path.join(d, rel), text)
            total += len(text.encode())
            files += 1
    stamp.update({"files": files, "bytes": total})
    old = {}
    if os.path.exists(marker):
        try:
            old = json.load(open(marker))
        except ValueError:
            old = {}
    old["pipeline"] = stamp
    with open(marker, "w") as f:
        json.dump(old, f, indent=2)
    print(f"{files} files, {total / 1e6:.1f} MB in {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
