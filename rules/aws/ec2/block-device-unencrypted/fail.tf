# Block devices that create EBS volumes without encryption: on an instance, a launch template
# and a launch configuration. Ephemeral devices and suppressed devices are not EBS.
resource "aws_instance" "server" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device { # expect
    volume_size = 30
  }

  ebs_block_device {
    device_name = "/dev/xvdf"
    volume_size = 100
    encrypted   = false # expect
  }

  ephemeral_block_device {
    device_name = "/dev/sdk"
    no_device   = true
  }
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = "false" # expect
    }
  }
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device { # expect
    volume_size = 30
    volume_type = "gp3"
  }
}
