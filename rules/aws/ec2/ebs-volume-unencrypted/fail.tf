# A volume explicitly unencrypted, and one that does not say (encryption defaults to off).
resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false # expect
}

resource "aws_ebs_volume" "logs" { # expect
  availability_zone = "us-east-1a"
  size              = 20
  type              = "gp3"
}
