//! The engine's semantics: three-valued logic, loose scalars, helpers, locations.

use std::collections::BTreeMap;
use vigil_engine::{Catalogue, Rule};
use vigil_model::{Map, Node, Origin, Reference, Resource, Span, Value};

fn n(v: Value) -> Node {
    Node::new(v, None)
}
fn s(x: &str) -> Node {
    n(Value::String(x.into()))
}
fn num(x: f64) -> Node {
    n(Value::Number(x))
}
fn unknown() -> Node {
    Node::unknown("test", None)
}
fn map(entries: Vec<(&str, Node)>) -> Node {
    n(Value::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Map>(),
    ))
}
fn list(items: Vec<Node>) -> Node {
    n(Value::List(items))
}

fn resource(kind: &str, address: &str, properties: Node) -> Resource {
    Resource {
        kind: kind.into(),
        address: address.into(),
        properties,
        tags: BTreeMap::new(),
        origin: Origin::File {
            path: "t.yaml".into(),
            span: Some(Span::point(1, 1)),
        },
        suppressions: Vec::new(),
        other_files: None,
    }
}

/// Whether `when` fires on a `T::X` resource with these properties.
fn fires(when: &str, props: Node) -> bool {
    fires_in(when, vec![resource("T::X", "R", props)])
}

fn fires_in(when: &str, stack: Vec<Resource>) -> bool {
    let yaml = format!(
        "id: T-001\nname: t\ntitle: t\nseverity: low\nrationale: r\nremediation: r\nfixed_example: x\nchecks:\n  - kind: T::X\n    when: {}\n",
        serde_json::to_string(when).unwrap()
    );
    let rule = Rule::parse("test", &yaml, vec![]).unwrap_or_else(|e| panic!("{e}"));
    let mut c = Catalogue::new();
    c.add(rule).unwrap();
    !c.evaluate(&stack).is_empty()
}

#[test]
fn unknown_never_fires() {
    let p = map(vec![("A", unknown())]);
    assert!(!fires("props.A == 'x'", p.clone()));
    assert!(!fires("props.A != 'x'", p.clone()));
    assert!(!fires("!(props.A == 'x')", p.clone()));
    assert!(!fires("props.A > 3", p.clone()));
    assert!(!fires("props.A in ['a', 'b']", p.clone()));
    assert!(
        !fires("!has(props.A)", p.clone()),
        "an unknown value is present"
    );
    assert!(fires("has(props.A)", p.clone()));
}

#[test]
fn three_valued_or_and() {
    let p = map(vec![("A", unknown()), ("B", s("x"))]);
    assert!(
        fires("props.A == 'y' || props.B == 'x'", p.clone()),
        "unknown || true is true"
    );
    assert!(fires("props.B == 'x' || props.A == 'y'", p.clone()));
    assert!(
        !fires("props.A == 'y' && props.B == 'x'", p.clone()),
        "unknown && true is unknown"
    );
    assert!(
        fires("!(props.A == 'y' && props.B == 'z')", p.clone()),
        "unknown && false is false; negated, true"
    );
}

#[test]
fn missing_properties_are_errors_not_false() {
    let p = map(vec![]);
    assert!(!fires("props.Missing == false", p.clone()));
    assert!(!fires("props.Missing != true", p.clone()));
    assert!(fires("!has(props.Missing)", p.clone()));
    assert!(fires("props.?Missing.orValue(false) == false", p.clone()));
}

#[test]
fn loose_scalars() {
    let p = map(vec![
        ("Port", s("22")),
        ("Flag", s("true")),
        ("N", num(22.0)),
    ]);
    assert!(fires("props.Port == 22", p.clone()));
    assert!(fires("props.N == '22'", p.clone()));
    assert!(fires("props.Flag == true", p.clone()));
    assert!(fires("props.Port < 1024", p.clone()));
}

#[test]
fn comprehensions_over_lists_with_unknowns() {
    let p = map(vec![("L", list(vec![s("a"), unknown()]))]);
    assert!(fires("props.L.exists(x, x == 'a')", p.clone()));
    assert!(
        !fires("props.L.exists(x, x == 'b')", p.clone()),
        "exists over an unknown item is unknown"
    );
    assert!(!fires("props.L.all(x, x == 'a')", p.clone()));
    assert!(fires("size(props.L) == 2", p.clone()));
}

