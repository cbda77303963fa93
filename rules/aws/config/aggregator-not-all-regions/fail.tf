# Aggregators fixed to a list of regions: an account source, an organisation source with
# all_regions = false, and one where all_regions is left out.
resource "aws_config_configuration_aggregator" "accounts" {
  name = "accounts"

  account_aggregation_source { # expect
    account_ids = ["111122223333", "444455556666"]
    regions     = ["eu-west-1", "us-east-1"]
  }
}

resource "aws_config_configuration_aggregator" "organization" {
  name = "organization"

  organization_aggregation_source {
    role_arn    = "arn:aws:iam::111122223333:role/config-aggregator"
    regions     = ["eu-west-1"]
    all_regions = false # expect
  }
}

resource "aws_config_configuration_aggregator" "organization_default" {
  name = "organization-default"

  organization_aggregation_source { # expect
    role_arn = "arn:aws:iam::111122223333:role/config-aggregator"
    regions  = ["eu-west-1"]
  }
}
