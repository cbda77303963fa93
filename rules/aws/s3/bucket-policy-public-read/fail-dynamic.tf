# Statements generated with a dynamic block over a map; the "public" one reads for anyone.
locals {
  readers = {
    partner = "arn:aws:iam::111122223333:root"
    public  = "*"
  }
}

resource "aws_s3_bucket" "shared" {
  bucket = "shared-example"
}

data "aws_iam_policy_document" "shared" {
  dynamic "statement" {
    for_each = local.readers
    content {
      sid       = "Read${title(statement.key)}"
      actions   = ["s3:GetObject"]
      resources = ["${aws_s3_bucket.shared.arn}/*"]

      principals {
        type        = "AWS"
        identifiers = [statement.value]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = data.aws_iam_policy_document.shared.json # expect
}
