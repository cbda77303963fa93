//! The Terraform mappings of the network group (EC2, Auto Scaling, Elastic Load Balancing):
//! joins, rewrites and the provider defaults the mapping writes.

mod common;

use common::{load_clean as load, *};
use vigil_model::Node;

#[test]
fn the_adopted_default_group_is_the_vpcs_default_group() {
    let l = load(
        r#"
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_default_security_group.default.id
  ip_protocol       = "tcp"
  cidr_ipv4         = "10.0.0.0/8"
}

resource "aws_security_group_rule" "via_vpc" {
  type              = "egress"
  security_group_id = aws_vpc.main.default_security_group_id
  protocol          = "all"
  from_port         = 0
  to_port           = 0
}
"#,
    );
    let group = resource(&l, "aws_default_security_group.default");
    assert_eq!(group.kind, "AWS::EC2::SecurityGroup");
    let name = prop(group, "GroupName");
    assert_eq!(name.as_str(), Some("default"));
    assert_eq!(line(name), 6, "written at the resource line");
    assert_eq!(
        prop(group, "GroupDescription").as_str(),
        Some("default VPC security group")
    );
    assert!(
        find(group, "SecurityGroupIngress").is_none(),
        "no blocks, no rules"
    );

    // `aws_default_security_group.default.id` is rewritten to the VPC's default group.
    let rule = resource(&l, "aws_vpc_security_group_ingress_rule.ssh");
    let group_id = prop(rule, "GroupId");
    assert_eq!(
        reference(group_id),
        ("aws_vpc.main", Some("default_security_group_id"))
    );
    assert_eq!(line(group_id), 11, "keeps the argument's line");

    let egress = resource(&l, "aws_security_group_rule.via_vpc");
    assert_eq!(egress.kind, "AWS::EC2::SecurityGroupEgress");
    assert_eq!(
        reference(prop(egress, "GroupId")),
        ("aws_vpc.main", Some("default_security_group_id"))
    );
    assert_eq!(prop(egress, "IpProtocol").as_str(), Some("-1"));
}

#[test]
fn security_group_blocks_generated_by_nothing_are_absent() {
    let l = load(
        r#"
variable "ports" { default = [] }
data "aws_ssm_parameter" "ports" { name = "/ports" }

resource "aws_security_group" "none" {
  dynamic "ingress" {
    for_each = var.ports
    content {
      protocol  = "tcp"
      from_port = ingress.value
      to_port   = ingress.value
    }
  }
}

resource "aws_security_group" "unknown" {
  dynamic "ingress" {
    for_each = data.aws_ssm_parameter.ports.value
    content {
      protocol  = "tcp"
      from_port = ingress.value
      to_port   = ingress.value
    }
  }
}
"#,
    );
    let none = resource(&l, "aws_security_group.none");
    assert!(find(none, "SecurityGroupIngress").is_none());
    assert_eq!(
        prop(none, "GroupDescription").as_str(),
        Some("Managed by Terraform")
    );
    let unknown = resource(&l, "aws_security_group.unknown");
    assert!(prop(unknown, "SecurityGroupIngress").is_unknown());
}

