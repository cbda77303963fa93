# all_regions is derived from a region list variable, which is not empty by default.
variable "regions" {
  type    = list(string)
  default = ["eu-west-1"]
}

resource "aws_config_configuration_aggregator" "organization" {
  name = "organization"

  organization_aggregation_source {
    role_arn    = "arn:aws:iam::111122223333:role/config-aggregator"
    regions     = length(var.regions) > 0 ? var.regions : null
    all_regions = length(var.regions) == 0 # expect
  }
}
