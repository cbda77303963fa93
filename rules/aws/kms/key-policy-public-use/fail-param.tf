# The consumer defaults to "*"; the policy is attached with the split aws_kms_key_policy.
variable "consumer" {
  type    = string
  default = "*"
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

data "aws_iam_policy_document" "signing" {
  statement {
    actions   = ["kms:Verify", "kms:GetPublicKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [var.consumer]
    }
  }
}

resource "aws_kms_key_policy" "signing" {
  key_id = aws_kms_key.signing.key_id
  policy = data.aws_iam_policy_document.signing.json # expect
}
