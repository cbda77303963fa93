//! Broken and hostile templates through the CloudFormation loader: each gives a diagnostic
//! naming the file and the line, never a panic, in bounded time and memory, and every resource
//! that can be read is kept.

mod common;

use common::{load_file, source_file};
use vigil_loaders::{cloudformation, load, Level, LoadOptions, Loaded};
use vigil_model::Value;

fn load_yaml(text: &str) -> Loaded {
    load_file("t.yaml", text)
}

fn errors(l: &Loaded) -> Vec<&vigil_loaders::Diagnostic> {
    l.diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .collect()
}

fn addresses(l: &Loaded) -> Vec<&str> {
    l.resources.iter().map(|r| r.address.as_str()).collect()
}

/// The one diagnostic whose message contains `needle`.
fn diag<'a>(l: &'a Loaded, needle: &str) -> &'a vigil_loaders::Diagnostic {
    let found: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one diagnostic mentioning {needle:?}: {:#?}",
        l.diagnostics
    );
    found[0]
}

const HEAD: &str = "AWSTemplateFormatVersion: \"2010-09-09\"\n";

#[test]
fn malformed_yaml_names_the_line() {
    let text = format!(
        "{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: [unclosed\n  B: x\n"
    );
    let l = load_yaml(&text);
    assert_eq!(l.format, Some("cloudformation"));
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{:#?}", l.diagnostics);
    assert_eq!(e[0].path, "t.yaml");
    assert_eq!(e[0].line, 7);
    assert!(e[0].column >= 1);
    assert!(e[0].message.starts_with("cannot parse YAML"), "{}", e[0]);

    // A tab where YAML forbids one, an unterminated quote, a stray mapping value.
    for (bad, line) in [
        (format!("{HEAD}Resources:\n\tA: x\n"), 3),
        (
            format!("{HEAD}Resources:\n  A:\n    Type: \"AWS::S3::Bucket\n"),
            4,
        ),
        (format!("{HEAD}Resources:\n  A: b: c\n"), 3),
    ] {
        let l = load_yaml(&bad);
        let e = errors(&l);
        assert_eq!(e.len(), 1, "{bad}: {:#?}", l.diagnostics);
        assert!(
            e[0].line >= line - 1 && e[0].line <= line + 1,
            "{bad}: {}",
            e[0]
        );
        assert!(l.resources.is_empty());
    }
}

#[test]
fn malformed_json_takes_the_json_parsers_position() {
    let cases = [
        // A missing comma between two members.
        "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"A\": {\"Type\": \"AWS::S3::Bucket\"}\n    \"B\": {\"Type\": \"AWS::S3::Bucket\"}\n  }\n}\n",
        // Unclosed at the end of the file.
        "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n    \"A\": {\"Type\": \"AWS::S3::Bucket\"\n",
        // A closing bracket that closes nothing.
        "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"]}}",
    ];
    for text in cases {
        let expected = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let l = load_file("t.json", text);
        let e = errors(&l);
        assert_eq!(e.len(), 1, "{text}: {:#?}", l.diagnostics);
        assert_eq!(
            (e[0].line, e[0].column),
            (expected.line() as u32, expected.column() as u32),
            "{text}: {}",
            e[0]
        );
        assert!(e[0].message.contains("JSON"), "{}", e[0]);
        assert!(e[0].message.contains(&expected.to_string()), "{}", e[0]);
    }
}

