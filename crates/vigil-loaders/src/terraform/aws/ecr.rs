//! ECR: repositories (with their split repository and lifecycle policies) and the registry
//! scanning configuration.

use super::{arg, block_list, cfn_tags, copy_block, first_block, object, string_bool};
use super::{Join, Joiner, Mapped, Mapping, Source};

const REPOSITORY: &str = "AWS::ECR::Repository";
const REGISTRY_SCANNING: &str = "AWS::ECR::RegistryScanningConfiguration";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_ecr_repository",
        kinds: &[REPOSITORY],
        map: repository,
    },
    Mapping {
        tf_type: "aws_ecr_registry_scanning_configuration",
        kinds: &[REGISTRY_SCANNING],
        map: registry_scanning_configuration,
    },
];

pub static JOINS: &[Join] = &[
    Join {
        tf_type: "aws_ecr_repository_policy",
        subjects: &[REPOSITORY],
        join: join_repository_policy,
    },
    Join {
        tf_type: "aws_ecr_lifecycle_policy",
        subjects: &[REPOSITORY],
        join: join_lifecycle_policy,
    },
];

fn repository(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "RepositoryName"),
            ("image_tag_mutability", "ImageTagMutability"),
            ("force_delete", "EmptyOnDelete"),
        ],
    );
    p.set(
        "ImageTagMutabilityExclusionFilters",
        block_list(body, "image_tag_mutability_exclusion_filter", |f| {
            vec![copy_block(
                f,
                &[
                    ("ImageTagMutabilityExclusionFilterValue", "filter"),
                    ("ImageTagMutabilityExclusionFilterType", "filter_type"),
                ],
            )]
        }),
    );
    p.set(
        "ImageScanningConfiguration",
        first_block(body, "image_scanning_configuration", |c| {
            object(
                c.span,
                vec![("ScanOnPush", string_bool(arg(c, "scan_on_push")))],
            )
        }),
    );
    p.set(
        "EncryptionConfiguration",
        first_block(body, "encryption_configuration", |c| {
            copy_block(
                c,
                &[("EncryptionType", "encryption_type"), ("KmsKey", "kms_key")],
            )
        }),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(REPOSITORY)
}

fn registry_scanning_configuration(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "scan_type", "ScanType");
    p.set(
        "Rules",
        block_list(&s.resource.attributes, "rule", |r| {
            vec![object(
                r.span,
                vec![
                    ("ScanFrequency", arg(r, "scan_frequency")),
                    (
                        "RepositoryFilters",
                        block_list(r, "repository_filter", |f| {
                            vec![copy_block(
                                f,
                                &[("Filter", "filter"), ("FilterType", "filter_type")],
                            )]
                        }),
                    ),
                ],
            )]
        }),
    );
    p.into_mapped(REGISTRY_SCANNING)
}

/// The repository a split policy names in `repository`: a reference to it, or its name.
fn subject(s: &Source, j: &Joiner) -> Option<usize> {
    j.subject(s.attr("repository"), REPOSITORY, "RepositoryName")
}

fn join_repository_policy(s: &Source, j: &mut Joiner) {
    let Some(i) = subject(s, j) else { return };
    if let Some(policy) = s.attr("policy") {
        j.set(i, &["RepositoryPolicyText"], s.json(policy));
    }
}

fn join_lifecycle_policy(s: &Source, j: &mut Joiner) {
    let Some(i) = subject(s, j) else { return };
    if let Some(policy) = s.attr("policy") {
        j.set(
            i,
            &["LifecyclePolicy", "LifecyclePolicyText"],
            policy.clone(),
        );
    }
}
