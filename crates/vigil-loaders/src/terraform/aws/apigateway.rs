//! API Gateway: REST APIs (v1: stages, deployments, methods, domain names, joined method
//! settings) and HTTP/WebSocket APIs (v2: APIs, routes, stages, domain names).

use super::{arg, block_list_at, first_block};
use super::{cfn_tags, object, Join, Joiner, Mapped, Mapping, Source};
use vigil_model::{Map, Node, Value};

const REST_API: &str = "AWS::ApiGateway::RestApi";
const DEPLOYMENT: &str = "AWS::ApiGateway::Deployment";
const STAGE: &str = "AWS::ApiGateway::Stage";
const METHOD: &str = "AWS::ApiGateway::Method";
const DOMAIN: &str = "AWS::ApiGateway::DomainName";
const CLIENT_CERTIFICATE: &str = "AWS::ApiGateway::ClientCertificate";
const V2_API: &str = "AWS::ApiGatewayV2::Api";
const V2_ROUTE: &str = "AWS::ApiGatewayV2::Route";
const V2_STAGE: &str = "AWS::ApiGatewayV2::Stage";
const V2_DOMAIN: &str = "AWS::ApiGatewayV2::DomainName";
const V2_AUTHORIZER: &str = "AWS::ApiGatewayV2::Authorizer";

pub static MAPPINGS: &[Mapping] = &[
    Mapping {
        tf_type: "aws_api_gateway_rest_api",
        kinds: &[REST_API],
        map: rest_api,
    },
    Mapping {
        tf_type: "aws_api_gateway_deployment",
        kinds: &[DEPLOYMENT],
        map: deployment,
    },
    Mapping {
        tf_type: "aws_api_gateway_stage",
        kinds: &[STAGE],
        map: stage,
    },
    Mapping {
        tf_type: "aws_api_gateway_method",
        kinds: &[METHOD],
        map: method,
    },
    Mapping {
        tf_type: "aws_api_gateway_domain_name",
        kinds: &[DOMAIN],
        map: domain_name,
    },
    Mapping {
        tf_type: "aws_api_gateway_client_certificate",
        kinds: &[CLIENT_CERTIFICATE],
        map: client_certificate,
    },
    Mapping {
        tf_type: "aws_apigatewayv2_api",
        kinds: &[V2_API],
        map: v2_api,
    },
    Mapping {
        tf_type: "aws_apigatewayv2_route",
        kinds: &[V2_ROUTE],
        map: v2_route,
    },
    Mapping {
        tf_type: "aws_apigatewayv2_stage",
        kinds: &[V2_STAGE],
        map: v2_stage,
    },
    Mapping {
        tf_type: "aws_apigatewayv2_domain_name",
        kinds: &[V2_DOMAIN],
        map: v2_domain_name,
    },
    Mapping {
        tf_type: "aws_apigatewayv2_authorizer",
        kinds: &[V2_AUTHORIZER],
        map: v2_authorizer,
    },
];

pub static JOINS: &[Join] = &[Join {
    tf_type: "aws_api_gateway_method_settings",
    subjects: &[STAGE, DEPLOYMENT],
    join: join_method_settings,
}];

fn rest_api(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("description", "Description"),
            ("disable_execute_api_endpoint", "DisableExecuteApiEndpoint"),
        ],
    );
    p.set("Policy", s.attr("policy").map(|d| s.json(d)));
    p.set("EndpointConfiguration", endpoint_configuration(s));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(REST_API)
}

fn endpoint_configuration(s: &Source) -> Option<Node> {
    first_block(&s.resource.attributes, "endpoint_configuration", |e| {
        object(
            e.span,
            vec![
                ("Types", arg(e, "types")),
                ("VpcEndpointIds", arg(e, "vpc_endpoint_ids")),
            ],
        )
    })
}

fn deployment(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("rest_api_id", "RestApiId"),
            ("description", "Description"),
            // Deprecated in provider v5: the deployment then creates and manages that stage.
            ("stage_name", "StageName"),
        ],
    );
    let description = s.attr("stage_description").cloned();
    let variables = s.attr("variables").cloned();
    if description.is_some() || variables.is_some() {
        p.set(
            "StageDescription",
            Some(object(
                s.span(),
                vec![("Description", description), ("Variables", variables)],
            )),
        );
    }
    p.into_mapped(DEPLOYMENT)
}

