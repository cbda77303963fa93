//! EFS: file systems.
//!
//! `encrypted` has no provider default (optional and computed): left out, the API creates an
//! unencrypted file system, as CloudFormation does, so nothing is written.

use super::{cfn_tags, string_bool, Join, Mapped, Mapping, Source};

const FILE_SYSTEM: &str = "AWS::EFS::FileSystem";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_efs_file_system",
    kinds: &[FILE_SYSTEM],
    map: file_system,
}];

pub static JOINS: &[Join] = &[];

fn file_system(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.set("Encrypted", string_bool(s.attr("encrypted").cloned()));
    p.copy_all(
        s,
        &[
            ("kms_key_id", "KmsKeyId"),
            ("performance_mode", "PerformanceMode"),
            ("throughput_mode", "ThroughputMode"),
            (
                "provisioned_throughput_in_mibps",
                "ProvisionedThroughputInMibps",
            ),
            ("availability_zone_name", "AvailabilityZoneName"),
        ],
    );
    // CloudFormation names the tags of a file system `FileSystemTags`.
    p.set("FileSystemTags", cfn_tags(s));
    p.into_mapped(FILE_SYSTEM)
}
