# The versioning resource names its bucket through a data source: it may be this bucket, so
# the bucket is not reported.
data "aws_ssm_parameter" "bucket" {
  name = "/records/bucket"
}

resource "aws_s3_bucket" "records" {
  bucket = "records-example"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = data.aws_ssm_parameter.bucket.value
  versioning_configuration {
    status = "Enabled"
  }
}
