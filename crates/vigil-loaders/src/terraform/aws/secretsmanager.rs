//! Secrets Manager: secrets.

use super::{Join, Mapped, Mapping, Source};

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_secretsmanager_secret",
    kinds: &["AWS::SecretsManager::Secret"],
    map: secret,
}];

pub static JOINS: &[Join] = &[];

fn secret(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("kms_key_id", "KmsKeyId"),
            ("name", "Name"),
            ("description", "Description"),
        ],
    );
    p.set("Tags", super::cfn_tags(s));
    p.into_mapped("AWS::SecretsManager::Secret")
}