#[test]
fn inline_network_acl_entries_are_records_of_their_own() {
    let l = load(
        r#"
resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "Allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }

  egress {
    rule_no    = 100
    protocol   = "all"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id

  dynamic "ingress" {
    for_each = [22]
    content {
      rule_no    = 200
      protocol   = "6"
      action     = "allow"
      cidr_block = "0.0.0.0/0"
      from_port  = ingress.value
      to_port    = ingress.value
    }
  }
}
"#,
    );
    let acl = resource(&l, "aws_network_acl.public");
    assert_eq!(acl.kind, "AWS::EC2::NetworkAcl");

    let inbound = resource(&l, "aws_network_acl.public#ingress-100");
    assert_eq!(inbound.kind, "AWS::EC2::NetworkAclEntry");
    assert_eq!(line(&inbound.properties), 5, "the block's header");
    assert_eq!(number(prop(inbound, "Protocol")), 6.0);
    assert_eq!(prop(inbound, "RuleAction").as_str(), Some("allow"));
    assert!(find(inbound, "Egress").is_none());
    assert_eq!(line(prop(inbound, "PortRange")), 10, "the from_port line");
    assert_eq!(number(prop(inbound, "PortRange.To")), 443.0);
    assert_eq!(
        reference(prop(inbound, "NetworkAclId")),
        ("aws_network_acl.public", Some("id"))
    );

    let outbound = resource(&l, "aws_network_acl.public#egress-100");
    assert_eq!(number(prop(outbound, "Protocol")), -1.0);
    let egress = prop(outbound, "Egress");
    assert!(bool_of(egress));
    assert_eq!(line(egress), 14, "written at the block's header");

    let default = resource(&l, "aws_default_network_acl.default");
    assert_eq!(
        reference(prop(default, "VpcId")),
        ("aws_vpc.main", Some("id"))
    );
    let generated = resource(&l, "aws_default_network_acl.default#ingress-200");
    assert_eq!(line(&generated.properties), 33, "the content line");
    assert_eq!(number(prop(generated, "Protocol")), 6.0);
    assert_eq!(line(prop(generated, "CidrBlock")), 37);
}

#[test]
fn network_acl_rule_port_range_keeps_missing_bounds_missing() {
    let l = load(
        r#"
resource "aws_network_acl_rule" "upper_only" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "udp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
  to_port        = 53
}

resource "aws_network_acl_rule" "none" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 110
  protocol       = "ipv6-icmp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
}
"#,
    );
    let upper = resource(&l, "aws_network_acl_rule.upper_only");
    assert_eq!(number(prop(upper, "Protocol")), 17.0);
    assert_eq!(line(prop(upper, "PortRange")), 8, "the to_port line");
    assert!(find(upper, "PortRange.From").is_none());
    let none = resource(&l, "aws_network_acl_rule.none");
    assert_eq!(number(prop(none, "Protocol")), 58.0);
    assert!(find(none, "PortRange").is_none());
}

#[test]
fn default_subnets_assign_public_addresses_unless_told_otherwise() {
    let l = load(
        r#"
resource "aws_default_subnet" "a" {
  availability_zone = "us-east-1a"
}

resource "aws_default_subnet" "b" {
  availability_zone       = "us-east-1b"
  map_public_ip_on_launch = false
}

resource "aws_subnet" "c" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.0.0/24"
}
"#,
    );
    let a = prop(resource(&l, "aws_default_subnet.a"), "MapPublicIpOnLaunch");
    assert!(bool_of(a));
    assert_eq!(line(a), 2, "written at the resource line");
    let b = prop(resource(&l, "aws_default_subnet.b"), "MapPublicIpOnLaunch");
    assert!(!bool_of(b));
    assert!(find(resource(&l, "aws_subnet.c"), "MapPublicIpOnLaunch").is_none());
}

#[test]
fn flow_logs_refer_to_their_own_instance() {
    let l = load(
        r#"
locals {
  vpcs = { app = "10.10.0.0/16", data = "10.20.0.0/16" }
}

resource "aws_vpc" "this" {
  for_each   = local.vpcs
  cidr_block = each.value
}

resource "aws_flow_log" "this" {
  for_each     = local.vpcs
  vpc_id       = aws_vpc.this[each.key].id
  traffic_type = "ALL"
}

resource "aws_flow_log" "subnet" {
  subnet_id    = "subnet-0123456789abcdef0"
  traffic_type = "REJECT"
}
"#,
    );
    let app = resource(&l, "aws_flow_log.this[\"app\"]");
    assert_eq!(app.kind, "AWS::EC2::FlowLog");
    assert_eq!(
        reference(prop(app, "ResourceId")),
        ("aws_vpc.this[\"app\"]", Some("id"))
    );
    let kind = prop(app, "ResourceType");
    assert_eq!(kind.as_str(), Some("VPC"));
    assert_eq!(line(kind), 13, "the argument that says which");
    resource(&l, "aws_vpc.this[\"data\"]");
    let subnet = resource(&l, "aws_flow_log.subnet");
    assert_eq!(prop(subnet, "ResourceType").as_str(), Some("Subnet"));
}

