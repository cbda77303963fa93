# Versioning set per bucket from a map: "scratch" is suspended, one finding on the status line.
variable "buckets" {
  type = map(string)
  default = {
    assets  = "Enabled"
    scratch = "Suspended"
  }
}

resource "aws_s3_bucket" "this" {
  for_each = var.buckets
  bucket   = "${each.key}-example"
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  versioning_configuration {
    status = var.buckets[each.key] # expect
  }
}
