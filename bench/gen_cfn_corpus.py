#!/usr/bin/env python3
"""Generates a large, deterministic corpus of CloudFormation templates for the speed benchmark.

Every template is built from a seeded random generator (one per template, seeded with the corpus
seed and the template's number), so the same seed and count always give byte-identical files, and
the first N templates of a larger corpus are the N templates of a smaller one.

The templates have the shape of real stacks: Parameters with defaults, Mappings, Conditions,
Outputs with exports, and resources of the kinds most AWS estates are made of (VPCs, subnets,
route tables, security groups with ingress lists, EC2 instances, launch templates and auto
scaling groups, S3 buckets and bucket policies, IAM roles, instance profiles and managed
policies, RDS instances, Lambda functions, SQS, SNS, KMS, CloudTrail, ALBs with listeners,
DynamoDB tables, log groups and alarms). About 70 % are YAML written with short-form tags
(`!Ref !Sub !GetAtt !If !Equals !FindInMap !Join !Select !GetAZs !Not`) and the rest JSON.
Between 5 and 60 resources a template; sizes from about 2 KB to about 150 KB. Some templates are
sloppy on purpose (public buckets, SSH open to the world, unencrypted databases, wildcard IAM,
no TLS-only bucket policy...) so that scanners have something to report.

Usage: gen_cfn_corpus.py [OUT_DIR] [--count N] [--seed S]
       (OUT_DIR defaults to bench/out/cfn-corpus next to this script)
"""
import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys

from corpus_words import APPS, DB_CLASSES, INSTANCE_TYPES, PORTS, RUNTIMES, TEAMS, WORDS

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "out", "cfn-corpus")
MARKER = ".vigil-bench-corpus"
GENERATOR_VERSION = 1


# --------------------------------------------------------------------------------------------
# Tree: plain dicts/lists/scalars, plus intrinsic functions and literal blocks.


class Fn:
    """An intrinsic function. `name` is `Ref`, `Condition` or the part after `Fn::`."""

    __slots__ = ("name", "arg", "long")

    def __init__(self, name, arg, long=False):
        self.name = name
        self.arg = arg
        self.long = long  # YAML: write `Fn::X:` instead of `!X`

    def key(self):
        return self.name if self.name in ("Ref", "Condition") else "Fn::" + self.name