#[test]
fn network_helpers() {
    let rule = |proto: &str, from: f64, to: f64| {
        map(vec![
            ("IpProtocol", s(proto)),
            ("FromPort", num(from)),
            ("ToPort", num(to)),
            ("CidrIp", s("0.0.0.0/0")),
        ])
    };
    assert!(fires(
        "is_world(props.CidrIp) && allows_port(props, 22)",
        rule("tcp", 0.0, 1024.0)
    ));
    assert!(!fires("allows_port(props, 22)", rule("tcp", 80.0, 80.0)));
    assert!(fires("allows_port(props, 3389)", rule("-1", 0.0, 0.0)));
    assert!(!fires("allows_port(props, 22)", rule("icmp", -1.0, -1.0)));
    assert!(fires("port_count(props) == 1025", rule("tcp", 0.0, 1024.0)));
    assert!(fires("port_count(props) == 0", rule("icmp", -1.0, -1.0)));
    assert!(!fires("is_world('10.0.0.0/8')", map(vec![])));
    assert!(fires("is_world('::/0')", map(vec![])));
    assert!(fires(
        "cidr_contains('10.0.0.0/8', '10.1.2.3')",
        map(vec![])
    ));
    let unknown_port = map(vec![
        ("IpProtocol", s("tcp")),
        ("FromPort", unknown()),
        ("ToPort", num(22.0)),
    ]);
    assert!(!fires("allows_port(props, 22)", unknown_port.clone()));
    assert!(!fires("!allows_port(props, 22)", unknown_port));
}

