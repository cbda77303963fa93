# No recording_group (records everything); all_supported = true; a recording_group without
# all_supported (the provider defaults it to true, unlike CloudFormation); a value only known at
# apply time.
data "aws_ssm_parameter" "record_all" {
  name = "/config/record-all"
}

resource "aws_config_configuration_recorder" "default" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/config"
}

resource "aws_config_configuration_recorder" "all" {
  name     = "all"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder" "provider_default" {
  name     = "provider-default"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder" "unknown" {
  name     = "unknown"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    all_supported = data.aws_ssm_parameter.record_all.value
  }
}
