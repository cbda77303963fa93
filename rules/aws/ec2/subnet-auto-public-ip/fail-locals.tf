# The setting is looked up by tier in a local map; the default tier is edge.
variable "tier" {
  type    = string
  default = "edge"
}

locals {
  tiers = {
    edge = { public = true }
    app  = { public = false }
  }
}

resource "aws_subnet" "this" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = local.tiers[var.tier].public # expect
}
