# The logging resource is created only when a log bucket is given; the default is "", so the
# bucket has no logging.
variable "log_bucket" {
  type    = string
  default = ""
}

resource "aws_s3_bucket" "data" { # expect
  bucket = "data-example"
}

resource "aws_s3_bucket_logging" "data" {
  count = var.log_bucket == "" ? 0 : 1

  bucket        = aws_s3_bucket.data.id
  target_bucket = var.log_bucket
  target_prefix = "data/"
}
