# No envelope encryption of Kubernetes secrets.
resource "aws_eks_cluster" "apps" { # expect
  name     = "apps"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids             = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access = false
  }
}
