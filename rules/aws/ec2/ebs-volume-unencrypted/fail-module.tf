# A module whose volume encryption is an input: the caller turns it off.
module "scratch" {
  source    = "./modules/volume"
  size      = 50
  encrypted = false # expect
}

# --- file: modules/volume/main.tf
variable "size" {
  type = number
}

variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_ebs_volume" "this" {
  availability_zone = "us-east-1a"
  size              = var.size
  encrypted         = var.encrypted
}
