//! The Terraform loader on in-memory configurations: evaluation, modules, mapping, joins and
//! bad input.

mod common;

use common::*;
use vigil_loaders::terraform::{self, Limits, MemFs, VariableInputs};
use vigil_loaders::Level;
use vigil_model::Value;

#[test]
fn variables_locals_and_templates_are_evaluated() {
    let l = load(
        r#"
variable "env" { default = "dev" }
variable "public" { default = false }
locals {
  name = "logs-${var.env}"
  acl  = var.public ? "public-read" : "private"
}
resource "aws_s3_bucket" "logs" {
  bucket = local.name
  acl    = local.acl
}
# --- file: terraform.tfvars
env    = "prod"
public = true
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let b = resource(&l, "aws_s3_bucket.logs");
    assert_eq!(b.kind, "AWS::S3::Bucket");
    assert_eq!(prop(b, "BucketName").as_str(), Some("logs-prod"));
    let acl = prop(b, "AccessControl");
    assert_eq!(acl.as_str(), Some("PublicRead"));
    assert_eq!(line(acl), 10, "points at the argument");
}

#[test]
fn command_line_variables_win_over_files() {
    let mut inputs = VariableInputs::default();
    inputs
        .vars
        .insert("acl".into(), "authenticated-read".into());
    let l = load_with(
        "variable \"acl\" {}\nresource \"aws_s3_bucket\" \"b\" { acl = var.acl }\n# --- file: terraform.tfvars\nacl = \"private\"\n",
        inputs,
    );
    let b = resource(&l, "aws_s3_bucket.b");
    assert_eq!(prop(b, "AccessControl").as_str(), Some("AuthenticatedRead"));
}

#[test]
fn a_variable_without_a_value_is_unknown() {
    let l = load("variable \"acl\" {}\nresource \"aws_s3_bucket\" \"b\" { acl = var.acl }\n");
    let b = resource(&l, "aws_s3_bucket.b");
    assert!(prop(b, "AccessControl").is_unknown());
}

#[test]
fn count_and_for_each_expand_instances() {
    let l = load(
        r#"
variable "names" { default = ["a", "b"] }
resource "aws_s3_bucket" "counted" {
  count  = length(var.names)
  bucket = "c-${var.names[count.index]}"
}
resource "aws_s3_bucket" "each" {
  for_each = toset(var.names)
  bucket   = "e-${each.key}"
}
resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "never"
}
"#,
    );
    assert_eq!(
        prop(resource(&l, "aws_s3_bucket.counted[1]"), "BucketName").as_str(),
        Some("c-b")
    );
    assert_eq!(
        prop(resource(&l, "aws_s3_bucket.each[\"a\"]"), "BucketName").as_str(),
        Some("e-a")
    );
    assert!(!l.resources.iter().any(|r| r.address.contains("none")));
    assert_eq!(l.resources.len(), 4);
}

