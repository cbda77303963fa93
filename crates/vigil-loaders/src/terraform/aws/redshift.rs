//! Redshift: `aws_redshift_cluster`, with its audit logging from the deprecated inline
//! `logging` block or from a joined `aws_redshift_logging`.
//!
//! One provider default differs from CloudFormation's and is written: `publicly_accessible` is
//! `true` when left out (provider v5; v6 changed it to `false`, which the loader cannot tell
//! from the configuration yet). `encrypted` is sent only when true, so a cluster without it
//! gets the service default (encrypted), as in CloudFormation: it is not written.

use super::Source;
use super::{arg, blocks_of, boolean, cfn_tags, object, Blocks, Join, Joiner, Mapped, Mapping};
use vigil_model::{Node, Value};

const CLUSTER: &str = "AWS::Redshift::Cluster";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_redshift_cluster",
    kinds: &[CLUSTER],
    map: cluster,
}];

pub static JOINS: &[Join] = &[Join {
    tf_type: "aws_redshift_logging",
    subjects: &[CLUSTER],
    join: join_logging,
}];

/// `LoggingProperties` from the arguments of a `logging` block or an `aws_redshift_logging`.
fn logging_properties(body: &Node, span: Option<vigil_model::Span>) -> Node {
    object(
        span,
        vec![
            ("BucketName", arg(body, "bucket_name")),
            ("S3KeyPrefix", arg(body, "s3_key_prefix")),
            ("LogDestinationType", arg(body, "log_destination_type")),
            ("LogExports", arg(body, "log_exports")),
        ],
    )
}

fn cluster(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("cluster_identifier", "ClusterIdentifier"),
            ("node_type", "NodeType"),
            ("cluster_type", "ClusterType"),
            ("number_of_nodes", "NumberOfNodes"),
            ("database_name", "DBName"),
            ("master_username", "MasterUsername"),
            ("port", "Port"),
            ("encrypted", "Encrypted"),
            ("kms_key_id", "KmsKeyId"),
            ("cluster_subnet_group_name", "ClusterSubnetGroupName"),
        ],
    );
    p.set(
        "PubliclyAccessible",
        Some(
            s.attr("publicly_accessible")
                .cloned()
                .unwrap_or_else(|| boolean(true, s.span())),
        ),
    );
    // The deprecated inline block: logging is on only with `enable = true`.
    let logging = match blocks_of(&s.resource.attributes, "logging") {
        Blocks::Absent => None,
        Blocks::Unknown(n) => Some(n.clone()),
        Blocks::Some { blocks, .. } => {
            let b = &blocks[0];
            match b.get("enable").map(|e| &e.value) {
                Some(Value::Bool(true)) => Some(logging_properties(b, b.span)),
                Some(Value::Bool(false)) | Some(Value::Null) | None => None,
                Some(_) => Some(Node::unknown(
                    "logging.enable known only after apply",
                    b.span,
                )),
            }
        }
    };
    p.set("LoggingProperties", logging);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLUSTER)
}

fn join_logging(s: &Source, j: &mut Joiner) {
    let Some(i) = j.subject(s.attr("cluster_identifier"), CLUSTER, "ClusterIdentifier") else {
        return;
    };
    // With a `count`/`for_each` known only after apply, whether it exists is unknown.
    let value = if s.resource.address.ends_with("[*]") {
        Node::unknown(
            format!(
                "whether {} exists is known only after apply",
                s.resource.block_address
            ),
            s.span(),
        )
    } else {
        logging_properties(&s.resource.attributes, s.span())
    };
    j.set(i, &["LoggingProperties"], value);
}
