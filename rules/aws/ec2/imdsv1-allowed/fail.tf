# Instances and launch templates that do not require IMDSv2 session tokens: no metadata
# options at all, tokens explicitly optional, and options that leave http_tokens out.
resource "aws_instance" "server" { # expect
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "optional" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "optional" # expect
  }
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  metadata_options { # expect
    http_put_response_hop_limit = 2
  }
}

resource "aws_launch_template" "bare" { # expect
  image_id = "ami-0123456789abcdef0"
}