#[test]
fn a_module_input_points_at_the_module_call() {
    let l = load(
        r#"
module "logs" {
  source = "./modules/bucket"
  acl    = "public-read"
}
# --- file: modules/bucket/main.tf
variable "acl" { default = "private" }
resource "aws_s3_bucket" "this" {
  bucket = "logs"
  acl    = var.acl
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let b = resource(&l, "module.logs.aws_s3_bucket.this");
    assert_eq!(b.file(), Some("modules/bucket/main.tf"));
    let acl = prop(b, "AccessControl");
    assert_eq!(acl.as_str(), Some("PublicRead"));
    assert_eq!(b.file_of(&acl.span.unwrap()), Some("main.tf"));
    assert_eq!(line(acl), 4);
}

#[test]
fn module_outputs_and_nested_modules() {
    let l = load(
        r#"
module "net" {
  source = "./net"
}
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = module.net.group_id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [module.net.world]
}
# --- file: net/main.tf
module "inner" {
  source = "../inner"
  cidr   = "0.0.0.0/0"
}
resource "aws_security_group" "this" { name = "app" }
output "group_id" { value = aws_security_group.this.id }
output "world" { value = module.inner.cidr }
# --- file: inner/main.tf
variable "cidr" {}
output "cidr" { value = var.cidr }
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let rule = resource(&l, "aws_security_group_rule.ssh");
    assert_eq!(rule.kind, "AWS::EC2::SecurityGroupIngress");
    assert_eq!(prop(rule, "CidrIp").as_str(), Some("0.0.0.0/0"));
    match &prop(rule, "GroupId").value {
        Value::Reference(r) => assert_eq!(r.target, "module.net.aws_security_group.this"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn split_s3_resources_join_their_bucket() {
    let l = load(
        r#"
resource "aws_s3_bucket" "data" { bucket = "data" }
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket              = "data"
  block_public_acls   = true
  block_public_policy = false
}
resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "public-read-write"
}
"#,
    );
    assert_eq!(l.resources.len(), 1, "split resources are folded in");
    let b = resource(&l, "aws_s3_bucket.data");
    let status = prop(b, "VersioningConfiguration.Status");
    assert_eq!(status.as_str(), Some("Suspended"));
    assert_eq!(line(status), 6);
    assert_eq!(
        prop(b, "PublicAccessBlockConfiguration.BlockPublicPolicy").value,
        Value::Bool(false)
    );
    assert_eq!(prop(b, "AccessControl").as_str(), Some("PublicReadWrite"));
}

#[test]
fn inline_security_group_rules_become_one_entry_per_cidr() {
    let l = load(
        r#"
resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [
      "10.0.0.0/8",
      "0.0.0.0/0",
    ]
  }
  dynamic "egress" {
    for_each = [80, 443]
    content {
      from_port   = egress.value
      to_port     = egress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
"#,
    );
    let g = resource(&l, "aws_security_group.web");
    assert_eq!(prop(g, "SecurityGroupIngress").as_list().unwrap().len(), 2);
    let world = prop(g, "SecurityGroupIngress.1.CidrIp");
    assert_eq!(world.as_str(), Some("0.0.0.0/0"));
    assert_eq!(line(world), 10, "points at the CIDR's own line");
    assert_eq!(
        prop(g, "SecurityGroupEgress.1.FromPort").value,
        Value::Number(443.0)
    );
}

#[test]
fn policies_from_heredoc_jsonencode_and_policy_documents() {
    let l = load(
        r#"
resource "aws_iam_policy" "heredoc" {
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOF
}
resource "aws_iam_policy" "encoded" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = aws_s3_bucket.x.arn
    }]
  })
}
data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
resource "aws_iam_role_policy" "inline" {
  role   = aws_iam_role.r.id
  policy = data.aws_iam_policy_document.doc.json
}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.doc.json
}
resource "aws_s3_bucket" "x" {}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let h = resource(&l, "aws_iam_policy.heredoc");
    assert_eq!(
        prop(h, "PolicyDocument.Statement.0.Action").as_str(),
        Some("*")
    );
    let e = resource(&l, "aws_iam_policy.encoded");
    let action = prop(e, "PolicyDocument.Statement.0.Action");
    assert_eq!(action.as_str(), Some("*"));
    assert_eq!(line(action), 12, "jsonencode keeps the statement's lines");
    assert!(matches!(
        prop(e, "PolicyDocument.Statement.0.Resource").value,
        Value::Reference(_)
    ));
    let i = resource(&l, "aws_iam_role_policy.inline");
    assert_eq!(i.kind, "AWS::IAM::RolePolicy");
    // A list of one is rendered as the value, as the provider does.
    let a = prop(i, "PolicyDocument.Statement.0.Action");
    assert_eq!(a.as_str(), Some("*"));
    assert_eq!(line(a), 19);
    assert_eq!(
        prop(i, "PolicyDocument.Statement.0.Effect").as_str(),
        Some("Allow")
    );
}