fn stage(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("stage_name", "StageName"),
            ("rest_api_id", "RestApiId"),
            ("deployment_id", "DeploymentId"),
            ("description", "Description"),
            ("xray_tracing_enabled", "TracingEnabled"),
            ("client_certificate_id", "ClientCertificateId"),
            ("cache_cluster_enabled", "CacheClusterEnabled"),
            ("cache_cluster_size", "CacheClusterSize"),
            ("documentation_version", "DocumentationVersion"),
            ("variables", "Variables"),
        ],
    );
    p.set(
        "AccessLogSetting",
        first_block(
            &s.resource.attributes,
            "access_log_settings",
            access_log_settings,
        ),
    );
    p.set("Tags", cfn_tags(s));
    p.into_mapped(STAGE)
}

/// `access_log_settings { destination_arn format }`, the same in v1 and v2.
fn access_log_settings(a: &Node) -> Node {
    object(
        a.span,
        vec![
            ("DestinationArn", arg(a, "destination_arn")),
            ("Format", arg(a, "format")),
        ],
    )
}

fn method(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("rest_api_id", "RestApiId"),
            ("resource_id", "ResourceId"),
            ("http_method", "HttpMethod"),
            ("authorization", "AuthorizationType"),
            ("authorizer_id", "AuthorizerId"),
            ("authorization_scopes", "AuthorizationScopes"),
            ("api_key_required", "ApiKeyRequired"),
            ("operation_name", "OperationName"),
            ("request_validator_id", "RequestValidatorId"),
        ],
    );
    p.into_mapped(METHOD)
}

fn domain_name(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("domain_name", "DomainName"),
            ("security_policy", "SecurityPolicy"),
            ("certificate_arn", "CertificateArn"),
            ("regional_certificate_arn", "RegionalCertificateArn"),
        ],
    );
    p.set("EndpointConfiguration", endpoint_configuration(s));
    p.set("Tags", cfn_tags(s));
    p.into_mapped(DOMAIN)
}

fn client_certificate(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy(s, "description", "Description");
    p.set("Tags", cfn_tags(s));
    p.into_mapped(CLIENT_CERTIFICATE)
}

// --- HTTP and WebSocket APIs (v2). CloudFormation's v2 `Tags` is a map, as Terraform's. ---

fn v2_api(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("name", "Name"),
            ("protocol_type", "ProtocolType"),
            ("route_selection_expression", "RouteSelectionExpression"),
            ("api_key_selection_expression", "ApiKeySelectionExpression"),
            ("description", "Description"),
            ("disable_execute_api_endpoint", "DisableExecuteApiEndpoint"),
            ("route_key", "RouteKey"),
            ("target", "Target"),
            ("credentials_arn", "CredentialsArn"),
            ("tags", "Tags"),
        ],
    );
    p.into_mapped(V2_API)
}

fn v2_route(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("api_id", "ApiId"),
            ("route_key", "RouteKey"),
            ("authorization_type", "AuthorizationType"),
            ("authorizer_id", "AuthorizerId"),
            ("authorization_scopes", "AuthorizationScopes"),
            ("api_key_required", "ApiKeyRequired"),
            ("operation_name", "OperationName"),
            ("target", "Target"),
        ],
    );
    p.into_mapped(V2_ROUTE)
}

/// Route settings, the same fields for `default_route_settings` and `route_settings`.
fn route_settings(r: &Node) -> Node {
    object(
        r.span,
        vec![
            ("DataTraceEnabled", arg(r, "data_trace_enabled")),
            ("DetailedMetricsEnabled", arg(r, "detailed_metrics_enabled")),
            ("LoggingLevel", arg(r, "logging_level")),
            ("ThrottlingBurstLimit", arg(r, "throttling_burst_limit")),
            ("ThrottlingRateLimit", arg(r, "throttling_rate_limit")),
        ],
    )
}

fn v2_stage(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("api_id", "ApiId"),
            ("name", "StageName"),
            ("deployment_id", "DeploymentId"),
            ("description", "Description"),
            ("auto_deploy", "AutoDeploy"),
            ("client_certificate_id", "ClientCertificateId"),
            ("stage_variables", "StageVariables"),
            ("tags", "Tags"),
        ],
    );
    p.set(
        "AccessLogSettings",
        first_block(
            &s.resource.attributes,
            "access_log_settings",
            access_log_settings,
        ),
    );
    p.set(
        "DefaultRouteSettings",
        first_block(
            &s.resource.attributes,
            "default_route_settings",
            route_settings,
        ),
    );
    p.set("RouteSettings", route_settings_by_key(s));
    p.into_mapped(V2_STAGE)
}

