//! S3: `aws_s3_bucket` (with its v3 inline arguments) and the v4 resources split from it.

use super::{convert_str, object, Join, Joiner, Mapped, Mapping, Source};
use vigil_model::{Node, Value};

const BUCKET: &str = "AWS::S3::Bucket";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_s3_bucket",
        kinds: &[BUCKET],
        map: bucket,
    },
    Mapping {
        tf_type: "aws_s3_bucket_policy",
        kinds: &["AWS::S3::BucketPolicy"],
        map: bucket_policy,
    },
];

pub static JOINS: &[Join] = &[
    Join {
        tf_type: "aws_s3_bucket_acl",
        subjects: &[BUCKET],
        join: join_acl,
    },
    Join {
        tf_type: "aws_s3_bucket_versioning",
        subjects: &[BUCKET],
        join: join_versioning,
    },
    Join {
        tf_type: "aws_s3_bucket_logging",
        subjects: &[BUCKET],
        join: join_logging,
    },
    Join {
        tf_type: "aws_s3_bucket_server_side_encryption_configuration",
        subjects: &[BUCKET],
        join: join_encryption,
    },
    Join {
        tf_type: "aws_s3_bucket_public_access_block",
        subjects: &[BUCKET],
        join: join_public_access_block,
    },
    Join {
        tf_type: "aws_s3_bucket_website_configuration",
        subjects: &[BUCKET],
        join: join_website,
    },
    Join {
        tf_type: "aws_s3_bucket_ownership_controls",
        subjects: &[BUCKET],
        join: join_ownership,
    },
];

/// A canned ACL as CloudFormation spells it: `public-read` → `PublicRead`.
pub fn canned_acl(node: &Node) -> Node {
    convert_str(node, |s| {
        Some(
            s.split('-')
                .map(|w| {
                    let mut c = w.chars();
                    match c.next() {
                        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                        None => String::new(),
                    }
                })
                .collect(),
        )
    })
}

fn bucket(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "bucket", "BucketName");
    p.set("AccessControl", s.attr("acl").map(canned_acl));
    // Provider v3 inline blocks; the split resources below override them.
    if let Some(v) = s.block("versioning") {
        let status = v.get("enabled").map(|e| match &e.value {
            Value::Bool(true) => Node::new(Value::String("Enabled".into()), e.span),
            Value::Bool(false) => Node::new(Value::String("Suspended".into()), e.span),
            _ => e.clone(),
        });
        p.set(
            "VersioningConfiguration",
            Some(object(v.span, vec![("Status", status)])),
        );
    }
    if let Some(l) = s.block("logging") {
        p.set("LoggingConfiguration", Some(logging(l)));
    }
    if let Some(e) = s.block("server_side_encryption_configuration") {
        p.set("BucketEncryption", Some(encryption(e)));
    }
    if let Some(w) = s.block("website") {
        p.set("WebsiteConfiguration", Some(website_v3(w)));
    }
    p.set("Tags", super::cfn_tags(s));
    let mut out = p.into_mapped(BUCKET);
    // The v3 inline `policy` is a bucket policy of its own in CloudFormation's terms.
    if let Some(policy) = s.attr("policy") {
        let bucket = Node::new(
            Value::Reference(vigil_model::Reference {
                target: s.resource.address.clone(),
                attribute: Some("id".into()),
            }),
            policy.span,
        );
        out.push(Mapped {
            kind: "AWS::S3::BucketPolicy",
            properties: object(
                policy.span,
                vec![
                    ("Bucket", Some(bucket)),
                    ("PolicyDocument", Some(s.json(policy))),
                ],
            ),
            suffix: ".policy".into(),
        });
    }
    out
}

fn logging(l: &Node) -> Node {
    object(
        l.span,
        vec![
            ("DestinationBucketName", l.get("target_bucket").cloned()),
            ("LogFilePrefix", l.get("target_prefix").cloned()),
        ],
    )
}

/// `rule { apply_server_side_encryption_by_default { ... } }` as `BucketEncryption`.
fn encryption(e: &Node) -> Node {
    let rules: Vec<Node> = e
        .get("rule")
        .and_then(Node::as_list)
        .unwrap_or(&[])
        .iter()
        .map(|r| {
            let default = r
                .get("apply_server_side_encryption_by_default")
                .and_then(Node::as_list)
                .and_then(<[Node]>::first)
                .map(|d| {
                    object(
                        d.span,
                        vec![
                            ("SSEAlgorithm", d.get("sse_algorithm").cloned()),
                            ("KMSMasterKeyID", d.get("kms_master_key_id").cloned()),
                        ],
                    )
                });
            object(
                r.span,
                vec![
                    ("ServerSideEncryptionByDefault", default),
                    ("BucketKeyEnabled", r.get("bucket_key_enabled").cloned()),
                ],
            )
        })
        .collect();
    object(
        e.span,
        vec![(
            "ServerSideEncryptionConfiguration",
            Some(Node::new(Value::List(rules), e.span)),
        )],
    )
}

