//! ACM: certificates (requested, private, or imported).

use super::{arg, first_block};
use super::{cfn_tags, Join, Mapped, Mapping, Source};

const CERTIFICATE: &str = "AWS::CertificateManager::Certificate";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_acm_certificate",
    kinds: &[CERTIFICATE],
    map: certificate,
}];

pub static JOINS: &[Join] = &[];

fn certificate(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    // An imported certificate (`certificate_body`) has no `domain_name`: the names are in the
    // PEM, and `DomainName` stays absent. The provider adds `domain_name` to the alternative
    // names after apply; only what the configuration writes is kept.
    p.copy_all(
        s,
        &[
            ("domain_name", "DomainName"),
            ("subject_alternative_names", "SubjectAlternativeNames"),
            ("validation_method", "ValidationMethod"),
            ("certificate_authority_arn", "CertificateAuthorityArn"),
            ("key_algorithm", "KeyAlgorithm"),
        ],
    );
    // Absent when not written: the provider's default ENABLED is CloudFormation's.
    let preference = first_block(&s.resource.attributes, "options", |o| {
        arg(o, "certificate_transparency_logging_preference")
            .unwrap_or_else(|| vigil_model::Node::new(vigil_model::Value::Null, o.span))
    })
    .filter(|n| !matches!(n.value, vigil_model::Value::Null));
    p.set("CertificateTransparencyLoggingPreference", preference);
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CERTIFICATE)
}