#[test]
fn attachments_join_roles_and_policies() {
    let l = load(
        r#"
resource "aws_iam_role" "r" { name = "app" }
resource "aws_iam_policy" "p" { policy = "{}" }
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
resource "aws_iam_role_policy_attachment" "admin" {
  role       = "app"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
"#,
    );
    // One side per attachment: a policy of the configuration lists the role; an AWS managed
    // policy goes into the role's ManagedPolicyArns.
    let r = resource(&l, "aws_iam_role.r");
    let arns = prop(r, "ManagedPolicyArns").as_list().unwrap();
    assert_eq!(arns.len(), 1);
    assert_eq!(
        arns[0].as_str(),
        Some("arn:aws:iam::aws:policy/AdministratorAccess")
    );
    let p = resource(&l, "aws_iam_policy.p");
    assert_eq!(prop(p, "Roles").as_list().unwrap().len(), 1);
}

#[test]
fn functions_evaluate() {
    let l = load(
        r#"
locals {
  tags   = merge({ a = "1" }, { b = "2" })
  parts  = split(",", "x,y,z")
  subnet = cidrsubnet("10.0.0.0/16", 8, 2)
  nets   = cidrsubnets("10.1.0.0/16", 4, 4, 8)
  f      = format("%s-%03d", "web", 7)
  j      = jsondecode("{\"k\": [1, 2]}")
  c      = coalesce("", "second")
  l      = lookup({ k = "v" }, "missing", "default")
  u      = upper(join("-", concat(["a"], ["b"])))
  e      = element(["p", "q"], 3)
  t      = try(local.nope.x, "fallback")
  up     = [for s in ["a", "b"] : upper(s) if s != "b"]
  m      = { for k, v in { a = 1, b = 2 } : k => v * 10 }
}
resource "aws_s3_bucket" "b" {
  bucket = "${local.subnet}|${local.f}|${local.c}|${local.l}|${local.u}|${local.e}|${local.t}|${local.up[0]}|${local.m.b}|${length(local.parts)}|${local.j.k[1]}|${local.tags.b}|${join(",", local.nets)}"
}
"#,
    );
    let b = resource(&l, "aws_s3_bucket.b");
    assert_eq!(
        prop(b, "BucketName").as_str(),
        Some("10.0.2.0/24|web-007|second|default|A-B|q|fallback|A|20|3|2|2|10.1.0.0/20,10.1.16.0/20,10.1.32.0/24")
    );
}

#[test]
fn unknown_values_stay_unknown() {
    let l = load(
        r#"
data "aws_caller_identity" "me" {}
resource "aws_s3_bucket" "b" {
  bucket = "logs-${data.aws_caller_identity.me.account_id}"
  acl    = timestamp() == "" ? "public-read" : "private"
}
"#,
    );
    let b = resource(&l, "aws_s3_bucket.b");
    assert!(prop(b, "BucketName").is_unknown());
    assert!(prop(b, "AccessControl").is_unknown());
}

#[test]
fn cycles_and_unknown_functions_are_reported_not_followed() {
    let l = load(
        r#"
locals {
  a = local.b
  b = local.a
}
resource "aws_s3_bucket" "b" {
  bucket = local.a
  acl    = frobnicate("x")
}
"#,
    );
    let b = resource(&l, "aws_s3_bucket.b");
    assert!(prop(b, "BucketName").is_unknown());
    assert!(prop(b, "AccessControl").is_unknown());
    let messages: Vec<String> = l.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(messages.iter().any(|m| m.contains("cycle")), "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("main.tf:8:") && m.contains("frobnicate")),
        "{messages:?}"
    );
}

#[test]
fn a_module_that_sources_itself_is_an_error_and_the_rest_loads() {
    let l = load(
        r#"
module "loop" {
  source = "./m"
}
resource "aws_s3_bucket" "ok" {}
# --- file: m/main.tf
module "again" {
  source = "../m"
}
resource "aws_s3_bucket" "inner" {}
"#,
    );
    assert!(l.resources.iter().any(|r| r.address == "aws_s3_bucket.ok"));
    assert!(l
        .resources
        .iter()
        .any(|r| r.address == "module.loop.aws_s3_bucket.inner"));
    let err = l
        .diagnostics
        .iter()
        .find(|d| d.level == Level::Error)
        .expect("an error");
    assert_eq!(err.path, "m/main.tf");
    assert_eq!(err.line, 1);
    assert!(err.message.contains("itself"), "{err}");
}

#[test]
fn registry_modules_are_a_note() {
    let l = load(
        r#"
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
resource "aws_security_group" "g" { vpc_id = module.vpc.vpc_id }
"#,
    );
    let d = &l.diagnostics[0];
    assert_eq!(d.level, Level::Note);
    assert!(d.message.contains("not evaluated"), "{d}");
    assert!(prop(resource(&l, "aws_security_group.g"), "VpcId").is_unknown());
}

#[test]
fn malformed_hcl_names_the_line_and_other_files_load() {
    let l = load("resource \"aws_s3_bucket\" \"ok\" {}\n# --- file: broken.tf\nresource \"aws_s3_bucket\" \"x\" {\n  acl = \n}\n");
    assert_eq!(l.resources.len(), 1);
    let d = &l.diagnostics[0];
    assert_eq!(d.level, Level::Error);
    assert_eq!(d.path, "broken.tf");
    assert!(d.line >= 2, "{d}");
}

#[test]
fn deep_for_nesting_is_bounded() {
    let mut expr = "1".to_string();
    for _ in 0..400 {
        expr = format!("[for x in [1] : {expr}]");
    }
    let l = load(&format!("locals {{ deep = {expr} }}\nresource \"aws_s3_bucket\" \"b\" {{ bucket = tostring(length(local.deep)) }}\n"));
    // Either the parser or the evaluator refuses the depth; nothing overflows.
    assert!(!l.diagnostics.is_empty());
}

#[test]
fn suppression_comments_apply_to_the_block() {
    let l = load(
        "# vigil:ignore AWS-S3-001 public website bucket\nresource \"aws_s3_bucket\" \"site\" {\n  acl = \"public-read-write\"\n}\n",
    );
    let b = resource(&l, "aws_s3_bucket.site");
    assert_eq!(b.suppressions.len(), 1);
    assert_eq!(b.suppressions[0].rule, "AWS-S3-001");
    assert_eq!(b.suppressions[0].reason, "public website bucket");
}

/// A plan in the shape `terraform show -json` writes (format 1.2), with the configuration
/// beside it.
const PLAN: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.11.4",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket.data",
          "mode": "managed",
          "type": "aws_s3_bucket",
          "name": "data",
          "values": { "bucket": "data-prod", "force_destroy": false, "tags": null }
        },
        {
          "address": "aws_s3_bucket_versioning.data",
          "mode": "managed",
          "type": "aws_s3_bucket_versioning",
          "name": "data",
          "values": {
            "expected_bucket_owner": null,
            "versioning_configuration": [{ "mfa_delete": null, "status": "Suspended" }]
          }
        },
        {
          "address": "aws_s3_bucket_acl.data",
          "mode": "managed",
          "type": "aws_s3_bucket_acl",
          "name": "data",
          "values": { "acl": "public-read", "bucket": "data-prod" }
        }
      ]
    }
  },
  "resource_changes": [
    {
      "address": "aws_s3_bucket_versioning.data",
      "change": { "after_unknown": { "bucket": true, "id": true, "versioning_configuration": [{}] } }
    }
  ],
  "configuration": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket_versioning.data",
          "mode": "managed",
          "type": "aws_s3_bucket_versioning",
          "name": "data",
          "expressions": { "bucket": { "references": ["aws_s3_bucket.data.id", "aws_s3_bucket.data"] } }
        }
      ]
    }
  }
}"#;

