# Tokens required, the metadata endpoint disabled, an instance that takes its options from a
# launch template (checked on the template), and a template whose mode is only known at apply
# time.
resource "aws_instance" "server" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "no_metadata" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_instance" "from_template" {
  launch_template {
    id      = aws_launch_template.template.id
    version = aws_launch_template.template.latest_version
  }
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

data "aws_ssm_parameter" "imds_mode" {
  name = "/platform/imds-mode"
}

resource "aws_launch_template" "unknown" {
  image_id = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens = data.aws_ssm_parameter.imds_mode.value
  }
}
