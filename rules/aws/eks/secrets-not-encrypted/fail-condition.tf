# encryption_config only generated when a key is given; the key variable defaults to "".
variable "key_arn" {
  type    = string
  default = ""
}

resource "aws_eks_cluster" "apps" { # expect
  name     = "apps"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }

  dynamic "encryption_config" {
    for_each = var.key_arn == "" ? [] : [var.key_arn]
    content {
      resources = ["secrets"]
      provider {
        key_arn = encryption_config.value
      }
    }
  }
}
