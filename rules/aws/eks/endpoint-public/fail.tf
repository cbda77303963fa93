# A public endpoint open to the whole internet: by default (reported at vpc_config, where the
# missing public_access_cidrs belongs), and with 0.0.0.0/0 listed.
resource "aws_eks_cluster" "default" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config { # expect
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_eks_cluster" "open_cidr" {
  name     = "open"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    endpoint_public_access  = true
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24", "0.0.0.0/0"] # expect
  }
}
