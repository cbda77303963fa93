# The trail names its bucket with a string equal to the bucket's name.
resource "aws_s3_bucket" "trail" { # expect
  bucket = "central-trail-logs"
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "central-trail-logs"
  is_multi_region_trail = true
}