/// `route_settings { route_key ... }` blocks as CloudFormation's map keyed by route key.
fn route_settings_by_key(s: &Source) -> Option<Node> {
    let blocks = s.resource.attributes.get("route_settings")?;
    if blocks.is_unknown() {
        return Some(blocks.clone());
    }
    let blocks = blocks.as_list()?;
    let first = blocks.first()?;
    let mut m = Map::default();
    for b in blocks {
        let Some(key) = b.get("route_key").and_then(Node::as_str) else {
            return Some(Node::unknown("route key known only after apply", b.span));
        };
        m.insert(key.to_string(), route_settings(b));
    }
    Some(Node::new(Value::Map(m), first.span))
}

fn v2_domain_name(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(s, &[("domain_name", "DomainName"), ("tags", "Tags")]);
    p.set(
        "DomainNameConfigurations",
        block_list_at(
            &s.resource.attributes,
            "domain_name_configuration",
            s.span(),
            |c| {
                object(
                    c.span,
                    vec![
                        ("CertificateArn", arg(c, "certificate_arn")),
                        ("EndpointType", arg(c, "endpoint_type")),
                        ("SecurityPolicy", arg(c, "security_policy")),
                    ],
                )
            },
        ),
    );
    p.into_mapped(V2_DOMAIN)
}

fn v2_authorizer(s: &Source) -> Vec<Mapped> {
    let mut p = s.props();
    p.copy_all(
        s,
        &[
            ("api_id", "ApiId"),
            ("name", "Name"),
            ("authorizer_type", "AuthorizerType"),
            ("authorizer_uri", "AuthorizerUri"),
            ("identity_sources", "IdentitySource"),
        ],
    );
    p.set(
        "JwtConfiguration",
        first_block(&s.resource.attributes, "jwt_configuration", |j| {
            object(
                j.span,
                vec![
                    ("Audience", arg(j, "audience")),
                    ("Issuer", arg(j, "issuer")),
                ],
            )
        }),
    );
    p.into_mapped(V2_AUTHORIZER)
}

// --- aws_api_gateway_method_settings, joined onto its stage ---

/// `method_path` (`orders/items/GET`, `*/*`) as CloudFormation's `ResourcePath` and
/// `HttpMethod` (`/~1orders~1items`, `GET`; `/*`, `*`).
fn resource_path_and_method(node: &Node) -> (Node, Node) {
    let Some(text) = node.as_str() else {
        return (node.clone(), node.clone());
    };
    let (path, method) = text.rsplit_once('/').unwrap_or(("", text));
    let path = match path {
        "" => "/".to_string(),
        "*" => "/*".to_string(),
        p => format!("/~1{}", p.trim_start_matches('/').replace('/', "~1")),
    };
    (
        Node::new(Value::String(path), node.span),
        Node::new(Value::String(method.to_string()), node.span),
    )
}

/// One `MethodSettings` item: the resource line for the item, the arguments' own lines for
/// its fields. Provider defaults (`-1` throttling) are not written.
fn method_setting(s: &Source) -> Node {
    let (path, method) = match s.attr("method_path") {
        Some(m) => {
            let (p, h) = resource_path_and_method(m);
            (Some(p), Some(h))
        }
        None => (None, None),
    };
    let settings = s.resource.attributes.get("settings");
    if settings.is_some_and(Node::is_unknown) {
        return Node::unknown("method settings known only after apply", s.span());
    }
    let block = settings
        .and_then(Node::as_list)
        .and_then(<[Node]>::first)
        .cloned()
        .unwrap_or_else(|| Node::new(Value::Map(Map::default()), s.span()));
    let field = |tf: &str| arg(&block, tf);
    object(
        s.span(),
        vec![
            ("ResourcePath", path),
            ("HttpMethod", method),
            ("LoggingLevel", field("logging_level")),
            ("MetricsEnabled", field("metrics_enabled")),
            ("DataTraceEnabled", field("data_trace_enabled")),
            ("CachingEnabled", field("caching_enabled")),
            ("CacheDataEncrypted", field("cache_data_encrypted")),
            ("CacheTtlInSeconds", field("cache_ttl_in_seconds")),
            ("ThrottlingBurstLimit", field("throttling_burst_limit")),
            ("ThrottlingRateLimit", field("throttling_rate_limit")),
        ],
    )
}

