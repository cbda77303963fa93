//! Cognito: identity pools and user pools.
//!
//! CloudFormation requires `AllowUnauthenticatedIdentities`; the provider defaults it to
//! `false`, which the mapping writes when it is omitted.

use super::{arg, block_list, blocks_of, boolean, copy_block, first_block, object, string};
use super::{string_bool, Blocks, Join, Mapped, Mapping, Source};
use vigil_model::{Node, Value};

const IDENTITY_POOL: &str = "AWS::Cognito::IdentityPool";
const USER_POOL: &str = "AWS::Cognito::UserPool";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_cognito_identity_pool",
        kinds: &[IDENTITY_POOL],
        map: identity_pool,
    },
    Mapping {
        tf_type: "aws_cognito_user_pool",
        kinds: &[USER_POOL],
        map: user_pool,
    },
];

pub static JOINS: &[Join] = &[];

fn identity_pool(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("identity_pool_name", "IdentityPoolName"),
            ("developer_provider_name", "DeveloperProviderName"),
            ("supported_login_providers", "SupportedLoginProviders"),
            ("openid_connect_provider_arns", "OpenIdConnectProviderARNs"),
            ("saml_provider_arns", "SamlProviderARNs"),
        ],
    );
    p.set(
        "AllowUnauthenticatedIdentities",
        Some(
            string_bool(s.attr("allow_unauthenticated_identities").cloned())
                .unwrap_or_else(|| boolean(false, s.span())),
        ),
    );
    p.set(
        "AllowClassicFlow",
        string_bool(s.attr("allow_classic_flow").cloned()),
    );
    p.set(
        "CognitoIdentityProviders",
        block_list(&s.resource.attributes, "cognito_identity_providers", |b| {
            vec![object(
                b.span,
                vec![
                    ("ClientId", arg(b, "client_id")),
                    ("ProviderName", arg(b, "provider_name")),
                    (
                        "ServerSideTokenCheck",
                        string_bool(arg(b, "server_side_token_check")),
                    ),
                ],
            )]
        }),
    );
    p.set("IdentityPoolTags", super::cfn_tags(s));
    p.into_mapped(IDENTITY_POOL)
}

fn user_pool(s: &Source) -> Vec<Mapped> {
    let body = &s.resource.attributes;
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "UserPoolName"),
            ("mfa_configuration", "MfaConfiguration"),
            ("auto_verified_attributes", "AutoVerifiedAttributes"),
            ("username_attributes", "UsernameAttributes"),
            ("alias_attributes", "AliasAttributes"),
            ("deletion_protection", "DeletionProtection"),
            // A map in CloudFormation too.
            ("tags", "UserPoolTags"),
        ],
    );
    p.set("EnabledMfas", enabled_mfas(s));
    p.set(
        "UserPoolAddOns",
        first_block(body, "user_pool_add_ons", |a| {
            copy_block(a, &[("AdvancedSecurityMode", "advanced_security_mode")])
        }),
    );
    p.set(
        "Policies",
        first_block(body, "password_policy", |pw| {
            object(
                pw.span,
                vec![(
                    "PasswordPolicy",
                    Some(object(
                        pw.span,
                        vec![
                            ("MinimumLength", arg(pw, "minimum_length")),
                            (
                                "RequireLowercase",
                                string_bool(arg(pw, "require_lowercase")),
                            ),
                            ("RequireNumbers", string_bool(arg(pw, "require_numbers"))),
                            ("RequireSymbols", string_bool(arg(pw, "require_symbols"))),
                            (
                                "RequireUppercase",
                                string_bool(arg(pw, "require_uppercase")),
                            ),
                            (
                                "TemporaryPasswordValidityDays",
                                arg(pw, "temporary_password_validity_days"),
                            ),
                            ("PasswordHistorySize", arg(pw, "password_history_size")),
                        ],
                    )),
                )],
            )
        }),
    );
    p.into_mapped(USER_POOL)
}

/// CloudFormation lists the MFA methods in `EnabledMfas`; the provider enables each with a
/// block: TOTP with `software_token_mfa_configuration { enabled = true }`, SMS with an
/// `sms_configuration` when MFA is on or optional, email with `email_mfa_configuration`.
fn enabled_mfas(s: &Source) -> Option<Node> {
    let body = &s.resource.attributes;
    let first = |name: &str| match blocks_of(body, name) {
        Blocks::Some { blocks, .. } => Some(&blocks[0]),
        _ => None,
    };
    let mut out = Vec::new();
    if let Some(t) = first("software_token_mfa_configuration") {
        if matches!(
            string_bool(arg(t, "enabled")),
            Some(Node {
                value: Value::Bool(true),
                ..
            })
        ) {
            out.push(string("SOFTWARE_TOKEN_MFA", t.span));
        }
    }
    let mfa_on = matches!(
        s.attr("mfa_configuration").and_then(Node::as_str),
        Some("ON" | "OPTIONAL")
    );
    if let (true, Some(sms)) = (mfa_on, first("sms_configuration")) {
        out.push(string("SMS_MFA", sms.span));
    }
    if let Some(email) = first("email_mfa_configuration") {
        out.push(string("EMAIL_OTP", email.span));
    }
    let span = out.first().and_then(|n| n.span);
    (!out.is_empty()).then(|| Node::new(Value::List(out), span))
}
