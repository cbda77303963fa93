//! SageMaker: endpoint configurations and notebook instances.

use super::{arg, block_list, cfn_tags, copy_block, first_block, object};
use super::{Join, Mapped, Mapping, Source};
use vigil_model::Node;

const ENDPOINT_CONFIG: &str = "AWS::SageMaker::EndpointConfig";
const NOTEBOOK: &str = "AWS::SageMaker::NotebookInstance";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_sagemaker_endpoint_configuration",
        kinds: &[ENDPOINT_CONFIG],
        map: endpoint_configuration,
    },
    Mapping {
        tf_type: "aws_sagemaker_notebook_instance",
        kinds: &[NOTEBOOK],
        map: notebook_instance,
    },
];

pub static JOINS: &[Join] = &[];

fn endpoint_configuration(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[("name", "EndpointConfigName"), ("kms_key_arn", "KmsKeyId")],
    );
    p.set(
        "ProductionVariants",
        block_list(body, "production_variants", |v| vec![variant(v)]),
    );
    p.set(
        "ShadowProductionVariants",
        block_list(body, "shadow_production_variants", |v| vec![variant(v)]),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(ENDPOINT_CONFIG)
}

/// A `production_variants` or `shadow_production_variants` block.
fn variant(v: &Node) -> Node {
    object(
        v.span,
        vec![
            ("ModelName", arg(v, "model_name")),
            ("VariantName", arg(v, "variant_name")),
            ("InitialInstanceCount", arg(v, "initial_instance_count")),
            ("InstanceType", arg(v, "instance_type")),
            ("InitialVariantWeight", arg(v, "initial_variant_weight")),
            ("AcceleratorType", arg(v, "accelerator_type")),
            ("VolumeSizeInGB", arg(v, "volume_size_in_gb")),
            (
                "ServerlessConfig",
                first_block(v, "serverless_config", |c| {
                    copy_block(
                        c,
                        &[
                            ("MaxConcurrency", "max_concurrency"),
                            ("MemorySizeInMB", "memory_size_in_mb"),
                            ("ProvisionedConcurrency", "provisioned_concurrency"),
                        ],
                    )
                }),
            ),
        ],
    )
}

fn notebook_instance(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "NotebookInstanceName"),
            ("instance_type", "InstanceType"),
            ("role_arn", "RoleArn"),
            ("direct_internet_access", "DirectInternetAccess"),
            ("kms_key_id", "KmsKeyId"),
            ("subnet_id", "SubnetId"),
            ("security_groups", "SecurityGroupIds"),
            ("root_access", "RootAccess"),
            ("volume_size", "VolumeSizeInGB"),
            ("lifecycle_config_name", "LifecycleConfigName"),
            ("platform_identifier", "PlatformIdentifier"),
            ("default_code_repository", "DefaultCodeRepository"),
        ],
    );
    p.set(
        "InstanceMetadataServiceConfiguration",
        first_block(
            &s.resource.attributes,
            "instance_metadata_service_configuration",
            |c| {
                object(
                    c.span,
                    vec![(
                        "MinimumInstanceMetadataServiceVersion",
                        arg(c, "minimum_instance_metadata_service_version"),
                    )],
                )
            },
        ),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(NOTEBOOK)
}