#[test]
fn instance_block_devices_and_public_address() {
    let l = load(
        r#"
resource "aws_instance" "server" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true

  ephemeral_block_device {
    device_name = "/dev/sdb"
    no_device   = true
  }

  ebs_block_device {
    device_name = "/dev/xvdf"
    snapshot_id = "snap-0123456789abcdef0"
  }

  root_block_device {
    volume_size = 30
  }

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  ebs_block_device {
    device_name = "/dev/xvdf"
    no_device   = true
  }
}
"#,
    );
    let i = resource(&l, "aws_instance.server");
    let nic = prop(i, "NetworkInterfaces.0");
    assert_eq!(line(nic), 5);
    assert_eq!(
        prop(i, "NetworkInterfaces.0.DeviceIndex").as_str(),
        Some("0")
    );
    assert!(bool_of(prop(
        i,
        "NetworkInterfaces.0.AssociatePublicIpAddress"
    )));

    // Root first, then EBS, then instance store devices, whatever the source order.
    let root = prop(i, "BlockDeviceMappings.0");
    assert_eq!(line(root), 17);
    assert_eq!(line(prop(i, "BlockDeviceMappings.0.Ebs")), 17);
    assert!(find(i, "BlockDeviceMappings.0.DeviceName").is_none());
    assert!(find(i, "BlockDeviceMappings.0.Ebs.Encrypted").is_none());
    assert_eq!(
        prop(i, "BlockDeviceMappings.1.Ebs.SnapshotId").as_str(),
        Some("snap-0123456789abcdef0")
    );
    let no_device = prop(i, "BlockDeviceMappings.2.NoDevice");
    assert!(
        no_device.as_map().is_some_and(|m| m.is_empty()),
        "{{}} on an instance"
    );
    assert!(find(i, "BlockDeviceMappings.2.Ebs").is_none());
    assert_eq!(
        prop(i, "MetadataOptions.HttpTokens").as_str(),
        Some("required")
    );

    let lc = resource(&l, "aws_launch_configuration.legacy");
    assert_eq!(lc.kind, "AWS::AutoScaling::LaunchConfiguration");
    assert!(bool_of(prop(lc, "BlockDeviceMappings.0.NoDevice")));
    assert!(find(lc, "BlockDeviceMappings.0.Ebs").is_none());
}

#[test]
fn launch_template_string_booleans_become_booleans() {
    let l = load(
        r#"
variable "encrypt" { default = false }

resource "aws_launch_template" "t" {
  image_id = "ami-0123456789abcdef0"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "true"
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"
    ebs {
      encrypted = ""
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdc"
    ebs {
      encrypted = var.encrypt
    }
  }

  network_interfaces {
    associate_public_ip_address = "false"
  }
}
"#,
    );
    let t = resource(&l, "aws_launch_template.t");
    let data = prop(t, "LaunchTemplateData");
    assert_eq!(line(data), 4, "the resource line");
    let first = prop(t, "LaunchTemplateData.BlockDeviceMappings.0.Ebs.Encrypted");
    assert!(bool_of(first));
    assert_eq!(line(first), 10);
    assert_eq!(
        line(prop(t, "LaunchTemplateData.BlockDeviceMappings.0.Ebs")),
        9,
        "the ebs block's header"
    );
    assert!(find(t, "LaunchTemplateData.BlockDeviceMappings.1.Ebs.Encrypted").is_none());
    assert!(!bool_of(prop(
        t,
        "LaunchTemplateData.BlockDeviceMappings.2.Ebs.Encrypted"
    )));
    assert!(!bool_of(prop(
        t,
        "LaunchTemplateData.NetworkInterfaces.0.AssociatePublicIpAddress"
    )));
    assert!(find(t, "LaunchTemplateData.MetadataOptions").is_none());
}

#[test]
fn classic_load_balancer_policies_join_their_listeners() {
    let l = load(
        r#"
resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  listener {
    lb_port            = 8443
    lb_protocol        = "ssl"
    instance_port      = 8443
    instance_protocol  = "ssl"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  access_logs {
    bucket = "elb-logs"
  }
}

resource "aws_load_balancer_policy" "tls12" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls12"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = "web"
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.tls12.policy_name]
}

