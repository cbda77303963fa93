#!/usr/bin/env python3
"""Generates a large, deterministic corpus of Terraform configurations for the speed benchmark.

The counterpart of gen_cfn_corpus.py for Terraform, in the same style: every root module is
built from a seeded random generator (one per root, seeded with the corpus seed and the root's
number), so the same seed and count always give byte-identical files, and the roots of a smaller
corpus are the first roots of a larger one.

The corpus has the layout of a real infrastructure repository:

- `modules/` holds shared local modules (vpc, s3-bucket, legacy-s3-bucket, security-group,
  iam-role, kms-key, lambda, rds, sqs-queue, dynamodb-table, alb, eks, cloudtrail), written the
  way such modules are: `variables.tf` with types (`optional()` attributes included) and
  validations, `main.tf` with `count`/`for_each`, `dynamic` blocks, `aws_iam_policy_document`
  data sources and `jsonencode` policies, `outputs.tf`, `versions.tf`; some call each other
  (lambda -> iam-role, rds -> security-group, cloudtrail -> s3-bucket and kms-key).
- `live/<team>/<stack>/` and `live/<env>/<team>/<stack>/` hold root modules (one directory
  each): `providers.tf` (terraform block, S3 backend, provider with default_tags), `variables.tf`,
  `locals.tf` (per-environment settings maps, for expressions), `data.tf`, one file per
  component (`network.tf`, `s3.tf`, `iam.tf`, `lambda.tf`, `rds.tf`, `eks.tf`, ...), `outputs.tf`,
  and `terraform.tfvars` (sometimes also `<env>.auto.tfvars`) setting the variables, complex maps
  included. Roots call the shared modules with `source = "../../../modules/x"`, often with
  `for_each` over a map, and declare resources directly: S3 buckets with the split
  `aws_s3_bucket_*` resources, security groups with literal and dynamic ingress blocks, IAM roles
  with jsonencode, heredoc and policy-document policies, RDS, Lambda, SQS/SNS, DynamoDB, KMS,
  CloudTrail, GuardDuty/Config/Security Hub, ALBs, launch templates and auto scaling groups, EC2
  instances, EKS clusters with node groups and IRSA roles, CloudWatch log groups and alarms.

Root modules follow the CloudFormation generator's archetypes (network, webapp, serverless, data,
storage, security, compute, plus platform for EKS). About a third are sloppy on purpose (public
buckets, SSH open to the world through a variable default or a tfvars value, unencrypted RDS,
wildcard IAM, KMS without rotation, IMDSv1, public EKS endpoints, ...) so scanners have something
to report. Most files are 50 to 300 lines.

Usage: gen_tf_corpus.py [OUT_DIR] [--count N] [--seed S]
       (OUT_DIR defaults to bench/out/tf-corpus next to this script; N is the least number of .tf
       files: roots are added until the corpus holds at least N, default 2000)
"""
import argparse
import json
import os
import random
import re
import shutil
import sys
import textwrap

from corpus_words import APPS, DB_CLASSES, INSTANCE_TYPES, PORTS, RUNTIMES, TEAMS, WORDS

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "out", "tf-corpus")
MARKER = ".vigil-bench-corpus"
GENERATOR_VERSION = 1


# --------------------------------------------------------------------------------------------
# HCL tree: Python scalars, lists and dicts, raw expressions, heredocs and blocks.


class Raw:
    """An HCL expression written as is (`var.x`, `"${local.prefix}-logs"`, `merge(a, b)`).
    Continuation lines are indented relative to the line the expression starts on."""

    __slots__ = ("s",)

    def __init__(self, s):
        self.s = s

    def __repr__(self):
        return f"Raw({self.s!r})"


def T(s):
    """A template string: `${...}` in it is interpolation."""
    return Raw('"' + s + '"')


def interp(x):
    """The text of `x` inside a template or heredoc."""
    if isinstance(x, Raw):
        if x.s.startswith('"') and x.s.endswith('"'):
            return x.s[1:-1]
        return "${" + x.s + "}"
    return str(x)


class Heredoc:
    """`<<-EOT` ... `EOT`; the text may hold `${...}` interpolation."""

    __slots__ = ("text", "tag")

    def __init__(self, text, tag="EOT"):
        self.text = text
        self.tag = tag


IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def q(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + s.replace("${", "$${").replace("%{", "%%{") + '"'


def hkey(k):
    return k if IDENT.match(k) else q(k)


def aligned(pairs, ind):
    """`key = value` lines with the `=` aligned as `terraform fmt` does; a multi-line value ends
    an alignment group."""
    pad = "  " * ind
    out, group = [], []

    def flush():
        w = max(len(k) for k, _ in group)
        for k, v in group:
            out.append(f"{pad}{k.ljust(w)} = {v}")
        group.clear()

    for k, v in pairs:
        group.append((k, v))
        if "\n" in v:
            flush()
    if group:
        flush()
    return out


def val(v, ind):
    """The text of a value whose first line starts at indentation level `ind`."""
    pad = "  " * ind
    if isinstance(v, Raw):
        return v.s.replace("\n", "\n" + pad)
    if isinstance(v, Heredoc):
        body = "\n".join((pad + "  " + line) if line else "" for line in v.text.rstrip("\n").split("\n"))
        return f"<<-{v.tag}\n{body}\n{pad}{v.tag}"
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return q(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        parts = [val(x, ind + 1) for x in v]
        flat = "[" + ", ".join(parts) + "]"
        if "\n" not in flat and len(flat) + 2 * ind < 88 and not any(isinstance(x, dict) for x in v):
            return flat
        inner = "  " * (ind + 1)
        return "[\n" + "".join(f"{inner}{p},\n" for p in parts) + pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        lines = aligned([(hkey(k), val(x, ind + 1)) for k, x in v.items()], ind + 1)
        return "{\n" + "\n".join(lines) + "\n" + pad + "}"
    raise TypeError(v)


class Block:
    def __init__(self, kind, *labels):
        self.kind = kind
        self.labels = labels
        self.items = []

    def set(self, k, v):
        if v is not None:  # `x = null` is what leaving x out means
            self.items.append(("a", k, v))
        return self

    def meta(self, k, v):
        """`count` or `for_each` of a module call: after `source`, set apart by a blank line."""
        self.items[1:1] = [("a", k, v), ("n",)]
        return self

    def block(self, kind, *labels):
        b = Block(kind, *labels)
        self.items.append(("b", b))
        return b

    def dynamic(self, name, for_each, iterator=None):
        d = self.block("dynamic", name)
        d.set("for_each", for_each)
        if iterator:
            d.set("iterator", Raw(iterator))
        return d.block("content")

    def blank(self):
        self.items.append(("n",))
        return self

    def comment(self, text):
        self.items.append(("c", text))
        return self

    def render(self, ind, out, style):
        pad = "  " * ind
        head = pad + self.kind + "".join(f' "{lab}"' for lab in self.labels)
        if not self.items:
            out.append(head + " {}")
            return
        out.append(head + " {")
        render_items(self.items, ind + 1, out, style)
        out.append(pad + "}")


def render_items(items, ind, out, style):
    pad = "  " * ind
    i, prev = 0, None
    while i < len(items):
        kind = items[i][0]
        if kind == "a":
            if prev == "b":
                out.append("")
            pairs = []
            while i < len(items) and items[i][0] == "a":
                _, k, v = items[i]
                pairs.append((k, val(v, ind)))
                i += 1
            out.extend(aligned(pairs, ind))
        elif kind == "b":
            if prev == "b" or (prev == "a" and style.get("blank_before_blocks", True)):
                out.append("")
            items[i][1].render(ind, out, style)
            i += 1
        elif kind == "n":
            if prev not in (None, "n"):
                out.append("")
            i += 1
        else:
            if prev in ("a", "b"):
                out.append("")
            out.append(pad + "# " + items[i][1])
            i += 1
        prev = kind
    while out and out[-1] == "":
        out.pop()


def render_file(items, style):
    """A file: top-level blocks (and comments) separated by blank lines."""
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(it)
            continue
        if out and out[-1] != "" and not out[-1].startswith("#"):
            out.append("")
        it.render(0, out, style)
    return "\n".join(out).rstrip("\n") + "\n"


def render_tfvars(values):
    out = []
    pairs = [(hkey(k), val(v, 0)) for k, v in values.items()]
    for line in aligned(pairs, 0):
        out.append(line)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Vocabulary (the same as gen_cfn_corpus.py's, copied so that either corpus stays reproducible
# on its own).

REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
           "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ca-central-1"]
ENGINES = [("postgres", "14.10", 5432, "postgres14"), ("postgres", "15.5", 5432, "postgres15"),
           ("mysql", "8.0.35", 3306, "mysql8.0"), ("mariadb", "10.6.16", 3306, "mariadb10.6"),
           ("postgres", "13.13", 5432, "postgres13")]
SERVICE_ACTIONS = {
    "dynamodb": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                 "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                 "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"],
    "sqs": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
            "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl"],
    "sns": ["sns:Publish", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:GetTopicAttributes"],
    "kms": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKey*", "kms:DescribeKey",
            "kms:ReEncrypt*"],
    "logs": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
    "ssm": ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
    "secretsmanager": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
    "ec2": ["ec2:DescribeInstances", "ec2:DescribeTags", "ec2:CreateNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets"],
    "cloudwatch": ["cloudwatch:PutMetricData", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics"],
    "xray": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
    "ecr": ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchCheckLayerAvailability"],
    "s3": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetObjectVersion",
           "s3:GetBucketLocation", "s3:AbortMultipartUpload"],
}
MANAGED = ["service-role/AWSLambdaBasicExecutionRole", "service-role/AWSLambdaVPCAccessExecutionRole",
           "AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy", "AWSXRayDaemonWriteAccess",
           "AmazonS3ReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess", "ReadOnlyAccess",
           "AmazonEC2ContainerRegistryReadOnly"]
ENVS = ["dev", "staging", "prod"]


# --------------------------------------------------------------------------------------------
# Shared local modules: written once per corpus, called by the root modules.

VERSIONS_TF = """\
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}
"""

TAGS_VAR = """
variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
"""

MODULES = {}

MODULES["s3-bucket"] = {
    "variables.tf": """\
variable "bucket_name" {
  description = "Name of the bucket. Must be globally unique."
  type        = string

  validation {
    condition     = length(var.bucket_name) >= 3 && length(var.bucket_name) <= 63
    error_message = "Bucket names are 3 to 63 characters long."
  }
}

variable "force_destroy" {
  description = "Delete every object when the bucket is destroyed."
  type        = bool
  default     = false
}

variable "acl" {
  description = "Canned ACL. Leave null to keep ACLs disabled (BucketOwnerEnforced)."
  type        = string
  default     = null
}

variable "object_ownership" {
  description = "Object ownership setting when no ACL is set."
  type        = string
  default     = "BucketOwnerEnforced"
}

variable "versioning_enabled" {
  description = "Keep every version of every object."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "KMS key for default encryption; AES256 when null."
  type        = string
  default     = null
}

variable "block_public_access" {
  description = "Turn on all four public access block settings."
  type        = bool
  default     = true
}

variable "logging" {
  description = "Where server access logs go; no access logging when null."
  type = object({
    target_bucket = string
    target_prefix = optional(string, "s3-access/")
  })
  default = null
}

variable "lifecycle_rules" {
  description = "Lifecycle rules, applied in order."
  type = list(object({
    id                       = string
    enabled                  = optional(bool, true)
    prefix                   = optional(string, "")
    expiration_days          = optional(number, 0)
    noncurrent_days          = optional(number, 30)
    transition_days          = optional(number, 0)
    transition_storage_class = optional(string, "STANDARD_IA")
  }))
  default = []
}

variable "enforce_tls" {
  description = "Deny every request not made over TLS."
  type        = bool
  default     = true
}

variable "policy_statements" {
  description = "Extra statements for the bucket policy."
  type = list(object({
    sid            = string
    effect         = optional(string, "Allow")
    actions        = list(string)
    principal_type = optional(string, "AWS")
    principals     = list(string)
    prefix         = optional(string, "*")
  }))
  default = []
}
""" + TAGS_VAR,
    "main.tf": """\
resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy

  tags = merge(var.tags, { Name = var.bucket_name })
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = var.acl == null ? var.object_ownership : "ObjectWriter"
  }
}

resource "aws_s3_bucket_acl" "this" {
  count = var.acl == null ? 0 : 1

  bucket = aws_s3_bucket.this.id
  acl    = var.acl

  depends_on = [aws_s3_bucket_ownership_controls.this]
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = var.versioning_enabled ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = var.block_public_access
  block_public_policy     = var.block_public_access
  ignore_public_acls      = var.block_public_access
  restrict_public_buckets = var.block_public_access
}

resource "aws_s3_bucket_logging" "this" {
  count = var.logging == null ? 0 : 1

  bucket        = aws_s3_bucket.this.id
  target_bucket = var.logging.target_bucket
  target_prefix = "${var.logging.target_prefix}${var.bucket_name}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  count  = length(var.lifecycle_rules) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id

  dynamic "rule" {
    for_each = var.lifecycle_rules

    content {
      id     = rule.value.id
      status = rule.value.enabled ? "Enabled" : "Disabled"

      filter {
        prefix = rule.value.prefix
      }

      dynamic "transition" {
        for_each = rule.value.transition_days > 0 ? [rule.value.transition_days] : []
        content {
          days          = transition.value
          storage_class = rule.value.transition_storage_class
        }
      }

      dynamic "expiration" {
        for_each = rule.value.expiration_days > 0 ? [rule.value.expiration_days] : []
        content {
          days = expiration.value
        }
      }

      noncurrent_version_expiration {
        noncurrent_days = rule.value.noncurrent_days
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}
""",
    "policy.tf": """\
data "aws_iam_policy_document" "this" {
  dynamic "statement" {
    for_each = var.enforce_tls ? [1] : []

    content {
      sid       = "DenyInsecureTransport"
      effect    = "Deny"
      actions   = ["s3:*"]
      resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]

      principals {
        type        = "*"
        identifiers = ["*"]
      }

      condition {
        test     = "Bool"
        variable = "aws:SecureTransport"
        values   = ["false"]
      }
    }
  }

  dynamic "statement" {
    for_each = var.policy_statements

    content {
      sid       = statement.value.sid
      effect    = statement.value.effect
      actions   = statement.value.actions
      resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/${statement.value.prefix}"]

      principals {
        type        = statement.value.principal_type
        identifiers = statement.value.principals
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  count = var.enforce_tls || length(var.policy_statements) > 0 ? 1 : 0

  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.this.json

  depends_on = [aws_s3_bucket_public_access_block.this]
}
""",
    "outputs.tf": """\
output "id" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "bucket_domain_name" {
  value = aws_s3_bucket.this.bucket_domain_name
}

output "bucket_regional_domain_name" {
  value = aws_s3_bucket.this.bucket_regional_domain_name
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["legacy-s3-bucket"] = {
    "main.tf": """\
# Pre-v4 style bucket, kept for the stacks that have not moved to the split resources yet.

variable "bucket_name" {
  type = string
}

variable "acl" {
  type    = string
  default = "private"
}

variable "versioning" {
  type    = bool
  default = true
}

variable "sse_algorithm" {
  type    = string
  default = "AES256"
}

variable "kms_key_id" {
  type    = string
  default = null
}

variable "log_bucket" {
  type    = string
  default = ""
}

variable "expire_noncurrent_after" {
  type    = number
  default = 90
}

variable "cors_origins" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_s3_bucket" "this" {
  bucket = var.bucket_name
  acl    = var.acl

  versioning {
    enabled = var.versioning
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = var.sse_algorithm
        kms_master_key_id = var.kms_key_id
      }
    }
  }

  dynamic "logging" {
    for_each = var.log_bucket == "" ? [] : [var.log_bucket]
    content {
      target_bucket = logging.value
      target_prefix = "${var.bucket_name}/"
    }
  }

  lifecycle_rule {
    id      = "noncurrent"
    enabled = var.versioning

    noncurrent_version_expiration {
      days = var.expire_noncurrent_after
    }
  }

  dynamic "cors_rule" {
    for_each = length(var.cors_origins) > 0 ? [1] : []
    content {
      allowed_methods = ["GET", "HEAD"]
      allowed_origins = var.cors_origins
      allowed_headers = ["*"]
      max_age_seconds = 3000
    }
  }

  tags = var.tags
}

output "id" {
  value = aws_s3_bucket.this.id
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
""",
}

MODULES["security-group"] = {
    "variables.tf": """\
variable "name" {
  description = "Name of the security group (a prefix: a suffix is added)."
  type        = string
}

variable "description" {
  description = "What the group is for."
  type        = string
  default     = "Managed by Terraform"
}

variable "vpc_id" {
  type = string
}

variable "ingress_rules" {
  description = "Ingress rules; each opens a port range to CIDR blocks and/or security groups."
  type = list(object({
    description     = optional(string, "")
    from_port       = number
    to_port         = number
    protocol        = optional(string, "tcp")
    cidr_blocks     = optional(list(string), [])
    security_groups = optional(list(string), [])
  }))
  default = []
}

variable "allow_all_egress" {
  type    = bool
  default = true
}

variable "egress_cidr_blocks" {
  type    = list(string)
  default = ["0.0.0.0/0"]
}

variable "allow_self" {
  description = "Let members of the group reach each other on every port."
  type        = bool
  default     = false
}
""" + TAGS_VAR,
    "main.tf": """\
resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  description = var.description
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      description     = ingress.value.description
      from_port       = ingress.value.from_port
      to_port         = ingress.value.to_port
      protocol        = ingress.value.protocol
      cidr_blocks     = ingress.value.cidr_blocks
      security_groups = ingress.value.security_groups
    }
  }

  dynamic "egress" {
    for_each = var.allow_all_egress ? [1] : []
    content {
      description = "All outbound traffic"
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = var.egress_cidr_blocks
    }
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group_rule" "self" {
  count = var.allow_self ? 1 : 0

  type              = "ingress"
  description       = "Members talk to each other"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  self              = true
  security_group_id = aws_security_group.this.id
}

output "id" {
  value = aws_security_group.this.id
}