#[test]
fn wrong_types_are_reported_and_the_rest_is_kept() {
    // `Resources` a list.
    let l = load_yaml(&format!(
        "{HEAD}Resources:\n  - Type: AWS::S3::Bucket\n    Properties: {{}}\n"
    ));
    let d = diag(&l, "`Resources` must be a mapping");
    assert_eq!((d.level, d.line), (Level::Error, 3));
    assert!(l.resources.is_empty());

    // `Resources` a scalar, `Parameters`, `Conditions` and `Mappings` of the wrong shape.
    let l = load_yaml(&format!(
        "{HEAD}Parameters: [a, b]\nConditions: yes\nMappings: 3\nResources: none\n"
    ));
    assert_eq!(diag(&l, "`Resources` must be a mapping").line, 5);

    let text = format!(
        "{HEAD}Resources:
  StringProps:
    Type: AWS::S3::Bucket
    Properties: hello
  ListProps:
    Type: AWS::S3::Bucket
    Properties: [a, b]
  NoType:
    Properties: {{}}
  TypeIsAMap:
    Type: {{Name: AWS::S3::Bucket}}
  ScalarBody: just a string
  RefToMap:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: {{Ref: {{a: b}}}}
      Other: !Ref [x, y]
      Attr: !GetAtt {{a: b}}
      Joined: !Join just-a-string
      Picked: !Select [99, [a, b]]
      Sub: !Sub [\"${{Unterminated\", 3]
      Split: !Split [\"\", abc]
      Cidr: !Cidr [\"10.0.0.0/8\", 4294967295, 4294967295]
      Nums: !Select [-1, [a]]
      Fraction: !Select [0.5, [a, b]]
      Find: !FindInMap [NoSuchMap, a, b]
      Cond: !If [NoSuchCondition, a, b]
      Unknown: !Frobnicate x
  Good:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicReadWrite
"
    );
    let l = load_yaml(&text);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u32 + 1;
    let d = diag(&l, "`Properties` of `StringProps` must be a mapping");
    assert_eq!((d.level, d.line), (Level::Error, line_of("hello")));
    let d = diag(&l, "`Properties` of `ListProps` must be a mapping");
    assert_eq!(d.line, line_of("[a, b]"));
    let d = diag(&l, "resource `NoType` has no `Type`");
    assert_eq!((d.level, d.line), (Level::Error, line_of("NoType:")));
    assert_eq!(
        diag(&l, "resource `TypeIsAMap` has no `Type`").line,
        line_of("TypeIsAMap:")
    );
    assert_eq!(
        diag(&l, "resource `ScalarBody` has no `Type`").line,
        line_of("ScalarBody:")
    );
    // `Ref` to a map and the other malformed intrinsics point at their own lines.
    let refs: Vec<u32> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("`Ref`"))
        .map(|d| d.line)
        .collect();
    assert!(
        refs.contains(&line_of("BucketName:")),
        "{:#?}",
        l.diagnostics
    );
    assert!(refs.contains(&line_of("Other:")), "{:#?}", l.diagnostics);
    for needle in [
        "Attr:",
        "Joined:",
        "Picked:",
        "Nums:",
        "Fraction:",
        "Find:",
        "Cond:",
        "Unknown:",
    ] {
        let line = line_of(needle);
        assert!(
            l.diagnostics.iter().any(|d| d.line == line),
            "no diagnostic on line {line} ({needle}): {:#?}",
            l.diagnostics
        );
    }
    for d in &l.diagnostics {
        assert_eq!(d.path, "t.yaml");
        assert!(d.line >= 1, "{d}");
    }
    // What could be read was kept; the malformed values are unknown, not guessed.
    let addrs = addresses(&l);
    for a in ["RefToMap", "Good"] {
        assert!(addrs.contains(&a), "{a} kept: {addrs:?}");
    }
    let r = l
        .resources
        .iter()
        .find(|r| r.address == "RefToMap")
        .unwrap();
    for key in [
        "BucketName",
        "Other",
        "Attr",
        "Joined",
        "Picked",
        "Nums",
        "Fraction",
        "Cond",
        "Unknown",
    ] {
        let v = r.properties.get(key).map(|n| &n.value);
        assert!(
            matches!(v, Some(Value::Unknown(_))),
            "{key} should be unknown: {v:?}"
        );
    }
    let good = l.resources.iter().find(|r| r.address == "Good").unwrap();
    assert_eq!(
        good.properties.get("AccessControl").unwrap().as_str(),
        Some("PublicReadWrite")
    );
}

fn nested_flow(depth: usize, leaf: &str) -> String {
    let mut v = leaf.to_string();
    for _ in 0..depth {
        v = format!("{{a: [{v}]}}");
    }
    v
}

#[test]
fn two_hundred_levels_of_nesting_load() {
    for style in ["flow", "block", "json"] {
        let text = match style {
            "flow" => format!(
                "{HEAD}Resources:\n  Deep:\n    Type: AWS::S3::Bucket\n    Properties:\n      Deep: {}\n",
                nested_flow(100, "leaf") // a map and a list per level: 200 levels
            ),
            "block" => {
                let mut t = format!("{HEAD}Resources:\n  Deep:\n    Type: AWS::S3::Bucket\n    Properties:\n");
                for i in 0..200 {
                    t.push_str(&" ".repeat(6 + 2 * i));
                    t.push_str("a:\n");
                }
                t.push_str(&" ".repeat(6 + 400));
                t.push_str("leaf\n");
                t
            }
            _ => format!(
                "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {{\"Deep\": {{\"Type\": \"AWS::S3::Bucket\", \"Properties\": {{\"Deep\": {}}}}}}}}}",
                (0..200).fold("\"leaf\"".to_string(), |v, _| format!("{{\"a\": {v}}}"))
            ),
        };
        let path = if style == "json" { "t.json" } else { "t.yaml" };
        let l = load_file(path, &text);
        assert!(l.diagnostics.is_empty(), "{style}: {:#?}", l.diagnostics);
        assert_eq!(addresses(&l), ["Deep"], "{style}");
        // The leaf is reachable at the bottom.
        let mut node = &l.resources[0].properties;
        let mut levels = 0;
        loop {
            match &node.value {
                Value::Map(m) if !m.is_empty() => node = m.values().next().unwrap(),
                Value::List(items) if !items.is_empty() => node = &items[0],
                _ => break,
            }
            levels += 1;
        }
        assert_eq!(node.as_str(), Some("leaf"), "{style}");
        assert!(levels >= 200, "{style}: {levels}");
    }
}

/// `Properties:` holding `depth` nested block mappings, each line being `key:` (and a leaf).
fn nested_block(depth: usize, key: &str) -> String {
    let mut t = format!("{HEAD}Resources:\n  Deep:\n    Type: AWS::S3::Bucket\n    Properties:\n");
    for i in 0..depth {
        t.push_str(&" ".repeat(6 + 2 * i));
        t.push_str(key);
        t.push_str(":\n");
    }
    t.push_str(&" ".repeat(6 + 2 * depth));
    t.push_str("leaf\n");
    t
}

#[test]
fn nesting_past_the_limit_is_an_error_even_on_a_small_stack() {
    // Test threads have small stacks (2 MiB): nesting just under the parser's limit must not
    // overflow it in evaluation, and far past the limit must be refused before recursing.
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let just_under = nested_block(990, "a");
            let l = load_yaml(&just_under);
            assert_eq!(addresses(&l), ["Deep"], "{:#?}", l.diagnostics);
            assert!(errors(&l).is_empty(), "{:#?}", l.diagnostics);
            // Evaluation stops at its own depth limit with a warning; the value is unknown.
            assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.diagnostics);
            assert!(l.diagnostics[0].message.contains("deeply"));

            // Block style past the limit of 1,000 levels.
            let l = load_yaml(&nested_block(5_000, "a"));
            let e = errors(&l);
            assert_eq!(e.len(), 1, "{:#?}", l.diagnostics);
            assert!(e[0].line > 900 && e[0].line < 1010, "{}", e[0]);
            assert!(e[0].message.contains("nesting"), "{}", e[0]);

            // Flow style, YAML and JSON: the scanner's own limit (255 levels).
            let flow = format!(
                "{HEAD}Resources:\n  Deep:\n    Type: AWS::S3::Bucket\n    Properties:\n      Deep: {}{}\n",
                "[".repeat(200_000),
                "]".repeat(200_000)
            );
            let l = load_yaml(&flow);
            let e = errors(&l);
            assert_eq!(e.len(), 1, "{:#?}", l.diagnostics);
            assert_eq!(e[0].line, 6);

            let json = format!(
                "{{\"AWSTemplateFormatVersion\": \"x\", \"Resources\": {{\"A\": {{\"Type\": \"AWS::S3::Bucket\", \"Properties\": {{\"X\": {}1{}}}}}}}}}",
                "[".repeat(200_000),
                "]".repeat(200_000)
            );
            let l = load_file("t.json", &json);
            assert_eq!(errors(&l).len(), 1, "{:#?}", l.diagnostics);
        })
        .unwrap();
    handle.join().expect("no stack overflow or panic");
}