resource "aws_lb_ssl_negotiation_policy" "ssl" {
  name          = "ssl-tls"
  load_balancer = aws_elb.web.id
  lb_port       = 8443

  attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}

resource "aws_lb_cookie_stickiness_policy" "sticky" {
  name          = "sticky"
  load_balancer = aws_elb.web.id
  lb_port       = 80
}
"#,
    );
    let elb = resource(&l, "aws_elb.web");
    assert_eq!(elb.kind, "AWS::ElasticLoadBalancing::LoadBalancer");
    assert_eq!(line(prop(elb, "Listeners")), 6, "the first listener block");
    assert_eq!(line(prop(elb, "Listeners.1")), 14);

    // The provider's defaults, written where CloudFormation's differ.
    let enabled = prop(elb, "AccessLoggingPolicy.Enabled");
    assert!(bool_of(enabled));
    assert_eq!(line(enabled), 29, "the access_logs header");
    assert!(bool_of(prop(elb, "CrossZone")));

    // aws_load_balancer_policy + aws_load_balancer_listener_policy (by name).
    let policy = prop(elb, "Policies.0");
    assert_eq!(line(policy), 34, "the joined resource");
    assert_eq!(
        prop(elb, "Policies.0.PolicyType").as_str(),
        Some("SSLNegotiationPolicyType")
    );
    let value = prop(elb, "Policies.0.Attributes.0.Value");
    assert_eq!(value.as_str(), Some("ELBSecurityPolicy-TLS-1-2-2017-01"));
    assert_eq!(line(value), 41);
    assert_eq!(
        reference(prop(elb, "Listeners.0.PolicyNames.0")),
        ("aws_load_balancer_policy.tls12", Some("policy_name"))
    );

    // aws_lb_ssl_negotiation_policy: a policy and the listener on lb_port.
    let negotiation = prop(elb, "Policies.1.PolicyType");
    assert_eq!(negotiation.as_str(), Some("SSLNegotiationPolicyType"));
    assert_eq!(line(negotiation), 51);
    assert_eq!(
        prop(elb, "Listeners.1.PolicyNames.0").as_str(),
        Some("ssl-tls")
    );

    // Stickiness policies only name themselves on their listener.
    assert_eq!(
        prop(elb, "Listeners.2.PolicyNames.0").as_str(),
        Some("sticky")
    );
    assert_eq!(prop(elb, "Policies").as_list().map(<[Node]>::len), Some(2));
}

