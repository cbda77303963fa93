# A group built by a local module from a list of CIDRs passed by the caller: the open CIDR is
# reported on the caller's argument.
module "cluster" {
  source        = "./modules/members"
  name          = "cluster"
  ingress_cidrs = ["0.0.0.0/0"] # expect
}

# --- file: modules/members/main.tf
variable "name" {
  type = string
}

variable "ingress_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_security_group" "this" {
  name        = var.name
  description = "${var.name} members"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = var.ingress_cidrs
  }
}