/// Whether two arguments denote the same stage name or REST API: equal strings, or
/// references to the same resource. `None` when one is unknown (or missing); a literal and a
/// reference never match (the literal names something outside the configuration).
fn same_value(a: Option<&Node>, b: Option<&Node>) -> Option<bool> {
    match (&a?.value, &b?.value) {
        (Value::Unknown(_), _) | (_, Value::Unknown(_)) => None,
        (Value::String(x), Value::String(y)) => Some(x == y),
        (Value::Reference(x), Value::Reference(y)) => Some(x.target == y.target),
        _ => Some(false),
    }
}

/// Where a method settings resource lands: `MethodSettings` of a stage, or
/// `StageDescription.MethodSettings` of a deployment that creates its stage.
fn settings_path(kind: &str) -> &'static [&'static str] {
    if kind == STAGE {
        &["MethodSettings"]
    } else {
        &["StageDescription", "MethodSettings"]
    }
}

/// Appends `item` to the list at `path` of resource `i`. Containers created on the way have
/// the subject's own span (the resource line), not the item's: a finding about the list as a
/// whole points at the stage.
fn push_setting(j: &mut Joiner, i: usize, item: Node) {
    let kind = j.resources[i].kind.clone();
    let path = settings_path(&kind);
    let mut node = &mut j.resources[i].properties;
    let span = node.span;
    for (n, key) in path.iter().enumerate() {
        if !matches!(node.value, Value::Map(_)) {
            node.value = Value::Map(Map::default());
        }
        let Value::Map(m) = &mut node.value else {
            return;
        };
        let last = n == path.len() - 1;
        node = m.entry(key.to_string()).or_insert_with(|| {
            let empty = if last {
                Value::List(Vec::new())
            } else {
                Value::Map(Map::default())
            };
            Node::new(empty, span)
        });
    }
    match &mut node.value {
        Value::List(l) => l.push(item),
        _ => *node = Node::new(Value::List(vec![item]), span),
    }
}

/// Joins one `aws_api_gateway_method_settings` instance onto the stage it configures:
/// 1. `stage_name` refers to an `aws_api_gateway_stage`: that stage;
/// 2. it refers to an `aws_api_gateway_deployment` (its `stage_name`): the stage it creates;
/// 3. a known name: the stage of that name on the same REST API, else such a deployment;
/// 4. a name or API known only after apply: an unknown item on every stage it could be, so
///    that no rule fires on settings it cannot see;
/// 5. otherwise (a stage outside the configuration) it is dropped.
fn join_method_settings(s: &Source, j: &mut Joiner) {
    let stage_name = s.attr("stage_name");
    if matches!(stage_name.map(|n| &n.value), Some(Value::Reference(_))) {
        if let Some(i) = j
            .subject(stage_name, STAGE, "StageName")
            .or_else(|| j.subject(stage_name, DEPLOYMENT, "StageName"))
        {
            push_setting(j, i, method_setting(s));
        }
        return;
    }
    let api = s.attr("rest_api_id");
    let mut maybe = Vec::new();
    let mut definite: [Option<usize>; 2] = [None, None];
    for (i, r) in j.resources.iter().enumerate() {
        let slot = match r.kind.as_str() {
            STAGE => 0,
            DEPLOYMENT if r.properties.get("StageName").is_some() => 1,
            _ => continue,
        };
        let name = same_value(stage_name, r.properties.get("StageName"));
        let rest_api = same_value(api, r.properties.get("RestApiId"));
        match (name, rest_api) {
            (Some(false), _) | (_, Some(false)) => {}
            (Some(true), Some(true)) => {
                definite[slot] = definite[slot].or(Some(i));
            }
            _ => maybe.push(i),
        }
    }
    if let Some(i) = definite[0].or(definite[1]) {
        push_setting(j, i, method_setting(s));
        return;
    }
    for i in maybe {
        push_setting(
            j,
            i,
            Node::unknown(
                "method settings of a stage known only after apply",
                s.span(),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::resource_path_and_method;
    use vigil_model::{Node, Value};

    fn split(p: &str) -> (String, String) {
        let (a, b) = resource_path_and_method(&Node::new(Value::String(p.into()), None));
        (a.as_str().unwrap().into(), b.as_str().unwrap().into())
    }

    #[test]
    fn method_paths_become_resource_paths() {
        assert_eq!(split("*/*"), ("/*".into(), "*".into()));
        assert_eq!(split("orders/GET"), ("/~1orders".into(), "GET".into()));
        assert_eq!(
            split("orders/items/GET"),
            ("/~1orders~1items".into(), "GET".into())
        );
        assert_eq!(split("/GET"), ("/".into(), "GET".into()));
    }
}
