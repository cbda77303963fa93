# The public endpoint is switched by a variable that defaults to true, with no CIDR restriction.
variable "public_endpoint" {
  type    = bool
  default = true
}

resource "aws_eks_cluster" "apps" {
  name     = "apps"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config { # expect
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = var.public_endpoint
  }
}
