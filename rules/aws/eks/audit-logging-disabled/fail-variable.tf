# The log types come from a list variable whose default leaves audit out.
variable "log_types" {
  type    = list(string)
  default = ["api", "scheduler"]
}

resource "aws_eks_cluster" "apps" {
  name                      = "apps"
  role_arn                  = "arn:aws:iam::123456789012:role/eks"
  enabled_cluster_log_types = var.log_types # expect

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