#[test]
fn deeply_nested_intrinsics_stop_at_the_evaluation_limit() {
    // `Fn::Base64` within `Fn::Base64`, 900 deep: past the evaluator's limit, under the parser's.
    let text = nested_block(900, "Fn::Base64");
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let l = load_yaml(&text);
            assert_eq!(addresses(&l), ["Deep"], "{:#?}", l.diagnostics);
            assert!(errors(&l).is_empty(), "{:#?}", l.diagnostics);
            let props = &l.resources[0].properties.value;
            assert!(matches!(props, Value::Unknown(_)), "{props:?}");
            assert!(l.diagnostics.iter().any(|d| d.message.contains("deeply")));
        })
        .unwrap();
    handle.join().expect("no stack overflow or panic");
}

#[test]
fn alias_bombs_are_refused_quickly() {
    // Billion laughs: nine levels of ten aliases each.
    let mut text = format!("{HEAD}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    text.push_str(
        "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a9\n",
    );
    let l = load_yaml(&text);
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{:#?}", l.diagnostics);
    assert!(e[0].message.contains("alias"), "{}", e[0]);
    assert!(e[0].line > 1 && e[0].line <= 11, "{}", e[0]);

    // The same through merge keys, and through mapping values.
    let mut text =
        format!("{HEAD}m0: &m0 {{k0: v, k1: v, k2: v, k3: v, k4: v, k5: v, k6: v, k7: v}}\n");
    for i in 1..12 {
        let p = i - 1;
        text.push_str(&format!(
            "m{i}: &m{i} {{a: *m{p}, b: *m{p}, c: *m{p}, d: *m{p}, e: *m{p}, f: *m{p}, g: *m{p}, h: *m{p}, <<: *m{p}}}\n"
        ));
    }
    text.push_str("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: *m11\n");
    let l = load_yaml(&text);
    let e = errors(&l);
    assert_eq!(e.len(), 1, "{:#?}", l.diagnostics);
    assert!(e[0].message.contains("alias"), "{}", e[0]);

    // Aliases that stay small are fine.
    let l = load_yaml(&format!(
        "{HEAD}x-props: &p {{AccessControl: Private}}\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: *p\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      <<: *p\n      BucketName: b\n  C:\n    Type: AWS::S3::Bucket\n    Properties: *undefined\n"
    ));
    let e = errors(&l);
    assert_eq!(
        e.len(),
        1,
        "an undefined alias is an error: {:#?}",
        l.diagnostics
    );
    assert_eq!(e[0].line, 14);
}

#[test]
fn cyclic_conditions_name_the_condition_and_the_line() {
    let text = format!(
        "{HEAD}Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Condition: A\n    Properties:\n      Name: !If [B, x, y]\n"
    );
    let l = load_yaml(&text);
    let cycles: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("cycle"))
        .collect();
    assert_eq!(cycles.len(), 1, "reported once: {:#?}", l.diagnostics);
    assert!(cycles[0].message.contains("`A`") || cycles[0].message.contains("`B`"));
    assert!(
        [3, 4].contains(&cycles[0].line),
        "points into the cycle: {}",
        cycles[0]
    );
    // Undecidable: the resource is kept, and what depends on the cycle is unknown.
    assert_eq!(addresses(&l), ["R"]);
    assert!(matches!(
        l.resources[0].properties.get("Name").unwrap().value,
        Value::Unknown(_)
    ));

    // A condition that is its own cycle, and a three-step cycle no resource uses.
    let l = load_yaml(&format!(
        "{HEAD}Conditions:\n  Me: !And [!Condition Me, !Equals [a, a]]\n  X: !Condition Y\n  Y: !Or [!Condition Z, !Equals [a, b]]\n  Z: !Condition X\nResources:\n  R:\n    Type: AWS::CloudFormation::WaitConditionHandle\n"
    ));
    let cycles: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("cycle"))
        .collect();
    assert_eq!(cycles.len(), 2, "{:#?}", l.diagnostics);
    assert!(cycles
        .iter()
        .any(|d| d.message.contains("`Me`") && d.line == 3));
    assert!(cycles.iter().any(|d| d.line >= 4 && d.line <= 6));
    assert_eq!(addresses(&l), ["R"]);
}

