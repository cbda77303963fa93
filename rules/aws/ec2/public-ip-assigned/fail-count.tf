# Launch templates created with count from a list in locals: every instance is a finding on
# the same line.
locals {
  tiers = ["web", "worker"]
}

resource "aws_launch_template" "tier" {
  count    = length(local.tiers)
  name     = "${local.tiers[count.index]}-template"
  image_id = "ami-0123456789abcdef0"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = true # expect
  }
}
