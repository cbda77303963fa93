# Audit logs enabled (also through concat), or a log type only known at apply time.
data "aws_ssm_parameter" "log_type" {
  name = "/eks/log-type"
}

locals {
  base_log_types = ["api", "authenticator"]
}

resource "aws_eks_cluster" "apps" {
  name                      = "apps"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "concat" {
  name                      = "concat"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = concat(local.base_log_types, ["audit"])

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "unknown" {
  name                      = "unknown"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = [data.aws_ssm_parameter.log_type.value]

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
