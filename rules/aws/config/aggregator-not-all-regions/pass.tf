# All regions for both kinds of source, and a value only known at apply time.
data "aws_ssm_parameter" "all_regions" {
  name = "/config/all-regions"
}

resource "aws_config_configuration_aggregator" "accounts" {
  name = "accounts"

  account_aggregation_source {
    account_ids = ["111122223333"]
    all_regions = true
  }
}

resource "aws_config_configuration_aggregator" "organization" {
  name = "organization"

  organization_aggregation_source {
    role_arn    = "arn:aws:iam::111122223333:role/config-aggregator"
    all_regions = true
  }
}

resource "aws_config_configuration_aggregator" "unknown" {
  name = "unknown"

  organization_aggregation_source {
    role_arn    = "arn:aws:iam::111122223333:role/config-aggregator"
    all_regions = data.aws_ssm_parameter.all_regions.value
  }
}
