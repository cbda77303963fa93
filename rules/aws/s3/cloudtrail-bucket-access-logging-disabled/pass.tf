# The trail bucket logs its accesses; a bucket with no trail; a trail whose bucket is unknown
# before apply (it may be "data", which is therefore not reported).
data "aws_ssm_parameter" "trail_bucket" {
  name = "/audit/trail-bucket"
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-example"
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "access-logs-bucket"
  target_prefix = "trail/"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}

resource "aws_s3_bucket" "data" {
  bucket = "data-example"
}

resource "aws_cloudtrail" "other" {
  name           = "other"
  s3_bucket_name = data.aws_ssm_parameter.trail_bucket.value
}
