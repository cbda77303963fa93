# The deprecated inline `acl` argument of aws_s3_bucket (provider v3 style, still accepted by v5).
resource "aws_s3_bucket" "site" {
  bucket = "legacy-site-example"
  acl    = "public-read" # expect
}