fn website_v3(w: &Node) -> Node {
    object(
        w.span,
        vec![
            ("IndexDocument", w.get("index_document").cloned()),
            (
                "RedirectAllRequestsTo",
                w.get("redirect_all_requests_to")
                    .map(|r| object(r.span, vec![("HostName", Some(r.clone()))])),
            ),
        ],
    )
}

fn bucket_policy(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "bucket", "Bucket");
    p.set("PolicyDocument", s.attr("policy").map(|n| s.json(n)));
    p.into_mapped("AWS::S3::BucketPolicy")
}

/// The bucket a split resource configures. When its `bucket` is known only after apply, it may
/// configure any bucket: each bucket without `property` gets it as unknown, so no rule reports
/// the property missing.
fn subject_or_unknown(s: &Source, j: &mut Joiner, property: &str) -> Option<usize> {
    match s.attr("bucket") {
        Some(b) if b.is_unknown() => {
            j.unknown_on_every(BUCKET, property, b);
            None
        }
        b => j.subject(b, BUCKET, "BucketName"),
    }
}

fn join_acl(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "AccessControl") else {
        return;
    };
    if let Some(acl) = s.attr("acl") {
        j.set(i, &["AccessControl"], canned_acl(acl));
    }
}

fn join_versioning(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "VersioningConfiguration") else {
        return;
    };
    let Some(v) = s.block("versioning_configuration") else {
        return;
    };
    let status = v.get("status").map(|st| {
        // `Disabled` is only valid for buckets that never had versioning: the same as off.
        convert_str(st, |x| (x == "Disabled").then(|| "Suspended".to_string()))
    });
    j.set(
        i,
        &["VersioningConfiguration"],
        object(v.span, vec![("Status", status)]),
    );
}

fn join_logging(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "LoggingConfiguration") else {
        return;
    };
    let mut l = vigil_model::Map::default();
    if let Some(b) = s.attr("target_bucket") {
        l.insert("target_bucket".into(), b.clone());
    }
    if let Some(p) = s.attr("target_prefix") {
        l.insert("target_prefix".into(), p.clone());
    }
    j.set(
        i,
        &["LoggingConfiguration"],
        logging(&Node::new(Value::Map(l), s.span())),
    );
}

fn join_encryption(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "BucketEncryption") else {
        return;
    };
    j.set(i, &["BucketEncryption"], encryption(&s.resource.attributes));
}

fn join_public_access_block(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "PublicAccessBlockConfiguration") else {
        return;
    };
    // Each setting defaults to false in the provider, as in CloudFormation.
    let setting = |tf: &str| s.attr(tf).cloned();
    j.set(
        i,
        &["PublicAccessBlockConfiguration"],
        object(
            s.span(),
            vec![
                ("BlockPublicAcls", setting("block_public_acls")),
                ("BlockPublicPolicy", setting("block_public_policy")),
                ("IgnorePublicAcls", setting("ignore_public_acls")),
                ("RestrictPublicBuckets", setting("restrict_public_buckets")),
            ],
        ),
    );
}

fn join_website(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "WebsiteConfiguration") else {
        return;
    };
    let redirect = s.block("redirect_all_requests_to").map(|r| {
        object(
            r.span,
            vec![
                ("HostName", r.get("host_name").cloned()),
                ("Protocol", r.get("protocol").cloned()),
            ],
        )
    });
    let index = s
        .block("index_document")
        .and_then(|d| d.get("suffix").cloned());
    j.set(
        i,
        &["WebsiteConfiguration"],
        object(
            s.span(),
            vec![
                ("IndexDocument", index),
                ("RedirectAllRequestsTo", redirect),
            ],
        ),
    );
}

fn join_ownership(s: &Source, j: &mut Joiner) {
    let Some(i) = subject_or_unknown(s, j, "OwnershipControls") else {
        return;
    };
    let Some(rule) = s.block("rule") else { return };
    let ownership = rule.get("object_ownership").cloned();
    let rules = Node::new(
        Value::List(vec![object(
            rule.span,
            vec![("ObjectOwnership", ownership)],
        )]),
        rule.span,
    );
    j.set(
        i,
        &["OwnershipControls"],
        object(s.span(), vec![("Rules", Some(rules))]),
    );
}
