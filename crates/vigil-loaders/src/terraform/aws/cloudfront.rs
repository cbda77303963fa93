//! CloudFront: distributions. The resource body becomes `DistributionConfig`, a container with
//! no Terraform syntax of its own (the resource line), as are the lists assembled from
//! repeated `origin` and `ordered_cache_behavior` blocks.

use super::lambda::{arg, nested, nested_in, nested_list};
use super::{cfn_tags, object, Join, Mapped, Mapping, Source};
use vigil_model::Node;

const DISTRIBUTION: &str = "AWS::CloudFront::Distribution";

pub static MAPPINGS: &[Mapping] = &[Mapping {
    tf_type: "aws_cloudfront_distribution",
    kinds: &[DISTRIBUTION],
    map: distribution,
}];

pub static JOINS: &[Join] = &[];

fn distribution(s: &Source) -> Vec<Mapped> {
    let attrs = &s.resource.attributes;
    let mut c = s.props();
    c.copy_all(
        s,
        &[
            ("enabled", "Enabled"),
            ("aliases", "Aliases"),
            ("comment", "Comment"),
            ("default_root_object", "DefaultRootObject"),
            ("http_version", "HttpVersion"),
            ("is_ipv6_enabled", "IPV6Enabled"),
            ("price_class", "PriceClass"),
            ("web_acl_id", "WebACLId"),
        ],
    );
    c.set(
        "Logging",
        nested(s, "logging_config", |l| {
            object(
                l.span,
                vec![
                    ("Bucket", arg(l, "bucket").cloned()),
                    ("Prefix", arg(l, "prefix").cloned()),
                    ("IncludeCookies", arg(l, "include_cookies").cloned()),
                ],
            )
        }),
    );
    c.set("Origins", nested_list(attrs, "origin", s.span(), origin));
    c.set(
        "DefaultCacheBehavior",
        nested(s, "default_cache_behavior", |b| cache_behavior(b, false)),
    );
    c.set(
        "CacheBehaviors",
        nested_list(attrs, "ordered_cache_behavior", s.span(), |b| {
            cache_behavior(b, true)
        }),
    );
    c.set(
        "ViewerCertificate",
        nested(s, "viewer_certificate", |v| {
            object(
                v.span,
                vec![
                    (
                        "CloudFrontDefaultCertificate",
                        arg(v, "cloudfront_default_certificate").cloned(),
                    ),
                    // Only when written: the provider's default TLSv1 is CloudFront's own.
                    (
                        "MinimumProtocolVersion",
                        arg(v, "minimum_protocol_version").cloned(),
                    ),
                    ("AcmCertificateArn", arg(v, "acm_certificate_arn").cloned()),
                    ("IamCertificateId", arg(v, "iam_certificate_id").cloned()),
                    ("SslSupportMethod", arg(v, "ssl_support_method").cloned()),
                ],
            )
        }),
    );
    let mut p = s.props();
    p.set("DistributionConfig", Some(c.build()));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(DISTRIBUTION)
}

fn origin(o: &Node) -> Node {
    let custom = nested_in(o, "custom_origin_config", |c| {
        object(
            c.span,
            vec![
                (
                    "OriginProtocolPolicy",
                    arg(c, "origin_protocol_policy").cloned(),
                ),
                // A set in Terraform: kept in written order.
                (
                    "OriginSSLProtocols",
                    arg(c, "origin_ssl_protocols").cloned(),
                ),
                ("HTTPPort", arg(c, "http_port").cloned()),
                ("HTTPSPort", arg(c, "https_port").cloned()),
                ("OriginReadTimeout", arg(c, "origin_read_timeout").cloned()),
                (
                    "OriginKeepaliveTimeout",
                    arg(c, "origin_keepalive_timeout").cloned(),
                ),
            ],
        )
    });
    let s3 = nested_in(o, "s3_origin_config", |c| {
        object(
            c.span,
            vec![(
                "OriginAccessIdentity",
                arg(c, "origin_access_identity").cloned(),
            )],
        )
    });
    object(
        o.span,
        vec![
            ("Id", arg(o, "origin_id").cloned()),
            ("DomainName", arg(o, "domain_name").cloned()),
            ("OriginPath", arg(o, "origin_path").cloned()),
            (
                "OriginAccessControlId",
                arg(o, "origin_access_control_id").cloned(),
            ),
            ("CustomOriginConfig", custom),
            ("S3OriginConfig", s3),
        ],
    )
}

/// `default_cache_behavior` or one `ordered_cache_behavior` (which has a `path_pattern`).
fn cache_behavior(b: &Node, ordered: bool) -> Node {
    let mut fields = vec![
        (
            "ViewerProtocolPolicy",
            arg(b, "viewer_protocol_policy").cloned(),
        ),
        ("TargetOriginId", arg(b, "target_origin_id").cloned()),
        ("CachePolicyId", arg(b, "cache_policy_id").cloned()),
        (
            "OriginRequestPolicyId",
            arg(b, "origin_request_policy_id").cloned(),
        ),
        (
            "ResponseHeadersPolicyId",
            arg(b, "response_headers_policy_id").cloned(),
        ),
        ("AllowedMethods", arg(b, "allowed_methods").cloned()),
        ("CachedMethods", arg(b, "cached_methods").cloned()),
        ("Compress", arg(b, "compress").cloned()),
    ];
    if ordered {
        fields.insert(0, ("PathPattern", arg(b, "path_pattern").cloned()));
    }
    object(b.span, fields)
}
