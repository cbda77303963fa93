//! CloudFront: distributions. The resource body becomes `DistributionConfig`, a container with
//! no Terraform syntax of its own (the resource line), as are the lists assembled from
//! repeated `origin` and `ordered_cache_behavior` blocks.

use super::{arg, block_list_at, first_block};
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
        first_block(&s.resource.attributes, "logging_config", |l| {
            object(
                l.span,
                vec![
                    ("Bucket", arg(l, "bucket")),
                    ("Prefix", arg(l, "prefix")),
                    ("IncludeCookies", arg(l, "include_cookies")),
                ],
            )
        }),
    );
    c.set("Origins", block_list_at(attrs, "origin", s.span(), origin));
    c.set(
        "DefaultCacheBehavior",
        first_block(&s.resource.attributes, "default_cache_behavior", |b| {
            cache_behavior(b, false)
        }),
    );
    c.set(
        "CacheBehaviors",
        block_list_at(attrs, "ordered_cache_behavior", s.span(), |b| {
            cache_behavior(b, true)
        }),
    );
    c.set(
        "ViewerCertificate",
        first_block(&s.resource.attributes, "viewer_certificate", |v| {
            object(
                v.span,
                vec![
                    (
                        "CloudFrontDefaultCertificate",
                        arg(v, "cloudfront_default_certificate"),
                    ),
                    // Only when written: the provider's default TLSv1 is CloudFront's own.
                    ("MinimumProtocolVersion", arg(v, "minimum_protocol_version")),
                    ("AcmCertificateArn", arg(v, "acm_certificate_arn")),
                    ("IamCertificateId", arg(v, "iam_certificate_id")),
                    ("SslSupportMethod", arg(v, "ssl_support_method")),
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
    let custom = first_block(o, "custom_origin_config", |c| {
        object(
            c.span,
            vec![
                ("OriginProtocolPolicy", arg(c, "origin_protocol_policy")),
                // A set in Terraform: kept in written order.
                ("OriginSSLProtocols", arg(c, "origin_ssl_protocols")),
                ("HTTPPort", arg(c, "http_port")),
                ("HTTPSPort", arg(c, "https_port")),
                ("OriginReadTimeout", arg(c, "origin_read_timeout")),
                ("OriginKeepaliveTimeout", arg(c, "origin_keepalive_timeout")),
            ],
        )
    });
    let s3 = first_block(o, "s3_origin_config", |c| {
        object(
            c.span,
            vec![("OriginAccessIdentity", arg(c, "origin_access_identity"))],
        )
    });
    object(
        o.span,
        vec![
            ("Id", arg(o, "origin_id")),
            ("DomainName", arg(o, "domain_name")),
            ("OriginPath", arg(o, "origin_path")),
            ("OriginAccessControlId", arg(o, "origin_access_control_id")),
            ("CustomOriginConfig", custom),
            ("S3OriginConfig", s3),
        ],
    )
}

/// `default_cache_behavior` or one `ordered_cache_behavior` (which has a `path_pattern`).
fn cache_behavior(b: &Node, ordered: bool) -> Node {
    let mut fields = vec![
        ("ViewerProtocolPolicy", arg(b, "viewer_protocol_policy")),
        ("TargetOriginId", arg(b, "target_origin_id")),
        ("CachePolicyId", arg(b, "cache_policy_id")),
        ("OriginRequestPolicyId", arg(b, "origin_request_policy_id")),
        (
            "ResponseHeadersPolicyId",
            arg(b, "response_headers_policy_id"),
        ),
        ("AllowedMethods", arg(b, "allowed_methods")),
        ("CachedMethods", arg(b, "cached_methods")),
        ("Compress", arg(b, "compress")),
    ];
    if ordered {
        fields.insert(0, ("PathPattern", arg(b, "path_pattern")));
    }
    object(b.span, fields)
}