#[test]
fn undeclared_conditions_are_reported() {
    let l = load_yaml(&format!(
        "{HEAD}Conditions:\n  A: !Condition Missing\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Condition: AlsoMissing\n"
    ));
    assert_eq!(diag(&l, "`Missing`").line, 3);
    assert_eq!(diag(&l, "`AlsoMissing`").line, 7);
    assert_eq!(addresses(&l), ["R"], "kept: its condition is not known");
}

#[test]
fn self_referencing_resources_are_reported_and_kept() {
    let text = format!(
        "{HEAD}Resources:\n  Me:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Me\n      Arn: !GetAtt Me.Arn\n      Sub: !Sub \"${{Me.Arn}}/*\"\n  Other:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Me\n"
    );
    let l = load_yaml(&text);
    let lines: Vec<u32> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("`Me` refers to itself"))
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, [6, 7, 8], "{:#?}", l.diagnostics);
    assert!(
        l.diagnostics.iter().all(|d| d.line != 12),
        "a reference from another resource is fine: {:#?}",
        l.diagnostics
    );
    assert_eq!(addresses(&l), ["Me", "Other"]);
    assert!(matches!(
        l.resources[0].properties.get("BucketName").unwrap().value,
        Value::Reference(_)
    ));
}

#[test]
fn lossy_text_and_binary_garbage_do_not_panic() {
    // What the gate hands over after a lossy decoding, and bytes no template has.
    let texts = [
        format!("{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: caf\u{fffd}\u{fffd}\n"),
        format!("{HEAD}Resources:\n  A\u{0}:\n    Type: AWS::S3::Bucket\n"),
        format!("{HEAD}\u{feff}Resources: {{}}\n"),
        "\u{feff}AWSTemplateFormatVersion: x\nResources: {}\n".to_string(),
        format!("{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: \"\\uD800\"\n"),
        format!("{HEAD}{}", (0u8..=255).map(|b| b as char).collect::<String>()),
        format!("{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n---\n...\n--- !Ref\n"),
        format!("{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: !Ref\n"),
        format!("{HEAD}Resources:\n  ? [a, b]\n  : Type: AWS::S3::Bucket\n  {{x: 1}}: {{Type: AWS::S3::Bucket}}\n"),
        format!("{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      ? {{k: v}}\n      : value\n      !Ref tagged-key: v\n"),
    ];
    for t in &texts {
        for path in ["t.yaml", "t.json"] {
            let l = cloudformation::load(&source_file(path, t), &LoadOptions::default());
            for d in &l.diagnostics {
                assert_eq!(d.path, path);
            }
        }
    }
}

