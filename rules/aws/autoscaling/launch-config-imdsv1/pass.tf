# Tokens required, the endpoint disabled, and a mode known only at apply time.
resource "aws_launch_configuration" "required" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_configuration" "disabled" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

data "aws_ssm_parameter" "imds_mode" {
  name = "/platform/imds-mode"
}

resource "aws_launch_configuration" "from_parameter" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = data.aws_ssm_parameter.imds_mode.value
  }
}
