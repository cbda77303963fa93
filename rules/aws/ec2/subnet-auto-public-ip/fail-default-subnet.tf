# aws_default_subnet defaults map_public_ip_on_launch to true (unlike aws_subnet): the finding
# is on the resource, since no argument says so.
resource "aws_default_subnet" "az1" { # expect
  availability_zone = "us-east-1a"
}
