# Encrypted volumes, a volume restored from a snapshot (its encryption follows the snapshot),
# a value known only at apply time, an instance store device, and an instance that keeps the
# AMI's block device mapping.
data "aws_ebs_encryption_by_default" "current" {}

resource "aws_instance" "server" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 30
    encrypted   = true
  }

  ebs_block_device {
    device_name = "/dev/xvdf"
    snapshot_id = "snap-0123456789abcdef0"
  }

  ebs_block_device {
    device_name = "/dev/xvdg"
    volume_size = 10
    encrypted   = data.aws_ebs_encryption_by_default.current.enabled
  }

  ephemeral_block_device {
    device_name  = "/dev/sdb"
    virtual_name = "ephemeral0"
  }
}

resource "aws_launch_template" "template" {
  image_id = "ami-0123456789abcdef0"

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = "true"
    }
  }
}

resource "aws_instance" "no_mappings" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
