# A multi-region organisation trail, and a value only known at apply time.
data "aws_ssm_parameter" "all_regions" {
  name = "/audit/all-regions"
}

resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
  is_organization_trail = true
}

resource "aws_cloudtrail" "unknown" {
  name                  = "unknown"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = data.aws_ssm_parameter.all_regions.value
}