#[test]
fn empty_files_are_not_templates() {
    for text in [
        "",
        "\n",
        "   \n\n",
        "# just a comment\n",
        "---\n",
        "---\n...\n",
    ] {
        let l = load_yaml(text);
        assert_eq!(l.format, None, "{text:?}");
        assert!(l.diagnostics.is_empty(), "{text:?}: {:#?}", l.diagnostics);
        assert!(l.resources.is_empty());
        // Even when forced through the CloudFormation loader.
        let l = cloudformation::load(&source_file("t.yaml", text), &LoadOptions::default());
        assert!(l.resources.is_empty());
        assert!(errors(&l).is_empty(), "{text:?}: {:#?}", l.diagnostics);
    }
}

#[test]
fn a_template_that_is_a_scalar_or_a_list_is_said_not_to_be_one() {
    for (text, what, line) in [
        ("AWSTemplateFormatVersion\n", "scalar", 1),
        ("\"AWSTemplateFormatVersion: 2010-09-09\"\n", "scalar", 1),
        (
            "# a list by mistake\n- AWSTemplateFormatVersion: \"2010-09-09\"\n  Resources:\n    A: {Type: AWS::S3::Bucket}\n",
            "list",
            2,
        ),
        ("[\"AWSTemplateFormatVersion\", \"Resources\"]", "list", 1),
    ] {
        let path = if text.starts_with('[') { "t.json" } else { "t.yaml" };
        let l = load_file(path, text);
        assert_eq!(l.format, None, "{text}");
        assert!(l.resources.is_empty());
        let d = diag(&l, what);
        assert_eq!((d.level, d.line), (Level::Warning, line), "{text}");
        assert!(d.message.contains("mapping"), "{d}");
    }
}