#[test]
fn a_listener_policy_on_an_unknown_load_balancer_leaves_listeners_unknown() {
    let l = load(
        r#"
data "aws_elb" "shared" { name = "shared" }

resource "aws_elb" "web" {
  availability_zones = ["us-east-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8443
    instance_protocol  = "https"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
  }

  listener {
    lb_port           = 8443
    lb_protocol       = "ssl"
    instance_port     = 8443
    instance_protocol = "ssl"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = data.aws_elb.shared.name
  load_balancer_port = 443
  policy_names       = ["tls12"]
}
"#,
    );
    let elb = resource(&l, "aws_elb.web");
    assert!(prop(elb, "Listeners.0.PolicyNames").is_unknown());
    assert!(
        find(elb, "Listeners.1.PolicyNames").is_none(),
        "another port"
    );
}

#[test]
fn application_load_balancer_attributes() {
    let l = load(
        r#"
resource "aws_lb" "alb" {
  subnets      = ["subnet-0123456789abcdef0"]
  idle_timeout = 60

  access_logs {
    bucket = "alb-logs"
  }
}

resource "aws_alb" "bare" {
  internal = true
  subnets  = ["subnet-0123456789abcdef0"]
}
"#,
    );
    let alb = resource(&l, "aws_lb.alb");
    assert_eq!(alb.kind, "AWS::ElasticLoadBalancingV2::LoadBalancer");
    let attrs = prop(alb, "LoadBalancerAttributes");
    assert_eq!(line(attrs), 2, "the resource line");
    let attrs = attrs.as_list().unwrap();
    let get = |key: &str| {
        attrs
            .iter()
            .find(|a| a.get("Key").and_then(Node::as_str) == Some(key))
            .and_then(|a| a.get("Value"))
            .unwrap_or_else(|| panic!("no {key}"))
    };
    let enabled = get("access_logs.s3.enabled");
    assert_eq!(enabled.as_str(), Some("false"), "the provider's default");
    assert_eq!(line(enabled), 6, "the access_logs header");
    assert_eq!(get("access_logs.s3.bucket").as_str(), Some("alb-logs"));
    let timeout = get("idle_timeout.timeout_seconds");
    assert_eq!(
        timeout.as_str(),
        Some("60"),
        "a string, as CloudFormation's"
    );
    assert_eq!(line(timeout), 4);

    let bare = resource(&l, "aws_alb.bare");
    assert!(find(bare, "LoadBalancerAttributes").is_none());
    assert_eq!(prop(bare, "Scheme").as_str(), Some("internal"));
}

#[test]
fn listener_protocol_defaults_to_http_on_application_load_balancers() {
    let l = load(
        r#"
resource "aws_lb" "alb" {
  subnets = ["subnet-0123456789abcdef0"]
}

resource "aws_lb" "gateway" {
  load_balancer_type = "gateway"
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = aws_lb.alb.arn
  port              = 80

  default_action {
    order = 2
    type  = "Forward"
  }

  default_action {
    order = 1
    type  = "authenticate-oidc"
  }
}

resource "aws_alb_listener" "gateway" {
  load_balancer_arn = aws_lb.gateway.arn

  default_action {
    type = "forward"
  }
}

resource "aws_lb_listener" "lower" {
  load_balancer_arn = aws_lb.gateway.arn
  protocol          = "https"

  default_action {
    type = "redirect"
    redirect {
      protocol = "HTTPS"
    }
  }
}
"#,
    );
    let plain = resource(&l, "aws_lb_listener.plain");
    let protocol = prop(plain, "Protocol");
    assert_eq!(protocol.as_str(), Some("HTTP"));
    assert_eq!(line(protocol), 10, "written at the resource line");
    assert_eq!(
        prop(plain, "DefaultActions.0.Type").as_str(),
        Some("authenticate-oidc"),
        "sorted by order"
    );
    assert_eq!(
        prop(plain, "DefaultActions.1.Type").as_str(),
        Some("forward")
    );
    assert_eq!(line(prop(plain, "DefaultActions")), 14, "the first block");

    let gateway = resource(&l, "aws_alb_listener.gateway");
    assert!(find(gateway, "Protocol").is_none());

    let lower = resource(&l, "aws_lb_listener.lower");
    assert_eq!(prop(lower, "Protocol").as_str(), Some("HTTPS"));
    assert_eq!(
        prop(lower, "DefaultActions.0.RedirectConfig.Protocol").as_str(),
        Some("HTTPS")
    );
}

#[test]
fn waf_associations_refer_to_one_instance() {
    let l = load(
        r#"
resource "aws_lb" "web" {
  count   = 2
  subnets = ["subnet-0123456789abcdef0"]
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web[0].arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/abc"
}
"#,
    );
    let a = resource(&l, "aws_wafv2_web_acl_association.web");
    assert_eq!(a.kind, "AWS::WAFv2::WebACLAssociation");
    assert_eq!(
        reference(prop(a, "ResourceArn")),
        ("aws_lb.web[0]", Some("arn"))
    );
}

#[test]
fn autoscaling_group_launch_configuration_and_template() {
    let l = load(
        r#"
resource "aws_autoscaling_group" "g" {
  min_size             = 1
  max_size             = 3
  launch_configuration = null

  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_name = "web"
        version              = "$Latest"
      }
    }
  }
}
"#,
    );
    let g = resource(&l, "aws_autoscaling_group.g");
    assert_eq!(g.kind, "AWS::AutoScaling::AutoScalingGroup");
    assert!(
        find(g, "LaunchConfigurationName").is_none(),
        "null is absent"
    );
    assert_eq!(
        prop(
            g,
            "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateName"
        )
        .as_str(),
        Some("web")
    );
}
