# A recorder limited to a list of resource types.
resource "aws_config_configuration_recorder" "recorder" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"

  recording_group {
    all_supported  = false # expect
    resource_types = ["AWS::EC2::Instance", "AWS::S3::Bucket"]
  }
}
