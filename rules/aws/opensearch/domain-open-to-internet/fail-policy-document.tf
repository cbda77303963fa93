# The policy is a split aws_elasticsearch_domain_policy built with aws_iam_policy_document; its
# only condition allows the whole internet, which restricts nothing. The finding points at the
# statement block.
resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
}

data "aws_iam_policy_document" "legacy" {
  statement { # expect
    effect    = "Allow"
    actions   = ["es:ESHttpGet"]
    resources = ["*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["0.0.0.0/0"]
    }
  }
}

resource "aws_elasticsearch_domain_policy" "legacy" {
  domain_name     = aws_elasticsearch_domain.legacy.domain_name
  access_policies = data.aws_iam_policy_document.legacy.json
}