#[test]
fn plans_map_onto_the_same_records_and_point_at_the_configuration() {
    let fs = MemFs::from_fixture(&format!(
        "resource \"aws_s3_bucket\" \"data\" {{\n  bucket = \"data-${{var.env}}\"\n}}\nresource \"aws_s3_bucket_versioning\" \"data\" {{\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {{\n    status = var.status\n  }}\n}}\n# --- file: plan.json\n{PLAN}\n"
    ));
    let file = vigil_model::SourceFile {
        path: "plan.json".into(),
        disk_path: "plan.json".into(),
        text: fs.files["plan.json"].clone(),
    };
    assert!(terraform::plan::claims(&file));
    let l = terraform::plan::load(&file, &fs);
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert_eq!(l.resources.len(), 1);
    let b = resource(&l, "aws_s3_bucket.data");
    assert_eq!(b.file(), Some("main.tf"));
    assert_eq!(prop(b, "BucketName").as_str(), Some("data-prod"));
    // Joined by reference (the bucket id is unknown in the plan) and by name.
    let status = prop(b, "VersioningConfiguration.Status");
    assert_eq!(status.as_str(), Some("Suspended"));
    assert_eq!(b.file_of(&status.span.unwrap()), Some("main.tf"));
    assert_eq!(line(status), 7);
    assert_eq!(prop(b, "AccessControl").as_str(), Some("PublicRead"));
}

