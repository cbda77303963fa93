//! ECS: clusters and task definitions.
//!
//! `aws_ecs_account_setting_default { name = "containerInsights" }` sets an account default
//! that CloudFormation has no cluster-level equivalent for; it is not mapped.
//!
//! A task definition's `container_definitions` is the ECS API's JSON (`jsonencode([...])`, a
//! heredoc, `file(...)` or `templatefile(...)`), in the API's camelCase. It becomes
//! CloudFormation's `ContainerDefinitions` by renaming the keys the container definition schema
//! defines ([`CONTAINER`]), and only those: the keys users choose (`dockerLabels`, log driver
//! `options`) are kept as written, and environment names are values, never touched. The
//! provider decodes this JSON with Go's case-insensitive field matching, so `"Privileged"` and
//! `"privileged"` both count; a key outside the schema is kept as written.

use super::{
    arg, block_list, cfn_tags, copy_block, first_block, object, Join, Mapped, Mapping, Source,
};
use vigil_model::{Map, Node, Span, Value};

const CLUSTER: &str = "AWS::ECS::Cluster";
const TASK_DEFINITION: &str = "AWS::ECS::TaskDefinition";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_ecs_cluster",
        kinds: &[CLUSTER],
        map: cluster,
    },
    Mapping {
        tf_type: "aws_ecs_task_definition",
        kinds: &[TASK_DEFINITION],
        map: task_definition,
    },
];

pub static JOINS: &[Join] = &[];

