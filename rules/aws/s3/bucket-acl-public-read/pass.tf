# ACLs that are not public-read, and one that cannot be known before apply.
resource "aws_s3_bucket" "private" {
  bucket = "private-example"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  acl    = "aws-exec-read"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-example"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}

# No ACL at all.
resource "aws_s3_bucket" "plain" {
  bucket = "plain-example"
}

# Read from a data source: unknown until apply.
data "aws_ssm_parameter" "acl" {
  name = "/buckets/shared/acl"
}

resource "aws_s3_bucket" "shared" {
  bucket = "shared-example"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id
  acl    = data.aws_ssm_parameter.acl.value
}