#[test]
fn a_plan_alone_points_at_its_own_lines() {
    let fs = MemFs::from_fixture(&format!("# --- file: plan.json\n{PLAN}\n"));
    let file = vigil_model::SourceFile {
        path: "plan.json".into(),
        disk_path: "plan.json".into(),
        text: fs.files["plan.json"].clone(),
    };
    let l = terraform::plan::load(&file, &fs);
    let b = resource(&l, "aws_s3_bucket.data");
    assert_eq!(b.file(), Some("plan.json"));
    assert_eq!(b.span().unwrap().start.line, 8);
}

#[test]
fn nested_for_over_large_ranges_is_bounded() {
    // A small budget keeps the test quick; the default is the same mechanism, larger.
    let limits = Limits {
        max_steps: 200_000,
        ..Limits::default()
    };
    let fs = MemFs::from_fixture(
        "locals {\n  grid = [for a in range(100000) : [for b in range(100000) : a * b]]\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = tostring(length(local.grid))\n}\n",
    );
    let l = terraform::load("", &fs, &VariableInputs::default(), limits);
    assert!(
        l.diagnostics
            .iter()
            .any(|d| d.message.contains("evaluation stopped")),
        "{:?}",
        l.diagnostics
    );
    assert!(prop(resource(&l, "aws_s3_bucket.b"), "BucketName").is_unknown());
}

#[test]
fn modules_that_feed_each_other_are_a_cycle_not_a_hang() {
    let l = load(
        r#"
module "a" {
  source = "./m"
  x      = module.b.y
}
module "b" {
  source = "./m"
  x      = module.a.y
}
resource "aws_s3_bucket" "b" {
  bucket = module.a.y
}
# --- file: m/main.tf
variable "x" {}
output "y" { value = var.x }
"#,
    );
    assert!(prop(resource(&l, "aws_s3_bucket.b"), "BucketName").is_unknown());
    assert!(
        l.diagnostics.iter().any(|d| d.message.contains("cycle")),
        "{:?}",
        l.diagnostics
    );
}

#[test]
fn modules_downloaded_by_terraform_init_are_read() {
    let l = load(
        r#"
module "bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.0.0"
  acl     = "public-read-write"
}
# --- file: .terraform/modules/modules.json
{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"bucket","Source":"registry.terraform.io/terraform-aws-modules/s3-bucket/aws","Version":"4.0.0","Dir":".terraform/modules/bucket"}]}
# --- file: .terraform/modules/bucket/main.tf
variable "acl" {}
resource "aws_s3_bucket" "this" {
  acl = var.acl
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    let b = resource(&l, "module.bucket.aws_s3_bucket.this");
    assert_eq!(prop(b, "AccessControl").as_str(), Some("PublicReadWrite"));
}
