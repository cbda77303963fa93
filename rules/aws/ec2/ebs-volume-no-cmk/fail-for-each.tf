# Volumes created with for_each from a local map: every instance is a finding on the same line.
locals {
  volumes = {
    data = 100
    logs = 20
  }
}

resource "aws_ebs_volume" "this" { # expect
  for_each = local.volumes

  availability_zone = "us-east-1a"
  size              = each.value
  encrypted         = true
}
