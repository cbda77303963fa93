# The principal and the source IP come from variables whose defaults are "*" and the whole
# internet.
variable "reader" {
  type    = string
  default = "*"
}

variable "office_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_s3_bucket" "data" {
  bucket = "data-example"
}

data "aws_iam_policy_document" "data" {
  statement {
    actions   = ["s3:Get*"]
    resources = ["${aws_s3_bucket.data.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [var.reader]
    }

    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = [var.office_cidr]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json # expect
}