#[test]
fn iam_helpers() {
    let doc = map(vec![(
        "Statement",
        list(vec![map(vec![
            ("Effect", s("Allow")),
            ("Action", s("*")),
            ("Resource", s("*")),
        ])]),
    )]);
    let p = map(vec![("PolicyDocument", doc)]);
    assert!(fires("statements(props.PolicyDocument).exists(st, allows(st, 'iam:CreateUser') && '*' in as_list(st.Resource))", p.clone()));
    let json = map(vec![(
        "PolicyDocument",
        s(r#"{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}"#),
    )]);
    assert!(fires(
        "statements(props.PolicyDocument).exists(st, allows(st, 's3:GetObject'))",
        json.clone()
    ));
    assert!(!fires(
        "statements(props.PolicyDocument).exists(st, allows(st, 'iam:PassRole'))",
        json
    ));
    let principal = map(vec![(
        "P",
        map(vec![("AWS", list(vec![s("arn:aws:iam::1:root"), s("*")]))]),
    )]);
    assert!(fires("is_public_principal(props.P)", principal));
    let cond = map(vec![(
        "S",
        map(vec![(
            "Condition",
            map(vec![(
                "StringLike",
                map(vec![(
                    "token.actions.githubusercontent.com:sub",
                    s("repo:org/app:*"),
                )]),
            )]),
        )]),
    )]);
    assert!(fires(
        "'token.actions.githubusercontent.com:sub' in condition_keys(props.S)",
        cond.clone()
    ));
    assert!(fires("condition_values(props.S, 'token.actions.githubusercontent.com:sub').all(v, v.startsWith('repo:org/'))", cond));
}

#[test]
fn related_resources() {
    let bucket = resource("T::X", "B", map(vec![]));
    let policy = |target: Node| {
        resource(
            "T::Policy",
            "P",
            map(vec![("Bucket", target), ("Ok", n(Value::Bool(true)))]),
        )
    };
    let by_ref = n(Value::Reference(Reference {
        target: "B".into(),
        attribute: None,
    }));
    let when = "referrers('T::Policy', 'Bucket').exists(p, p.properties.Ok == true)";
    assert!(fires_in(when, vec![bucket.clone(), policy(by_ref)]));
    assert!(!fires_in(when, vec![bucket.clone(), policy(s("other"))]));
    // A policy whose target is unknown may be ours: "no policy" is then unknown.
    assert!(!fires_in(
        &format!("!{when}"),
        vec![bucket.clone(), policy(unknown())]
    ));
    assert!(fires_in(
        &format!("!{when}"),
        vec![bucket, policy(s("other"))]
    ));
}

#[test]
fn compile_errors_name_the_problem() {
    let bad = "id: T-001\nname: t\ntitle: t\nseverity: low\nrationale: r\nremediation: r\nfixed_example: x\nchecks:\n  - kind: T::X\n    when: props.A ==\n";
    let e = Rule::parse("rules/t/rule.yaml", bad, vec![]).unwrap_err();
    assert!(e.to_string().contains("rules/t/rule.yaml"));
    assert!(e.to_string().contains("when"));
    let unknown_fn = bad.replace("props.A ==", "frobnicate(props.A)");
    assert!(Rule::parse("r", &unknown_fn, vec![])
        .unwrap_err()
        .to_string()
        .contains("frobnicate"));
    let unknown_var = bad.replace("props.A ==", "prop.A == 1");
    assert!(Rule::parse("r", &unknown_var, vec![])
        .unwrap_err()
        .to_string()
        .contains("prop"));
    let bad_severity = bad
        .replace("severity: low", "severity: urgent")
        .replace("props.A ==", "true");
    assert!(Rule::parse("r", &bad_severity, vec![]).is_err());
}

#[test]
fn comprehensions_over_maps_parsed_from_json_strings() {
    let tree = map(vec![(
        "Doc",
        map(vec![(
            "Condition",
            map(vec![("StringEquals", map(vec![]))]),
        )]),
    )]);
    let string = map(vec![("Doc", s(r#"{"Condition": {"StringEquals": {}}}"#))]);
    let when = "parse_json(props.Doc).Condition.exists(op, op == 'StringEquals')";
    assert!(fires(when, tree));
    assert!(fires(when, string));
}

#[test]
fn public_statements_and_caller_restrictions() {
    let stmt = |cond: Option<Node>| {
        let mut e = vec![
            ("Effect", s("Allow")),
            ("Principal", s("*")),
            ("Action", s("sns:Publish")),
        ];
        if let Some(c) = cond {
            e.push(("Condition", c));
        }
        map(vec![("S", map(e))])
    };
    let cond = |op: &str, key: &str, v: Node| map(vec![(op, map(vec![(key, v)]))]);
    assert!(fires("is_public_statement(props.S)", stmt(None)));
    assert!(!fires(
        "is_public_statement(props.S)",
        stmt(Some(cond(
            "StringEquals",
            "aws:SourceAccount",
            s("123456789012")
        )))
    ));
    assert!(!fires(
        "is_public_statement(props.S)",
        stmt(Some(cond("ArnLike", "AWS:SourceArn", s("arn:aws:s3:::b"))))
    ));
    assert!(fires(
        "is_public_statement(props.S)",
        stmt(Some(cond("StringNotEquals", "aws:SourceAccount", s("1"))))
    ));
    assert!(fires(
        "is_public_statement(props.S)",
        stmt(Some(cond("IpAddress", "aws:SourceIp", s("0.0.0.0/0"))))
    ));
    assert!(!fires(
        "is_public_statement(props.S)",
        stmt(Some(cond("IpAddress", "aws:SourceIp", s("203.0.113.0/24"))))
    ));
    assert!(fires(
        "is_public_statement(props.S)",
        stmt(Some(cond("StringEquals", "aws:Referer", s("x"))))
    ));
    assert!(!fires(
        "is_public_statement(props.S)",
        stmt(Some(cond("StringEquals", "aws:SourceAccount", unknown())))
    ));
}

#[test]
fn references_as_values() {
    let r = |t: &str, a: Option<&str>| {
        n(Value::Reference(Reference {
            target: t.into(),
            attribute: a.map(str::to_string),
        }))
    };
    let p = map(vec![
        ("A", r("X", None)),
        ("B", r("Y", None)),
        ("C", r("X", None)),
        ("D", r("X", Some("Arn"))),
    ]);
    assert!(
        fires("props.A != props.B", p.clone()),
        "different resources differ"
    );
    assert!(fires("props.A == props.C", p.clone()));
    assert!(
        !fires("props.A == props.D", p.clone()) && !fires("props.A != props.D", p.clone()),
        "Ref and GetAtt of one resource: unknown"
    );
    assert!(
        !fires("props.A == 'x'", p.clone()),
        "a reference's value is unknown"
    );
    assert!(fires("size(as_list(props.A)) == 1", p));
}

#[test]
fn filter_and_map_keep_order_and_unknowns() {
    let p = map(vec![
        ("L", list(vec![num(1.0), num(5.0), num(3.0), num(8.0)])),
        ("U", list(vec![num(1.0), unknown(), num(9.0)])),
        ("M", map(vec![("a", num(1.0)), ("b", num(2.0))])),
    ]);
    assert!(fires("props.L.filter(x, x > 2) == [5, 3, 8]", p.clone()));
    assert!(fires("props.L.map(x, x * 2) == [2, 10, 6, 16]", p.clone()));
    assert!(fires(
        "props.L.map(x, x > 2, x + 1) == [6, 4, 9]",
        p.clone()
    ));
    assert!(fires("size(props.L.filter(x, x > 100)) == 0", p.clone()));
    // Over a map, the variable is the key.
    assert!(fires("props.M.filter(k, k != 'a') == ['b']", p.clone()));
    // An item whose condition is unknown makes the whole result unknown: never fires.
    assert!(!fires("size(props.U.filter(x, x > 2)) == 1", p.clone()));
    assert!(!fires("size(props.U.filter(x, x > 2)) != 1", p.clone()));
    assert!(fires("props.U.map(x, x > 5) != []", p));
}
