# Secrets encrypted with a key of the configuration, or with a key only known at apply time.
resource "aws_kms_key" "eks" {
  description         = "eks secrets"
  enable_key_rotation = true
}

data "aws_kms_key" "shared" {
  key_id = "alias/shared-eks"
}

resource "aws_eks_cluster" "apps" {
  name     = "apps"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}

resource "aws_eks_cluster" "shared" {
  name     = "shared"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = data.aws_kms_key.shared.arn
    }
  }
}
