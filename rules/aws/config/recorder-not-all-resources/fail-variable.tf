# all_supported is derived from a list of types that is not empty by default (with a recording strategy).
variable "resource_types" {
  type    = list(string)
  default = ["AWS::IAM::Role"]
}

resource "aws_config_configuration_recorder" "recorder" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/config"

  recording_group {
    all_supported  = length(var.resource_types) == 0 # expect
    resource_types = var.resource_types

    recording_strategy {
      use_only = "INCLUSION_BY_RESOURCE_TYPES"
    }
  }
}
