# Strong ciphers only; 3DES listed but disabled; a cipher switch known only at apply time; an
# attribute that is not a cipher.
data "aws_ssm_parameter" "enable_aes128_sha" {
  name = "/web/enable-aes128-sha"
}

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
}

resource "aws_load_balancer_policy" "custom" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "custom"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }

  policy_attribute {
    name  = "ECDHE-ECDSA-AES256-GCM-SHA384"
    value = "true"
  }

  policy_attribute {
    name  = "DES-CBC3-SHA"
    value = "false"
  }

  policy_attribute {
    name  = "AES128-SHA"
    value = data.aws_ssm_parameter.enable_aes128_sha.value
  }

  policy_attribute {
    name  = "Server-Defined-Cipher-Order"
    value = "true"
  }
}

resource "aws_load_balancer_listener_policy" "https" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.custom.policy_name]
}
