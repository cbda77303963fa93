# The principal depends on the stage; with the default "test" it is everyone.
variable "stage" {
  type    = string
  default = "test"
}

resource "aws_s3_bucket_policy" "archive" {
  bucket = "archive-bucket"
  policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.stage == "prod" ? "arn:aws:iam::111122223333:root" : "*" }
      Action    = "s3:RestoreObject"
      Resource  = "arn:aws:s3:::archive-bucket/*"
    }]
  })
}