class Lit:
    """A multi-line string, written as a YAML literal block (`|`)."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


def Ref(x):
    return Fn("Ref", x)


def Sub(s, variables=None):
    return Fn("Sub", s if variables is None else [s, variables])


def GetAtt(res, attr):
    return Fn("GetAtt", f"{res}.{attr}")


def If(cond, a, b):
    return Fn("If", [cond, a, b])


def Equals(a, b):
    return Fn("Equals", [a, b])


def Not(x):
    return Fn("Not", [x])


def And(*xs):
    return Fn("And", list(xs))


def Or(*xs):
    return Fn("Or", list(xs))


def FindInMap(m, k1, k2):
    return Fn("FindInMap", [m, k1, k2])


def Join(delim, items):
    return Fn("Join", [delim, items])


def Select(i, lst):
    return Fn("Select", [i, lst])


def GetAZs(region=""):
    return Fn("GetAZs", region)


def Base64(x, long=True):
    return Fn("Base64", x, long=long)


NO_VALUE = Ref("AWS::NoValue")


# --------------------------------------------------------------------------------------------
# JSON writer


def to_json_tree(node):
    if isinstance(node, Fn):
        arg = node.arg
        if node.name == "GetAtt" and isinstance(arg, str):
            arg = arg.split(".", 1)
        return {node.key(): to_json_tree(arg)}
    if isinstance(node, Lit):
        return node.text
    if isinstance(node, dict):
        return {k: to_json_tree(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_json_tree(v) for v in node]
    return node


def write_json(doc, indent):
    return json.dumps(to_json_tree(doc), indent=indent) + "\n"


# --------------------------------------------------------------------------------------------
# YAML writer (block style, CloudFormation short-form tags, flow lists when short)

RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", ""}
PLAIN_BLOCK = re.compile(r"^[A-Za-z_/$][A-Za-z0-9 _./()$*@+=,:-]*$")
PLAIN_FLOW = re.compile(r"^[A-Za-z_/][A-Za-z0-9_./*@-]*$")
NUMBERISH = re.compile(r"^[-+.]?[0-9][0-9a-fA-FxXoO_.:+eE-]*$")
CIDRISH = re.compile(r"^[0-9]+(\.[0-9]+){3}/[0-9]+$")


class Yaml:
    def __init__(self, rng):
        self.quote = rng.choice(["'", '"', "'"])
        self.seq_indent = rng.choice([2, 2, 0])  # `key:\n  - a` or `key:\n- a`
        self.flow_lists = rng.random() < 0.7

    def scalar(self, v, flow):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        s = str(v)
        if s.lower() not in RESERVED and not s.endswith(" ") and not s.endswith(":"):
            if flow:
                if PLAIN_FLOW.match(s):
                    return s
            else:
                if (
                    PLAIN_BLOCK.match(s)
                    and ": " not in s
                    and " #" not in s
                    and not s.startswith(("- ", "? "))
                ):
                    return s
                if CIDRISH.match(s) and not NUMBERISH.match(s):
                    return s
        if self.quote == "'" and "\n" not in s and "\\" not in s and all(" " <= c <= "~" for c in s):
            return "'" + s.replace("'", "''") + "'"
        return json.dumps(s)

    def inline(self, node, flow=False, budget=90):
        """One-line text for `node`, or None if it must be written as a block."""
        if isinstance(node, Lit):
            return None
        if isinstance(node, Fn):
            if node.long:
                return None
            arg = node.arg
            if node.name in ("Ref", "GetAtt", "Condition", "GetAZs", "ImportValue") and not isinstance(arg, (list, dict, Fn)):
                return f"!{node.name} {self.scalar(arg, flow)}"
            if node.name in ("Sub", "Base64") and isinstance(arg, str):
                if "\n" in arg:
                    return None
                return f"!{node.name} {self.scalar(arg, flow)}"
            if isinstance(arg, list):
                inner = self.inline(arg, True, budget)
                if inner is None:
                    return None
                return f"!{node.name} {inner}"
            if isinstance(arg, Fn):
                # `!Base64 !Ref X` is not YAML (two tags on one node): long form only.
                return None
            return None
        if isinstance(node, dict):
            return "{}" if not node else None
        if isinstance(node, list):
            if not node:
                return "[]"
            if not self.flow_lists and not flow:
                if not all(isinstance(x, Fn) for x in node):
                    return None
            parts = []
            for x in node:
                t = self.inline(x, True, budget)
                if t is None:
                    return None
                parts.append(t)
            text = "[" + ", ".join(parts) + "]"
            return text if len(text) <= budget else None
        return self.scalar(node, flow)

    def block(self, node, indent, out):
        """Lines for a block node whose parent line has already been written."""
        pad = " " * indent
        if isinstance(node, dict):
            for k, v in node.items():
                self.entry(pad + self.scalar(k, False) + ":", v, indent, out)
        elif isinstance(node, list):
            for item in node:
                self.item(item, indent, out)
        else:
            raise TypeError(node)

    def entry(self, head, v, indent, out):
        """`head` is `key:` or `-` at `indent`; writes the value after it."""
        t = self.inline(v)
        if t is not None:
            out.append(f"{head} {t}")
            return
        if isinstance(v, Lit):
            out.append(f"{head} |")
            self.lit(v.text, indent + 2, out)
        elif isinstance(v, Fn):
            if v.long:
                out.append(head)
                self.entry(" " * (indent + 2) + v.key() + ":", v.arg, indent + 2, out)
            elif isinstance(v.arg, Lit):
                out.append(f"{head} !{v.name} |")
                self.lit(v.arg.text, indent + 2, out)
            elif isinstance(v.arg, (list, dict)):
                out.append(f"{head} !{v.name}")
                self.block(v.arg, indent + 2, out)
            else:
                # Sub of a multi-line string, or a function of a function: long form.
                out.append(head)
                self.entry(" " * (indent + 2) + v.key() + ":", v.arg, indent + 2, out)
        elif isinstance(v, dict):
            out.append(head)
            self.block(v, indent + 2, out)
        elif isinstance(v, list):
            out.append(head)
            self.block(v, indent + (self.seq_indent if head.endswith(":") else 2), out)
        else:
            raise TypeError(v)

    def item(self, item, indent, out):
        pad = " " * indent
        if isinstance(item, dict) and item:
            sub = []
            self.block(item, indent + 2, sub)
            sub[0] = pad + "- " + sub[0][indent + 2 :]
            out.extend(sub)
        elif isinstance(item, list) and item and self.inline(item) is None:
            sub = []
            self.block(item, indent + 2, sub)
            sub[0] = pad + "- " + sub[0][indent + 2 :]
            out.extend(sub)
        else:
            self.entry(pad + "-", item, indent, out)

    @staticmethod
    def lit(text, indent, out):
        pad = " " * indent
        for line in text.rstrip("\n").split("\n"):
            out.append(pad + line if line else "")


def write_yaml(doc, rng, header):
    y = Yaml(rng)
    out = list(header)
    top = list(doc.items())
    for i, (k, v) in enumerate(top):
        if i and k in ("Parameters", "Mappings", "Conditions", "Resources", "Outputs", "Metadata"):
            out.append("")
        y.entry(y.scalar(k, False) + ":", v, 0, out)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Vocabulary

REGIONS = {
    "us-east-1": "ami-0c02fb55956c7d316",
    "us-east-2": "ami-0fa49cc9dc8d62c84",
    "us-west-1": "ami-0e4d9ed95865f3b40",
    "us-west-2": "ami-00ee4df451840fa9d",
    "eu-west-1": "ami-0d71ea30463e0ff8d",
    "eu-west-2": "ami-0fb391cce7a602d1f",
    "eu-central-1": "ami-05d34d340fb1d89e5",
    "ap-southeast-1": "ami-0801a1e12f4a9ccc0",
    "ap-southeast-2": "ami-0c6120f461d6b39e9",
    "ap-northeast-1": "ami-0218d08a1f9dac831",
    "ca-central-1": "ami-0843f7c45354d48b5",
    "sa-east-1": "ami-0e6c7c4f8d8f8b4f0",
}
ENGINES = [("postgres", "14.10", 5432), ("postgres", "15.5", 5432), ("mysql", "8.0.35", 3306),
           ("mariadb", "10.6.16", 3306), ("postgres", "13.13", 5432)]
S3_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetObjectVersion",
              "s3:GetBucketLocation", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
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
}
MANAGED = ["service-role/AWSLambdaBasicExecutionRole", "service-role/AWSLambdaVPCAccessExecutionRole",
           "AmazonSSMManagedInstanceCore", "CloudWatchAgentServerPolicy", "AWSXRayDaemonWriteAccess",
           "AmazonS3ReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess", "ReadOnlyAccess",
           "AmazonEC2ContainerRegistryReadOnly", "AdministratorAccess", "PowerUserAccess"]


class Ctx:
    """One template being built."""

    def __init__(self, rng, idx):
        self.rng = rng
        self.idx = idx
        self.team = rng.choice(TEAMS)
        self.app = rng.choice(APPS)
        self.sloppy = rng.random() < 0.35
        self.p_bad = 0.45 if self.sloppy else 0.04
        # Size knob: how wordy policies, ingress lists, scripts and tags get.
        self.verb = min(5.0, 0.25 + rng.lognormvariate(-0.45, 0.85))
        self.params = {}
        self.mappings = {}
        self.conditions = {}
        self.resources = {}
        self.outputs = {}
        self.ids = set()
        self.cache = {}

    # ---- helpers
    def bad(self, scale=1.0):
        return self.rng.random() < self.p_bad * scale

    def n(self, lo, base, cap):
        """A count that grows with verbosity: lo + about base*verb, at most cap."""
        return max(lo, min(cap, int(lo + base * self.verb * (0.5 + self.rng.random()))))

    def lid(self, base):
        base = re.sub(r"[^A-Za-z0-9]", "", base)
        if base not in self.ids:
            self.ids.add(base)
            return base
        i = 2
        while f"{base}{i}" in self.ids:
            i += 1
        self.ids.add(f"{base}{i}")
        return f"{base}{i}"

    def add(self, base, rtype, props, **extra):
        name = self.lid(base)
        res = {"Type": rtype}
        for k in ("Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata"):
            if k in extra:
                res[k] = extra[k]
        res["Properties"] = props
        self.resources[name] = res
        return name

    def output(self, name, value, desc=None, export=None):
        if name in self.outputs:
            return
        out = {}
        if desc:
            out["Description"] = desc
        out["Value"] = value
        if export or self.rng.random() < 0.5:
            out["Export"] = {"Name": Sub("${AWS::StackName}-" + (export or name))}
        self.outputs[name] = out

    def env(self):
        if "Environment" not in self.params:
            self.params["Environment"] = {
                "Type": "String",
                "Description": "Deployment stage",
                "AllowedValues": ["dev", "staging", "prod"],
                "Default": self.rng.choice(["dev", "staging", "prod", "prod"]),
            }
        return "Environment"

    def is_prod(self):
        if "IsProd" not in self.conditions:
            self.conditions["IsProd"] = Equals(Ref(self.env()), "prod")
        return "IsProd"

    def param(self, name, spec):
        if name not in self.params:
            self.params[name] = spec
        return name

    def region_map(self):
        if "RegionMap" not in self.mappings:
            regions = list(REGIONS)
            k = self.rng.randint(4, len(regions))
            # us-east-1 first, as most real maps do
            chosen = ["us-east-1"] + self.rng.sample(regions[1:], k - 1)
            self.mappings["RegionMap"] = {r: {"AMI": REGIONS[r], "ArmAMI": REGIONS[r][:-4] + "a0b1"} for r in chosen}
        return "RegionMap"

    def env_map(self):
        if "EnvConfig" not in self.mappings:
            self.env()
            self.mappings["EnvConfig"] = {
                e: {
                    "InstanceType": self.rng.choice(INSTANCE_TYPES),
                    "DBClass": self.rng.choice(DB_CLASSES),
                    "MinSize": str(m),
                    "MaxSize": str(m * self.rng.choice([2, 3, 4])),
                    "LogRetention": self.rng.choice([7, 14, 30, 90, 365]),
                }
                for e, m in (("dev", 1), ("staging", 1), ("prod", self.rng.choice([2, 3])))
            }
        return "EnvConfig"

    def name(self, suffix):
        return Sub("${AWS::StackName}-" + suffix) if self.rng.random() < 0.5 else Sub(
            self.team + "-${" + self.env() + "}-" + suffix)

    def tags(self, name=None, extra=0):
        t = []
        if name is not None:
            t.append({"Key": "Name", "Value": name})
        t.append({"Key": "Environment", "Value": Ref(self.env())})
        t.append({"Key": "Team", "Value": self.team})
        if self.rng.random() < 0.7:
            t.append({"Key": "CostCenter", "Value": f"cc-{1000 + self.idx % 97}"})
        for i in range(extra or self.n(0, 0.8, 12)):
            t.append({"Key": f"{self.rng.choice(['app', 'owner', 'tier', 'data', 'backup', 'compliance'])}:{i}",
                      "Value": self.rng.choice([self.app, "true", "gold", "internal", "pci", "nightly", "ops"])})
        return t

    def word(self):
        return self.rng.choice(WORDS)


# --------------------------------------------------------------------------------------------
# Components. Each adds resources (and the parameters, conditions and outputs they need) and
# returns the logical id of its main resource.


def vpc(c):
    if "vpc" in c.cache:
        return c.cache["vpc"]
    rng = c.rng
    if rng.random() < 0.5:
        c.cache["octet"] = rng.randint(0, 250)
        cidr = c.param("VpcCidr", {"Type": "String", "Default": f"10.{c.cache['octet']}.0.0/16",
                                   "AllowedPattern": r"^(\d{1,3}\.){3}\d{1,3}/\d{1,2}$",
                                   "Description": "CIDR block of the VPC"})
        block = Ref(cidr)
    else:
        c.env()
        c.mappings.setdefault("Cidrs", {e: {"Vpc": f"10.{b}.0.0/16"} for e, b in
                                        (("dev", rng.randint(0, 80)), ("staging", rng.randint(81, 160)),
                                         ("prod", rng.randint(161, 250)))})
        block = FindInMap("Cidrs", Ref("Environment"), "Vpc")
    v = c.add("Vpc", "AWS::EC2::VPC", {"CidrBlock": block, "EnableDnsSupport": True, "EnableDnsHostnames": True,
                                       "Tags": c.tags(c.name("vpc"))})
    c.cache["vpc"] = v
    c.cache["vpc_cidr"] = block
    igw = c.add("InternetGateway", "AWS::EC2::InternetGateway", {"Tags": c.tags(c.name("igw"), 1)})
    att = c.add("GatewayAttachment", "AWS::EC2::VPCGatewayAttachment", {"VpcId": Ref(v), "InternetGatewayId": Ref(igw)})
    c.cache["igw_att"] = att
    c.output("VpcId", Ref(v), "The VPC", "VpcId")
    return v


def subnets(c, public):
    key = "pub" if public else "priv"
    if key in c.cache:
        return c.cache[key]
    v = vpc(c)
    rng = c.rng
    count = rng.choice([2, 2, 3])
    rt = c.add("PublicRouteTable" if public else "PrivateRouteTable", "AWS::EC2::RouteTable",
               {"VpcId": Ref(v), "Tags": c.tags(c.name("public-rt" if public else "private-rt"), 1)})
    if public:
        c.add("PublicDefaultRoute", "AWS::EC2::Route",
              {"RouteTableId": Ref(rt), "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": Ref("InternetGateway")},
              DependsOn=c.cache["igw_att"])
    ids = []
    off = 0 if public else 8
    for i in range(count):
        if "octet" not in c.cache or rng.random() < 0.5:
            cidr = Select(i + off, Fn("Cidr", [c.cache["vpc_cidr"], 16, 8]))
        else:
            cidr = f"10.{c.cache['octet']}.{i + off}.0/24"
        s = c.add(f"{'Public' if public else 'Private'}Subnet{chr(65 + i)}", "AWS::EC2::Subnet", {
            "VpcId": Ref(v),
            "CidrBlock": cidr,
            "AvailabilityZone": Select(i, GetAZs("")),
            "MapPublicIpOnLaunch": public,
            "Tags": c.tags(c.name(f"{key}-{chr(97 + i)}"), 1),
        })
        c.add(f"{s}RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation",
              {"SubnetId": Ref(s), "RouteTableId": Ref(rt)})
        ids.append(s)
    if not public and rng.random() < 0.6:
        pub = subnets(c, True)
        eip = c.add("NatEip", "AWS::EC2::EIP", {"Domain": "vpc"}, DependsOn=c.cache["igw_att"])
        nat = c.add("NatGateway", "AWS::EC2::NatGateway",
                    {"AllocationId": GetAtt(eip, "AllocationId"), "SubnetId": Ref(pub[0]), "Tags": c.tags(c.name("nat"), 1)})
        c.add("PrivateDefaultRoute", "AWS::EC2::Route",
              {"RouteTableId": Ref(rt), "DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": Ref(nat)})
    c.cache[key] = ids
    c.output(f"{'Public' if public else 'Private'}SubnetIds", Join(",", [Ref(s) for s in ids]),
             f"{'Public' if public else 'Private'} subnets")
    return ids


def flow_logs(c):
    v = vpc(c)
    lg = log_group(c, "VpcFlowLogs")
    role = c.add("FlowLogsRole", "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": assume("vpc-flow-logs.amazonaws.com"),
        "Policies": [{"PolicyName": "flow-logs", "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": SERVICE_ACTIONS["logs"], "Resource": GetAtt(lg, "Arn")}]}}],
    })
    return c.add("VpcFlowLog", "AWS::EC2::FlowLog", {
        "ResourceId": Ref(v), "ResourceType": "VPC", "TrafficType": c.rng.choice(["ALL", "REJECT"]),
        "LogDestinationType": "cloud-watch-logs", "LogGroupName": Ref(lg),
        "DeliverLogsPermissionArn": GetAtt(role, "Arn")})


def security_group(c, base="App", ports=None, public=False):
    rng = c.rng
    v = vpc(c)
    rules = []
    nrules = c.n(1, 2.5, 48)
    for i in range(nrules):
        port, what = ports[i % len(ports)] if ports and i < len(ports) else rng.choice(PORTS)
        rule = {"IpProtocol": "tcp", "FromPort": port, "ToPort": port}
        r = rng.random()
        if public and port in (80, 443):
            rule["CidrIp"] = "0.0.0.0/0"
        elif r < 0.4:
            rule["CidrIp"] = f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0/24"
        elif r < 0.7:
            rule["CidrIp"] = c.cache["vpc_cidr"] if rng.random() < 0.5 else f"172.{rng.randint(16, 31)}.0.0/16"
        elif r < 0.85 and "sgs" in c.cache and c.cache["sgs"]:
            rule["SourceSecurityGroupId"] = Ref(rng.choice(c.cache["sgs"]))
        else:
            rule["CidrIp"] = f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}/32"
        if rng.random() < 0.4:
            rule["Description"] = f"{what} from {rng.choice(['office', 'vpn', 'peered vpc', 'monitoring', 'bastion', 'partners'])}"
        rules.append(rule)
    if c.bad():
        how = rng.random()
        if how < 0.4:
            rules.insert(rng.randint(0, len(rules)), {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                                                      "CidrIp": "0.0.0.0/0", "Description": "SSH"})
        elif how < 0.7:
            p = c.param("SshCidr", {"Type": "String", "Default": "0.0.0.0/0",
                                    "Description": "Where SSH is allowed from"})
            rules.append({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": Ref(p)})
        elif how < 0.85:
            rules.append({"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0"})
        else:
            rules.append({"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"})
    elif rng.random() < 0.3:
        p = c.param("AdminCidr", {"Type": "String", "Default": f"203.0.113.{rng.randint(0, 255)}/32",
                                  "Description": "Administrators' network"})
        rules.append({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": Ref(p)})
    props = {"GroupDescription": f"{base} security group for {c.app}", "VpcId": Ref(v), "SecurityGroupIngress": rules}
    if rng.random() < 0.5:
        props["SecurityGroupEgress"] = [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0", "Description": "all egress"}]
    props["Tags"] = c.tags(c.name(base.lower() + "-sg"))
    sg = c.add(f"{base}SecurityGroup", "AWS::EC2::SecurityGroup", props)
    c.cache.setdefault("sgs", []).append(sg)
    if rng.random() < 0.25:
        c.add(f"{sg}SelfIngress", "AWS::EC2::SecurityGroupIngress", {
            "GroupId": GetAtt(sg, "GroupId"), "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535,
            "SourceSecurityGroupId": GetAtt(sg, "GroupId"), "Description": "members talk to each other"})
    return sg


def assume(*services):
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": list(services) if len(services) > 1 else services[0]},
        "Action": "sts:AssumeRole"}]}


def statements(c, resources_hint):
    rng = c.rng
    out = []
    for i in range(c.n(1, 2.2, 40)):
        svc = rng.choice(list(SERVICE_ACTIONS))
        acts = rng.sample(SERVICE_ACTIONS[svc], rng.randint(1, len(SERVICE_ACTIONS[svc])))
        if svc in ("logs", "ec2", "cloudwatch", "xray") or not resources_hint:
            res = "*" if svc in ("ec2", "cloudwatch", "xray") else Sub(
                "arn:${AWS::Partition}:" + svc + ":${AWS::Region}:${AWS::AccountId}:*")
        else:
            res = rng.choice(resources_hint)
        st = {"Sid": f"{svc.capitalize()}Access{i}", "Effect": "Allow",
              "Action": acts if len(acts) > 1 else acts[0], "Resource": res}
        if rng.random() < 0.15:
            st["Condition"] = {"StringEquals": {"aws:RequestedRegion": Ref("AWS::Region")}}
        out.append(st)
    if c.bad(0.6):
        out.append({"Effect": "Allow", "Action": rng.choice(["*", "s3:*", "iam:*", ["iam:PassRole", "sts:AssumeRole"]]),
                    "Resource": "*"})
    return out


def role(c, base, service, resources_hint=(), managed=()):
    rng = c.rng
    props = {"AssumeRolePolicyDocument": assume(service)}
    if rng.random() < 0.3:
        props["RoleName"] = c.name(base.lower() + "-role")
    if rng.random() < 0.4:
        props["Path"] = "/" + c.team + "/"
    mp = [Sub("arn:${AWS::Partition}:iam::aws:policy/" + m) for m in managed]
    if c.bad(0.3):
        mp.append(Sub("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"))
    if mp:
        props["ManagedPolicyArns"] = mp
    pols = []
    for j in range(c.n(1, 0.6, 6)):
        pols.append({"PolicyName": f"{base.lower()}-{j}", "PolicyDocument": {
            "Version": "2012-10-17", "Statement": statements(c, list(resources_hint))}})
    props["Policies"] = pols
    if rng.random() < 0.5:
        props["Tags"] = c.tags()
    r = c.add(f"{base}Role", "AWS::IAM::Role", props)
    if rng.random() < 0.3:
        c.output(f"{r}Arn", GetAtt(r, "Arn"), f"ARN of {r}")
    return r


def managed_policy(c):
    roles = [k for k, v in c.resources.items() if v["Type"] == "AWS::IAM::Role"] or [role(c, "Ops", "ec2.amazonaws.com")]
    hint = [GetAtt(k, "Arn") for k, v in c.resources.items() if v["Type"] in ("AWS::SQS::Queue", "AWS::DynamoDB::Table")]
    return c.add("SharedPolicy", "AWS::IAM::ManagedPolicy", {
        "Description": f"Shared permissions for {c.app}",
        "PolicyDocument": {"Version": "2012-10-17", "Statement": statements(c, hint)},
        "Roles": [Ref(r) for r in c.rng.sample(roles, min(len(roles), c.rng.randint(1, 3)))],
    })


def kms_key(c, base="Data"):
    rng = c.rng
    stmts = [{"Sid": "EnableRoot", "Effect": "Allow",
              "Principal": {"AWS": Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
              "Action": "kms:*", "Resource": "*"}]
    for i in range(c.n(0, 0.8, 10)):
        stmts.append({"Sid": f"AllowUse{i}", "Effect": "Allow",
                      "Principal": {"Service": rng.choice(["logs.amazonaws.com", "sns.amazonaws.com",
                                                           "cloudtrail.amazonaws.com", "s3.amazonaws.com"])},
                      "Action": rng.sample(SERVICE_ACTIONS["kms"], rng.randint(2, 5)), "Resource": "*"})
    k = c.add(f"{base}Key", "AWS::KMS::Key", {
        "Description": f"{base} key for {c.team}-{c.app}",
        "EnableKeyRotation": not c.bad(),
        "PendingWindowInDays": rng.choice([7, 14, 30]),
        "KeyPolicy": {"Version": "2012-10-17", "Statement": stmts},
        "Tags": c.tags(),
    }, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    c.add(f"{base}KeyAlias", "AWS::KMS::Alias", {"AliasName": Sub(f"alias/{c.team}-" + "${Environment}-" + base.lower()),
                                                  "TargetKeyId": Ref(k)})
    c.env()
    c.output(f"{k}Arn", GetAtt(k, "Arn"))
    return k


def key(c):
    if "key" not in c.cache:
        c.cache["key"] = kms_key(c)
    return c.cache["key"]


def bucket(c, base="Data", logging_to=None, public_site=False):
    rng = c.rng
    props = {}
    if rng.random() < 0.4:
        props["BucketName"] = Sub(f"{c.team}-{base.lower()}-" + "${AWS::AccountId}-${AWS::Region}")
    public = public_site or c.bad()
    if public:
        props["AccessControl"] = rng.choice(["PublicRead", "PublicRead", "PublicReadWrite"])
        if rng.random() < 0.5:
            props["PublicAccessBlockConfiguration"] = {"BlockPublicAcls": False, "BlockPublicPolicy": False,
                                                       "IgnorePublicAcls": False, "RestrictPublicBuckets": False}
        if rng.random() < 0.5:
            props["WebsiteConfiguration"] = {"IndexDocument": "index.html", "ErrorDocument": "error.html"}
    else:
        props["PublicAccessBlockConfiguration"] = {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                                   "IgnorePublicAcls": True, "RestrictPublicBuckets": True}
    if not c.bad():
        if rng.random() < 0.5:
            enc = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": GetAtt(key(c), "Arn")}
        else:
            enc = {"SSEAlgorithm": "AES256"}
        props["BucketEncryption"] = {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": enc}]}
    if rng.random() < 0.6:
        props["VersioningConfiguration"] = {"Status": If(c.is_prod(), "Enabled", "Suspended")
                                            if rng.random() < 0.4 else "Enabled"}
    if logging_to:
        props["LoggingConfiguration"] = {"DestinationBucketName": Ref(logging_to), "LogFilePrefix": f"{base.lower()}/"}
    rules = []
    for i in range(c.n(0, 1.0, 14)):
        r = {"Id": f"{rng.choice(['expire', 'archive', 'tidy', 'ia'])}-{i}", "Status": "Enabled",
             "Prefix": f"{rng.choice(WORDS)}/"}
        if rng.random() < 0.5:
            r["ExpirationInDays"] = rng.choice([30, 90, 365, 730])
        else:
            r["Transitions"] = [{"StorageClass": "STANDARD_IA", "TransitionInDays": 30},
                                {"StorageClass": "GLACIER", "TransitionInDays": rng.choice([90, 180])}]
        if rng.random() < 0.3:
            r["NoncurrentVersionExpirationInDays"] = 30
        rules.append(r)
    if rules:
        props["LifecycleConfiguration"] = {"Rules": rules}
    if rng.random() < 0.2:
        props["CorsConfiguration"] = {"CorsRules": [{"AllowedMethods": ["GET", "HEAD"], "AllowedOrigins": [
            Sub("https://${AWS::StackName}.example.com")], "AllowedHeaders": ["*"], "MaxAge": 3000}]}
    props["Tags"] = c.tags()
    b = c.add(f"{base}Bucket", "AWS::S3::Bucket", props,
              **({"DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"} if rng.random() < 0.5 else {}))
    # Bucket policy: usually with a TLS-only deny; sometimes without; sometimes public reads.
    if rng.random() < 0.75:
        st = []
        tls = not c.bad()
        if tls:
            st.append({"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                       "Resource": [GetAtt(b, "Arn"), Sub("${" + b + ".Arn}/*")],
                       "Condition": {"Bool": {"aws:SecureTransport": "false"}}})
        if public and rng.random() < 0.6:
            st.append({"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                       "Resource": Join("", ["arn:aws:s3:::", Ref(b), "/*"])})
        for i in range(c.n(0, 0.7, 8)):
            st.append({"Sid": f"Reader{i}", "Effect": "Allow",
                       "Principal": {"AWS": Sub("arn:${AWS::Partition}:iam::" + str(rng.randint(10 ** 11, 10 ** 12 - 1)) + ":root")},
                       "Action": rng.sample(S3_ACTIONS, rng.randint(1, 4)),
                       "Resource": [GetAtt(b, "Arn"), Sub("${" + b + ".Arn}/" + rng.choice(WORDS) + "/*")]})
        if not st:
            st.append({"Sid": "Ops", "Effect": "Allow",
                       "Principal": {"AWS": Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
                       "Action": "s3:ListBucket", "Resource": GetAtt(b, "Arn")})
        c.add(f"{b}Policy", "AWS::S3::BucketPolicy", {"Bucket": Ref(b), "PolicyDocument": {
            "Version": "2012-10-17", "Statement": st}})
    c.output(f"{b}Name", Ref(b), f"Name of the {base.lower()} bucket")
    return b


def log_bucket(c):
    if "logb" not in c.cache:
        c.cache["logb"] = bucket(c, "AccessLogs")
    return c.cache["logb"]


def instance_profile(c, base):
    r = role(c, base, "ec2.amazonaws.com", managed=c.rng.sample(MANAGED[2:5], c.rng.randint(1, 2)))
    return c.add(f"{base}InstanceProfile", "AWS::IAM::InstanceProfile", {"Path": "/", "Roles": [Ref(r)]})


def user_data(c):
    rng = c.rng
    lines = ["#!/bin/bash", "set -euo pipefail", "exec > >(tee /var/log/user-data.log) 2>&1",
             "yum update -y", "yum install -y aws-cfn-bootstrap amazon-cloudwatch-agent jq"]
    for i in range(c.n(2, 8, 160)):
        lines.append(rng.choice([
            "aws s3 cp s3://${ArtifactBucket}/releases/${!RELEASE}/app.tar.gz /opt/app/",
            "echo \"export APP_ENV=${Environment}\" >> /etc/profile.d/app.sh",
            "systemctl enable --now amazon-cloudwatch-agent",
            "mkdir -p /opt/app/{bin,conf,logs}",
            "useradd --system --home /opt/app --shell /sbin/nologin app || true",
            "for f in /opt/app/conf/*.tmpl; do envsubst < \"$f\" > \"${!f%.tmpl}\"; done",
            "sysctl -w net.core.somaxconn=4096",
            "echo 'vm.swappiness=10' >> /etc/sysctl.conf",
            "REGION=${AWS::Region}",
            "INSTANCE_ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)",
            "aws ec2 create-tags --region ${AWS::Region} --resources \"${!INSTANCE_ID}\" --tags Key=Booted,Value=yes",
            "chown -R app:app /opt/app",
            "/opt/aws/bin/cfn-init -v --stack ${AWS::StackName} --resource LaunchConfig --region ${AWS::Region}",
            "/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --region ${AWS::Region} || true",
            "cat > /etc/logrotate.d/app <<'EOF'\n/opt/app/logs/*.log {\n  daily\n  rotate 14\n  compress\n}\nEOF",
            "# " + rng.choice(["tune the kernel", "fetch secrets", "warm the cache", "install agents", "TODO: move to AMI"]),
        ]))
    lines.append("systemctl restart app")
    text = "\n".join(lines) + "\n"
    if "${ArtifactBucket}" in text:
        c.param("ArtifactBucket", {"Type": "String", "Description": "Bucket with release artifacts",
                                   "Default": f"{c.team}-artifacts"})
    c.env()
    return Base64(Fn("Sub", Lit(text)), long=True)


def ami(c):
    if c.rng.random() < 0.5:
        return FindInMap(c.region_map(), Ref("AWS::Region"), "AMI")
    p = c.param("LatestAmiId", {"Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
                                "Default": "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"})
    return Ref(p)


def instance_type(c):
    r = c.rng.random()
    if r < 0.35:
        return FindInMap(c.env_map(), Ref("Environment"), "InstanceType")
    if r < 0.65:
        return Ref(c.param("InstanceType", {"Type": "String", "Default": c.rng.choice(INSTANCE_TYPES),
                                            "AllowedValues": INSTANCE_TYPES, "Description": "EC2 instance type"}))
    return If(c.is_prod(), c.rng.choice(INSTANCE_TYPES[4:]), c.rng.choice(INSTANCE_TYPES[:3]))


def key_name(c):
    p = c.param("KeyName", {"Type": "String", "Default": "", "Description": "Optional SSH key pair"})
    if "HasKeyName" not in c.conditions:
        c.conditions["HasKeyName"] = Not(Equals(Ref(p), ""))
    return If("HasKeyName", Ref(p), NO_VALUE)


def ec2_instance(c):
    rng = c.rng
    public = rng.random() < 0.3
    sn = subnets(c, public)
    sg = security_group(c, "Instance", public=public)
    props = {
        "ImageId": ami(c),
        "InstanceType": instance_type(c),
        "KeyName": key_name(c),
        "SubnetId": Ref(rng.choice(sn)),
        "SecurityGroupIds": [GetAtt(sg, "GroupId")] if rng.random() < 0.5 else [Ref(sg)],
        "IamInstanceProfile": Ref(instance_profile(c, "Instance")),
        "Monitoring": If(c.is_prod(), True, False) if rng.random() < 0.5 else True,
        "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {
            "VolumeSize": rng.choice([8, 20, 50, 100]), "VolumeType": "gp3", "DeleteOnTermination": True,
            "Encrypted": not c.bad()}}],
        "MetadataOptions": {"HttpTokens": "optional" if c.bad() else "required", "HttpEndpoint": "enabled"},
    }
    if rng.random() < 0.8:
        props["UserData"] = user_data(c)
    props["Tags"] = c.tags(c.name(c.app))
    i = c.add(f"{c.app.capitalize()}Instance", "AWS::EC2::Instance", props)
    c.output(f"{i}Id", Ref(i), "Instance id")
    if public:
        c.output(f"{i}PublicIp", GetAtt(i, "PublicIp"), "Public address")
    return i


def launch_template(c):
    rng = c.rng
    sg = security_group(c, "Fleet")
    data = {
        "ImageId": ami(c),
        "InstanceType": instance_type(c),
        "KeyName": key_name(c),
        "IamInstanceProfile": {"Arn": GetAtt(instance_profile(c, "Fleet"), "Arn")},
        "SecurityGroupIds": [GetAtt(sg, "GroupId")],
        "MetadataOptions": {"HttpTokens": "optional" if c.bad() else "required", "HttpPutResponseHopLimit": 2},
        "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": rng.choice([20, 30, 50]),
                                                                    "VolumeType": "gp3", "Encrypted": not c.bad()}}],
        "UserData": user_data(c),
        "TagSpecifications": [{"ResourceType": "instance", "Tags": c.tags(c.name(c.app + "-fleet"))}],
    }
    lt = c.add("LaunchTemplate", "AWS::EC2::LaunchTemplate", {
        "LaunchTemplateName": c.name("lt"), "LaunchTemplateData": data})
    sn = subnets(c, False)
    em = c.env_map()
    asg = c.add("AutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup", {
        "LaunchTemplate": {"LaunchTemplateId": Ref(lt), "Version": GetAtt(lt, "LatestVersionNumber")},
        "MinSize": FindInMap(em, Ref("Environment"), "MinSize"),
        "MaxSize": FindInMap(em, Ref("Environment"), "MaxSize"),
        "VPCZoneIdentifier": [Ref(s) for s in sn],
        "HealthCheckType": rng.choice(["EC2", "ELB"]),
        "HealthCheckGracePeriod": 300,
        "Tags": [{"Key": "Name", "Value": c.name(c.app), "PropagateAtLaunch": True}],
    })
    if "tg" in c.cache:
        c.resources[asg]["Properties"]["TargetGroupARNs"] = [Ref(c.cache["tg"])]
    if rng.random() < 0.6:
        c.add("CpuScalingPolicy", "AWS::AutoScaling::ScalingPolicy", {
            "AutoScalingGroupName": Ref(asg), "PolicyType": "TargetTrackingScaling",
            "TargetTrackingConfiguration": {"PredefinedMetricSpecification": {
                "PredefinedMetricType": "ASGAverageCPUUtilization"}, "TargetValue": rng.choice([50, 60, 70])}})
    return lt


def alb(c):
    rng = c.rng
    internal = rng.random() < 0.3
    sn = subnets(c, not internal)
    sg = security_group(c, "LoadBalancer", ports=[(443, "HTTPS"), (80, "HTTP")], public=not internal)
    attrs = [{"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "false" if c.bad() else "true"},
             {"Key": "idle_timeout.timeout_seconds", "Value": str(rng.choice([30, 60, 120]))}]
    if rng.random() < 0.6:
        attrs += [{"Key": "access_logs.s3.enabled", "Value": "true"},
                  {"Key": "access_logs.s3.bucket", "Value": Ref(log_bucket(c))}]
    lb = c.add("LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", {
        "Scheme": "internal" if internal else "internet-facing", "Type": "application",
        "Subnets": [Ref(s) for s in sn], "SecurityGroups": [Ref(sg)],
        "LoadBalancerAttributes": attrs, "Tags": c.tags(c.name("alb"))})
    tg = c.add("TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", {
        "VpcId": Ref(vpc(c)), "Port": 8080, "Protocol": "HTTP", "TargetType": rng.choice(["instance", "ip"]),
        "HealthCheckPath": rng.choice(["/health", "/healthz", "/ping", "/status"]),
        "HealthCheckIntervalSeconds": 15, "HealthyThresholdCount": 2, "UnhealthyThresholdCount": 3,
        "Matcher": {"HttpCode": "200-299"},
        "TargetGroupAttributes": [{"Key": "deregistration_delay.timeout_seconds", "Value": "30"}]})
    c.cache["tg"] = tg
    if c.bad():
        c.add("HttpListener", "AWS::ElasticLoadBalancingV2::Listener", {
            "LoadBalancerArn": Ref(lb), "Port": 80, "Protocol": "HTTP",
            "DefaultActions": [{"Type": "forward", "TargetGroupArn": Ref(tg)}]})
    else:
        cert = c.param("CertificateArn", {"Type": "String", "Description": "ACM certificate for the listener",
                                          "Default": f"arn:aws:acm:us-east-1:123456789012:certificate/{c.idx:08d}-1111-2222-3333-444455556666"})
        c.add("HttpListener", "AWS::ElasticLoadBalancingV2::Listener", {
            "LoadBalancerArn": Ref(lb), "Port": 80, "Protocol": "HTTP",
            "DefaultActions": [{"Type": "redirect", "RedirectConfig": {
                "Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]})
        https = c.add("HttpsListener", "AWS::ElasticLoadBalancingV2::Listener", {
            "LoadBalancerArn": Ref(lb), "Port": 443, "Protocol": "HTTPS",
            "SslPolicy": rng.choice(["ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10",
                                     "ELBSecurityPolicy-2016-08"]),
            "Certificates": [{"CertificateArn": Ref(cert)}],
            "DefaultActions": [{"Type": "forward", "TargetGroupArn": Ref(tg)}]})
        for i in range(c.n(0, 0.8, 10)):
            c.add(f"Rule{c.word().capitalize()}", "AWS::ElasticLoadBalancingV2::ListenerRule", {
                "ListenerArn": Ref(https), "Priority": 10 + i,
                "Conditions": [{"Field": "path-pattern", "PathPatternConfig": {"Values": [f"/{c.word()}/*"]}}],
                "Actions": [{"Type": "forward", "TargetGroupArn": Ref(tg)}]})
    c.output("LoadBalancerDns", GetAtt(lb, "DNSName"), "Load balancer address", "Dns")
    return lb


def rds(c):
    rng = c.rng
    sn = subnets(c, False)
    engine, version, port = rng.choice(ENGINES)
    sg = security_group(c, "Database", ports=[(port, engine)])
    grp = c.add("DatabaseSubnetGroup", "AWS::RDS::DBSubnetGroup", {
        "DBSubnetGroupDescription": f"Subnets of the {c.app} database", "SubnetIds": [Ref(s) for s in sn]})
    if rng.random() < 0.5:
        pw = Sub("{{resolve:secretsmanager:${DatabaseSecret}:SecretString:password}}")
        c.add("DatabaseSecret", "AWS::SecretsManager::Secret", {
            "Description": f"Master password of the {c.app} database",
            "GenerateSecretString": {"SecretStringTemplate": json.dumps({"username": "dbadmin"}),
                                     "GenerateStringKey": "password", "PasswordLength": 32, "ExcludeCharacters": "\"@/\\"},
            **({"KmsKeyId": Ref(key(c))} if rng.random() < 0.5 else {})})
    else:
        pw = Ref(c.param("DatabasePassword", {"Type": "String", "NoEcho": True, "MinLength": 12,
                                              "Description": "Master password"}))
    props = {
        "Engine": engine, "EngineVersion": version,
        "DBInstanceClass": FindInMap(c.env_map(), Ref("Environment"), "DBClass") if rng.random() < 0.5
        else If(c.is_prod(), rng.choice(DB_CLASSES[2:]), "db.t3.micro"),
        "AllocatedStorage": str(rng.choice([20, 50, 100, 200, 500])),
        "MaxAllocatedStorage": rng.choice([1000, 2000]),
        "StorageType": "gp3",
        "DBName": f"{c.app}db",
        "MasterUsername": "dbadmin",
        "MasterUserPassword": pw,
        "DBSubnetGroupName": Ref(grp),
        "VPCSecurityGroups": [GetAtt(sg, "GroupId")],
        "Port": str(port),
        "MultiAZ": If(c.is_prod(), True, False),
        "BackupRetentionPeriod": If(c.is_prod(), 14, 1) if rng.random() < 0.5 else rng.choice([0, 1, 7, 35]),
        "DeletionProtection": If(c.is_prod(), True, False),
        "CopyTagsToSnapshot": True,
        "EnableIAMDatabaseAuthentication": rng.random() < 0.5,
        "Tags": c.tags(c.name("db")),
    }
    r = rng.random()
    if c.bad():
        if r < 0.5:
            props["StorageEncrypted"] = False
        # else: StorageEncrypted left out (the default is unencrypted)
        if rng.random() < 0.4:
            props["PubliclyAccessible"] = True
    else:
        props["StorageEncrypted"] = True
        if r < 0.5:
            props["KmsKeyId"] = Ref(key(c))
        props["PubliclyAccessible"] = False
    if rng.random() < 0.5:
        props["EnableCloudwatchLogsExports"] = ["postgresql"] if engine == "postgres" else ["error", "slowquery"]
        props["MonitoringInterval"] = 60
        props["MonitoringRoleArn"] = Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/rds-monitoring-role")
    db = c.add("Database", "AWS::RDS::DBInstance", props, DeletionPolicy="Snapshot", UpdateReplacePolicy="Snapshot")
    c.output("DatabaseEndpoint", GetAtt(db, "Endpoint.Address"), "Database host", "DbHost")
    c.output("DatabasePort", GetAtt(db, "Endpoint.Port"))
    return db


def log_group(c, base):
    props = {"LogGroupName": Sub(f"/{c.team}/" + "${Environment}/" + base.lower())}
    c.env()
    if c.rng.random() < 0.5:
        props["RetentionInDays"] = FindInMap(c.env_map(), Ref("Environment"), "LogRetention")
    elif not c.bad():
        props["RetentionInDays"] = c.rng.choice([7, 30, 90, 365])
    if c.rng.random() < 0.3:
        props["KmsKeyId"] = GetAtt(key(c), "Arn")
    return c.add(f"{base}LogGroup", "AWS::Logs::LogGroup", props)


def lambda_code(c, runtime):
    rng = c.rng
    py = runtime.startswith("python")
    lines = (["import json", "import os", "import logging", "import boto3", "",
              "log = logging.getLogger()", "log.setLevel(os.environ.get('LOG_LEVEL', 'INFO'))",
              "table = boto3.resource('dynamodb').Table(os.environ.get('TABLE_NAME', 'missing'))", "", ""]
             if py else ["'use strict';", "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');",
                         "const client = new DynamoDBClient({});", ""])
    for f in range(c.n(1, 1.0, 12)):
        w = c.word()
        if py:
            lines += [f"def handle_{w}_{f}(record):", f"    body = json.loads(record.get('body', '{{}}'))",
                      f"    log.info('processing {w} %s', body.get('id'))",
                      f"    if body.get('kind') != '{w}':", "        return None",
                      f"    table.put_item(Item={{'pk': body['id'], 'sk': '{w}#{f}', 'payload': json.dumps(body)}})",
                      "    return body['id']", "", ""]
        else:
            lines += [f"async function handle_{w}_{f}(record) {{", "  const body = JSON.parse(record.body || '{}');",
                      f"  if (body.kind !== '{w}') return null;", f"  console.log('processing {w}', body.id);",
                      "  return body.id;", "}", ""]
    if py:
        lines += ["def handler(event, context):", "    done = []", "    for record in event.get('Records', []):",
                  "        for fn in [v for k, v in globals().items() if k.startswith('handle_')]:",
                  "            r = fn(record)", "            if r:", "                done.append(r)",
                  "    return {'statusCode': 200, 'body': json.dumps(done)}"]
    else:
        lines += ["exports.handler = async (event) => {", "  const out = [];",
                  "  for (const r of event.Records || []) out.push(r.messageId);",
                  "  return { statusCode: 200, body: JSON.stringify(out) };", "};"]
    return Lit("\n".join(lines) + "\n")


def lambda_fn(c):
    rng = c.rng
    runtime = rng.choice(RUNTIMES)
    base = c.word().capitalize() + rng.choice(["Processor", "Handler", "Worker", "Sync", "Api"])
    hint = [GetAtt(k, "Arn") for k, v in c.resources.items()
            if v["Type"] in ("AWS::SQS::Queue", "AWS::DynamoDB::Table", "AWS::SNS::Topic")]
    r = role(c, base, "lambda.amazonaws.com", hint,
             managed=["service-role/AWSLambdaBasicExecutionRole"] + (["service-role/AWSLambdaVPCAccessExecutionRole"]
                                                                     if "vpc" in c.cache else []))
    props = {"FunctionName": c.name(base.lower()) if rng.random() < 0.5 else NO_VALUE,
             "Description": f"{base} for {c.team}", "Runtime": runtime,
             "Handler": "index.handler", "Role": GetAtt(r, "Arn"),
             "MemorySize": rng.choice([128, 256, 512, 1024, 2048]), "Timeout": rng.choice([3, 10, 30, 60, 300])}
    if props["FunctionName"] is NO_VALUE:
        del props["FunctionName"]
    if rng.random() < 0.55:
        props["Code"] = {"ZipFile": lambda_code(c, runtime)}
    else:
        art = c.param("ArtifactBucket", {"Type": "String", "Description": "Bucket with release artifacts",
                                         "Default": f"{c.team}-artifacts"})
        ver = c.param("ArtifactVersion", {"Type": "String", "Default": f"1.{rng.randint(0, 40)}.{rng.randint(0, 9)}"})
        props["Code"] = {"S3Bucket": Ref(art), "S3Key": Sub(f"{c.app}/" + "${ArtifactVersion}/" + base.lower() + ".zip")}
    env = {"LOG_LEVEL": If(c.is_prod(), "INFO", "DEBUG"), "STAGE": Ref("Environment")}
    for k, v in list(c.resources.items()):
        if v["Type"] == "AWS::DynamoDB::Table" and "TABLE_NAME" not in env:
            env["TABLE_NAME"] = Ref(k)
        elif v["Type"] == "AWS::SQS::Queue" and "QUEUE_URL" not in env:
            env["QUEUE_URL"] = Ref(k)
        elif v["Type"] == "AWS::SNS::Topic" and "TOPIC_ARN" not in env:
            env["TOPIC_ARN"] = Ref(k)
    for i in range(c.n(0, 1.5, 20)):
        env[f"FEATURE_{c.word().upper()}_{i}"] = rng.choice(["on", "off", "1", "0", "shadow"])
    if c.bad(0.5):
        env["API_SECRET"] = "sk_live_" + hashlib.sha1(f"{c.idx}".encode()).hexdigest()[:24]
    props["Environment"] = {"Variables": env}
    if rng.random() < 0.7:
        props["TracingConfig"] = {"Mode": "Active"}
    if rng.random() < 0.4:
        props["ReservedConcurrentExecutions"] = rng.choice([5, 10, 50, 100])
    if "vpc" in c.cache and rng.random() < 0.6:
        props["VpcConfig"] = {"SubnetIds": [Ref(s) for s in subnets(c, False)],
                              "SecurityGroupIds": [Ref(security_group(c, base))]}
    if rng.random() < 0.3:
        props["KmsKeyArn"] = GetAtt(key(c), "Arn")
    props["Tags"] = c.tags()
    fn = c.add(base + "Function", "AWS::Lambda::Function", props)
    lg = c.add(f"{fn}LogGroup", "AWS::Logs::LogGroup", {
        "LogGroupName": Sub("/aws/lambda/${" + fn + "}"), "RetentionInDays": rng.choice([7, 14, 30, 90])})
    queues = [k for k, v in c.resources.items() if v["Type"] == "AWS::SQS::Queue" and not k.endswith("DeadLetterQueue")]
    if queues and rng.random() < 0.7:
        c.add(f"{fn}EventSource", "AWS::Lambda::EventSourceMapping", {
            "EventSourceArn": GetAtt(rng.choice(queues), "Arn"), "FunctionName": Ref(fn),
            "BatchSize": rng.choice([1, 10, 100]), "Enabled": True})
    if rng.random() < 0.3:
        c.add(f"{fn}Permission", "AWS::Lambda::Permission", {
            "FunctionName": GetAtt(fn, "Arn"), "Action": "lambda:InvokeFunction",
            "Principal": rng.choice(["sns.amazonaws.com", "events.amazonaws.com", "s3.amazonaws.com"]),
            "SourceAccount": Ref("AWS::AccountId")})
    c.output(f"{fn}Arn", GetAtt(fn, "Arn"))
    return fn


def queue(c):
    rng = c.rng
    base = c.word().capitalize()
    props = {}
    if rng.random() < 0.4:
        props["QueueName"] = c.name(base.lower())
    if not c.bad():
        if rng.random() < 0.5:
            props["KmsMasterKeyId"] = Ref(key(c))
            props["KmsDataKeyReusePeriodSeconds"] = 300
        else:
            props["SqsManagedSseEnabled"] = True
    elif rng.random() < 0.5:
        props["SqsManagedSseEnabled"] = False
    props["VisibilityTimeout"] = rng.choice([30, 60, 300, 900])
    props["MessageRetentionPeriod"] = rng.choice([345600, 1209600])
    if rng.random() < 0.6:
        dlq = c.add(f"{base}DeadLetterQueue", "AWS::SQS::Queue", {"MessageRetentionPeriod": 1209600,
                                                                   "SqsManagedSseEnabled": True})
        props["RedrivePolicy"] = {"deadLetterTargetArn": GetAtt(dlq, "Arn"), "maxReceiveCount": rng.choice([3, 5, 10])}
    props["Tags"] = c.tags()
    q = c.add(f"{base}Queue", "AWS::SQS::Queue", props)
    if rng.random() < 0.4:
        topics = [k for k, v in c.resources.items() if v["Type"] == "AWS::SNS::Topic"]
        st = {"Sid": "AllowSend", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": GetAtt(q, "Arn")}
        if topics:
            st["Principal"] = {"Service": "sns.amazonaws.com"}
            st["Condition"] = {"ArnEquals": {"aws:SourceArn": Ref(topics[0])}}
        else:
            st["Principal"] = "*" if c.bad() else {"AWS": Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")}
        c.add(f"{q}Policy", "AWS::SQS::QueuePolicy", {"Queues": [Ref(q)], "PolicyDocument": {
            "Version": "2012-10-17", "Statement": [st]}})
    c.output(f"{q}Url", Ref(q))
    c.output(f"{q}Arn", GetAtt(q, "Arn"))
    return q


def topic(c):
    rng = c.rng
    base = c.word().capitalize() + "Events"
    props = {"DisplayName": f"{c.team} {base}"}
    if not c.bad():
        props["KmsMasterKeyId"] = Ref(key(c)) if rng.random() < 0.5 else "alias/aws/sns"
    subs = []
    for i in range(c.n(0, 0.6, 8)):
        subs.append({"Protocol": "email", "Endpoint": f"{c.team}-oncall+{i}@example.com"})
    if subs:
        props["Subscription"] = subs
    props["Tags"] = c.tags()
    t = c.add(f"{base}Topic", "AWS::SNS::Topic", props)
    queues = [k for k, v in c.resources.items() if v["Type"] == "AWS::SQS::Queue" and not k.endswith("DeadLetterQueue")]
    if queues and rng.random() < 0.6:
        c.add(f"{t}Subscription", "AWS::SNS::Subscription", {
            "TopicArn": Ref(t), "Protocol": "sqs", "Endpoint": GetAtt(rng.choice(queues), "Arn"),
            "RawMessageDelivery": True})
    if rng.random() < 0.3:
        c.add(f"{t}Policy", "AWS::SNS::TopicPolicy", {"Topics": [Ref(t)], "PolicyDocument": {
            "Version": "2012-10-17", "Statement": [{
                "Sid": "AllowPublish", "Effect": "Allow",
                "Principal": {"Service": ["events.amazonaws.com", "cloudwatch.amazonaws.com"]},
                "Action": "sns:Publish", "Resource": Ref(t)}]}})
    c.output(f"{t}Arn", Ref(t))
    c.cache.setdefault("topics", []).append(t)
    return t


def dynamodb(c):
    rng = c.rng
    base = c.word().capitalize()
    attrs = [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}]
    gsis = []
    for i in range(c.n(0, 0.8, 12)):
        a = f"gsi{i}pk"
        attrs.append({"AttributeName": a, "AttributeType": rng.choice(["S", "N"])})
        gsi = {"IndexName": f"by-{c.word()}-{i}", "KeySchema": [{"AttributeName": a, "KeyType": "HASH"},
                                                             {"AttributeName": "sk", "KeyType": "RANGE"}],
               "Projection": {"ProjectionType": rng.choice(["ALL", "KEYS_ONLY", "INCLUDE"])}}
        if gsi["Projection"]["ProjectionType"] == "INCLUDE":
            gsi["Projection"]["NonKeyAttributes"] = rng.sample(WORDS, 3)
        gsis.append(gsi)
    props = {"AttributeDefinitions": attrs, "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                          {"AttributeName": "sk", "KeyType": "RANGE"}]}
    if rng.random() < 0.6:
        props["BillingMode"] = "PAY_PER_REQUEST"
    else:
        props["BillingMode"] = "PROVISIONED"
        props["ProvisionedThroughput"] = {"ReadCapacityUnits": rng.choice([5, 10, 50]),
                                          "WriteCapacityUnits": rng.choice([5, 10, 50])}
        for g in gsis:
            g["ProvisionedThroughput"] = {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    if gsis:
        props["GlobalSecondaryIndexes"] = gsis
    if not c.bad():
        props["SSESpecification"] = ({"SSEEnabled": True, "SSEType": "KMS", "KMSMasterKeyId": Ref(key(c))}
                                     if rng.random() < 0.5 else {"SSEEnabled": True})
    if not c.bad():
        props["PointInTimeRecoverySpecification"] = {"PointInTimeRecoveryEnabled": If(c.is_prod(), True, False)
                                                     if rng.random() < 0.3 else True}
    if rng.random() < 0.5:
        props["StreamSpecification"] = {"StreamViewType": "NEW_AND_OLD_IMAGES"}
    if rng.random() < 0.5:
        props["TimeToLiveSpecification"] = {"AttributeName": "expires", "Enabled": True}
    props["Tags"] = c.tags()
    t = c.add(f"{base}Table", "AWS::DynamoDB::Table", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    c.output(f"{t}Name", Ref(t))
    return t


def cloudtrail(c):
    rng = c.rng
    b = bucket(c, "Trail")
    c.add("TrailBucketAclPolicy", "AWS::S3::BucketPolicy", {"Bucket": Ref(b), "PolicyDocument": {
        "Version": "2012-10-17", "Statement": [
            {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
             "Action": "s3:GetBucketAcl", "Resource": GetAtt(b, "Arn")},
            {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
             "Action": "s3:PutObject", "Resource": Sub("${" + b + ".Arn}/AWSLogs/${AWS::AccountId}/*"),
             "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}})
    props = {"IsLogging": True, "S3BucketName": Ref(b), "IsMultiRegionTrail": not c.bad(),
             "IncludeGlobalServiceEvents": True, "EnableLogFileValidation": not c.bad()}
    if not c.bad():
        props["KMSKeyId"] = Ref(key(c))
    if rng.random() < 0.6:
        lg = log_group(c, "Trail")
        r = c.add("TrailLogsRole", "AWS::IAM::Role", {
            "AssumeRolePolicyDocument": assume("cloudtrail.amazonaws.com"),
            "Policies": [{"PolicyName": "trail-logs", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": GetAtt(lg, "Arn")}]}}]})
        props["CloudWatchLogsLogGroupArn"] = GetAtt(lg, "Arn")
        props["CloudWatchLogsRoleArn"] = GetAtt(r, "Arn")
    if rng.random() < 0.4:
        props["EventSelectors"] = [{"ReadWriteType": "All", "IncludeManagementEvents": True, "DataResources": [
            {"Type": "AWS::S3::Object", "Values": [Sub("arn:${AWS::Partition}:s3:::")]}]}]
    props["Tags"] = c.tags()
    t = c.add("Trail", "AWS::CloudTrail::Trail", props, DependsOn=f"TrailBucketAclPolicy")
    c.output("TrailArn", GetAtt(t, "Arn"))
    return t


def alarm(c):
    rng = c.rng
    targets = [(k, v["Type"]) for k, v in c.resources.items() if v["Type"] in (
        "AWS::EC2::Instance", "AWS::SQS::Queue", "AWS::Lambda::Function", "AWS::RDS::DBInstance",
        "AWS::DynamoDB::Table")]
    if not targets:
        targets = [(queue(c), "AWS::SQS::Queue")]
    k, t = rng.choice(targets)
    ns, metric, dim = {
        "AWS::EC2::Instance": ("AWS/EC2", "CPUUtilization", "InstanceId"),
        "AWS::SQS::Queue": ("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName"),
        "AWS::Lambda::Function": ("AWS/Lambda", "Errors", "FunctionName"),
        "AWS::RDS::DBInstance": ("AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier"),
        "AWS::DynamoDB::Table": ("AWS/DynamoDB", "ThrottledRequests", "TableName"),
    }[t]
    value = GetAtt(k, "QueueName") if t == "AWS::SQS::Queue" else Ref(k)
    props = {"AlarmDescription": Sub(f"{metric} of " + "${" + k + "} in ${Environment}"),
             "Namespace": ns, "MetricName": metric, "Dimensions": [{"Name": dim, "Value": value}],
             "Statistic": rng.choice(["Average", "Maximum", "Sum"]), "Period": rng.choice([60, 300]),
             "EvaluationPeriods": rng.choice([1, 3, 5]), "Threshold": rng.choice([1, 80, 300, 1000]),
             "ComparisonOperator": rng.choice(["GreaterThanThreshold", "LessThanThreshold"]),
             "TreatMissingData": "notBreaching"}
    c.env()
    if c.cache.get("topics"):
        props["AlarmActions"] = [Ref(rng.choice(c.cache["topics"]))]
    extra = {"Condition": c.is_prod()} if rng.random() < 0.3 else {}
    return c.add(f"{k}{metric}Alarm", "AWS::CloudWatch::Alarm", props, **extra)


def ssm_param(c):
    return c.add(f"{c.word().capitalize()}Setting", "AWS::SSM::Parameter", {
        "Name": Sub(f"/{c.team}/" + "${Environment}/" + c.word()), "Type": "String",
        "Value": Join(",", [Ref("AWS::Region"), Ref(c.env()), c.app]), "Description": "Runtime setting"})


# Archetypes: which components a stack is built around, with weights for the filler.
ARCHETYPES = {
    "network": ([lambda c: subnets(c, True), lambda c: subnets(c, False)],
                [(security_group, 5), (flow_logs, 1), (ec2_instance, 1), (alarm, 1)]),
    "webapp": ([alb, launch_template],
               [(security_group, 2), (bucket, 2), (rds, 1), (alarm, 2), (topic, 1), (ssm_param, 1), (ec2_instance, 1)]),
    "serverless": ([queue, dynamodb, lambda_fn],
                   [(lambda_fn, 4), (queue, 3), (topic, 2), (dynamodb, 2), (alarm, 2), (bucket, 1), (ssm_param, 1)]),
    "data": ([rds, dynamodb],
             [(dynamodb, 2), (bucket, 3), (kms_key, 1), (queue, 1), (alarm, 2), (lambda_fn, 1), (managed_policy, 1)]),
    "storage": ([lambda c: bucket(c, "Data", log_bucket(c))],
                [(lambda c: bucket(c, c.word().capitalize(), log_bucket(c) if c.rng.random() < 0.5 else None), 5),
                 (lambda c: bucket(c, "Site", None, public_site=c.rng.random() < 0.3), 1),
                 (kms_key, 1), (managed_policy, 1), (topic, 1)]),
    "security": ([cloudtrail, kms_key],
                 [(lambda c: role(c, c.word().capitalize() + "Audit", "lambda.amazonaws.com"), 2), (managed_policy, 2),
                  (topic, 1), (bucket, 1), (flow_logs, 1), (alarm, 1)]),
    "compute": ([ec2_instance],
                [(ec2_instance, 3), (security_group, 2), (launch_template, 1), (alarm, 2), (bucket, 1), (ssm_param, 1)]),
}


def build(idx, seed):
    rng = random.Random(f"{seed}:{idx}")
    c = Ctx(rng, idx)
    arch = rng.choices(list(ARCHETYPES), weights=[1, 2, 4, 2, 4, 1, 2])[0]
    target = int(5 + 56 * rng.random() ** 3)
    core, filler = ARCHETYPES[arch]
    for i, f in enumerate(core):
        if i == 0 or len(c.resources) < target:
            f(c)
    funcs = [f for f, _ in filler]
    weights = [w for _, w in filler]
    guard = 0
    while len(c.resources) < target and guard < 200:
        rng.choices(funcs, weights)[0](c)
        guard += 1
    # Templates are what they are: a stack of 62 is fine, trimming would dangle references.
    doc = {"AWSTemplateFormatVersion": "2010-09-09",
           "Description": f"{c.team}/{c.app}: {arch} stack ({'generated benchmark template ' + str(idx)})"}
    if rng.random() < 0.25 and c.params:
        doc["Metadata"] = {"AWS::CloudFormation::Interface": {"ParameterGroups": [
            {"Label": {"default": "Settings"}, "Parameters": list(c.params)}]}}
    if c.params:
        doc["Parameters"] = c.params
    if c.mappings:
        doc["Mappings"] = c.mappings
    if c.conditions:
        doc["Conditions"] = c.conditions
    doc["Resources"] = c.resources
    if c.outputs:
        doc["Outputs"] = c.outputs
    return arch, c, doc


def render(idx, seed):
    arch, c, doc = build(idx, seed)
    rng = c.rng
    team_dir = f"{c.team}"
    base = f"{c.app}-{arch}-{idx:05d}"
    if rng.random() < 0.7:
        header = []
        if rng.random() < 0.5:
            header.append(f"# {c.team} / {c.app} ({arch}). Owned by #{c.team}-oncall.")
        text = write_yaml(doc, rng, header)
        name = base + rng.choice([".yaml", ".yaml", ".yml"])
    else:
        text = write_json(doc, rng.choice([2, 2, 4]))
        name = base + ".json"
    return os.path.join(team_dir, arch, name), text, len(c.resources), c.sloppy


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default=DEFAULT_OUT, help="output directory (replaced)")
    ap.add_argument("--count", type=int, default=2000, help="number of templates (default 2000)")
    ap.add_argument("--seed", default="vigil-bench-1", help="corpus seed (default vigil-bench-1)")
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        if os.listdir(out) and not os.path.exists(os.path.join(out, MARKER)):
            sys.exit(f"{out} exists and was not made by this script; refusing to replace it")
        shutil.rmtree(out)
    os.makedirs(out)
    sizes, counts, total, sloppy = [], [], 0, 0
    fmt = {"yaml": 0, "json": 0}
    for i in range(args.count):
        rel, text, nres, bad = render(i, args.seed)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        sizes.append(len(text.encode()))
        counts.append(nres)
        sloppy += bad
        fmt["json" if rel.endswith(".json") else "yaml"] += 1
    sizes.sort()
    counts.sort()
    summary = {
        "generator_version": GENERATOR_VERSION, "seed": args.seed, "templates": args.count,
        "yaml": fmt["yaml"], "json": fmt["json"], "sloppy_templates": sloppy,
        "bytes_total": sum(sizes), "bytes_min": sizes[0], "bytes_median": sizes[len(sizes) // 2],
        "bytes_max": sizes[-1], "resources_total": sum(counts), "resources_min": counts[0],
        "resources_median": counts[len(counts) // 2], "resources_max": counts[-1],
    }
    with open(os.path.join(out, MARKER), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"{args.count} templates ({fmt['yaml']} YAML, {fmt['json']} JSON) in {out}: "
          f"{summary['bytes_total'] / 1e6:.1f} MB, {sizes[0] / 1e3:.1f}-{sizes[-1] / 1e3:.1f} KB "
          f"(median {summary['bytes_median'] / 1e3:.1f} KB), {summary['resources_total']} resources "
          f"({counts[0]}-{counts[-1]} a template, median {summary['resources_median']})")


if __name__ == "__main__":
    main()
