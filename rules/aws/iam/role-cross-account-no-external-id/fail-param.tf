# The vendor account comes from a variable with a default.
variable "vendor_account" {
  type    = string
  default = "444455556666"
}

resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.vendor_account}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
