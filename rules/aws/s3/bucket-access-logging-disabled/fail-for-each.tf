# Buckets made with for_each; logging is only configured for the ones that ask for it.
locals {
  buckets = {
    raw     = { logged = true }
    curated = { logged = false }
    exports = { logged = false }
  }
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "lake-access-logs"
}

resource "aws_s3_bucket" "lake" { # expect
  for_each = local.buckets
  bucket   = "lake-${each.key}"
}

resource "aws_s3_bucket_logging" "lake" {
  for_each = { for name, cfg in local.buckets : name => cfg if cfg.logged }

  bucket        = aws_s3_bucket.lake[each.key].id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "${each.key}/"
}