#[test]
fn duplicate_keys_warn_and_keep_the_last() {
    let l = load_yaml(&format!(
        "{HEAD}Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n      AccessControl: Private\n  A:\n    Type: AWS::SQS::Queue\n"
    ));
    let dups: Vec<u32> = l
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("duplicate key"))
        .map(|d| d.line)
        .collect();
    assert_eq!(dups, [7, 8], "{:#?}", l.diagnostics);
    assert_eq!(addresses(&l), ["A"]);
    assert_eq!(l.resources[0].kind, "AWS::SQS::Queue");
}

#[test]
fn a_mapping_of_many_keys_loads_in_linear_time() {
    // 100,000 resources and 100,000 duplicate keys: a quadratic duplicate-key check or
    // suppression lookup would take hours here.
    let mut text = format!("{HEAD}Resources:\n");
    for i in 0..100_000 {
        text.push_str(&format!("  R{i}: {{Type: AWS::SQS::Queue}}\n"));
    }
    let mut dup = format!(
        "{HEAD}Resources:\n  R: {{Type: AWS::SQS::Queue}}\n  Keep: {{Type: AWS::SQS::Queue}}\n"
    );
    for _ in 0..100_000 {
        dup.push_str("  R: {Type: AWS::SQS::Queue}\n");
    }
    let l = load_yaml(&text);
    assert_eq!(l.resources.len(), 100_000);
    assert!(l.diagnostics.is_empty());
    let l = load_yaml(&dup);
    assert_eq!(addresses(&l), ["Keep", "R"]);
    assert_eq!(l.diagnostics.len(), 100_000);
}

#[test]
fn classic_mac_line_endings_keep_lines_and_suppressions() {
    // A lone `\r` ends a line in YAML; counting lines with `str::lines` instead made the
    // suppression lookup index past the end of the file (found by the fuzzer).
    let text = format!(
        "{HEAD}Resources:\r  # vigil:ignore AWS-S3-001 reviewed\r  Site:\r    Type: AWS::S3::Bucket\r    Properties:\r      AccessControl: PublicReadWrite\r  Other:\r    Type: AWS::S3::Bucket\r\n"
    )
    .replace('\n', "\r");
    let l = load_yaml(&text);
    assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
    assert_eq!(addresses(&l), ["Site", "Other"]);
    let site = &l.resources[0];
    assert_eq!(site.span().unwrap().start.line, 4);
    assert_eq!(
        site.properties
            .get("AccessControl")
            .unwrap()
            .span
            .unwrap()
            .start
            .line,
        7
    );
    assert_eq!(site.suppressions.len(), 1, "the comment above is found");
    assert_eq!(site.suppressions[0].reason, "reviewed");
    assert!(l.resources[1].suppressions.is_empty());
    // Mixed endings.
    let mixed = "AWSTemplateFormatVersion: x\r\nResources:\r  A:\n    Type: AWS::S3::Bucket # vigil:ignore * all\r\n";
    let l = load_yaml(mixed);
    assert_eq!(l.resources[0].suppressions.len(), 1);
}

/// Inputs that once crashed the fuzz target (`fuzz/`), kept as files: each must load without
/// panicking, through both loaders' entry points.
#[test]
fn fuzz_regressions_load_without_panicking() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for path in ["fuzz.yaml", "fuzz.json"] {
            let f = source_file(path, &text);
            let _ = cloudformation::load(&f, &LoadOptions::default());
            let _ = load(&f, &LoadOptions::default());
        }
        n += 1;
    }
    assert!(n >= 1);
}
