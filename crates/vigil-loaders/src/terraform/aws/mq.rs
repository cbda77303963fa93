//! Amazon MQ: `aws_mq_broker`.
//!
//! One provider default differs from CloudFormation's and is written: `publicly_accessible` is
//! sent as `false` when left out (CloudFormation requires the property).

use super::rds::text;
use super::{arg, block_list, boolean, cfn_tags, copy_block, first_block, object, string_bool};
use super::{Join, Mapped, Mapping, Source};

const BROKER: &str = "AWS::AmazonMQ::Broker";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_mq_broker",
    kinds: &[BROKER],
    map: broker,
}];

pub static JOINS: &[Join] = &[];

fn broker(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("broker_name", "BrokerName"),
            ("engine_type", "EngineType"),
            ("deployment_mode", "DeploymentMode"),
            ("host_instance_type", "HostInstanceType"),
            ("subnet_ids", "SubnetIds"),
            ("security_groups", "SecurityGroups"),
            ("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
            ("authentication_strategy", "AuthenticationStrategy"),
            ("storage_type", "StorageType"),
        ],
    );
    p.set("EngineVersion", text(s.attr("engine_version")));
    p.set(
        "PubliclyAccessible",
        Some(
            s.attr("publicly_accessible")
                .cloned()
                .unwrap_or_else(|| boolean(false, s.span())),
        ),
    );
    p.set(
        "Logs",
        first_block(body, "logs", |l| {
            object(
                l.span,
                vec![
                    ("General", arg(l, "general")),
                    // Typed as a string by the provider schema.
                    ("Audit", string_bool(arg(l, "audit"))),
                ],
            )
        }),
    );
    p.set(
        "EncryptionOptions",
        first_block(body, "encryption_options", |e| {
            copy_block(
                e,
                &[
                    ("KmsKeyId", "kms_key_id"),
                    ("UseAwsOwnedKey", "use_aws_owned_key"),
                ],
            )
        }),
    );
    p.set(
        "Users",
        block_list(body, "user", |u| {
            vec![copy_block(
                u,
                &[
                    ("Username", "username"),
                    ("Password", "password"),
                    ("ConsoleAccess", "console_access"),
                    ("Groups", "groups"),
                ],
            )]
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(BROKER)
}
