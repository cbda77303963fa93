# Private and public-read ACLs, a bucket without ACL, and an ACL unknown before apply.
resource "aws_s3_bucket" "private" {
  bucket = "private-example"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.private.id
  acl    = "private"
}

resource "aws_s3_bucket" "read_only" {
  bucket = "read-only-example"
}

resource "aws_s3_bucket_acl" "read_only" {
  bucket = aws_s3_bucket.read_only.id
  acl    = "public-read"
}

resource "aws_s3_bucket" "default" {
  bucket = "default-example"
}

data "aws_ssm_parameter" "acl" {
  name = "/buckets/acl"
}

resource "aws_s3_bucket" "from_parameter" {
  bucket = "from-parameter-example"
}

resource "aws_s3_bucket_acl" "from_parameter" {
  bucket = aws_s3_bucket.from_parameter.id
  acl    = data.aws_ssm_parameter.acl.value
}
