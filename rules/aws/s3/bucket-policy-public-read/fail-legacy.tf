# The deprecated inline `policy` argument of aws_s3_bucket.
resource "aws_s3_bucket" "site" {
  bucket = "legacy-site-example"
  policy = jsonencode({ # expect
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::legacy-site-example/*"
    }]
  })
}