output "arn" {
  value = aws_security_group.this.arn
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["iam-role"] = {
    "variables.tf": """\
variable "name" {
  type = string
}

variable "path" {
  type    = string
  default = "/"
}

variable "description" {
  type    = string
  default = null
}

variable "trusted_services" {
  description = "Service principals allowed to assume the role."
  type        = list(string)
  default     = []
}

variable "trusted_role_arns" {
  description = "IAM principals allowed to assume the role."
  type        = list(string)
  default     = []
}

variable "external_id" {
  type    = string
  default = null
}

variable "max_session_duration" {
  type    = number
  default = 3600
}

variable "permissions_boundary" {
  type    = string
  default = null
}

variable "managed_policy_arns" {
  type    = list(string)
  default = []
}

variable "inline_policies" {
  description = "Inline policies by name, as JSON documents."
  type        = map(string)
  default     = {}
}

variable "create_instance_profile" {
  type    = bool
  default = false
}
""" + TAGS_VAR,
    "main.tf": """\
data "aws_iam_policy_document" "assume" {
  dynamic "statement" {
    for_each = length(var.trusted_services) > 0 ? [var.trusted_services] : []

    content {
      effect  = "Allow"
      actions = ["sts:AssumeRole"]

      principals {
        type        = "Service"
        identifiers = statement.value
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.trusted_role_arns) > 0 ? [var.trusted_role_arns] : []

    content {
      effect  = "Allow"
      actions = ["sts:AssumeRole"]

      principals {
        type        = "AWS"
        identifiers = statement.value
      }

      dynamic "condition" {
        for_each = var.external_id == null ? [] : [var.external_id]
        content {
          test     = "StringEquals"
          variable = "sts:ExternalId"
          values   = [condition.value]
        }
      }
    }
  }
}

resource "aws_iam_role" "this" {
  name                 = var.name
  path                 = var.path
  description          = var.description
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  max_session_duration = var.max_session_duration
  permissions_boundary = var.permissions_boundary

  tags = var.tags
}

resource "aws_iam_role_policy" "inline" {
  for_each = var.inline_policies

  name   = each.key
  role   = aws_iam_role.this.id
  policy = each.value
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each = toset(var.managed_policy_arns)

  role       = aws_iam_role.this.name
  policy_arn = each.value
}

resource "aws_iam_instance_profile" "this" {
  count = var.create_instance_profile ? 1 : 0

  name = var.name
  path = var.path
  role = aws_iam_role.this.name
  tags = var.tags
}
""",
    "outputs.tf": """\
output "arn" {
  value = aws_iam_role.this.arn
}

output "name" {
  value = aws_iam_role.this.name
}

output "instance_profile_name" {
  value = try(aws_iam_instance_profile.this[0].name, null)
}
""",
}

MODULES["kms-key"] = {
    "main.tf": """\
data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

variable "alias" {
  description = "Alias without the alias/ prefix."
  type        = string
}

variable "description" {
  type    = string
  default = "Managed by Terraform"
}

variable "enable_key_rotation" {
  type    = bool
  default = true
}

variable "deletion_window_in_days" {
  type    = number
  default = 30
}

variable "key_users" {
  description = "IAM principals that may use the key."
  type        = list(string)
  default     = []
}

variable "service_principals" {
  description = "AWS services that may use the key (logs.amazonaws.com, ...)."
  type        = list(string)
  default     = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  root_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"

  statements = concat(
    [{
      Sid       = "EnableRootAccount"
      Effect    = "Allow"
      Principal = { AWS = local.root_arn }
      Action    = "kms:*"
      Resource  = "*"
    }],
    length(var.key_users) == 0 ? [] : [{
      Sid       = "AllowKeyUsers"
      Effect    = "Allow"
      Principal = { AWS = var.key_users }
      Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
      Resource  = "*"
    }],
    [for svc in var.service_principals : {
      Sid       = "AllowService${replace(title(split(".", svc)[0]), "-", "")}"
      Effect    = "Allow"
      Principal = { Service = svc }
      Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
      Resource  = "*"
    }],
  )
}

resource "aws_kms_key" "this" {
  description             = var.description
  enable_key_rotation     = var.enable_key_rotation
  deletion_window_in_days = var.deletion_window_in_days

  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.statements
  })

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this.key_id
}

output "arn" {
  value = aws_kms_key.this.arn
}

output "key_id" {
  value = aws_kms_key.this.key_id
}

output "alias_arn" {
  value = aws_kms_alias.this.arn
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["lambda"] = {
    "variables.tf": """\
variable "function_name" {
  type = string
}

variable "description" {
  type    = string
  default = ""
}

variable "handler" {
  type    = string
  default = "app.handler"
}

variable "runtime" {
  type    = string
  default = "python3.12"
}

variable "memory_size" {
  type    = number
  default = 256
}

variable "timeout" {
  type    = number
  default = 30
}

variable "s3_bucket" {
  description = "Bucket holding the deployment package."
  type        = string
}

variable "s3_key" {
  type = string
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "subnet_ids" {
  description = "Run inside the VPC when set."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  type    = list(string)
  default = []
}

variable "dead_letter_target_arn" {
  type    = string
  default = null
}

variable "tracing_mode" {
  type    = string
  default = "Active"
}

variable "reserved_concurrent_executions" {
  type    = number
  default = -1
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "log_retention_days" {
  type    = number
  default = 30
}

variable "policy_json" {
  description = "Permissions of the function, as a policy document."
  type        = string
  default     = null
}

variable "allowed_triggers" {
  description = "Who may invoke the function."
  type = map(object({
    principal  = string
    source_arn = optional(string)
  }))
  default = {}
}

variable "event_sources" {
  description = "Queues and streams the function reads from."
  type = map(object({
    arn        = string
    batch_size = optional(number, 10)
  }))
  default = {}
}
""" + TAGS_VAR,
    "main.tf": """\
locals {
  in_vpc = length(var.subnet_ids) > 0

  managed_policies = compact([
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    local.in_vpc ? "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole" : "",
    var.tracing_mode == "Active" ? "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess" : "",
  ])
}

module "role" {
  source = "../iam-role"

  name                = "${var.function_name}-lambda"
  trusted_services    = ["lambda.amazonaws.com"]
  managed_policy_arns = local.managed_policies
  inline_policies     = var.policy_json == null ? {} : { permissions = var.policy_json }
  tags                = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_lambda_function" "this" {
  function_name                  = var.function_name
  description                    = var.description
  role                           = module.role.arn
  handler                        = var.handler
  runtime                        = var.runtime
  memory_size                    = var.memory_size
  timeout                        = var.timeout
  s3_bucket                      = var.s3_bucket
  s3_key                         = var.s3_key
  kms_key_arn                    = var.kms_key_arn
  reserved_concurrent_executions = var.reserved_concurrent_executions

  dynamic "environment" {
    for_each = length(var.environment) > 0 ? [var.environment] : []
    content {
      variables = environment.value
    }
  }

  dynamic "vpc_config" {
    for_each = local.in_vpc ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_target_arn == null ? [] : [var.dead_letter_target_arn]
    content {
      target_arn = dead_letter_config.value
    }
  }

  tracing_config {
    mode = var.tracing_mode
  }

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_lambda_permission" "triggers" {
  for_each = var.allowed_triggers

  statement_id  = "Allow${replace(title(each.key), "-", "")}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = each.value.principal
  source_arn    = each.value.source_arn
}

resource "aws_lambda_event_source_mapping" "sources" {
  for_each = var.event_sources

  event_source_arn = each.value.arn
  function_name    = aws_lambda_function.this.arn
  batch_size       = each.value.batch_size
}
""",
    "outputs.tf": """\
output "arn" {
  value = aws_lambda_function.this.arn
}

output "function_name" {
  value = aws_lambda_function.this.function_name
}

output "invoke_arn" {
  value = aws_lambda_function.this.invoke_arn
}

output "role_arn" {
  value = module.role.arn
}

output "log_group_name" {
  value = aws_cloudwatch_log_group.this.name
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["rds"] = {
    "variables.tf": """\
variable "identifier" {
  type = string
}

variable "engine" {
  type    = string
  default = "postgres"
}

variable "engine_version" {
  type = string
}

variable "parameter_group_family" {
  type = string
}

variable "instance_class" {
  type    = string
  default = "db.t3.medium"
}

variable "allocated_storage" {
  type    = number
  default = 50
}

variable "max_allocated_storage" {
  type    = number
  default = 200
}

variable "port" {
  type    = number
  default = 5432
}

variable "username" {
  type    = string
  default = "app"
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_cidr_blocks" {
  type    = list(string)
  default = []
}

variable "allowed_security_groups" {
  type    = list(string)
  default = []
}

variable "storage_encrypted" {
  type    = bool
  default = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "multi_az" {
  type    = bool
  default = false
}

variable "backup_retention_period" {
  type    = number
  default = 7
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "publicly_accessible" {
  type    = bool
  default = false
}

variable "iam_database_authentication_enabled" {
  type    = bool
  default = true
}

variable "performance_insights_enabled" {
  type    = bool
  default = true
}

variable "monitoring_interval" {
  type    = number
  default = 60
}

variable "parameters" {
  description = "Parameter group settings."
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "pending-reboot")
  }))
  default = []
}

variable "cloudwatch_logs_exports" {
  type    = list(string)
  default = []
}
""" + TAGS_VAR,
    "main.tf": """\
module "security_group" {
  source = "../security-group"

  name        = "${var.identifier}-db"
  description = "Access to ${var.identifier}"
  vpc_id      = var.vpc_id
  ingress_rules = [
    {
      description     = "Database clients"
      from_port       = var.port
      to_port         = var.port
      cidr_blocks     = var.allowed_cidr_blocks
      security_groups = var.allowed_security_groups
    },
  ]
  allow_all_egress = false
  tags             = var.tags
}

resource "aws_db_subnet_group" "this" {
  name       = var.identifier
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.identifier}-"
  family      = var.parameter_group_family

  dynamic "parameter" {
    for_each = var.parameters
    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_role" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0

  name_prefix = "${substr(var.identifier, 0, 20)}-mon-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0

  role       = aws_iam_role.monitoring[0].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_db_instance" "this" {
  identifier     = var.identifier
  engine         = var.engine
  engine_version = var.engine_version
  instance_class = var.instance_class
  port           = var.port

  allocated_storage     = var.allocated_storage
  max_allocated_storage = var.max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = var.storage_encrypted
  kms_key_id            = var.storage_encrypted ? var.kms_key_arn : null

  username                            = var.username
  manage_master_user_password         = true
  iam_database_authentication_enabled = var.iam_database_authentication_enabled

  db_subnet_group_name   = aws_db_subnet_group.this.name
  parameter_group_name   = aws_db_parameter_group.this.name
  vpc_security_group_ids = [module.security_group.id]
  publicly_accessible    = var.publicly_accessible
  multi_az               = var.multi_az

  backup_retention_period   = var.backup_retention_period
  backup_window             = "03:00-04:00"
  maintenance_window        = "sun:04:30-sun:05:30"
  copy_tags_to_snapshot     = true
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = !var.deletion_protection
  final_snapshot_identifier = "${var.identifier}-final"

  auto_minor_version_upgrade      = true
  performance_insights_enabled    = var.performance_insights_enabled
  monitoring_interval             = var.monitoring_interval
  monitoring_role_arn             = var.monitoring_interval > 0 ? aws_iam_role.monitoring[0].arn : null
  enabled_cloudwatch_logs_exports = var.cloudwatch_logs_exports

  tags = var.tags
}
""",
    "outputs.tf": """\
output "endpoint" {
  value = aws_db_instance.this.endpoint
}

output "arn" {
  value = aws_db_instance.this.arn
}

output "security_group_id" {
  value = module.security_group.id
}

output "master_user_secret_arn" {
  value = try(aws_db_instance.this.master_user_secret[0].secret_arn, null)
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["sqs-queue"] = {
    "main.tf": """\
variable "name" {
  type = string
}

variable "fifo" {
  type    = bool
  default = false
}

variable "visibility_timeout_seconds" {
  type    = number
  default = 30
}

variable "message_retention_seconds" {
  type    = number
  default = 345600
}

variable "max_receive_count" {
  description = "Deliveries before a message goes to the dead-letter queue; no DLQ when 0."
  type        = number
  default     = 5
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "publisher_arns" {
  description = "SNS topics allowed to send to the queue."
  type        = list(string)
  default     = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  suffix = var.fifo ? ".fifo" : ""
}

resource "aws_sqs_queue" "dlq" {
  count = var.max_receive_count > 0 ? 1 : 0

  name                      = "${var.name}-dlq${local.suffix}"
  fifo_queue                = var.fifo
  message_retention_seconds = 1209600
  kms_master_key_id         = var.kms_key_arn
  sqs_managed_sse_enabled   = var.kms_key_arn == null ? true : null

  tags = var.tags
}

resource "aws_sqs_queue" "this" {
  name                       = "${var.name}${local.suffix}"
  fifo_queue                 = var.fifo
  visibility_timeout_seconds = var.visibility_timeout_seconds
  message_retention_seconds  = var.message_retention_seconds
  kms_master_key_id          = var.kms_key_arn
  sqs_managed_sse_enabled    = var.kms_key_arn == null ? true : null

  redrive_policy = var.max_receive_count > 0 ? jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[0].arn
    maxReceiveCount     = var.max_receive_count
  }) : null

  tags = var.tags
}

data "aws_iam_policy_document" "publishers" {
  statement {
    sid       = "AllowTopics"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this.arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = var.publisher_arns
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  count = length(var.publisher_arns) > 0 ? 1 : 0

  queue_url = aws_sqs_queue.this.id
  policy    = data.aws_iam_policy_document.publishers.json
}

output "arn" {
  value = aws_sqs_queue.this.arn
}

output "url" {
  value = aws_sqs_queue.this.id
}

output "dlq_arn" {
  value = try(aws_sqs_queue.dlq[0].arn, null)
}
""",
}

MODULES["dynamodb-table"] = {
    "main.tf": """\
variable "name" {
  type = string
}

variable "hash_key" {
  type = string
}

variable "range_key" {
  type    = string
  default = null
}

variable "attributes" {
  description = "Key attributes: name => type (S, N or B)."
  type        = map(string)
}

variable "global_secondary_indexes" {
  type = list(object({
    name            = string
    hash_key        = string
    range_key       = optional(string)
    projection_type = optional(string, "ALL")
  }))
  default = []
}

variable "billing_mode" {
  type    = string
  default = "PAY_PER_REQUEST"
}

variable "point_in_time_recovery" {
  type    = bool
  default = true
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "ttl_attribute" {
  type    = string
  default = ""
}

variable "stream_enabled" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_dynamodb_table" "this" {
  name             = var.name
  billing_mode     = var.billing_mode
  hash_key         = var.hash_key
  range_key        = var.range_key
  stream_enabled   = var.stream_enabled
  stream_view_type = var.stream_enabled ? "NEW_AND_OLD_IMAGES" : null

  dynamic "attribute" {
    for_each = var.attributes
    content {
      name = attribute.key
      type = attribute.value
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes
    content {
      name            = global_secondary_index.value.name
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = global_secondary_index.value.projection_type
    }
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == "" ? [] : [var.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  tags = var.tags
}

output "arn" {
  value = aws_dynamodb_table.this.arn
}

output "name" {
  value = aws_dynamodb_table.this.name
}

output "stream_arn" {
  value = aws_dynamodb_table.this.stream_arn
}
""",
}

MODULES["alb"] = {
    "variables.tf": """\
variable "name" {
  type = string
}

variable "internal" {
  type    = bool
  default = false
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "certificate_arn" {
  type = string
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "redirect_http" {
  type    = bool
  default = true
}

variable "access_logs_bucket" {
  type    = string
  default = null
}

variable "drop_invalid_header_fields" {
  type    = bool
  default = true
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "target_groups" {
  description = "Target groups by name; the first one is the listener's default."
  type = map(object({
    port              = number
    protocol          = optional(string, "HTTP")
    target_type       = optional(string, "instance")
    health_check_path = optional(string, "/healthz")
    host_headers      = optional(list(string), [])
    priority          = optional(number)
  }))
}
""" + TAGS_VAR,
    "main.tf": """\
locals {
  default_target_group = keys(var.target_groups)[0]
  routed = {
    for name, tg in var.target_groups : name => tg if length(tg.host_headers) > 0
  }
}

resource "aws_lb" "this" {
  name                       = var.name
  internal                   = var.internal
  load_balancer_type         = "application"
  subnets                    = var.subnet_ids
  security_groups            = var.security_group_ids
  drop_invalid_header_fields = var.drop_invalid_header_fields
  enable_deletion_protection = var.deletion_protection

  dynamic "access_logs" {
    for_each = var.access_logs_bucket == null ? [] : [var.access_logs_bucket]
    content {
      bucket  = access_logs.value
      prefix  = var.name
      enabled = true
    }
  }

  tags = var.tags
}

resource "aws_lb_target_group" "this" {
  for_each = var.target_groups

  name_prefix = substr(each.key, 0, 6)
  port        = each.value.port
  protocol    = each.value.protocol
  target_type = each.value.target_type
  vpc_id      = var.vpc_id

  health_check {
    path                = each.value.health_check_path
    healthy_threshold   = 3
    unhealthy_threshold = 3
    interval            = 30
    matcher             = "200-399"
  }

  tags = var.tags
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  dynamic "default_action" {
    for_each = var.redirect_http ? [1] : []
    content {
      type = "redirect"
      redirect {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }

  dynamic "default_action" {
    for_each = var.redirect_http ? [] : [1]
    content {
      type             = "forward"
      target_group_arn = aws_lb_target_group.this[local.default_target_group].arn
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[local.default_target_group].arn
  }
}

resource "aws_lb_listener_rule" "hosts" {
  for_each = local.routed

  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.key].arn
  }

  condition {
    host_header {
      values = each.value.host_headers
    }
  }
}
""",
    "outputs.tf": """\
output "arn" {
  value = aws_lb.this.arn
}

output "dns_name" {
  value = aws_lb.this.dns_name
}

output "zone_id" {
  value = aws_lb.this.zone_id
}

output "target_group_arns" {
  value = { for k, tg in aws_lb_target_group.this : k => tg.arn }
}

output "https_listener_arn" {
  value = aws_lb_listener.https.arn
}
""",
}

MODULES["vpc"] = {
    "variables.tf": """\
variable "name" {
  description = "Name prefix of every resource of the VPC."
  type        = string
}

variable "cidr_block" {
  type    = string
  default = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "The CIDR block must be a valid IPv4 CIDR."
  }
}

variable "azs" {
  description = "Availability zones, one public and one private subnet each."
  type        = list(string)
}

variable "subnet_newbits" {
  type    = number
  default = 4
}

variable "enable_nat_gateway" {
  type    = bool
  default = true
}

variable "single_nat_gateway" {
  type    = bool
  default = false
}

variable "map_public_ip_on_launch" {
  type    = bool
  default = false
}

variable "enable_flow_logs" {
  type    = bool
  default = true
}

variable "flow_log_traffic_type" {
  type    = string
  default = "ALL"
}

variable "flow_log_retention_days" {
  type    = number
  default = 90
}

variable "flow_log_kms_key_arn" {
  type    = string
  default = null
}

variable "restrict_default_security_group" {
  type    = bool
  default = true
}

variable "public_subnet_tags" {
  type    = map(string)
  default = {}
}

variable "private_subnet_tags" {
  type    = map(string)
  default = {}
}
""" + TAGS_VAR,
    "main.tf": """\
locals {
  az_count  = length(var.azs)
  nat_count = var.enable_nat_gateway ? (var.single_nat_gateway ? 1 : local.az_count) : 0
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_default_security_group" "this" {
  count = var.restrict_default_security_group ? 1 : 0

  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-default" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "public" {
  count = local.az_count

  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr_block, var.subnet_newbits, count.index)
  availability_zone       = var.azs[count.index]
  map_public_ip_on_launch = var.map_public_ip_on_launch

  tags = merge(var.tags, var.public_subnet_tags, {
    Name = "${var.name}-public-${var.azs[count.index]}"
    Tier = "public"
  })
}

resource "aws_subnet" "private" {
  count = local.az_count

  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.cidr_block, var.subnet_newbits, count.index + local.az_count)
  availability_zone = var.azs[count.index]

  tags = merge(var.tags, var.private_subnet_tags, {
    Name = "${var.name}-private-${var.azs[count.index]}"
    Tier = "private"
  })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count = local.az_count

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_eip" "nat" {
  count = local.nat_count

  domain = "vpc"
  tags   = merge(var.tags, { Name = "${var.name}-nat-${count.index}" })
}

resource "aws_nat_gateway" "this" {
  count = local.nat_count

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = merge(var.tags, { Name = "${var.name}-nat-${count.index}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "private" {
  count = local.az_count

  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-private-${var.azs[count.index]}" })
}

resource "aws_route" "private_nat" {
  count = local.nat_count > 0 ? local.az_count : 0

  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id
}

resource "aws_route_table_association" "private" {
  count = local.az_count

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}
""",
    "flow-logs.tf": """\
resource "aws_cloudwatch_log_group" "flow_logs" {
  count = var.enable_flow_logs ? 1 : 0

  name              = "/aws/vpc/${var.name}/flow-logs"
  retention_in_days = var.flow_log_retention_days
  kms_key_id        = var.flow_log_kms_key_arn
  tags              = var.tags
}

data "aws_iam_policy_document" "flow_logs_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow_logs" {
  count = var.enable_flow_logs ? 1 : 0

  name_prefix        = "${substr(var.name, 0, 24)}-flow-"
  assume_role_policy = data.aws_iam_policy_document.flow_logs_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "flow_logs" {
  count = var.enable_flow_logs ? 1 : 0

  name = "flow-logs"
  role = aws_iam_role.flow_logs[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogGroups",
        "logs:DescribeLogStreams",
      ]
      Resource = "${aws_cloudwatch_log_group.flow_logs[0].arn}:*"
    }]
  })
}

resource "aws_flow_log" "this" {
  count = var.enable_flow_logs ? 1 : 0

  vpc_id          = aws_vpc.this.id
  traffic_type    = var.flow_log_traffic_type
  log_destination = aws_cloudwatch_log_group.flow_logs[0].arn
  iam_role_arn    = aws_iam_role.flow_logs[0].arn
  tags            = var.tags
}
""",
    "outputs.tf": """\
output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_cidr_block" {
  value = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "private_route_table_ids" {
  value = aws_route_table.private[*].id
}

output "nat_public_ips" {
  value = aws_eip.nat[*].public_ip
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["eks"] = {
    "variables.tf": """\
variable "cluster_name" {
  type = string
}

variable "cluster_version" {
  type    = string
  default = "1.29"
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "endpoint_public_access" {
  type    = bool
  default = false
}

variable "public_access_cidrs" {
  type    = list(string)
  default = []
}

variable "secrets_kms_key_arn" {
  description = "Envelope encryption of Kubernetes secrets; none when null."
  type        = string
  default     = null
}

variable "enabled_log_types" {
  type    = list(string)
  default = ["api", "audit", "authenticator"]
}

variable "log_retention_days" {
  type    = number
  default = 90
}

variable "node_groups" {
  description = "Managed node groups by name."
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = optional(number, 1)
    max_size       = optional(number, 3)
    desired_size   = optional(number, 2)
    disk_size      = optional(number, 50)
    labels         = optional(map(string), {})
    taints = optional(list(object({
      key    = string
      value  = string
      effect = string
    })), [])
  }))
  default = {}
}

variable "node_http_tokens" {
  description = "IMDS on the nodes: required (IMDSv2 only) or optional."
  type        = string
  default     = "required"
}

variable "addons" {
  type    = map(string)
  default = {}
}

variable "oidc_thumbprint" {
  type    = string
  default = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"
}
""" + TAGS_VAR,
    "main.tf": """\
module "cluster_role" {
  source = "../iam-role"

  name             = "${var.cluster_name}-cluster"
  trusted_services = ["eks.amazonaws.com"]
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
    "arn:aws:iam::aws:policy/AmazonEKSVPCResourceController",
  ]
  tags = var.tags
}

module "node_role" {
  source = "../iam-role"

  name             = "${var.cluster_name}-node"
  trusted_services = ["ec2.amazonaws.com"]
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
  ]
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "cluster" {
  name              = "/aws/eks/${var.cluster_name}/cluster"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_eks_cluster" "this" {
  name                      = var.cluster_name
  version                   = var.cluster_version
  role_arn                  = module.cluster_role.arn
  enabled_cluster_log_types = var.enabled_log_types

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = var.endpoint_public_access
    public_access_cidrs     = var.endpoint_public_access ? var.public_access_cidrs : null
  }

  dynamic "encryption_config" {
    for_each = var.secrets_kms_key_arn == null ? [] : [var.secrets_kms_key_arn]
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value
      }
    }
  }

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.cluster]
}

resource "aws_iam_openid_connect_provider" "this" {
  url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [var.oidc_thumbprint]
  tags            = var.tags
}

resource "aws_eks_addon" "this" {
  for_each = var.addons

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value
  resolve_conflicts_on_update = "OVERWRITE"
}
""",
    "node-groups.tf": """\
resource "aws_launch_template" "nodes" {
  for_each = var.node_groups

  name_prefix = "${var.cluster_name}-${each.key}-"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = var.node_http_tokens
    http_put_response_hop_limit = 2
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = each.value.disk_size
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.cluster_name}-${each.key}" })
  }
}

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = module.node_role.arn
  subnet_ids      = var.subnet_ids
  instance_types  = each.value.instance_types
  capacity_type   = each.value.capacity_type
  labels          = each.value.labels

  scaling_config {
    min_size     = each.value.min_size
    max_size     = each.value.max_size
    desired_size = each.value.desired_size
  }

  update_config {
    max_unavailable = 1
  }

  launch_template {
    id      = aws_launch_template.nodes[each.key].id
    version = aws_launch_template.nodes[each.key].latest_version
  }

  dynamic "taint" {
    for_each = each.value.taints
    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }
}
""",
    "outputs.tf": """\
output "cluster_name" {
  value = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  value = aws_eks_cluster.this.endpoint
}

output "cluster_security_group_id" {
  value = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "oidc_provider_arn" {
  value = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer_url" {
  value = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

output "node_role_arn" {
  value = module.node_role.arn
}
""",
    "versions.tf": VERSIONS_TF,
}

MODULES["cloudtrail"] = {
    "main.tf": """\
data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

variable "name" {
  type = string
}

variable "multi_region" {
  type    = bool
  default = true
}

variable "log_file_validation" {
  type    = bool
  default = true
}

variable "encrypt_with_kms" {
  type    = bool
  default = true
}

variable "cloudwatch_retention_days" {
  type    = number
  default = 365
}

variable "data_event_buckets" {
  description = "Bucket ARNs whose object-level events are recorded."
  type        = list(string)
  default     = []
}

variable "log_bucket" {
  description = "Bucket receiving the access logs of the trail bucket."
  type        = string
  default     = null
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  trail_arn  = "arn:${data.aws_partition.current.partition}:cloudtrail:${data.aws_region.current.name}:${local.account_id}:trail/${var.name}"
}

module "key" {
  source = "../kms-key"
  count  = var.encrypt_with_kms ? 1 : 0

  alias              = "${var.name}-trail"
  description        = "CloudTrail ${var.name}"
  service_principals = ["cloudtrail.amazonaws.com", "logs.amazonaws.com"]
  tags               = var.tags
}

module "bucket" {
  source = "../s3-bucket"

  bucket_name = "${var.name}-trail-${local.account_id}"
  kms_key_arn = var.encrypt_with_kms ? module.key[0].arn : null
  logging     = var.log_bucket == null ? null : { target_bucket = var.log_bucket }
  lifecycle_rules = [
    { id = "archive", transition_days = 90, transition_storage_class = "GLACIER", expiration_days = 2555 },
  ]
  policy_statements = [
    {
      sid            = "AWSCloudTrailWrite"
      actions        = ["s3:PutObject"]
      principal_type = "Service"
      principals     = ["cloudtrail.amazonaws.com"]
      prefix         = "AWSLogs/${local.account_id}/*"
    },
    {
      sid            = "AWSCloudTrailAclCheck"
      actions        = ["s3:GetBucketAcl"]
      principal_type = "Service"
      principals     = ["cloudtrail.amazonaws.com"]
    },
  ]
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/${var.name}"
  retention_in_days = var.cloudwatch_retention_days
  kms_key_id        = var.encrypt_with_kms ? module.key[0].arn : null
  tags              = var.tags
}

resource "aws_iam_role" "trail" {
  name = "${var.name}-cloudtrail"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "trail" {
  name = "logs"
  role = aws_iam_role.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.trail.arn}:*"
    }]
  })
}

resource "aws_cloudtrail" "this" {
  name                          = var.name
  s3_bucket_name                = module.bucket.id
  include_global_service_events = true
  is_multi_region_trail         = var.multi_region
  enable_log_file_validation    = var.log_file_validation
  kms_key_id                    = var.encrypt_with_kms ? module.key[0].arn : null
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    dynamic "data_resource" {
      for_each = length(var.data_event_buckets) > 0 ? [1] : []
      content {
        type   = "AWS::S3::Object"
        values = [for b in var.data_event_buckets : "${b}/"]
      }
    }
  }

  tags = var.tags
}

output "arn" {
  value = aws_cloudtrail.this.arn
}

output "bucket" {
  value = module.bucket.id
}

output "kms_key_arn" {
  value = var.encrypt_with_kms ? module.key[0].arn : null
}
""",
}


# --------------------------------------------------------------------------------------------
# Root modules

NOTSET = object()


class Var:
    __slots__ = ("name", "type", "default", "desc", "validation", "sensitive")

    def __init__(self, name, type_, default, desc, validation, sensitive):
        self.name, self.type, self.default, self.desc = name, type_, default, desc
        self.validation, self.sensitive = validation, sensitive


class Ctx:
    """One root module being built."""

    def __init__(self, rng, idx, arch):
        self.rng = rng
        self.idx = idx
        self.arch = arch
        self.team = rng.choice(TEAMS)
        self.app = rng.choice(APPS)
        self.env = rng.choice(["dev", "staging", "prod", "prod"])
        self.region = rng.choice(REGIONS)
        self.sloppy = rng.random() < 0.35
        self.p_bad = 0.45 if self.sloppy else 0.04
        # Size knob, as in the CloudFormation generator.
        self.verb = min(5.0, 0.35 + rng.lognormvariate(-0.3, 0.7))
        self.vars = {}
        self.locals = {}
        self.data = {}
        self.files = {}
        self.outputs = []
        self.tfvars = {}
        self.auto_tfvars = {}
        self.extra_files = {}
        self.cache = {}
        self.names = set()
        self.style = {"blank_before_blocks": rng.random() < 0.8}
        self.stack = f"{self.app}-{arch}"
        if rng.random() < 0.6:
            self.dir = f"live/{self.team}/{self.stack}-{idx:04d}"
        else:
            self.dir = f"live/{self.env}/{self.team}/{self.stack}-{idx:04d}"
        self.mods = "/".join([".."] * self.dir.count("/") + [".."]) + "/modules"
        self.resources = 0
        self.module_calls = 0
        self.addresses = set()

    def claim(self, address):
        # Terraform rejects two blocks with one address: a generator bug, not a corpus feature.
        if address in self.addresses:
            raise AssertionError(f"root {self.idx}: {address} declared twice")
        self.addresses.add(address)

    # ---- helpers
    def bad(self, scale=1.0):
        return self.rng.random() < self.p_bad * scale

    def n(self, lo, base, cap):
        return max(lo, min(cap, int(lo + base * self.verb * (0.5 + self.rng.random()))))

    def word(self):
        return self.rng.choice(WORDS)

    def uniq(self, base):
        base = re.sub(r"[^a-z0-9_]", "_", base.lower())
        if base not in self.names:
            self.names.add(base)
            return base
        i = 2
        while f"{base}_{i}" in self.names:
            i += 1
        self.names.add(f"{base}_{i}")
        return f"{base}_{i}"

    def var(self, name, type_, default=NOTSET, desc=None, tfvar=NOTSET, validation=None, sensitive=False,
            auto=False):
        if name not in self.vars:
            self.vars[name] = Var(name, type_, default, desc, validation, sensitive)
        if tfvar is not NOTSET:
            (self.auto_tfvars if auto else self.tfvars)[name] = tfvar
        return Raw("var." + name)

    def local(self, name, value):
        if name not in self.locals:
            self.locals[name] = value
        return Raw("local." + name)

    def file(self, name):
        return self.files.setdefault(name, [])

    def res(self, fname, rtype, name):
        self.claim(f"{rtype}.{name}")
        b = Block("resource", rtype, name)
        self.file(fname).append(b)
        self.resources += 1
        return b

    def datasrc(self, fname, dtype, name):
        self.claim(f"data.{dtype}.{name}")
        b = Block("data", dtype, name)
        self.file(fname).append(b)
        return b

    def module(self, fname, name, mod):
        self.claim(f"module.{name}")
        b = Block("module", name)
        b.set("source", f"{self.mods}/{mod}")
        self.file(fname).append(b)
        self.module_calls += 1
        return b

    def output(self, name, value, desc=None, sensitive=False):
        if any(o.labels[0] == name for o in self.outputs):
            return
        b = Block("output", name)
        if desc is None and self.rng.random() < 0.7:
            desc = name.replace("_", " ").capitalize().replace(" arn", " ARN").replace(" id", " ID") + "."
        if desc:
            b.set("description", desc)
        b.set("value", value)
        if sensitive:
            b.set("sensitive", True)
        self.outputs.append(b)

    # ---- shared values
    def account(self):
        self.data.setdefault("caller", True)
        return "data.aws_caller_identity.current.account_id"

    def partition(self):
        self.data.setdefault("partition", True)
        return "data.aws_partition.current.partition"

    def arn(self, service, rest):
        return T("arn:${" + self.partition() + "}:" + service + ":${var.region}:${" + self.account() + "}:" + rest)

    def tags(self, **extra):
        if not extra:
            return Raw("local.common_tags")
        if len(extra) == 1:
            (k, v), = extra.items()
            return Raw("merge(local.common_tags, { " + k + " = " + val(v, 0) + " })")
        return Raw("merge(local.common_tags, " + val(extra, 0) + ")")

    def prefix(self):
        return "${local.name_prefix}"


# ---- networking


def vpc(c):
    if "vpc" in c.cache:
        return c.cache["vpc"]
    rng = c.rng
    if c.arch in ("network", "webapp", "platform") or rng.random() < 0.1:
        octet = rng.randint(0, 250)
        cidr = c.var("vpc_cidr", "string", f"10.{octet}.0.0/16", "CIDR block of the VPC.",
                     tfvar=f"10.{octet}.0.0/16" if rng.random() < 0.5 else NOTSET)
        naz = rng.choice([2, 3, 3])
        azs = c.var("azs", "list(string)", [c.region + s for s in "abc"[:naz]], "Availability zones to use.")
        m = c.module("network.tf", "vpc", "vpc")
        m.set("name", T(c.prefix()))
        m.set("cidr_block", cidr)
        m.set("azs", azs)
        m.set("subnet_newbits", rng.choice([4, 4, 8]))
        m.set("enable_nat_gateway", True)
        m.set("single_nat_gateway", Raw("!local.is_prod"))
        if c.bad(0.5):
            m.set("enable_flow_logs", False)
        else:
            m.set("flow_log_retention_days", Raw("local.settings.log_retention_days"))
            if rng.random() < 0.4:
                m.set("flow_log_traffic_type", "REJECT")
        if c.bad(0.4):
            m.set("map_public_ip_on_launch", True)
        if c.arch == "platform":
            m.set("public_subnet_tags", {"kubernetes.io/role/elb": "1"})
            m.set("private_subnet_tags", {"kubernetes.io/role/internal-elb": "1",
                                          "karpenter.sh/discovery": T(c.prefix())})
        m.set("tags", c.tags())
        out = (Raw("module.vpc.vpc_id"), Raw("module.vpc.private_subnet_ids"),
               Raw("module.vpc.public_subnet_ids"), Raw("module.vpc.vpc_cidr_block"))
        c.output("vpc_id", out[0], "The VPC.")
        c.output("private_subnet_ids", out[1])
        c.output("public_subnet_ids", out[2])
    else:
        vid = f"vpc-0{rng.getrandbits(64):016x}"
        sub = [f"subnet-0{rng.getrandbits(64):016x}" for _ in range(rng.choice([2, 3]))]
        pub = [f"subnet-0{rng.getrandbits(64):016x}" for _ in range(2)]
        octet = rng.randint(0, 250)
        out = (c.var("vpc_id", "string", desc="VPC the stack runs in (from the network stack).", tfvar=vid),
               c.var("private_subnet_ids", "list(string)", desc="Private subnets of the VPC.", tfvar=sub),
               c.var("public_subnet_ids", "list(string)", pub, "Public subnets of the VPC."),
               c.var("vpc_cidr", "string", f"10.{octet}.0.0/16", "CIDR block of the VPC."))
    c.cache["vpc"] = out
    return out


def ingress_rules(c, ports=None, public=False):
    """Rules as dicts: port, protocol, cidr_blocks (list of values), description, sg (Raw or None)."""
    rng = c.rng
    _, _, _, cidr = vpc(c)
    rules = []
    for i in range(c.n(1, 2.0, 24)):
        port, what = ports[i] if ports and i < len(ports) else rng.choice(PORTS)
        r = rng.random()
        rule = {"port": port, "to": port, "protocol": "tcp", "description": f"{what} from "
                + rng.choice(["office", "vpn", "peered vpc", "monitoring", "bastion", "partners", "the vpc"]),
                "cidr_blocks": [], "sg": None}
        if public and port in (80, 443):
            rule["cidr_blocks"] = ["0.0.0.0/0"]
            rule["description"] = f"{what} from the internet"
        elif r < 0.35:
            rule["cidr_blocks"] = [f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0/24"
                                   for _ in range(rng.choice([1, 1, 2, 3]))]
        elif r < 0.65:
            rule["cidr_blocks"] = [cidr] if rng.random() < 0.6 else [f"172.{rng.randint(16, 31)}.0.0/16"]
        elif r < 0.8 and c.cache.get("sgs"):
            rule["sg"] = rng.choice(c.cache["sgs"])
        else:
            rule["cidr_blocks"] = [f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}."
                                   f"{rng.randint(0, 255)}/32"]
        if rng.random() < 0.15:
            rule["to"] = port + rng.choice([1, 9, 99])
        rules.append(rule)
    if c.bad():
        how = rng.random()
        if how < 0.35:
            rules.insert(rng.randint(0, len(rules)), {"port": 22, "to": 22, "protocol": "tcp",
                                                      "description": "SSH", "cidr_blocks": ["0.0.0.0/0"], "sg": None})
        elif how < 0.7:
            adm = c.var("admin_cidr_blocks", "list(string)", ["0.0.0.0/0"] if rng.random() < 0.5 else ["10.0.0.0/8"],
                        "Networks administrators connect from.", tfvar=["0.0.0.0/0"])
            rules.append({"port": 22, "to": 22, "protocol": "tcp", "description": "SSH from admins",
                          "cidr_blocks": adm, "sg": None})
        elif how < 0.85:
            rules.append({"port": 3389, "to": 3389, "protocol": "tcp", "description": "RDP",
                          "cidr_blocks": ["0.0.0.0/0"], "sg": None})
        else:
            rules.append({"port": 0, "to": 0, "protocol": "-1", "description": "everything",
                          "cidr_blocks": ["0.0.0.0/0"], "sg": None})
    elif rng.random() < 0.3:
        adm = c.var("admin_cidr_blocks", "list(string)", [f"203.0.113.{rng.randint(0, 255)}/32"],
                    "Networks administrators connect from.")
        rules.append({"port": 22, "to": 22, "protocol": "tcp", "description": "SSH from admins",
                      "cidr_blocks": adm, "sg": None})
    return rules


def cidr_value(blocks):
    return blocks if isinstance(blocks, Raw) else list(blocks)


def security_group(c, base="app", ports=None, public=False, fname="security-groups.tf"):
    rng = c.rng
    vpc_id, _, _, _ = vpc(c)
    rules = ingress_rules(c, ports, public)
    name = c.uniq(base)
    style = rng.choices(["inline", "dynamic", "module", "rules"], [3, 3, 2, 2])[0]
    if style == "module":
        m = c.module(fname, f"{name}_sg", "security-group")
        m.set("name", T(f"{c.prefix()}-{base.replace('_', '-')}"))
        m.set("description", f"{base} traffic for {c.app}")
        m.set("vpc_id", vpc_id)
        lst = []
        for r in rules:
            o = {"description": r["description"], "from_port": r["port"], "to_port": r["to"]}
            if r["protocol"] != "tcp":
                o["protocol"] = r["protocol"]
            if r["sg"] is not None:
                o["security_groups"] = [r["sg"]]
            else:
                o["cidr_blocks"] = cidr_value(r["cidr_blocks"])
            lst.append(o)
        m.set("ingress_rules", lst)
        if rng.random() < 0.3:
            m.set("allow_self", True)
        m.set("tags", c.tags())
        ref = Raw(f"module.{name}_sg.id")
    else:
        sg = c.res(fname, "aws_security_group", name)
        sg.set("name", T(f"{c.prefix()}-{base.replace('_', '-')}"))
        sg.set("description", f"{base} traffic for {c.app}")
        sg.set("vpc_id", vpc_id)
        if style == "inline":
            for r in rules:
                b = sg.block("ingress")
                b.set("description", r["description"])
                b.set("from_port", r["port"])
                b.set("to_port", r["to"])
                b.set("protocol", r["protocol"])
                if r["sg"] is not None:
                    b.set("security_groups", [r["sg"]])
                else:
                    b.set("cidr_blocks", cidr_value(r["cidr_blocks"]))
        elif style == "dynamic":
            lname = f"{name}_ingress"
            lst = []
            for r in rules:
                if r["sg"] is not None:
                    continue
                lst.append({"description": r["description"], "port": r["port"], "to_port": r["to"],
                            "protocol": r["protocol"], "cidr_blocks": cidr_value(r["cidr_blocks"])})
            c.local(lname, lst)
            it = "rule" if rng.random() < 0.3 else "ingress"
            d = sg.dynamic("ingress", Raw(f"local.{lname}"), iterator=it if it != "ingress" else None)
            d.set("description", Raw(f"{it}.value.description"))
            d.set("from_port", Raw(f"{it}.value.port"))
            d.set("to_port", Raw(f"{it}.value.to_port"))
            d.set("protocol", Raw(f"{it}.value.protocol"))
            d.set("cidr_blocks", Raw(f"{it}.value.cidr_blocks"))
            for r in rules:
                if r["sg"] is not None:
                    b = sg.block("ingress")
                    b.set("description", r["description"])
                    b.set("from_port", r["port"])
                    b.set("to_port", r["to"])
                    b.set("protocol", "tcp")
                    b.set("security_groups", [r["sg"]])
        if rng.random() < 0.8:
            e = sg.block("egress")
            e.set("description", "All outbound")
            e.set("from_port", 0)
            e.set("to_port", 0)
            e.set("protocol", "-1")
            e.set("cidr_blocks", ["0.0.0.0/0"])
        sg.set("tags", c.tags(Name=T(f"{c.prefix()}-{base.replace('_', '-')}")))
        if rng.random() < 0.4:
            sg.block("lifecycle").set("create_before_destroy", True)
        ref = Raw(f"aws_security_group.{name}.id")
        if style == "rules":
            lname = f"{name}_rules"
            c.local(lname, [{"port": r["port"], "to_port": r["to"], "protocol": r["protocol"],
                             "description": r["description"], "cidr_blocks": cidr_value(r["cidr_blocks"])}
                            for r in rules if r["sg"] is None])
            rr = c.res(fname, "aws_vpc_security_group_ingress_rule", name)
            rr.set("for_each", Raw(
                "{\n  for rule in flatten([\n    for r in local." + lname + " : [\n"
                "      for cidr in r.cidr_blocks : merge(r, { cidr = cidr })\n    ]\n"
                "  ]) : \"${rule.port}-${rule.cidr}\" => rule\n}"))
            rr.blank()
            rr.set("security_group_id", Raw(f"aws_security_group.{name}.id"))
            rr.set("description", Raw("each.value.description"))
            rr.set("ip_protocol", Raw("each.value.protocol"))
            rr.set("from_port", Raw('each.value.protocol == "-1" ? null : each.value.port'))
            rr.set("to_port", Raw('each.value.protocol == "-1" ? null : each.value.to_port'))
            rr.set("cidr_ipv4", Raw("each.value.cidr"))
            for r in rules:
                if r["sg"] is not None:
                    x = c.res(fname, "aws_vpc_security_group_ingress_rule", c.uniq(f"{name}_from_sg"))
                    x.set("security_group_id", Raw(f"aws_security_group.{name}.id"))
                    x.set("description", r["description"])
                    x.set("ip_protocol", "tcp")
                    x.set("from_port", r["port"])
                    x.set("to_port", r["to"])
                    x.set("referenced_security_group_id", r["sg"])
    c.cache.setdefault("sgs", []).append(ref)
    c.output(f"{name}_security_group_id", ref)
    return ref


def network_extras(c):
    """VPC endpoints and a network ACL."""
    rng = c.rng
    vpc_id, priv, _, cidr = vpc(c)
    f = "endpoints.tf"
    eps = rng.sample(["ssm", "ssmmessages", "ec2messages", "ecr.api", "ecr.dkr", "logs", "sts", "kms",
                      "secretsmanager", "sqs", "sns", "monitoring"], rng.randint(3, 8))
    epv = c.var("interface_endpoints", "list(string)", eps, "Services reached through interface endpoints.")
    sg = security_group(c, "endpoints", ports=[(443, "HTTPS")], fname=f)
    e = c.res(f, "aws_vpc_endpoint", "interface")
    e.set("for_each", Raw("toset(var.interface_endpoints)"))
    e.blank()
    e.set("vpc_id", vpc_id)
    e.set("service_name", T("com.amazonaws.${var.region}.${each.value}"))
    e.set("vpc_endpoint_type", "Interface")
    e.set("subnet_ids", priv)
    e.set("security_group_ids", [sg])
    e.set("private_dns_enabled", True)
    e.set("tags", c.tags(Name=T(c.prefix() + "-${each.value}")))
    s3 = c.res(f, "aws_vpc_endpoint", "s3")
    s3.set("vpc_id", vpc_id)
    s3.set("service_name", T("com.amazonaws.${var.region}.s3"))
    s3.set("vpc_endpoint_type", "Gateway")
    if "vpc" in c.cache and str(c.cache["vpc"][0].s).startswith("module."):
        s3.set("route_table_ids", Raw("module.vpc.private_route_table_ids"))
    else:
        s3.set("route_table_ids", c.var("private_route_table_ids", "list(string)", [], "Route tables of the private subnets."))
    s3.set("policy", Raw("jsonencode(" + val({"Version": "2012-10-17", "Statement": [
        {"Sid": "AllowOwnAccount", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
         "Condition": {"StringEquals": {"aws:PrincipalAccount": Raw(c.account())}}}]}, 0) + ")"))
    s3.set("tags", c.tags())
    acl = c.res(f, "aws_network_acl", "private")
    acl.set("vpc_id", vpc_id)
    acl.set("subnet_ids", priv)
    n = 100
    for port, _ in rng.sample(PORTS, rng.randint(2, 6)):
        b = acl.block("ingress")
        b.set("rule_no", n)
        b.set("action", "allow")
        b.set("protocol", "tcp")
        b.set("cidr_block", cidr)
        b.set("from_port", port)
        b.set("to_port", port)
        n += 10
    b = acl.block("ingress")
    b.set("rule_no", n)
    b.set("action", "allow")
    b.set("protocol", "tcp")
    b.set("cidr_block", "0.0.0.0/0")
    b.set("from_port", 1024)
    b.set("to_port", 65535)
    b = acl.block("egress")
    b.set("rule_no", 100)
    b.set("action", "allow")
    b.set("protocol", "-1")
    b.set("cidr_block", "0.0.0.0/0")
    b.set("from_port", 0)
    b.set("to_port", 0)
    acl.set("tags", c.tags(Name=T(c.prefix() + "-private")))
    c.output("vpc_endpoint_ids", Raw("{ for k, e in aws_vpc_endpoint.interface : k => e.id }"))


# ---- IAM


def statements(c, hints):
    rng = c.rng
    out = []
    for i in range(c.n(1, 1.8, 24)):
        svc = rng.choice(list(SERVICE_ACTIONS))
        acts = sorted(rng.sample(SERVICE_ACTIONS[svc], rng.randint(1, len(SERVICE_ACTIONS[svc]))))
        if svc in ("ec2", "cloudwatch", "xray") or (svc == "ecr" and "GetAuthorizationToken" in acts[0]):
            res = ["*"]
        elif svc in hints and rng.random() < 0.8:
            res = [rng.choice(hints[svc])]
            if svc == "s3":
                res = [res[0], Raw(f'"${{{res[0].s}}}/*"')]
        else:
            res = [c.arn(svc, rng.choice(["*", f"{c.team}-*", f"{c.app}/*"]))]
        st = {"sid": f"{svc.capitalize()}Access{i}", "effect": "Allow", "actions": acts, "resources": res}
        if rng.random() < 0.15:
            st["condition"] = ("StringEquals", "aws:RequestedRegion", [Raw("var.region")])
        out.append(st)
    if c.bad(0.6):
        out.append({"sid": "Admin", "effect": "Allow",
                    "actions": rng.choice([["*"], ["s3:*"], ["iam:*"], ["iam:PassRole", "sts:AssumeRole"]]),
                    "resources": ["*"]})
    return out


def stmt_json(st):
    d = {"Sid": st["sid"], "Effect": st["effect"],
         "Action": st["actions"] if len(st["actions"]) > 1 else st["actions"][0],
         "Resource": st["resources"] if len(st["resources"]) > 1 else st["resources"][0]}
    if "condition" in st:
        test, var, values = st["condition"]
        d["Condition"] = {test: {var: values}}
    return d


def stmt_plain(st):
    """The statement as plain JSON with ${} interpolation, for heredoc policies."""
    def s(x):
        return [interp(v) for v in x] if isinstance(x, list) else interp(x)
    d = {"Sid": st["sid"], "Effect": st["effect"],
         "Action": s(st["actions"]) if len(st["actions"]) > 1 else s(st["actions"][0]),
         "Resource": s(st["resources"]) if len(st["resources"]) > 1 else s(st["resources"][0])}
    if "condition" in st:
        test, var, values = st["condition"]
        d["Condition"] = {test: {var: s(values)}}
    return d


def policy_doc(c, fname, name, stmts):
    d = c.datasrc(fname, "aws_iam_policy_document", name)
    for st in stmts:
        b = d.block("statement")
        b.set("sid", st["sid"])
        b.set("effect", st["effect"])
        b.set("actions", st["actions"])
        b.set("resources", st["resources"])
        if "condition" in st:
            test, var, values = st["condition"]
            cb = b.block("condition")
            cb.set("test", test)
            cb.set("variable", var)
            cb.set("values", values)
    return Raw(f"data.aws_iam_policy_document.{name}.json")


def jsonencode(doc):
    return Raw("jsonencode(" + val(doc, 0) + ")")


def role(c, base, service, hints=None, managed=(), fname="iam.tf", profile=False):
    """An IAM role with permissions; returns (arn, name, instance profile name or None)."""
    rng = c.rng
    hints = hints or {}
    name = c.uniq(base)
    stmts = statements(c, hints)
    managed = [T("arn:${" + c.partition() + "}:iam::aws:policy/" + m) for m in managed]
    if c.bad(0.3):
        managed.append("arn:aws:iam::aws:policy/AdministratorAccess")
    style = rng.choices(["doc", "jsonencode", "module", "heredoc"], [3, 3, 3, 1])[0]
    if style == "module":
        m = c.module(fname, f"{name}_role", "iam-role")
        m.set("name", T(f"{c.prefix()}-{base.replace('_', '-')}"))
        m.set("trusted_services", [service])
        if managed:
            m.set("managed_policy_arns", managed)
        pol = {}
        for j in range(c.n(1, 0.4, 4)):
            part = stmts[j::max(1, min(len(stmts), c.n(1, 0.4, 4)))] or stmts[:1]
            pol[f"{base.replace('_', '-')}-{j}"] = jsonencode({"Version": "2012-10-17",
                                                               "Statement": [stmt_json(s) for s in part]})
        m.set("inline_policies", pol)
        if profile:
            m.set("create_instance_profile", True)
        m.set("tags", c.tags())
        out = (Raw(f"module.{name}_role.arn"), Raw(f"module.{name}_role.name"),
               Raw(f"module.{name}_role.instance_profile_name") if profile else None)
    else:
        r = c.res(fname, "aws_iam_role", name)
        r.set("name", T(f"{c.prefix()}-{base.replace('_', '-')}"))
        if rng.random() < 0.3:
            r.set("path", f"/{c.team}/")
        if style == "doc":
            a = c.datasrc(fname, "aws_iam_policy_document", f"{name}_assume")
            st = a.block("statement")
            st.set("effect", "Allow")
            st.set("actions", ["sts:AssumeRole"])
            p = st.block("principals")
            p.set("type", "Service")
            p.set("identifiers", [service])
            if rng.random() < 0.3:
                cnd = st.block("condition")
                cnd.set("test", "StringEquals")
                cnd.set("variable", "aws:SourceAccount")
                cnd.set("values", [Raw(c.account())])
            # the data source goes before the role
            fl = c.file(fname)
            fl.insert(fl.index(r), fl.pop())
            r.set("assume_role_policy", Raw(f"data.aws_iam_policy_document.{name}_assume.json"))
        else:
            r.set("assume_role_policy", jsonencode({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}))
        if rng.random() < 0.3:
            r.set("max_session_duration", rng.choice([3600, 7200, 43200]))
        r.set("tags", c.tags())
        if style == "doc":
            policy = policy_doc(c, fname, name, stmts)
        elif style == "heredoc":
            text = json.dumps({"Version": "2012-10-17", "Statement": [stmt_plain(s) for s in stmts]}, indent=2)
            policy = Heredoc(text, "POLICY")
        else:
            policy = jsonencode({"Version": "2012-10-17", "Statement": [stmt_json(s) for s in stmts]})
        if rng.random() < 0.5:
            p = c.res(fname, "aws_iam_role_policy", name)
            p.set("name", base.replace("_", "-"))
            p.set("role", Raw(f"aws_iam_role.{name}.id"))
            p.set("policy", policy)
        else:
            p = c.res(fname, "aws_iam_policy", name)
            p.set("name", T(f"{c.prefix()}-{base.replace('_', '-')}"))
            p.set("description", f"Permissions of {c.app} {base}")
            p.set("policy", policy)
            managed = managed + [Raw(f"aws_iam_policy.{name}.arn")]
        if managed:
            if len(managed) > 1 and rng.random() < 0.6:
                lname = c.local(f"{name}_policy_arns", managed)
                a = c.res(fname, "aws_iam_role_policy_attachment", name)
                a.set("for_each", Raw(f"toset({lname.s})") if rng.random() < 0.4 else Raw(
                    f"{{ for i, arn in {lname.s} : i => arn }}"))
                a.blank()
                a.set("role", Raw(f"aws_iam_role.{name}.name"))
                a.set("policy_arn", Raw("each.value"))
            else:
                for i, arn in enumerate(managed):
                    a = c.res(fname, "aws_iam_role_policy_attachment", c.uniq(f"{name}_{i}"))
                    a.set("role", Raw(f"aws_iam_role.{name}.name"))
                    a.set("policy_arn", arn)
        ip = None
        if profile:
            pr = c.res(fname, "aws_iam_instance_profile", name)
            pr.set("name", T(f"{c.prefix()}-{base.replace('_', '-')}"))
            pr.set("role", Raw(f"aws_iam_role.{name}.name"))
            ip = Raw(f"aws_iam_instance_profile.{name}.name")
        out = (Raw(f"aws_iam_role.{name}.arn"), Raw(f"aws_iam_role.{name}.name"), ip)
    if rng.random() < 0.4:
        c.output(f"{name}_role_arn", out[0])
    return out


def iam_extras(c):
    """CI and break-glass roles, users and groups: the IAM file of a security stack."""
    rng = c.rng
    f = "iam.tf"
    repo = c.var("github_repository", "string", f"acme/{c.team}-{c.app}", "Repository allowed to deploy.")
    gh = c.res(f, "aws_iam_openid_connect_provider", "github")
    gh.set("url", "https://token.actions.githubusercontent.com")
    gh.set("client_id_list", ["sts.amazonaws.com"])
    gh.set("thumbprint_list", ["6938fd4d98bab03faadb97b34396831e3780aea1"])
    d = c.datasrc(f, "aws_iam_policy_document", "deploy_assume")
    st = d.block("statement")
    st.set("actions", ["sts:AssumeRoleWithWebIdentity"])
    p = st.block("principals")
    p.set("type", "Federated")
    p.set("identifiers", [Raw("aws_iam_openid_connect_provider.github.arn")])
    cnd = st.block("condition")
    cnd.set("test", "StringEquals")
    cnd.set("variable", "token.actions.githubusercontent.com:aud")
    cnd.set("values", ["sts.amazonaws.com"])
    cnd = st.block("condition")
    cnd.set("test", "StringLike")
    cnd.set("variable", "token.actions.githubusercontent.com:sub")
    cnd.set("values", ["repo:${var.github_repository}:*"] if c.bad() else [T("repo:${var.github_repository}:ref:refs/heads/main")])
    r = c.res(f, "aws_iam_role", "deploy")
    r.set("name", T(f"{c.prefix()}-deploy"))
    r.set("assume_role_policy", Raw("data.aws_iam_policy_document.deploy_assume.json"))
    r.set("max_session_duration", 3600)
    r.set("tags", c.tags())
    a = c.res(f, "aws_iam_role_policy_attachment", "deploy")
    a.set("role", Raw("aws_iam_role.deploy.name"))
    a.set("policy_arn", "arn:aws:iam::aws:policy/PowerUserAccess" if c.bad() else
          T("arn:${" + c.partition() + "}:iam::aws:policy/ReadOnlyAccess"))
    users = c.var("breakglass_users", "list(string)", [f"{w}.{rng.choice(['ops', 'admin'])}" for w in rng.sample(WORDS, 2)],
                  "People who may assume the break-glass role.")
    g = c.res(f, "aws_iam_group", "breakglass")
    g.set("name", T(f"{c.prefix()}-breakglass"))
    gm = c.res(f, "aws_iam_group_membership", "breakglass")
    gm.set("name", "breakglass")
    gm.set("group", Raw("aws_iam_group.breakglass.name"))
    gm.set("users", users)
    gp = c.res(f, "aws_iam_group_policy", "breakglass")
    gp.set("name", "assume-breakglass")
    gp.set("group", Raw("aws_iam_group.breakglass.name"))
    cond = {} if c.bad() else {"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}
    gp.set("policy", jsonencode({"Version": "2012-10-17", "Statement": [dict(
        {"Effect": "Allow", "Action": "sts:AssumeRole",
         "Resource": T("arn:${" + c.partition() + "}:iam::${" + c.account() + "}:role/" + c.prefix() + "-breakglass")},
        **cond)]}))
    if c.bad(0.5):
        u = c.res(f, "aws_iam_user", "ci")
        u.set("name", T(f"{c.prefix()}-ci"))
        u.set("tags", c.tags())
        up = c.res(f, "aws_iam_user_policy", "ci")
        up.set("name", "ci")
        up.set("user", Raw("aws_iam_user.ci.name"))
        up.set("policy", jsonencode({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:*", "cloudformation:*", "iam:PassRole"], "Resource": "*"}]}))
        k = c.res(f, "aws_iam_access_key", "ci")
        k.set("user", Raw("aws_iam_user.ci.name"))
    c.output("deploy_role_arn", Raw("aws_iam_role.deploy.arn"))


# ---- storage


def kms(c, purpose="data", fname="kms.tf"):
    key = f"kms_{purpose}"
    if key in c.cache:
        return c.cache[key]
    rng = c.rng
    name = c.uniq(purpose)
    rot = not c.bad(0.7)
    if rng.random() < 0.45:
        m = c.module(fname, f"{name}_key", "kms-key")
        m.set("alias", T(f"{c.prefix()}-{purpose}"))
        m.set("description", f"{c.team}/{c.app} {purpose} key")
        if not rot:
            m.set("enable_key_rotation", False)
        m.set("deletion_window_in_days", Raw("local.is_prod ? 30 : 7"))
        svcs = rng.sample(["logs.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com", "s3.amazonaws.com",
                           "cloudtrail.amazonaws.com", "events.amazonaws.com"], rng.randint(0, 3))
        if svcs:
            m.set("service_principals", svcs)
        m.set("tags", c.tags())
        ref = Raw(f"module.{name}_key.arn")
    else:
        k = c.res(fname, "aws_kms_key", name)
        k.set("description", f"{c.team}/{c.app} {purpose} key")
        k.set("enable_key_rotation", rot if rng.random() < 0.7 else c.var(
            "kms_key_rotation", "bool", True, "Rotate the KMS keys every year.", tfvar=False if not rot else NOTSET))
        k.set("deletion_window_in_days", Raw("local.is_prod ? 30 : 7"))
        stmts = [{"Sid": "EnableRootAccount", "Effect": "Allow",
                  "Principal": {"AWS": T("arn:${" + c.partition() + "}:iam::${" + c.account() + "}:root")},
                  "Action": "kms:*", "Resource": "*"}]
        for i in range(c.n(0, 0.8, 6)):
            svc = rng.choice(["logs", "sns", "sqs", "events", "cloudwatch", "s3"])
            stmts.append({"Sid": f"Allow{svc.capitalize()}{i}", "Effect": "Allow",
                          "Principal": {"Service": T(f"{svc}.${{var.region}}.amazonaws.com") if svc == "logs"
                                        else f"{svc}.amazonaws.com"},
                          "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                     "kms:Describe*"],
                          "Resource": "*"})
        if c.bad(0.4):
            stmts.append({"Sid": "AllowEveryone", "Effect": "Allow", "Principal": "*",
                          "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*"})
        k.set("policy", jsonencode({"Version": "2012-10-17", "Statement": stmts}))
        k.set("tags", c.tags(Purpose=purpose))
        a = c.res(fname, "aws_kms_alias", name)
        a.set("name", T(f"alias/{c.prefix()}-{purpose}"))
        a.set("target_key_id", Raw(f"aws_kms_key.{name}.key_id"))
        ref = Raw(f"aws_kms_key.{name}.arn")
    c.cache[key] = ref
    c.output(f"{name}_kms_key_arn", ref)
    return ref


def lifecycle_rules(c):
    rng = c.rng
    out = []
    for i in range(rng.randint(0, 3)):
        r = {"id": rng.choice(["logs", "tmp", "archive", "exports", "uploads"]) + f"-{i}"}
        if rng.random() < 0.6:
            r["prefix"] = rng.choice(["logs/", "tmp/", "exports/", "incoming/"])
        if rng.random() < 0.6:
            r["expiration_days"] = rng.choice([7, 30, 90, 365, 730])
        if rng.random() < 0.5:
            r["transition_days"] = rng.choice([30, 60, 90])
            r["transition_storage_class"] = rng.choice(["STANDARD_IA", "GLACIER", "INTELLIGENT_TIERING"])
        out.append(r)
    return out


def log_bucket(c):
    if "log_bucket" in c.cache:
        return c.cache["log_bucket"]
    f = "s3.tf"
    b = c.res(f, "aws_s3_bucket", "logs")
    b.set("bucket", T(c.prefix() + "-logs-${" + c.account() + "}"))
    b.set("tags", c.tags(Purpose="access-logs"))
    o = c.res(f, "aws_s3_bucket_ownership_controls", "logs")
    o.set("bucket", Raw("aws_s3_bucket.logs.id"))
    o.block("rule").set("object_ownership", "BucketOwnerPreferred")
    s = c.res(f, "aws_s3_bucket_server_side_encryption_configuration", "logs")
    s.set("bucket", Raw("aws_s3_bucket.logs.id"))
    s.block("rule").block("apply_server_side_encryption_by_default").set("sse_algorithm", "AES256")
    p = c.res(f, "aws_s3_bucket_public_access_block", "logs")
    p.set("bucket", Raw("aws_s3_bucket.logs.id"))
    for k in ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"):
        p.set(k, True)
    lc = c.res(f, "aws_s3_bucket_lifecycle_configuration", "logs")
    lc.set("bucket", Raw("aws_s3_bucket.logs.id"))
    r = lc.block("rule")
    r.set("id", "expire")
    r.set("status", "Enabled")
    r.block("filter")
    r.block("expiration").set("days", Raw("local.settings.log_retention_days"))
    ref = Raw("aws_s3_bucket.logs.id")
    c.cache["log_bucket"] = ref
    return ref


def bucket_direct(c, base, for_each=None, public=False, kms_ref=None, logs=None):
    """A bucket as the split aws_s3_bucket_* resources; for_each over a local map when given."""
    rng = c.rng
    f = "s3.tf"
    name = c.uniq(base)
    it = "each.value" if for_each else None
    b = c.res(f, "aws_s3_bucket", name)
    if for_each:
        b.set("for_each", Raw(for_each))
        b.blank()
        b.set("bucket", T(c.prefix() + "-${each.key}-${" + c.account() + "}"))
        b.set("force_destroy", Raw("!local.is_prod"))
        b.set("tags", Raw('merge(local.common_tags, { Name = each.key, Classification = each.value.classification })'))
    else:
        b.set("bucket", T(c.prefix() + f"-{base.replace('_', '-')}-${{{c.account()}}}"))
        b.set("tags", c.tags(Name=T(c.prefix() + f"-{base.replace('_', '-')}")))
    ref = f"aws_s3_bucket.{name}" + ("[each.key]" if for_each else "")
    fe = (lambda blk: (blk.set("for_each", Raw(for_each)), blk.blank())) if for_each else (lambda blk: None)
    # versioning
    v = c.res(f, "aws_s3_bucket_versioning", name)
    fe(v)
    v.set("bucket", Raw(ref + ".id"))
    status = Raw(f'{it}.versioning ? "Enabled" : "Suspended"') if for_each else (
        "Suspended" if c.bad(0.5) else "Enabled")
    v.block("versioning_configuration").set("status", status)
    # encryption (a sloppy bucket may have none)
    if not c.bad(0.4):
        s = c.res(f, "aws_s3_bucket_server_side_encryption_configuration", name)
        fe(s)
        s.set("bucket", Raw(ref + ".id"))
        rule = s.block("rule")
        d = rule.block("apply_server_side_encryption_by_default")
        if kms_ref is not None:
            d.set("sse_algorithm", "aws:kms")
            d.set("kms_master_key_id", kms_ref)
            rule.set("bucket_key_enabled", True)
        else:
            d.set("sse_algorithm", "AES256")
    # public access
    pab = c.res(f, "aws_s3_bucket_public_access_block", name)
    fe(pab)
    pab.set("bucket", Raw(ref + ".id"))
    if for_each:
        for k in ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"):
            pab.set(k, Raw(f"!{it}.public"))
    else:
        on = not (public or c.bad(0.5))
        for k in ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"):
            pab.set(k, on)
    if public or (not for_each and c.bad(0.4)):
        oc = c.res(f, "aws_s3_bucket_ownership_controls", name)
        oc.set("bucket", Raw(ref + ".id"))
        oc.block("rule").set("object_ownership", "BucketOwnerPreferred")
        acl = c.res(f, "aws_s3_bucket_acl", name)
        acl.set("bucket", Raw(ref + ".id"))
        acl.set("acl", "public-read" if public or rng.random() < 0.7 else "authenticated-read")
        acl.set("depends_on", [Raw(f"aws_s3_bucket_ownership_controls.{name}"), Raw(f"aws_s3_bucket_public_access_block.{name}")])
    if public:
        w = c.res(f, "aws_s3_bucket_website_configuration", name)
        w.set("bucket", Raw(ref + ".id"))
        w.block("index_document").set("suffix", "index.html")
        w.block("error_document").set("key", "error.html")
    # access logs
    if logs is not None:
        lg = c.res(f, "aws_s3_bucket_logging", name)
        fe(lg)
        lg.set("bucket", Raw(ref + ".id"))
        lg.set("target_bucket", logs)
        lg.set("target_prefix", T("${" + ref + ".id}/") if not for_each else T("${each.key}/"))
    # lifecycle
    rules = lifecycle_rules(c) if not for_each else None
    if for_each or rules:
        lc = c.res(f, "aws_s3_bucket_lifecycle_configuration", name)
        if for_each:
            lc.set("for_each", Raw("{ for k, v in " + for_each + " : k => v if v.expire_after_days > 0 }"))
            lc.blank()
            lc.set("bucket", Raw(ref + ".id"))
            r = lc.block("rule")
            r.set("id", "expire")
            r.set("status", "Enabled")
            r.block("filter")
            r.block("expiration").set("days", Raw("each.value.expire_after_days"))
            r.block("noncurrent_version_expiration").set("noncurrent_days", 30)
        else:
            lc.set("bucket", Raw(ref + ".id"))
            for ru in rules:
                r = lc.block("rule")
                r.set("id", ru["id"])
                r.set("status", "Enabled")
                r.block("filter").set("prefix", ru.get("prefix", ""))
                if "transition_days" in ru:
                    t = r.block("transition")
                    t.set("days", ru["transition_days"])
                    t.set("storage_class", ru["transition_storage_class"])
                if "expiration_days" in ru:
                    r.block("expiration").set("days", ru["expiration_days"])
                r.block("noncurrent_version_expiration").set("noncurrent_days", rng.choice([30, 60, 90]))
    # policy
    if not c.bad(0.6) or public:
        d = c.datasrc(f, "aws_iam_policy_document", name)
        if for_each:
            d.set("for_each", Raw(for_each))
            d.blank()
        st = d.block("statement")
        st.set("sid", "DenyInsecureTransport")
        st.set("effect", "Deny")
        st.set("actions", ["s3:*"])
        st.set("resources", [Raw(ref + ".arn"), T("${" + ref + ".arn}/*")])
        p = st.block("principals")
        p.set("type", "*")
        p.set("identifiers", ["*"])
        cnd = st.block("condition")
        cnd.set("test", "Bool")
        cnd.set("variable", "aws:SecureTransport")
        cnd.set("values", ["false"])
        if public:
            st = d.block("statement")
            st.set("sid", "PublicRead")
            st.set("actions", ["s3:GetObject"])
            st.set("resources", [T("${" + ref + ".arn}/*")])
            p = st.block("principals")
            p.set("type", "*")
            p.set("identifiers", ["*"])
        for _ in range(c.n(0, 0.6, 4)):
            st = d.block("statement")
            st.set("sid", f"Allow{c.word().capitalize()}Readers")
            st.set("actions", ["s3:GetObject", "s3:ListBucket"])
            st.set("resources", [Raw(ref + ".arn"), T("${" + ref + ".arn}/*")])
            p = st.block("principals")
            p.set("type", "AWS")
            p.set("identifiers", [T("arn:${" + c.partition() + f"}}:iam::{c.rng.randint(10**11, 10**12 - 1)}:root")])
        bp = c.res(f, "aws_s3_bucket_policy", name)
        fe(bp)
        bp.set("bucket", Raw(ref + ".id"))
        bp.set("policy", Raw(f"data.aws_iam_policy_document.{name}" + ("[each.key]" if for_each else "") + ".json"))
    if for_each:
        c.output(f"{name}_bucket_arns", Raw(f"{{ for k, b in aws_s3_bucket.{name} : k => b.arn }}"))
        return Raw(f"values(aws_s3_bucket.{name})[*].arn")
    c.output(f"{name}_bucket", Raw(f"aws_s3_bucket.{name}.id"))
    return Raw(f"aws_s3_bucket.{name}.arn")


def buckets(c, count=None):
    """Several buckets: a map of settings in a local or in tfvars, then for_each."""
    rng = c.rng
    n = count or c.n(2, 1.2, 10)
    names = []
    while len(names) < n:
        w = rng.choice(WORDS + ["assets", "exports", "backups", "uploads", "artifacts", "reports", "archive", "media"])
        if w + "s" not in names:
            names.append(w + "s")
    spec = {}
    for w in names:
        spec[w] = {"classification": rng.choice(["internal", "confidential", "public", "restricted"]),
                   "versioning": not c.bad(0.5),
                   "public": c.bad(0.3),
                   "expire_after_days": rng.choice([0, 0, 30, 90, 365])}
    style = rng.choice(["direct", "module", "module", "legacy"]) if rng.random() < 0.9 else "direct"
    kms_ref = kms(c) if rng.random() < 0.5 else None
    logs = log_bucket(c) if rng.random() < 0.6 else None
    mname = c.uniq("buckets")
    if rng.random() < 0.4:
        v = c.var(mname, "map(object({\n  classification    = string\n  versioning        = optional(bool, true)\n"
                  "  public            = optional(bool, false)\n  expire_after_days = optional(number, 0)\n}))",
                  {}, "Buckets of the stack, by short name.", tfvar=spec)
        src = "var." + mname
    else:
        src = c.local(mname, spec).s
    if style == "direct":
        return bucket_direct(c, "data", for_each=src, kms_ref=kms_ref, logs=logs)
    if style == "legacy":
        m = c.module("s3.tf", mname, "legacy-s3-bucket")
        m.meta("for_each", Raw(src))
        m.set("bucket_name", T(c.prefix() + "-${each.key}"))
        m.set("acl", Raw('each.value.public ? "public-read" : "private"'))
        m.set("versioning", Raw("each.value.versioning"))
        if kms_ref is not None:
            m.set("sse_algorithm", "aws:kms")
            m.set("kms_key_id", kms_ref)
        if logs is not None:
            m.set("log_bucket", logs)
        if rng.random() < 0.3:
            m.set("cors_origins", [f"https://{c.app}.example.com", f"https://www.{c.app}.example.com"])
        m.set("tags", Raw("merge(local.common_tags, { Classification = each.value.classification })"))
    else:
        m = c.module("s3.tf", mname, "s3-bucket")
        m.meta("for_each", Raw(src))
        m.set("bucket_name", T(c.prefix() + "-${each.key}-${" + c.account() + "}"))
        m.set("versioning_enabled", Raw("each.value.versioning"))
        m.set("block_public_access", Raw("!each.value.public"))
        if rng.random() < 0.3:
            m.set("acl", Raw('each.value.public ? "public-read" : null'))
        m.set("kms_key_arn", kms_ref)
        if logs is not None:
            m.set("logging", {"target_bucket": logs})
        rules = lifecycle_rules(c)
        if rules:
            m.set("lifecycle_rules", rules)
        if c.bad(0.3):
            m.set("enforce_tls", False)
        m.set("force_destroy", Raw("!local.is_prod"))
        m.set("tags", Raw("merge(local.common_tags, { Classification = each.value.classification })"))
    c.output(f"{mname}_arns", Raw(f"{{ for k, b in module.{mname} : k => b.arn }}"))
    return Raw(f"values(module.{mname})[*].arn")


def storage(c):
    rng = c.rng
    out = [bucket_direct(c, rng.choice(["data", "documents", "exports"]), kms_ref=kms(c) if rng.random() < 0.6 else None,
                         logs=log_bucket(c))]
    for _ in range(c.n(0, 0.7, 4)):
        out.append(bucket_direct(c, c.word() + "s", kms_ref=kms(c) if rng.random() < 0.4 else None,
                                 logs=log_bucket(c) if rng.random() < 0.5 else None))
    if rng.random() < 0.3:
        out.append(bucket_direct(c, "site", public=rng.random() < 0.5))
    if rng.random() < 0.7:
        out.append(buckets(c))
    return out


# ---- messaging and data


def topic(c, base="alerts"):
    key = f"topic_{base}"
    if key in c.cache:
        return c.cache[key]
    rng = c.rng
    f = "sns.tf"
    name = c.uniq(base)
    t = c.res(f, "aws_sns_topic", name)
    t.set("name", T(f"{c.prefix()}-{base}"))
    if not c.bad(0.6):
        t.set("kms_master_key_id", kms(c) if rng.random() < 0.4 else "alias/aws/sns")
    t.set("tags", c.tags())
    if base == "alerts":
        emails = c.var("alert_emails", "list(string)", [], "Who gets the alarms.",
                       tfvar=[f"{c.team}-oncall@example.com"] + ([f"{c.word()}@example.com"] if rng.random() < 0.4 else []))
        s = c.res(f, "aws_sns_topic_subscription", f"{name}_email")
        s.set("for_each", Raw("toset(var.alert_emails)"))
        s.blank()
        s.set("topic_arn", Raw(f"aws_sns_topic.{name}.arn"))
        s.set("protocol", "email")
        s.set("endpoint", Raw("each.value"))
    ref = Raw(f"aws_sns_topic.{name}.arn")
    c.cache[key] = ref
    c.output(f"{name}_topic_arn", ref)
    return ref


def queues(c):
    if "queues" in c.cache:
        return c.cache["queues"]
    rng = c.rng
    f = "sqs.tf"
    names = sorted({c.word() + rng.choice(["s", "-events", "-jobs", "-updates"]) for _ in range(c.n(1, 1.0, 8))})
    kms_ref = kms(c) if rng.random() < 0.4 else None
    if rng.random() < 0.5:
        m = c.module(f, "queues", "sqs-queue")
        m.meta("for_each", Raw("toset(local.queue_names)"))
        c.local("queue_names", names)
        m.set("name", T(c.prefix() + "-${each.value}"))
        m.set("visibility_timeout_seconds", rng.choice([30, 60, 180, 900]))
        m.set("max_receive_count", 0 if c.bad(0.5) else rng.choice([3, 5, 10]))
        m.set("kms_key_arn", kms_ref)
        if rng.random() < 0.4:
            m.set("publisher_arns", [topic(c, "events")])
        m.set("tags", c.tags())
        refs = {n: Raw(f'module.queues["{n}"].arn') for n in names}
        dlq = Raw(f'module.queues["{names[0]}"].dlq_arn')
        c.output("queue_urls", Raw("{ for k, q in module.queues : k => q.url }"))
    else:
        c.local("queue_names", names)
        d = c.res(f, "aws_sqs_queue", "dlq")
        d.set("for_each", Raw("toset(local.queue_names)"))
        d.blank()
        d.set("name", T(c.prefix() + "-${each.value}-dlq"))
        d.set("message_retention_seconds", 1209600)
        if kms_ref is not None:
            d.set("kms_master_key_id", kms_ref)
            d.set("kms_data_key_reuse_period_seconds", 300)
        elif not c.bad(0.5):
            d.set("sqs_managed_sse_enabled", True)
        d.set("tags", c.tags())
        q = c.res(f, "aws_sqs_queue", "main")
        q.set("for_each", Raw("toset(local.queue_names)"))
        q.blank()
        q.set("name", T(c.prefix() + "-${each.value}"))
        q.set("visibility_timeout_seconds", rng.choice([30, 60, 180, 900]))
        q.set("receive_wait_time_seconds", 20)
        if kms_ref is not None:
            q.set("kms_master_key_id", kms_ref)
        elif not c.bad(0.5):
            q.set("sqs_managed_sse_enabled", True)
        q.set("redrive_policy", jsonencode({"deadLetterTargetArn": Raw("aws_sqs_queue.dlq[each.key].arn"),
                                            "maxReceiveCount": rng.choice([3, 5, 10])}))
        q.set("tags", c.tags())
        if rng.random() < 0.5:
            t = topic(c, "events")
            pd = c.datasrc(f, "aws_iam_policy_document", "queue")
            pd.set("for_each", Raw("aws_sqs_queue.main"))
            pd.blank()
            st = pd.block("statement")
            st.set("actions", ["sqs:SendMessage"])
            st.set("resources", [Raw("each.value.arn")])
            p = st.block("principals")
            p.set("type", "Service")
            p.set("identifiers", ["sns.amazonaws.com"])
            cnd = st.block("condition")
            cnd.set("test", "ArnEquals")
            cnd.set("variable", "aws:SourceArn")
            cnd.set("values", [t])
            qp = c.res(f, "aws_sqs_queue_policy", "main")
            qp.set("for_each", Raw("aws_sqs_queue.main"))
            qp.blank()
            qp.set("queue_url", Raw("each.value.id"))
            qp.set("policy", Raw("data.aws_iam_policy_document.queue[each.key].json"))
            sub = c.res(f, "aws_sns_topic_subscription", "queues")
            sub.set("for_each", Raw("aws_sqs_queue.main"))
            sub.blank()
            sub.set("topic_arn", t)
            sub.set("protocol", "sqs")
            sub.set("endpoint", Raw("each.value.arn"))
            sub.set("raw_message_delivery", True)
        if c.bad(0.3):
            qp = c.res(f, "aws_sqs_queue_policy", "open")
            qp.set("queue_url", Raw(f'aws_sqs_queue.main["{names[0]}"].id'))
            qp.set("policy", jsonencode({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": Raw(f'aws_sqs_queue.main["{names[0]}"].arn')}]}))
        refs = {n: Raw(f'aws_sqs_queue.main["{n}"].arn') for n in names}
        dlq = Raw(f'aws_sqs_queue.dlq["{names[0]}"].arn')
        c.output("queue_urls", Raw("{ for k, q in aws_sqs_queue.main : k => q.id }"))
    c.cache["queues"] = (refs, dlq)
    return c.cache["queues"]


def dynamodb(c):
    if "tables" in c.cache:
        return c.cache["tables"]
    rng = c.rng
    f = "dynamodb.tf"
    tables = {}
    for _ in range(c.n(1, 0.8, 6)):
        w = c.word()
        if w + "s" in tables:
            continue
        attrs = {f"{w}_id": "S"}
        t = {"hash_key": f"{w}_id", "attributes": attrs}
        if rng.random() < 0.5:
            t["range_key"] = rng.choice(["created_at", "sk", "version"])
            attrs[t["range_key"]] = rng.choice(["S", "N"])
        gsis = []
        for j in range(rng.choice([0, 0, 1, 2])):
            k = rng.choice(["customer_id", "status", "email", "tenant_id", "sku"])
            if k in attrs:
                continue
            attrs[k] = "S"
            gsis.append({"name": f"by-{k.replace('_', '-')}", "hash_key": k})
        t["gsis"] = gsis
        t["ttl"] = rng.choice(["", "", "expires_at"])
        tables[w + "s"] = t
    kms_ref = kms(c) if rng.random() < 0.4 else None
    refs = {}
    if rng.random() < 0.5:
        for name, t in tables.items():
            m = c.module(f, c.uniq(f"{name}_table"), "dynamodb-table")
            m.set("name", T(f"{c.prefix()}-{name}"))
            m.set("hash_key", t["hash_key"])
            if "range_key" in t:
                m.set("range_key", t["range_key"])
            m.set("attributes", t["attributes"])
            if t["gsis"]:
                m.set("global_secondary_indexes", t["gsis"])
            if t["ttl"]:
                m.set("ttl_attribute", t["ttl"])
            m.set("point_in_time_recovery", Raw("local.is_prod") if not c.bad() else False)
            m.set("kms_key_arn", kms_ref)
            m.set("stream_enabled", rng.random() < 0.3)
            m.set("tags", c.tags())
            refs[name] = Raw(f"module.{m.labels[0]}.arn")
    else:
        spec = {}
        for name, t in tables.items():
            s = {"hash_key": t["hash_key"], "range_key": t.get("range_key"), "attributes": t["attributes"],
                 "indexes": [g["hash_key"] for g in t["gsis"]], "ttl": t["ttl"]}
            spec[name] = s
        c.local("tables", spec)
        d = c.res(f, "aws_dynamodb_table", "this")
        d.set("for_each", Raw("local.tables"))
        d.blank()
        d.set("name", T(c.prefix() + "-${each.key}"))
        d.set("billing_mode", Raw('local.is_prod ? "PROVISIONED" : "PAY_PER_REQUEST"'))
        d.set("read_capacity", Raw("local.is_prod ? 20 : null"))
        d.set("write_capacity", Raw("local.is_prod ? 10 : null"))
        d.set("hash_key", Raw("each.value.hash_key"))
        d.set("range_key", Raw("each.value.range_key"))
        a = d.dynamic("attribute", Raw("each.value.attributes"))
        a.set("name", Raw("attribute.key"))
        a.set("type", Raw("attribute.value"))
        g = d.dynamic("global_secondary_index", Raw("each.value.indexes"))
        g.set("name", T('by-${replace(global_secondary_index.value, "_", "-")}'))
        g.set("hash_key", Raw("global_secondary_index.value"))
        g.set("projection_type", "ALL")
        g.set("read_capacity", Raw("local.is_prod ? 5 : null"))
        g.set("write_capacity", Raw("local.is_prod ? 5 : null"))
        t = d.dynamic("ttl", Raw('each.value.ttl == "" ? [] : [each.value.ttl]'))
        t.set("attribute_name", Raw("ttl.value"))
        t.set("enabled", True)
        d.block("point_in_time_recovery").set("enabled", Raw("local.is_prod") if not c.bad() else False)
        if kms_ref is not None or not c.bad(0.5):
            s = d.block("server_side_encryption")
            s.set("enabled", True)
            if kms_ref is not None:
                s.set("kms_key_arn", kms_ref)
        d.set("tags", c.tags())
        if rng.random() < 0.4:
            d.block("lifecycle").set("prevent_destroy", False)
        refs = {n: Raw(f'aws_dynamodb_table.this["{n}"].arn') for n in tables}
        c.output("table_names", Raw("{ for k, t in aws_dynamodb_table.this : k => t.name }"))
    c.cache["tables"] = refs
    return refs


def rds(c):
    rng = c.rng
    f = "rds.tf"
    vpc_id, priv, _, cidr = vpc(c)
    engine, version, port, family = rng.choice(ENGINES)
    name = c.uniq(rng.choice(["db", "main", "primary", c.word()]))
    enc = c.var("db_storage_encrypted", "bool", True, "Encrypt the database storage.",
                tfvar=False if c.bad(0.7) else NOTSET)
    kms_ref = kms(c) if rng.random() < 0.5 else None
    params = [{"name": p, "value": v} for p, v in rng.sample(
        ([("log_min_duration_statement", "500"), ("rds.force_ssl", "1"), ("log_connections", "1"),
          ("shared_preload_libraries", "pg_stat_statements"), ("idle_in_transaction_session_timeout", "60000")]
         if engine == "postgres" else
         [("slow_query_log", "1"), ("long_query_time", "2"), ("require_secure_transport", "ON"),
          ("max_connections", "500"), ("general_log", "0")]), rng.randint(1, 4))]
    public = c.bad(0.4)
    if rng.random() < 0.5:
        m = c.module(f, name, "rds")
        m.set("identifier", T(f"{c.prefix()}-{name.replace('_', '-')}"))
        m.set("engine", engine)
        m.set("engine_version", version)
        m.set("parameter_group_family", family)
        m.set("instance_class", Raw("local.settings.db_instance_class"))
        m.set("port", port)
        m.set("allocated_storage", rng.choice([20, 50, 100, 200]))
        m.set("vpc_id", vpc_id)
        m.set("subnet_ids", priv)
        m.set("allowed_cidr_blocks", [cidr])
        if c.cache.get("sgs"):
            m.set("allowed_security_groups", [rng.choice(c.cache["sgs"])])
        m.set("storage_encrypted", enc)
        m.set("kms_key_arn", kms_ref)
        m.set("multi_az", Raw("local.is_prod"))
        m.set("backup_retention_period", Raw("local.settings.backup_retention_days"))
        m.set("deletion_protection", Raw("local.is_prod"))
        if public:
            m.set("publicly_accessible", True)
        if c.bad():
            m.set("iam_database_authentication_enabled", False)
        m.set("parameters", params)
        m.set("cloudwatch_logs_exports", ["postgresql", "upgrade"] if engine == "postgres" else ["error", "slowquery"])
        m.set("tags", c.tags())
        c.output(f"{name}_endpoint", Raw(f"module.{name}.endpoint"))
        return Raw(f"module.{name}.arn")
    sg = security_group(c, f"{name}_db", ports=[(port, engine)], fname=f)
    sgn = c.res(f, "aws_db_subnet_group", name)
    sgn.set("name", T(f"{c.prefix()}-{name.replace('_', '-')}"))
    sgn.set("subnet_ids", priv)
    sgn.set("tags", c.tags())
    pg = c.res(f, "aws_db_parameter_group", name)
    pg.set("name_prefix", T(f"{c.prefix()}-{name.replace('_', '-')}-"))
    pg.set("family", family)
    lname = c.local(f"{name}_parameters", {p["name"]: p["value"] for p in params})
    d = pg.dynamic("parameter", lname)
    d.set("name", Raw("parameter.key"))
    d.set("value", Raw("parameter.value"))
    d.set("apply_method", "pending-reboot")
    pg.block("lifecycle").set("create_before_destroy", True)
    db = c.res(f, "aws_db_instance", name)
    db.set("identifier", T(f"{c.prefix()}-{name.replace('_', '-')}"))
    db.set("engine", engine)
    db.set("engine_version", version)
    db.set("instance_class", Raw("local.settings.db_instance_class"))
    db.set("allocated_storage", rng.choice([20, 50, 100, 200]))
    db.set("max_allocated_storage", rng.choice([200, 500, 1000]))
    db.set("storage_type", "gp3")
    db.set("storage_encrypted", enc)
    if kms_ref is not None:
        db.set("kms_key_id", kms_ref)
    db.blank()
    db.set("db_name", c.app.replace("-", "_"))
    db.set("username", c.var("db_username", "string", "app", "Master user name."))
    if c.bad(0.5):
        db.set("password", c.var("db_password", "string", desc="Master password.", sensitive=True,
                                 tfvar=f"{c.word().capitalize()}{rng.randint(1000, 9999)}!"))
    else:
        db.set("manage_master_user_password", True)
    db.set("port", port)
    db.blank()
    db.set("db_subnet_group_name", Raw(f"aws_db_subnet_group.{name}.name"))
    db.set("parameter_group_name", Raw(f"aws_db_parameter_group.{name}.name"))
    db.set("vpc_security_group_ids", [sg])
    db.set("publicly_accessible", public)
    db.set("multi_az", Raw("local.is_prod"))
    db.blank()
    db.set("backup_retention_period", Raw("local.settings.backup_retention_days") if not c.bad() else 0)
    db.set("deletion_protection", Raw("local.is_prod"))
    db.set("skip_final_snapshot", Raw("!local.is_prod"))
    db.set("final_snapshot_identifier", T(f"{c.prefix()}-{name.replace('_', '-')}-final"))
    db.set("copy_tags_to_snapshot", True)
    db.set("auto_minor_version_upgrade", not c.bad())
    db.set("iam_database_authentication_enabled", not c.bad())
    db.set("performance_insights_enabled", Raw("local.is_prod"))
    db.set("monitoring_interval", Raw("local.is_prod ? 60 : 0"))
    db.set("enabled_cloudwatch_logs_exports", ["postgresql"] if engine == "postgres" else ["error", "slowquery"])
    db.set("tags", c.tags())
    if rng.random() < 0.4:
        db.block("lifecycle").set("ignore_changes", [Raw("password")] if c.vars.get("db_password") else [Raw("engine_version")])
    c.output(f"{name}_endpoint", Raw(f"aws_db_instance.{name}.endpoint"))
    return Raw(f"aws_db_instance.{name}.arn")


# ---- compute


def functions(c):
    rng = c.rng
    f = "lambda.tf"
    refs, dlq = queues(c) if rng.random() < 0.7 else ({}, None)
    tables = dynamodb(c) if rng.random() < 0.5 else {}
    fns = {}
    for _ in range(c.n(1, 1.0, 8)):
        n = c.word() + rng.choice(["-handler", "-processor", "-sync", "-api", "-cron", "-consumer"])
        if n in fns:
            continue
        env = {"LOG_LEVEL": rng.choice(["INFO", "DEBUG", "WARNING"]), "SERVICE": c.app}
        for _ in range(rng.randint(0, 4)):
            env[rng.choice(["FEATURE_", "TABLE_", "QUEUE_", "BUCKET_"]) + c.word().upper()] = rng.choice(
                ["true", "false", c.app, c.team, "v2"])
        if c.bad(0.3):
            env["API_KEY"] = f"sk_live_{rng.getrandbits(96):024x}"
        fns[n] = {"handler": rng.choice(["app.handler", "main.lambda_handler", "index.handler", "handler.main"]),
                  "runtime": rng.choice(RUNTIMES), "memory": rng.choice([128, 256, 512, 1024, 2048]),
                  "timeout": rng.choice([10, 30, 60, 300, 900]), "environment": env}
    in_vpc = rng.random() < 0.5
    sg = security_group(c, "lambda", ports=[(443, "HTTPS")], fname=f) if in_vpc else None
    _, priv, _, _ = vpc(c) if in_vpc else (None, None, None, None)
    art = c.var("artifact_bucket", "string", desc="Bucket the CI pipeline uploads packages to.",
                tfvar=f"acme-{c.team}-artifacts-{c.region}")
    ver = c.var("artifact_version", "string", "latest", "Version of the packages to deploy.",
                tfvar=f"{rng.randint(1, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 20)}" if rng.random() < 0.5 else NOTSET)
    hints = {}
    if refs:
        hints["sqs"] = list(refs.values())
    if tables:
        hints["dynamodb"] = list(tables.values())
    kms_ref = kms(c) if rng.random() < 0.4 else None
    if rng.random() < 0.55:
        mname = c.uniq("functions")
        c.local(mname, fns)
        pol = policy_doc(c, f, mname, statements(c, hints))
        m = c.module(f, mname, "lambda")
        m.meta("for_each", Raw(f"local.{mname}"))
        m.set("function_name", T(c.prefix() + "-${each.key}"))
        m.set("handler", Raw("each.value.handler"))
        m.set("runtime", Raw("each.value.runtime"))
        m.set("memory_size", Raw("each.value.memory"))
        m.set("timeout", Raw("each.value.timeout"))
        m.set("s3_bucket", art)
        m.set("s3_key", T("${each.key}/${var.artifact_version}.zip"))
        m.set("environment", Raw("merge(each.value.environment, { STAGE = var.environment })"))
        if in_vpc:
            m.set("subnet_ids", priv)
            m.set("security_group_ids", [sg])
        if dlq is not None and not c.bad(0.5):
            m.set("dead_letter_target_arn", dlq)
        if c.bad(0.4):
            m.set("tracing_mode", "PassThrough")
        m.set("reserved_concurrent_executions", Raw("local.is_prod ? 50 : -1"))
        m.set("kms_key_arn", kms_ref)
        m.set("log_retention_days", Raw("local.settings.log_retention_days"))
        m.set("policy_json", pol)
        if refs and rng.random() < 0.6:
            q = rng.choice(list(refs.values()))
            m.set("event_sources", Raw("{\n  queue = { arn = " + q.s + ", batch_size = 10 }\n}"))
        m.set("tags", c.tags())
        c.output(f"{mname}_arns", Raw(f"{{ for k, fn in module.{mname} : k => fn.arn }}"))
        return
    role_arn, _, _ = role(c, "lambda", "lambda.amazonaws.com", hints,
                          ["service-role/AWSLambdaBasicExecutionRole"] +
                          (["service-role/AWSLambdaVPCAccessExecutionRole"] if in_vpc else []), fname="iam.tf")
    made = []
    for n, spec in fns.items():
        name = c.uniq(n.replace("-", "_"))
        made.append(name)
        lg = c.res(f, "aws_cloudwatch_log_group", name)
        lg.set("name", T("/aws/lambda/" + c.prefix() + "-" + n))
        lg.set("retention_in_days", Raw("local.settings.log_retention_days") if not c.bad(0.5) else 0)
        if kms_ref is not None:
            lg.set("kms_key_id", kms_ref)
        lg.set("tags", c.tags())
        fn = c.res(f, "aws_lambda_function", name)
        fn.set("function_name", T(c.prefix() + "-" + n))
        fn.set("description", f"{c.app}: {n.replace('-', ' ')}")
        fn.set("role", role_arn)
        fn.set("handler", spec["handler"])
        fn.set("runtime", spec["runtime"])
        fn.set("memory_size", spec["memory"])
        fn.set("timeout", spec["timeout"])
        fn.set("architectures", [rng.choice(["x86_64", "arm64"])])
        fn.set("s3_bucket", art)
        fn.set("s3_key", T(f"{n}/${{var.artifact_version}}.zip"))
        if kms_ref is not None:
            fn.set("kms_key_arn", kms_ref)
        if not c.bad(0.5):
            fn.set("reserved_concurrent_executions", Raw("local.is_prod ? 100 : 5"))
        e = fn.block("environment")
        env = dict(spec["environment"])
        env["STAGE"] = Raw("var.environment")
        if tables and rng.random() < 0.5:
            env["TABLE_ARN"] = rng.choice(list(tables.values()))
        e.set("variables", env)
        if in_vpc:
            v = fn.block("vpc_config")
            v.set("subnet_ids", priv)
            v.set("security_group_ids", [sg])
        if dlq is not None and not c.bad(0.5):
            fn.block("dead_letter_config").set("target_arn", dlq)
        fn.block("tracing_config").set("mode", "PassThrough" if c.bad(0.5) else "Active")
        fn.set("tags", c.tags())
        fn.set("depends_on", [Raw(f"aws_cloudwatch_log_group.{name}")])
        if refs and rng.random() < 0.4:
            es = c.res(f, "aws_lambda_event_source_mapping", name)
            es.set("event_source_arn", rng.choice(list(refs.values())))
            es.set("function_name", Raw(f"aws_lambda_function.{name}.arn"))
            es.set("batch_size", rng.choice([1, 10, 25]))
            es.set("function_response_types", ["ReportBatchItemFailures"])
        elif rng.random() < 0.3:
            p = c.res(f, "aws_lambda_permission", name)
            p.set("statement_id", "AllowInvoke")
            p.set("action", "lambda:InvokeFunction")
            p.set("function_name", Raw(f"aws_lambda_function.{name}.function_name"))
            p.set("principal", "*" if c.bad(0.5) else rng.choice(["events.amazonaws.com", "apigateway.amazonaws.com",
                                                                    "s3.amazonaws.com"]))
        if "cron" in n:
            r = c.res(f, "aws_cloudwatch_event_rule", name)
            r.set("name", T(c.prefix() + "-" + n))
            r.set("schedule_expression", rng.choice(["rate(5 minutes)", "rate(1 hour)", "cron(0 3 * * ? *)"]))
            t = c.res(f, "aws_cloudwatch_event_target", name)
            t.set("rule", Raw(f"aws_cloudwatch_event_rule.{name}.name"))
            t.set("arn", Raw(f"aws_lambda_function.{name}.arn"))
    c.output(c.uniq("function_names"), [Raw(f"aws_lambda_function.{nm}.function_name") for nm in made])


USER_DATA = """#!/bin/bash
set -euo pipefail
yum install -y amazon-cloudwatch-agent
echo "ENVIRONMENT=${environment}" >> /etc/environment
echo "SERVICE=${service}" >> /etc/environment
%{ for port in ports ~}
iptables -A INPUT -p tcp --dport ${port} -j ACCEPT
%{ endfor ~}
systemctl enable --now amazon-cloudwatch-agent
aws s3 cp s3://${bucket}/bootstrap/${service}.sh /usr/local/bin/bootstrap.sh
chmod +x /usr/local/bin/bootstrap.sh && /usr/local/bin/bootstrap.sh
"""


def compute(c):
    rng = c.rng
    f = "compute.tf"
    vpc_id, priv, pub, _ = vpc(c)
    sg = security_group(c, "instances", ports=[(8080, "app"), (22, "SSH")], fname=f)
    _, _, profile = role(c, "instance", "ec2.amazonaws.com", {},
                         ["AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy"], fname="iam.tf", profile=True)
    if rng.random() < 0.5:
        ami = c.datasrc(f, "aws_ami", "base")
        ami.set("most_recent", True)
        ami.set("owners", ["amazon"])
        fl = ami.block("filter")
        fl.set("name", "name")
        fl.set("values", [rng.choice(["al2023-ami-*-x86_64", "amzn2-ami-hvm-*-x86_64-gp2", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"])])
        fl = ami.block("filter")
        fl.set("name", "virtualization-type")
        fl.set("values", ["hvm"])
        image = Raw("data.aws_ami.base.id")
    else:
        image = c.var("ami_id", "string", desc="AMI built by the image pipeline.", tfvar=f"ami-0{rng.getrandbits(64):016x}")
    imds = "optional" if c.bad() else "required"
    tokens = c.var("imds_http_tokens", "string", "required", "IMDSv2: required, or optional to allow IMDSv1.",
                   tfvar=imds if imds == "optional" or rng.random() < 0.3 else NOTSET,
                   validation=("contains([\"required\", \"optional\"], var.imds_http_tokens)", "Either required or optional."))
    kms_ref = kms(c, "ebs") if rng.random() < 0.4 else None
    ports = sorted(rng.sample([8080, 8443, 9000, 9090, 3000], rng.randint(1, 3)))
    if rng.random() < 0.6:
        lt = c.res(f, "aws_launch_template", "app")
        lt.set("name_prefix", T(c.prefix() + "-"))
        lt.set("image_id", image)
        lt.set("instance_type", Raw("local.settings.instance_type"))
        lt.set("vpc_security_group_ids", [sg])
        lt.set("ebs_optimized", True)
        lt.set("update_default_version", True)
        if rng.random() < 0.5:
            c.extra_files["templates/user-data.sh.tpl"] = USER_DATA
            lt.set("user_data", Raw("base64encode(templatefile(\"${path.module}/templates/user-data.sh.tpl\", {\n"
                                    "  environment = var.environment\n  service     = \"" + c.app + "\"\n"
                                    "  ports       = " + val(ports, 1) + "\n  bucket      = \"acme-" + c.team + "-bootstrap\"\n}))"))
        else:
            lt.set("user_data", Raw("base64encode(" + val(Heredoc(
                "#!/bin/bash\nset -euo pipefail\necho \"ENVIRONMENT=${var.environment}\" >> /etc/environment\n"
                "yum install -y amazon-cloudwatch-agent\nsystemctl enable --now amazon-cloudwatch-agent\n"), 0) + "\n)"))
        lt.block("iam_instance_profile").set("name", profile)
        mo = lt.block("metadata_options")
        mo.set("http_endpoint", "enabled")
        mo.set("http_tokens", tokens)
        mo.set("http_put_response_hop_limit", 1)
        mo.set("instance_metadata_tags", "enabled")
        bd = lt.block("block_device_mappings")
        bd.set("device_name", "/dev/xvda")
        ebs = bd.block("ebs")
        ebs.set("volume_size", rng.choice([20, 30, 50, 100]))
        ebs.set("volume_type", "gp3")
        ebs.set("encrypted", not c.bad(0.6))
        if kms_ref is not None:
            ebs.set("kms_key_id", kms_ref)
        ebs.set("delete_on_termination", True)
        lt.block("monitoring").set("enabled", True)
        ts = lt.dynamic("tag_specifications", ["instance", "volume", "network-interface"][:rng.randint(1, 3)])
        ts.set("resource_type", Raw("tag_specifications.value"))
        ts.set("tags", c.tags(Name=T(c.prefix() + "-" + c.app)))
        lt.set("tags", c.tags())
        asg = c.res(f, "aws_autoscaling_group", "app")
        asg.set("name_prefix", T(c.prefix() + "-"))
        asg.set("min_size", Raw("local.settings.min_size"))
        asg.set("max_size", Raw("local.settings.max_size"))
        asg.set("desired_capacity", Raw("local.settings.min_size"))
        asg.set("vpc_zone_identifier", priv)
        asg.set("health_check_type", "ELB" if "alb_tgs" in c.cache else "EC2")
        asg.set("health_check_grace_period", 300)
        if "alb_tgs" in c.cache:
            asg.set("target_group_arns", c.cache["alb_tgs"])
        ltb = asg.block("launch_template")
        ltb.set("id", Raw("aws_launch_template.app.id"))
        ltb.set("version", "$Latest")
        ir = asg.block("instance_refresh")
        ir.set("strategy", "Rolling")
        ir.block("preferences").set("min_healthy_percentage", 90)
        t = asg.dynamic("tag", Raw("merge(local.common_tags, { Name = \"" + c.prefix() + "-" + c.app + "\" })"))
        t.set("key", Raw("tag.key"))
        t.set("value", Raw("tag.value"))
        t.set("propagate_at_launch", True)
        asg.block("lifecycle").set("ignore_changes", [Raw("desired_capacity")])
        pol = c.res(f, "aws_autoscaling_policy", "cpu")
        pol.set("name", "cpu-target")
        pol.set("autoscaling_group_name", Raw("aws_autoscaling_group.app.name"))
        pol.set("policy_type", "TargetTrackingScaling")
        tt = pol.block("target_tracking_configuration")
        tt.set("target_value", rng.choice([50, 60, 70]))
        tt.block("predefined_metric_specification").set("predefined_metric_type", "ASGAverageCPUUtilization")
        c.output("autoscaling_group_name", Raw("aws_autoscaling_group.app.name"))
    else:
        cnt = c.var("instance_count", "number", rng.choice([1, 2, 3]), "Number of instances.",
                    tfvar=rng.choice([2, 3, 4]) if rng.random() < 0.5 else NOTSET)
        i = c.res(f, "aws_instance", "app")
        i.set("count", cnt)
        i.blank()
        i.set("ami", image)
        i.set("instance_type", Raw("local.settings.instance_type"))
        pubip = c.bad(0.5)
        i.set("subnet_id", Raw(f"element({(pub if pubip else priv).s}, count.index)"))
        i.set("vpc_security_group_ids", [sg])
        i.set("iam_instance_profile", profile)
        i.set("associate_public_ip_address", pubip)
        i.set("monitoring", True)
        i.set("ebs_optimized", True)
        mo = i.block("metadata_options")
        mo.set("http_endpoint", "enabled")
        mo.set("http_tokens", tokens)
        rb = i.block("root_block_device")
        rb.set("volume_size", rng.choice([20, 30, 50]))
        rb.set("volume_type", "gp3")
        rb.set("encrypted", not c.bad(0.6))
        if kms_ref is not None:
            rb.set("kms_key_id", kms_ref)
        if rng.random() < 0.5:
            eb = i.block("ebs_block_device")
            eb.set("device_name", "/dev/sdf")
            eb.set("volume_size", rng.choice([100, 200, 500]))
            eb.set("encrypted", True)
        i.set("tags", c.tags(Name=T(c.prefix() + "-" + c.app + "-${count.index}")))
        i.block("lifecycle").set("ignore_changes", [Raw("ami")])
        if rng.random() < 0.5:
            v = c.res(f, "aws_ebs_volume", "data")
            v.set("count", cnt)
            v.blank()
            v.set("availability_zone", Raw("aws_instance.app[count.index].availability_zone"))
            v.set("size", rng.choice([100, 250, 500]))
            v.set("type", "gp3")
            v.set("encrypted", not c.bad(0.6))
            v.set("tags", c.tags(Name=T(c.prefix() + "-data-${count.index}")))
            a = c.res(f, "aws_volume_attachment", "data")
            a.set("count", cnt)
            a.blank()
            a.set("device_name", "/dev/sdh")
            a.set("volume_id", Raw("aws_ebs_volume.data[count.index].id"))
            a.set("instance_id", Raw("aws_instance.app[count.index].id"))
        c.output("instance_ids", Raw("aws_instance.app[*].id"))
        c.output("private_ips", Raw("aws_instance.app[*].private_ip"))


def alb(c):
    rng = c.rng
    f = "alb.tf"
    vpc_id, priv, pub, _ = vpc(c)
    sg = security_group(c, "alb", ports=[(443, "HTTPS"), (80, "HTTP")], public=True, fname=f)
    cert = c.var("certificate_arn", "string", desc="ACM certificate of the public listener.",
                 tfvar=f"arn:aws:acm:{c.region}:{rng.randint(10**11, 10**12 - 1)}:certificate/{rng.getrandbits(128):032x}")
    services = {}
    for j, s in enumerate(rng.sample(["web", "api", "admin", "static", "ws", "graphql"], rng.randint(1, 4))):
        services[s] = {"port": rng.choice([8080, 8000, 3000, 9000]), "health_check_path": rng.choice(["/healthz", "/health", "/status"])}
        if j:
            services[s]["host_headers"] = [f"{s}.{c.app}.example.com"]
            services[s]["priority"] = 100 + j * 10
    logs = log_bucket(c) if not c.bad(0.5) else None
    old_tls = c.bad(0.5)
    if rng.random() < 0.5:
        m = c.module(f, "alb", "alb")
        m.set("name", T(c.prefix()))
        m.set("vpc_id", vpc_id)
        m.set("subnet_ids", pub)
        m.set("security_group_ids", [sg])
        m.set("certificate_arn", cert)
        if old_tls:
            m.set("ssl_policy", "ELBSecurityPolicy-2016-08")
        if c.bad(0.5):
            m.set("redirect_http", False)
            m.set("drop_invalid_header_fields", False)
        m.set("access_logs_bucket", logs)
        m.set("deletion_protection", Raw("local.is_prod"))
        m.set("target_groups", c.local("services", services))
        m.set("tags", c.tags())
        c.cache["alb_tgs"] = Raw("values(module.alb.target_group_arns)")
        c.output("alb_dns_name", Raw("module.alb.dns_name"))
        return
    c.local("services", services)
    lb = c.res(f, "aws_lb", "this")
    lb.set("name", T(c.prefix()))
    lb.set("internal", False)
    lb.set("load_balancer_type", "application")
    lb.set("subnets", pub)
    lb.set("security_groups", [sg])
    lb.set("drop_invalid_header_fields", not c.bad(0.5))
    lb.set("enable_deletion_protection", Raw("local.is_prod"))
    if logs is not None:
        al = lb.block("access_logs")
        al.set("bucket", logs)
        al.set("prefix", c.app)
        al.set("enabled", True)
    lb.set("tags", c.tags())
    tg = c.res(f, "aws_lb_target_group", "this")
    tg.set("for_each", Raw("local.services"))
    tg.blank()
    tg.set("name", T("${substr(local.name_prefix, 0, 20)}-${each.key}"))
    tg.set("port", Raw("each.value.port"))
    tg.set("protocol", "HTTP")
    tg.set("vpc_id", vpc_id)
    hc = tg.block("health_check")
    hc.set("path", Raw("each.value.health_check_path"))
    hc.set("matcher", "200")
    hc.set("interval", 15)
    tg.set("tags", c.tags())
    first = next(iter(services))
    http = c.res(f, "aws_lb_listener", "http")
    http.set("load_balancer_arn", Raw("aws_lb.this.arn"))
    http.set("port", 80)
    http.set("protocol", "HTTP")
    da = http.block("default_action")
    if c.bad(0.5):
        da.set("type", "forward")
        da.set("target_group_arn", Raw(f'aws_lb_target_group.this["{first}"].arn'))
    else:
        da.set("type", "redirect")
        r = da.block("redirect")
        r.set("port", "443")
        r.set("protocol", "HTTPS")
        r.set("status_code", "HTTP_301")
    https = c.res(f, "aws_lb_listener", "https")
    https.set("load_balancer_arn", Raw("aws_lb.this.arn"))
    https.set("port", 443)
    https.set("protocol", "HTTPS")
    https.set("ssl_policy", "ELBSecurityPolicy-TLS-1-0-2015-04" if old_tls else "ELBSecurityPolicy-TLS13-1-2-2021-06")
    https.set("certificate_arn", cert)
    da = https.block("default_action")
    da.set("type", "fixed-response")
    fr = da.block("fixed_response")
    fr.set("content_type", "text/plain")
    fr.set("message_body", "not found")
    fr.set("status_code", "404")
    rule = c.res(f, "aws_lb_listener_rule", "this")
    rule.set("for_each", Raw("local.services"))
    rule.blank()
    rule.set("listener_arn", Raw("aws_lb_listener.https.arn"))
    rule.set("priority", Raw("100 + index(keys(local.services), each.key)"))
    a = rule.block("action")
    a.set("type", "forward")
    a.set("target_group_arn", Raw("aws_lb_target_group.this[each.key].arn"))
    cond = rule.block("condition")
    cond.block("host_header").set("values", [T("${each.key}." + c.app + ".example.com")])
    if rng.random() < 0.4:
        w = c.res(f, "aws_wafv2_web_acl_association", "this")
        w.set("resource_arn", Raw("aws_lb.this.arn"))
        w.set("web_acl_arn", c.var("web_acl_arn", "string", desc="WAF web ACL of the account.",
                                   tfvar=f"arn:aws:wafv2:{c.region}:{rng.randint(10**11, 10**12 - 1)}:regional/webacl/main/{rng.getrandbits(64):016x}"))
    c.cache["alb_tgs"] = Raw("[for tg in aws_lb_target_group.this : tg.arn]")
    c.output("alb_dns_name", Raw("aws_lb.this.dns_name"))


def eks(c):
    rng = c.rng
    f = "eks.tf"
    vpc_id, priv, _, _ = vpc(c)
    key = kms(c, "eks") if not c.bad(0.6) else None
    groups = {}
    for g in rng.sample(["system", "general", "spot", "gpu", "memory", "batch"], rng.randint(1, 4)):
        spec = {"instance_types": rng.sample(INSTANCE_TYPES[3:], rng.randint(1, 3)),
                "min_size": rng.choice([1, 2]), "max_size": rng.choice([3, 5, 10, 20]), "desired_size": 2}
        if g == "spot":
            spec["capacity_type"] = "SPOT"
        if g in ("gpu", "system", "batch"):
            spec["labels"] = {"workload": g}
            spec["taints"] = [{"key": "dedicated", "value": g, "effect": "NO_SCHEDULE"}]
        groups[g] = spec
    ng = c.var("node_groups", "any", {}, "Managed node groups; see the eks module for the attributes.", tfvar=groups)
    public = c.bad()
    m = c.module(f, "eks", "eks")
    m.set("cluster_name", T(c.prefix()))
    m.set("cluster_version", c.var("cluster_version", "string", rng.choice(["1.28", "1.29", "1.30"]), "Kubernetes version."))
    m.set("vpc_id", vpc_id)
    m.set("subnet_ids", priv)
    m.set("endpoint_public_access", public or rng.random() < 0.3)
    if public:
        m.set("public_access_cidrs", ["0.0.0.0/0"])
    else:
        m.set("public_access_cidrs", c.var("api_allowed_cidrs", "list(string)", [f"203.0.113.{rng.randint(0, 255)}/32"],
                                           "Who may reach the public API endpoint."))
    m.set("secrets_kms_key_arn", key)
    if c.bad(0.5):
        m.set("enabled_log_types", [])
    if c.bad(0.5):
        m.set("node_http_tokens", "optional")
    m.set("node_groups", ng)
    m.set("addons", {"vpc-cni": "v1.18.1-eksbuild.1", "coredns": "v1.11.1-eksbuild.9", "kube-proxy": "v1.29.3-eksbuild.2",
                     "aws-ebs-csi-driver": "v1.30.0-eksbuild.1"} if rng.random() < 0.7 else {})
    m.set("tags", c.tags())
    # IRSA roles
    sas = {}
    for sa in rng.sample(["external-dns", "cluster-autoscaler", "aws-load-balancer-controller", "karpenter",
                          f"{c.app}", "fluent-bit", "cert-manager"], rng.randint(1, 4)):
        sas[sa] = {"namespace": "kube-system" if sa != c.app else c.app, "policy": rng.choice(["s3", "sqs", "ec2", "logs", "dynamodb"])}
    c.local("service_accounts", sas)
    c.local("oidc_issuer", Raw('replace(module.eks.oidc_issuer_url, "https://", "")'))
    d = c.datasrc(f, "aws_iam_policy_document", "irsa_assume")
    d.set("for_each", Raw("local.service_accounts"))
    d.blank()
    st = d.block("statement")
    st.set("actions", ["sts:AssumeRoleWithWebIdentity"])
    p = st.block("principals")
    p.set("type", "Federated")
    p.set("identifiers", [Raw("module.eks.oidc_provider_arn")])
    cnd = st.block("condition")
    cnd.set("test", "StringEquals")
    cnd.set("variable", T("${local.oidc_issuer}:sub"))
    cnd.set("values", [T("system:serviceaccount:${each.value.namespace}:${each.key}")])
    cnd = st.block("condition")
    cnd.set("test", "StringEquals")
    cnd.set("variable", T("${local.oidc_issuer}:aud"))
    cnd.set("values", ["sts.amazonaws.com"])
    r = c.res(f, "aws_iam_role", "irsa")
    r.set("for_each", Raw("local.service_accounts"))
    r.blank()
    r.set("name", T(c.prefix() + "-${each.key}"))
    r.set("assume_role_policy", Raw("data.aws_iam_policy_document.irsa_assume[each.key].json"))
    r.set("tags", c.tags())
    pol = c.res(f, "aws_iam_role_policy", "irsa")
    pol.set("for_each", Raw("local.service_accounts"))
    pol.blank()
    pol.set("name", Raw("each.key"))
    pol.set("role", Raw("aws_iam_role.irsa[each.key].id"))
    acts = {k: v[:3] for k, v in SERVICE_ACTIONS.items() if k in ("s3", "sqs", "ec2", "logs", "dynamodb")}
    c.local("irsa_actions", acts)
    pol.set("policy", jsonencode({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": Raw("local.irsa_actions[each.value.policy]"),
         "Resource": "*" if c.bad(0.5) else T("arn:${" + c.partition() + "}:${each.value.policy}:${var.region}:${" + c.account() + "}:*")}]}))
    c.output("cluster_name", Raw("module.eks.cluster_name"))
    c.output("cluster_endpoint", Raw("module.eks.cluster_endpoint"))
    c.output("irsa_role_arns", Raw("{ for k, r in aws_iam_role.irsa : k => r.arn }"))


# ---- security and monitoring


def cloudtrail(c):
    rng = c.rng
    f = "cloudtrail.tf"
    if rng.random() < 0.5:
        m = c.module(f, "trail", "cloudtrail")
        m.set("name", T(c.prefix()))
        if c.bad():
            m.set("log_file_validation", False)
        if c.bad(0.5):
            m.set("encrypt_with_kms", False)
        if c.bad(0.5):
            m.set("multi_region", False)
        m.set("cloudwatch_retention_days", rng.choice([90, 365, 400]))
        if rng.random() < 0.5:
            m.set("log_bucket", log_bucket(c))
        m.set("tags", c.tags())
        c.output("trail_arn", Raw("module.trail.arn"))
        return
    key = kms(c, "trail") if not c.bad(0.5) else None
    b = bucket_direct(c, "trail", kms_ref=key, logs=log_bucket(c) if rng.random() < 0.5 else None)
    bn = b.s.replace(".arn", ".id")
    d = c.datasrc(f, "aws_iam_policy_document", "trail_bucket")
    st = d.block("statement")
    st.set("sid", "AWSCloudTrailAclCheck")
    st.set("actions", ["s3:GetBucketAcl"])
    st.set("resources", [b])
    p = st.block("principals")
    p.set("type", "Service")
    p.set("identifiers", ["cloudtrail.amazonaws.com"])
    st = d.block("statement")
    st.set("sid", "AWSCloudTrailWrite")
    st.set("actions", ["s3:PutObject"])
    st.set("resources", [T("${" + b.s + "}/AWSLogs/${" + c.account() + "}/*")])
    p = st.block("principals")
    p.set("type", "Service")
    p.set("identifiers", ["cloudtrail.amazonaws.com"])
    cnd = st.block("condition")
    cnd.set("test", "StringEquals")
    cnd.set("variable", "s3:x-amz-acl")
    cnd.set("values", ["bucket-owner-full-control"])
    bp = c.res(f, "aws_s3_bucket_policy", "trail_delivery")
    bp.set("bucket", Raw(bn))
    bp.set("policy", Raw("data.aws_iam_policy_document.trail_bucket.json"))
    lg = c.res(f, "aws_cloudwatch_log_group", "trail")
    lg.set("name", T("/aws/cloudtrail/" + c.prefix()))
    lg.set("retention_in_days", 365)
    if key is not None:
        lg.set("kms_key_id", key)
    arn, _, _ = role(c, "cloudtrail", "cloudtrail.amazonaws.com", {"logs": [Raw("aws_cloudwatch_log_group.trail.arn")]}, fname=f)
    t = c.res(f, "aws_cloudtrail", "this")
    t.set("name", T(c.prefix()))
    t.set("s3_bucket_name", Raw(bn))
    t.set("include_global_service_events", True)
    t.set("is_multi_region_trail", not c.bad(0.5))
    t.set("enable_log_file_validation", not c.bad())
    if key is not None:
        t.set("kms_key_id", key)
    t.set("cloud_watch_logs_group_arn", T("${aws_cloudwatch_log_group.trail.arn}:*"))
    t.set("cloud_watch_logs_role_arn", arn)
    es = t.block("event_selector")
    es.set("read_write_type", "All")
    es.set("include_management_events", True)
    dr = es.block("data_resource")
    dr.set("type", "AWS::S3::Object")
    dr.set("values", [T("arn:${" + c.partition() + "}:s3")])
    if rng.random() < 0.5:
        ins = t.block("insight_selector")
        ins.set("insight_type", "ApiCallRateInsight")
    t.set("tags", c.tags())
    t.set("depends_on", [Raw("aws_s3_bucket_policy.trail_delivery")])
    c.output("trail_arn", Raw("aws_cloudtrail.this.arn"))


def security_services(c):
    rng = c.rng
    f = "security.tf"
    g = c.res(f, "aws_guardduty_detector", "this")
    g.set("enable", not c.bad(0.5))
    g.set("finding_publishing_frequency", rng.choice(["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"]))
    ds = g.block("datasources")
    ds.block("s3_logs").set("enable", True)
    k = ds.block("kubernetes").block("audit_logs")
    k.set("enable", rng.random() < 0.7)
    mp = ds.block("malware_protection").block("scan_ec2_instance_with_findings").block("ebs_volumes")
    mp.set("enable", True)
    g.set("tags", c.tags())
    c.res(f, "aws_securityhub_account", "this")
    std = c.var("securityhub_standards", "list(string)", [
        "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0",
        "standards/aws-foundational-security-best-practices/v/1.0.0"], "Standards to subscribe to.")
    s = c.res(f, "aws_securityhub_standards_subscription", "this")
    s.set("for_each", Raw("toset(var.securityhub_standards)"))
    s.blank()
    s.set("standards_arn", Raw('startswith(each.value, "arn:") ? each.value : "arn:${' + c.partition()
                               + '}:securityhub:${var.region}::${each.value}"'))
    s.set("depends_on", [Raw("aws_securityhub_account.this")])
    pp = c.res(f, "aws_iam_account_password_policy", "strict")
    pp.set("minimum_password_length", 8 if c.bad() else 14)
    pp.set("require_lowercase_characters", True)
    pp.set("require_numbers", True)
    pp.set("require_uppercase_characters", True)
    pp.set("require_symbols", not c.bad())
    pp.set("allow_users_to_change_password", True)
    pp.set("max_password_age", 90)
    pp.set("password_reuse_prevention", 24)
    e = c.res(f, "aws_ebs_encryption_by_default", "this")
    e.set("enabled", not c.bad(0.5))
    a = c.res(f, "aws_s3_account_public_access_block", "this")
    on = not c.bad(0.5)
    for k2 in ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"):
        a.set(k2, on)
    aa = c.res(f, "aws_accessanalyzer_analyzer", "account")
    aa.set("analyzer_name", T(c.prefix()))
    aa.set("type", "ACCOUNT")
    if rng.random() < 0.6:
        cf = "config.tf"
        b = log_bucket(c)
        arn, _, _ = role(c, "config", "config.amazonaws.com", {}, ["service-role/AWS_ConfigRole"], fname=cf)
        r = c.res(cf, "aws_config_configuration_recorder", "this")
        r.set("name", "default")
        r.set("role_arn", arn)
        rg = r.block("recording_group")
        rg.set("all_supported", True)
        rg.set("include_global_resource_types", True)
        d = c.res(cf, "aws_config_delivery_channel", "this")
        d.set("name", "default")
        d.set("s3_bucket_name", b)
        d.set("s3_key_prefix", "config")
        d.set("sns_topic_arn", topic(c))
        d.block("snapshot_delivery_properties").set("delivery_frequency", "TwentyFour_Hours")
        d.set("depends_on", [Raw("aws_config_configuration_recorder.this")])
        st = c.res(cf, "aws_config_configuration_recorder_status", "this")
        st.set("name", Raw("aws_config_configuration_recorder.this.name"))
        st.set("is_enabled", True)
        st.set("depends_on", [Raw("aws_config_delivery_channel.this")])
        rules = rng.sample(["S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_SSL_REQUESTS_ONLY", "ENCRYPTED_VOLUMES",
                            "RDS_STORAGE_ENCRYPTED", "IAM_ROOT_ACCESS_KEY_CHECK", "CLOUD_TRAIL_ENABLED",
                            "RESTRICTED_INCOMING_TRAFFIC", "VPC_FLOW_LOGS_ENABLED", "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS"],
                           rng.randint(2, 7))
        c.local("config_rules", {x.lower().replace("_", "-"): x for x in rules})
        cr = c.res(cf, "aws_config_config_rule", "managed")
        cr.set("for_each", Raw("local.config_rules"))
        cr.blank()
        cr.set("name", Raw("each.key"))
        src = cr.block("source")
        src.set("owner", "AWS")
        src.set("source_identifier", Raw("each.value"))
        cr.set("depends_on", [Raw("aws_config_configuration_recorder.this")])
    c.output("guardduty_detector_id", Raw("aws_guardduty_detector.this.id"))


def monitoring(c):
    if c.cache.get("monitoring"):
        return
    c.cache["monitoring"] = True
    rng = c.rng
    f = "monitoring.tf"
    t = topic(c)
    groups = sorted({rng.choice(["app", "access", "audit", "worker", "cron", "nginx", "jobs"]) for _ in range(c.n(1, 0.8, 6))})
    key = kms(c, "logs") if rng.random() < 0.4 else None
    c.local("log_groups", {g: {"retention": rng.choice([30, 90, 365, 400]) if not c.bad(0.5) else 0} for g in groups})
    lg = c.res(f, "aws_cloudwatch_log_group", "app")
    lg.set("for_each", Raw("local.log_groups"))
    lg.blank()
    lg.set("name", T("/" + c.team + "/" + c.app + "/${var.environment}/${each.key}"))
    lg.set("retention_in_days", Raw("each.value.retention"))
    if key is not None:
        lg.set("kms_key_id", key)
    lg.set("tags", c.tags())
    alarms = {}
    for _ in range(c.n(1, 1.2, 10)):
        ns, metric, dim = rng.choice([("AWS/EC2", "CPUUtilization", "AutoScalingGroupName"),
                                      ("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer"),
                                      ("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName"),
                                      ("AWS/Lambda", "Errors", "FunctionName"),
                                      ("AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier"),
                                      ("AWS/DynamoDB", "ThrottledRequests", "TableName")])
        alarms[f"{metric.lower().replace('_', '-')}-{len(alarms)}"] = {
            "namespace": ns, "metric": metric, "dimension": dim, "value": f"{c.app}-{c.word()}",
            "statistic": rng.choice(["Average", "Maximum", "Sum"]), "threshold": rng.choice([1, 80, 300, 1000]),
            "periods": rng.choice([1, 3, 5]), "comparison": rng.choice(["GreaterThanThreshold", "LessThanThreshold"])}
    c.local("alarms", alarms)
    a = c.res(f, "aws_cloudwatch_metric_alarm", "this")
    a.set("for_each", Raw("local.alarms"))
    a.blank()
    a.set("alarm_name", T(c.prefix() + "-${each.key}"))
    a.set("alarm_description", T("${each.value.metric} of ${each.value.value} in ${var.environment}"))
    a.set("namespace", Raw("each.value.namespace"))
    a.set("metric_name", Raw("each.value.metric"))
    a.set("dimensions", Raw("{ (each.value.dimension) = each.value.value }"))
    a.set("statistic", Raw("each.value.statistic"))
    a.set("period", 300)
    a.set("evaluation_periods", Raw("each.value.periods"))
    a.set("threshold", Raw("each.value.threshold"))
    a.set("comparison_operator", Raw("each.value.comparison"))
    a.set("treat_missing_data", "notBreaching")
    a.set("alarm_actions", Raw(f"local.is_prod ? [{t.s}] : []"))
    a.set("ok_actions", Raw(f"local.is_prod ? [{t.s}] : []"))
    a.set("tags", c.tags())
    if rng.random() < 0.5:
        mf = c.res(f, "aws_cloudwatch_log_metric_filter", "errors")
        mf.set("for_each", Raw("aws_cloudwatch_log_group.app"))
        mf.blank()
        mf.set("name", T("${each.key}-errors"))
        mf.set("log_group_name", Raw("each.value.name"))
        mf.set("pattern", "?ERROR ?Exception ?Traceback")
        mt = mf.block("metric_transformation")
        mt.set("name", T("${each.key}-errors"))
        mt.set("namespace", T(f"{c.team}/{c.app}"))
        mt.set("value", "1")
    if rng.random() < 0.5:
        d = c.res(f, "aws_cloudwatch_dashboard", "main")
        d.set("dashboard_name", T(c.prefix()))
        d.set("dashboard_body", jsonencode({"widgets": [
            {"type": "metric", "x": 0, "y": 6 * i, "width": 12, "height": 6,
             "properties": {"title": k, "region": Raw("var.region"), "stat": v["statistic"],
                            "metrics": [[v["namespace"], v["metric"], v["dimension"], v["value"]]]}}
            for i, (k, v) in enumerate(list(alarms.items())[:4])]}))
    c.output("alarm_topic_arn", t)


# ---- the files every root has


def providers_file(c):
    rng = c.rng
    tf = Block("terraform")
    tf.set("required_version", rng.choice([">= 1.5.0", ">= 1.6", "~> 1.7"]))
    rp = tf.block("required_providers")
    rp.set("aws", {"source": "hashicorp/aws", "version": rng.choice(["~> 5.0", ">= 5.20", "~> 5.40"])})
    be = tf.block("backend", "s3")
    be.set("bucket", f"acme-terraform-state-{rng.choice(['prod', 'nonprod', 'shared'])}")
    be.set("key", f"{c.dir.split('/', 1)[1]}/terraform.tfstate")
    be.set("region", "us-east-1")
    be.set("dynamodb_table", "terraform-locks")
    be.set("encrypt", True)
    p = Block("provider", "aws")
    p.set("region", Raw("var.region"))
    if rng.random() < 0.4:
        c.var("account_id", "string", desc="Account the stack is deployed to.",
              tfvar=str(rng.randint(10**11, 10**12 - 1)))
        ar = p.block("assume_role")
        ar.set("role_arn", T("arn:aws:iam::${var.account_id}:role/terraform"))
        ar.set("session_name", f"terraform-{c.team}")
        p.set("allowed_account_ids", [Raw("var.account_id")])
    p.block("default_tags").set("tags", Raw("local.common_tags"))
    items = [tf, p]
    if rng.random() < 0.3:
        p2 = Block("provider", "aws")
        p2.set("alias", "us_east_1")
        p2.set("region", "us-east-1")
        p2.block("default_tags").set("tags", Raw("local.common_tags"))
        items.append(p2)
    return items


def variables_file(c):
    items = []
    for v in c.vars.values():
        b = Block("variable", v.name)
        if v.desc:
            b.set("description", v.desc)
        b.set("type", Raw(v.type))
        if v.default is not NOTSET:
            b.set("default", v.default)
        if v.sensitive:
            b.set("sensitive", True)
        if v.validation:
            vb = b.block("validation")
            vb.set("condition", Raw(v.validation[0]))
            vb.set("error_message", v.validation[1])
        items.append(b)
    return items


def base_variables(c):
    rng = c.rng
    c.var("environment", "string", desc="Deployment stage.", tfvar=c.env,
          validation=('contains(["dev", "staging", "prod"], var.environment)', "Must be dev, staging or prod."))
    c.var("region", "string", "us-east-1", "AWS region of the stack.", tfvar=c.region)
    c.var("project", "string", c.app, "Short name used in resource names.")
    c.var("team", "string", c.team, "Owning team, for tags and alerts.")
    c.var("owner", "string", desc="Contact of the owning team.", tfvar=f"{c.team}@example.com")
    c.var("cost_center", "string", f"cc-{1000 + c.idx % 97}", "Cost center tag.")
    c.var("extra_tags", "map(string)", {}, "Tags added to every resource.",
          tfvar={"compliance": rng.choice(["pci", "sox", "none"]), "data-class": rng.choice(["internal", "confidential"])}
          if rng.random() < 0.4 else NOTSET)


def base_locals(c):
    rng = c.rng
    c.locals = dict([
        ("name_prefix", T("${var.project}-${var.environment}")),
        ("is_prod", Raw('var.environment == "prod"')),
        ("common_tags", Raw("merge(" + val({"Environment": Raw("var.environment"), "Team": Raw("var.team"),
                                             "Owner": Raw("var.owner"), "CostCenter": Raw("var.cost_center"),
                                             "ManagedBy": "terraform",
                                             "Repository": f"github.com/acme/infrastructure//{c.dir}"}, 0)
                            + ", var.extra_tags)")),
        ("env_settings", {e: {"instance_type": rng.choice(INSTANCE_TYPES), "db_instance_class": rng.choice(DB_CLASSES),
                              "min_size": m, "max_size": m * rng.choice([2, 3, 4]),
                              "log_retention_days": rng.choice([7, 14, 30, 90, 365]),
                              "backup_retention_days": rng.choice([1, 7, 14, 35])}
                          for e, m in (("dev", 1), ("staging", 1), ("prod", rng.choice([2, 3])))}),
        ("settings", Raw("local.env_settings[var.environment]")),
    ]) | c.locals


def locals_file(c):
    b = Block("locals")
    for k, v in c.locals.items():
        b.set(k, v)
        if isinstance(v, (dict, list)) or (isinstance(v, Raw) and "\n" in v.s):
            b.blank()
    return [b]


def data_items(c):
    items = []
    if c.data.get("caller"):
        items.append(Block("data", "aws_caller_identity", "current"))
    if c.data.get("partition"):
        items.append(Block("data", "aws_partition", "current"))
    items.append(Block("data", "aws_region", "current"))
    if c.rng.random() < 0.3:
        az = Block("data", "aws_availability_zones", "available")
        az.set("state", "available")
        items.append(az)
    return items


# Archetypes: core components, then filler until the root has enough files and resources.
ARCHETYPES = {
    "network": ([vpc, lambda c: security_group(c, "bastion", ports=[(22, "SSH")]), network_extras],
                [(lambda c: security_group(c, c.word()), 4), (monitoring, 1)]),
    "webapp": ([alb, compute],
               [(lambda c: security_group(c, c.word()), 2), (buckets, 2), (rds, 1), (monitoring, 2), (queues, 1)]),
    "serverless": ([functions],
                   [(functions, 2), (queues, 2), (dynamodb, 2), (monitoring, 2), (buckets, 1)]),
    "data": ([rds, dynamodb],
             [(buckets, 3), (lambda c: kms(c, c.word()), 1), (queues, 1), (monitoring, 2), (functions, 1)]),
    "storage": ([storage],
                [(buckets, 3), (lambda c: kms(c, c.word()), 1), (monitoring, 1),
                 (lambda c: role(c, c.word() + "_reader", "ec2.amazonaws.com"), 1)]),
    "security": ([cloudtrail, security_services, iam_extras],
                 [(lambda c: role(c, c.word() + "_audit", "lambda.amazonaws.com"), 2), (monitoring, 1), (buckets, 1)]),
    "compute": ([compute],
                [(lambda c: security_group(c, c.word()), 2), (monitoring, 2), (buckets, 1), (rds, 1)]),
    "platform": ([vpc, eks],
                 [(lambda c: security_group(c, c.word()), 1), (monitoring, 1), (buckets, 1), (queues, 1)]),
}
ARCH_WEIGHTS = [1, 2, 3, 2, 3, 1, 2, 1]


def build(idx, seed):
    rng = random.Random(f"{seed}:{idx}")
    arch = rng.choices(list(ARCHETYPES), weights=ARCH_WEIGHTS)[0]
    c = Ctx(rng, idx, arch)
    base_variables(c)
    core, filler = ARCHETYPES[arch]
    for f in core:
        f(c)
    target = int(8 + 50 * rng.random() ** 2)
    funcs = [f for f, _ in filler]
    weights = [w for _, w in filler]
    guard = 0
    while c.resources < target and guard < 12:
        rng.choices(funcs, weights)[0](c)
        guard += 1
    base_locals(c)
    return c


def render_root(idx, seed):
    """The files of root `idx`: {relative path: text}, and its Ctx."""
    c = build(idx, seed)
    rng = c.rng
    files = {}
    st = c.style
    header = []
    if rng.random() < 0.5:
        header = [f"# {c.team} / {c.app} ({c.arch}). Owned by #{c.team}-oncall.", ""]
    comp = dict(c.files)
    # Small pieces live in main.tf, as they do in most repositories; big ones keep their file.
    main_items = []
    for k in list(comp):
        if render_file(comp[k], st).count("\n") < 45:
            main_items += comp.pop(k)
    if main_items or rng.random() < 0.5:
        if comp and not main_items:
            first = next(iter(comp))
            main_items = comp.pop(first)
        comp = {"main.tf": main_items, **comp}
    data = data_items(c)
    prov = providers_file(c)
    r = rng.random()
    if r < 0.35:
        # terraform, provider, data sources and locals together in main.tf
        comp["main.tf"] = prov + data + locals_file(c) + comp.get("main.tf", [])
        if header:
            comp["main.tf"] = header + comp["main.tf"]
    else:
        if r < 0.5:
            files["versions.tf"] = render_file(header + prov[:1], st)
            files["providers.tf"] = render_file(prov[1:], st)
        else:
            files["providers.tf"] = render_file(header + prov, st)
        if rng.random() < 0.5:
            files["locals.tf"] = render_file(data + locals_file(c), st)
        else:
            files["locals.tf"] = render_file(locals_file(c), st)
            comp["main.tf"] = data + comp.get("main.tf", [])
    for k, v in comp.items():
        files[k] = render_file(v, st)
    files["variables.tf"] = render_file(variables_file(c), st)
    if c.outputs:
        files["outputs.tf"] = render_file(c.outputs, st)
    files["terraform.tfvars"] = render_tfvars(c.tfvars)
    if c.auto_tfvars:
        files[f"{c.env}.auto.tfvars"] = render_tfvars(c.auto_tfvars)
    for k, v in c.extra_files.items():
        files[k] = v
    return c, {f"{c.dir}/{k}": v for k, v in files.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default=DEFAULT_OUT, help="output directory (replaced)")
    ap.add_argument("--count", type=int, default=2000, help="least number of .tf files (default 2000)")
    ap.add_argument("--seed", default="vigil-bench-1", help="corpus seed (default vigil-bench-1)")
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        if os.listdir(out) and not os.path.exists(os.path.join(out, MARKER)):
            sys.exit(f"{out} exists and was not made by this script; refusing to replace it")
        shutil.rmtree(out)
    os.makedirs(out)

    def write(rel, text):
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    tf_sizes, tf_lines, other = [], [], 0
    for mod, fs in MODULES.items():
        for name, text in fs.items():
            write(f"modules/{mod}/{name}", text)
            tf_sizes.append(len(text.encode()))
            tf_lines.append(text.count("\n"))
    roots, resources, calls, sloppy = 0, 0, 0, 0
    archs = {}
    while len(tf_sizes) < args.count:
        c, files = render_root(roots, args.seed)
        for rel, text in files.items():
            write(rel, text)
            if rel.endswith(".tf"):
                tf_sizes.append(len(text.encode()))
                tf_lines.append(text.count("\n"))
            else:
                other += 1
        resources += c.resources
        calls += c.module_calls
        sloppy += c.sloppy
        archs[c.arch] = archs.get(c.arch, 0) + 1
        roots += 1
    s = sorted(tf_sizes)
    ln = sorted(tf_lines)
    in_range = sum(1 for x in ln if 50 <= x <= 300)
    summary = {
        "generator_version": GENERATOR_VERSION, "seed": args.seed, "tf_files": len(s),
        "root_modules": roots, "shared_modules": len(MODULES), "other_files": other,
        "archetypes": dict(sorted(archs.items())), "sloppy_roots": sloppy,
        "resource_blocks_in_roots": resources, "module_calls_in_roots": calls,
        "bytes_total": sum(s), "bytes_min": s[0], "bytes_median": s[len(s) // 2], "bytes_max": s[-1],
        "lines_total": sum(ln), "lines_median": ln[len(ln) // 2], "lines_max": ln[-1],
        "files_50_to_300_lines": in_range,
    }
    with open(os.path.join(out, MARKER), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"{len(s)} .tf files in {roots} root modules and {len(MODULES)} shared modules in {out} "
          f"(+{other} tfvars and templates): {sum(s) / 1e6:.1f} MB, {sum(ln)} lines, median "
          f"{ln[len(ln) // 2]} lines a file ({in_range} files of 50-300 lines); "
          f"{resources} resource blocks and {calls} module calls in the roots")


if __name__ == "__main__":
    main()
