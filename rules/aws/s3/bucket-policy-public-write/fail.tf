# Bucket policies that let anyone write or delete: jsonencode, aws_iam_policy_document (a
# Referer condition and a negated PrincipalOrgID condition do not restrict the caller).
resource "aws_s3_bucket" "drop" {
  bucket = "drop-example"
}

resource "aws_s3_bucket_policy" "drop" {
  bucket = aws_s3_bucket.drop.id
  policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:PutObject", "s3:PutObjectAcl"]
      Resource  = "${aws_s3_bucket.drop.arn}/*"
    }]
  })
}

data "aws_iam_policy_document" "everything" {
  statement {
    actions   = ["*"]
    resources = ["arn:aws:s3:::everything-bucket", "arn:aws:s3:::everything-bucket/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:Referer"
      values   = ["https://example.com/*"]
    }
  }
}

resource "aws_s3_bucket_policy" "everything" {
  bucket = "everything-bucket"
  policy = data.aws_iam_policy_document.everything.json # expect
}

resource "aws_s3_bucket_policy" "cleanup" {
  bucket = "cleanup-bucket"
  policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:Delete*"
      Resource  = "arn:aws:s3:::cleanup-bucket/*"
      Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
    }]
  })
}