fn cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "name", "ClusterName");
    p.set(
        "ClusterSettings",
        block_list(&s.resource.attributes, "setting", |b| {
            vec![copy_block(b, &[("Name", "name"), ("Value", "value")])]
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}

fn task_definition(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("family", "Family"),
            ("cpu", "Cpu"),
            ("memory", "Memory"),
            ("network_mode", "NetworkMode"),
            ("pid_mode", "PidMode"),
            ("ipc_mode", "IpcMode"),
            ("task_role_arn", "TaskRoleArn"),
            ("execution_role_arn", "ExecutionRoleArn"),
            ("requires_compatibilities", "RequiresCompatibilities"),
        ],
    );
    p.set(
        "ContainerDefinitions",
        s.attr("container_definitions")
            .map(|d| container_definitions(&s.json(d))),
    );
    p.set("Volumes", block_list(body, "volume", |b| vec![volume(b)]));
    p.set(
        "PlacementConstraints",
        block_list(body, "placement_constraints", |b| {
            vec![copy_block(
                b,
                &[("Type", "type"), ("Expression", "expression")],
            )]
        }),
    );
    p.set(
        "RuntimePlatform",
        first_block(body, "runtime_platform", |b| {
            copy_block(
                b,
                &[
                    ("OperatingSystemFamily", "operating_system_family"),
                    ("CpuArchitecture", "cpu_architecture"),
                ],
            )
        }),
    );
    p.set(
        "EphemeralStorage",
        first_block(body, "ephemeral_storage", |b| {
            copy_block(b, &[("SizeInGiB", "size_in_gib")])
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(TASK_DEFINITION)
}

/// `volume { }`: a host path, an EFS file system or a Docker volume.
fn volume(b: &Node) -> Node {
    object(
        b.span,
        vec![
            ("Name", arg(b, "name")),
            (
                "Host",
                arg(b, "host_path").map(|h| object(h.span, vec![("SourcePath", Some(h))])),
            ),
            ("ConfiguredAtLaunch", arg(b, "configure_at_launch")),
            (
                "EFSVolumeConfiguration",
                first_block(b, "efs_volume_configuration", |e| {
                    object(
                        e.span,
                        vec![
                            ("FilesystemId", arg(e, "file_system_id")),
                            ("RootDirectory", arg(e, "root_directory")),
                            ("TransitEncryption", arg(e, "transit_encryption")),
                            ("TransitEncryptionPort", arg(e, "transit_encryption_port")),
                            (
                                "AuthorizationConfig",
                                first_block(e, "authorization_config", |a| {
                                    copy_block(
                                        a,
                                        &[("AccessPointId", "access_point_id"), ("IAM", "iam")],
                                    )
                                }),
                            ),
                        ],
                    )
                }),
            ),
            (
                "DockerVolumeConfiguration",
                first_block(b, "docker_volume_configuration", |d| {
                    copy_block(
                        d,
                        &[
                            ("Scope", "scope"),
                            ("Autoprovision", "autoprovision"),
                            ("Driver", "driver"),
                            ("DriverOpts", "driver_opts"),
                            ("Labels", "labels"),
                        ],
                    )
                }),
            ),
        ],
    )
}

/// A key of the ECS container definition schema, and what its value holds. The CloudFormation
/// name is the API name with its first letter in upper case, for every key of this schema.
struct Field {
    api: &'static str,
    shape: Shape,
}

#[derive(Clone, Copy)]
enum Shape {
    /// A scalar, a list of scalars, or a map whose keys the user chooses: kept as written.
    Value,
    /// An object of the schema (or a list of them): its keys are renamed by these fields.
    Object(&'static [Field]),
}

const fn v(api: &'static str) -> Field {
    Field {
        api,
        shape: Shape::Value,
    }
}

const fn o(api: &'static str, fields: &'static [Field]) -> Field {
    Field {
        api,
        shape: Shape::Object(fields),
    }
}

const NAME_VALUE: &[Field] = &[v("name"), v("value")];
const NAME_VALUE_FROM: &[Field] = &[v("name"), v("valueFrom")];

/// The container definition, as in the ECS API reference (`ContainerDefinition`).
const CONTAINER: &[Field] = &[
    v("command"),
    v("cpu"),
    v("credentialSpecs"),
    o("dependsOn", &[v("containerName"), v("condition")]),
    v("disableNetworking"),
    v("dnsSearchDomains"),
    v("dnsServers"),
    v("dockerLabels"),
    v("dockerSecurityOptions"),
    v("entryPoint"),
    o("environment", NAME_VALUE),
    o("environmentFiles", &[v("value"), v("type")]),
    v("essential"),
    o("extraHosts", &[v("hostname"), v("ipAddress")]),
    o("firelensConfiguration", &[v("type"), v("options")]),
    o(
        "healthCheck",
        &[
            v("command"),
            v("interval"),
            v("retries"),
            v("startPeriod"),
            v("timeout"),
        ],
    ),
    v("hostname"),
    v("image"),
    v("interactive"),
    v("links"),
    o(
        "linuxParameters",
        &[
            o("capabilities", &[v("add"), v("drop")]),
            o(
                "devices",
                &[v("containerPath"), v("hostPath"), v("permissions")],
            ),
            v("initProcessEnabled"),
            v("maxSwap"),
            v("sharedMemorySize"),
            v("swappiness"),
            o("tmpfs", &[v("containerPath"), v("mountOptions"), v("size")]),
        ],
    ),
    o(
        "logConfiguration",
        &[
            v("logDriver"),
            v("options"),
            o("secretOptions", NAME_VALUE_FROM),
        ],
    ),
    v("memory"),
    v("memoryReservation"),
    o(
        "mountPoints",
        &[v("containerPath"), v("readOnly"), v("sourceVolume")],
    ),
    v("name"),
    o(
        "portMappings",
        &[
            v("appProtocol"),
            v("containerPort"),
            v("containerPortRange"),
            v("hostIp"),
            v("hostPort"),
            v("name"),
            v("protocol"),
        ],
    ),
    v("privileged"),
    v("pseudoTerminal"),
    v("readonlyRootFilesystem"),
    o("repositoryCredentials", &[v("credentialsParameter")]),
    o("resourceRequirements", &[v("type"), v("value")]),
    o(
        "restartPolicy",
        &[
            v("enabled"),
            v("ignoredExitCodes"),
            v("restartAttemptPeriod"),
        ],
    ),
    o("secrets", NAME_VALUE_FROM),
    v("startTimeout"),
    v("stopTimeout"),
    o("systemControls", &[v("namespace"), v("value")]),
    o("ulimits", &[v("hardLimit"), v("name"), v("softLimit")]),
    v("user"),
    v("versionConsistency"),
    o("volumesFrom", &[v("readOnly"), v("sourceContainer")]),
    v("workingDirectory"),
];

/// The container definitions document (a list of containers) in CloudFormation's shape.
/// Unknown parts (the whole document, one container, one value) stay unknown. A part without
/// a position (a variable's default read through a local) takes its parent's, at worst the
/// argument's line.
fn container_definitions(doc: &Node) -> Node {
    match &doc.value {
        Value::List(l) => Node::new(
            Value::List(l.iter().map(|c| rename(c, CONTAINER, doc.span)).collect()),
            doc.span,
        ),
        _ => doc.clone(),
    }
}

/// An object of the schema (or a list of them) with its keys renamed; anything else as is.
fn rename(node: &Node, fields: &'static [Field], parent: Option<Span>) -> Node {
    let span = node.span.or(parent);
    match &node.value {
        Value::List(l) => Node::new(
            Value::List(l.iter().map(|x| rename(x, fields, span)).collect()),
            span,
        ),
        Value::Map(m) => {
            let mut out = Map::default();
            for (k, x) in m {
                match fields.iter().find(|f| f.api.eq_ignore_ascii_case(k)) {
                    Some(f) => {
                        let x = match f.shape {
                            Shape::Value => located(x, span),
                            Shape::Object(inner) => rename(x, inner, span),
                        };
                        out.insert(cfn_name(f.api), x);
                    }
                    None => {
                        out.insert(k.clone(), located(x, span));
                    }
                }
            }
            Node::new(Value::Map(out), span)
        }
        _ => located(node, span),
    }
}

/// `node` with every part that has no position given its parent's.
fn located(node: &Node, parent: Option<Span>) -> Node {
    let span = node.span.or(parent);
    let value = match &node.value {
        Value::List(l) => Value::List(l.iter().map(|x| located(x, span)).collect()),
        Value::Map(m) => Value::Map(
            m.iter()
                .map(|(k, x)| (k.clone(), located(x, span)))
                .collect(),
        ),
        v => v.clone(),
    };
    Node::new(value, span)
}

/// `readonlyRootFilesystem` → `ReadonlyRootFilesystem`.
fn cfn_name(api: &str) -> String {
    let mut c = api.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}
