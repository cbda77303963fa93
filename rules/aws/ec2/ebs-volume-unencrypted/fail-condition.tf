# Encryption only in production; the stage variable defaults to test.
variable "stage" {
  type    = string
  default = "test"
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 50
  encrypted         = var.stage == "prod" # expect
}
