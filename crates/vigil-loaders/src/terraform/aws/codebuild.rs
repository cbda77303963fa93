//! CodeBuild: `aws_codebuild_project`.
//!
//! `logs_config { s3_logs { } }` and `logs_config { cloudwatch_logs { } }` take the provider's
//! default `status` (`DISABLED` and `ENABLED`), which CloudFormation requires to be written.

use super::{arg, block_list, cfn_tags, copy_block, first_block, object, string, string_bool};
use super::{Join, Mapped, Mapping, Source};
use vigil_model::Node;

const PROJECT: &str = "AWS::CodeBuild::Project";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_codebuild_project",
    kinds: &[PROJECT],
    map: project,
}];

pub static JOINS: &[Join] = &[];

fn project(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("description", "Description"),
            ("service_role", "ServiceRole"),
            ("encryption_key", "EncryptionKey"),
            ("build_timeout", "TimeoutInMinutes"),
            ("queued_timeout", "QueuedTimeoutInMinutes"),
            ("concurrent_build_limit", "ConcurrentBuildLimit"),
        ],
    );
    p.set("Environment", first_block(body, "environment", environment));
    p.set("Source", first_block(body, "source", source));
    p.set(
        "SecondarySources",
        block_list(body, "secondary_sources", |b| vec![source(b)]),
    );
    p.set("Artifacts", first_block(body, "artifacts", artifacts));
    p.set(
        "SecondaryArtifacts",
        block_list(body, "secondary_artifacts", |b| vec![artifacts(b)]),
    );
    p.set("LogsConfig", first_block(body, "logs_config", logs_config));
    p.set(
        "VpcConfig",
        first_block(body, "vpc_config", |v| {
            copy_block(
                v,
                &[
                    ("VpcId", "vpc_id"),
                    ("Subnets", "subnets"),
                    ("SecurityGroupIds", "security_group_ids"),
                ],
            )
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(PROJECT)
}

fn environment(e: &Node) -> Node {
    object(
        e.span,
        vec![
            ("Type", arg(e, "type")),
            ("ComputeType", arg(e, "compute_type")),
            ("Image", arg(e, "image")),
            ("Certificate", arg(e, "certificate")),
            (
                "ImagePullCredentialsType",
                arg(e, "image_pull_credentials_type"),
            ),
            ("PrivilegedMode", string_bool(arg(e, "privileged_mode"))),
            (
                "EnvironmentVariables",
                block_list(e, "environment_variable", |v| {
                    vec![copy_block(
                        v,
                        &[("Name", "name"), ("Value", "value"), ("Type", "type")],
                    )]
                }),
            ),
        ],
    )
}

/// A `source` or `secondary_sources` block.
fn source(b: &Node) -> Node {
    object(
        b.span,
        vec![
            ("SourceIdentifier", arg(b, "source_identifier")),
            ("Type", arg(b, "type")),
            ("Location", arg(b, "location")),
            ("BuildSpec", arg(b, "buildspec")),
            ("GitCloneDepth", arg(b, "git_clone_depth")),
            ("InsecureSsl", string_bool(arg(b, "insecure_ssl"))),
            (
                "ReportBuildStatus",
                string_bool(arg(b, "report_build_status")),
            ),
        ],
    )
}

/// An `artifacts` or `secondary_artifacts` block.
fn artifacts(b: &Node) -> Node {
    object(
        b.span,
        vec![
            ("ArtifactIdentifier", arg(b, "artifact_identifier")),
            ("Type", arg(b, "type")),
            ("Location", arg(b, "location")),
            ("Name", arg(b, "name")),
            ("Path", arg(b, "path")),
            ("Packaging", arg(b, "packaging")),
            (
                "EncryptionDisabled",
                string_bool(arg(b, "encryption_disabled")),
            ),
        ],
    )
}

fn logs_config(l: &Node) -> Node {
    // `status` defaults to DISABLED for S3 and ENABLED for CloudWatch Logs in the provider;
    // CloudFormation requires it.
    let status =
        |b: &Node, default: &str| Some(arg(b, "status").unwrap_or_else(|| string(default, b.span)));
    object(
        l.span,
        vec![
            (
                "S3Logs",
                first_block(l, "s3_logs", |b| {
                    object(
                        b.span,
                        vec![
                            ("Status", status(b, "DISABLED")),
                            ("Location", arg(b, "location")),
                            (
                                "EncryptionDisabled",
                                string_bool(arg(b, "encryption_disabled")),
                            ),
                        ],
                    )
                }),
            ),
            (
                "CloudWatchLogs",
                first_block(l, "cloudwatch_logs", |b| {
                    object(
                        b.span,
                        vec![
                            ("Status", status(b, "ENABLED")),
                            ("GroupName", arg(b, "group_name")),
                            ("StreamName", arg(b, "stream_name")),
                        ],
                    )
                }),
            ),
        ],
    )
}
