# A subnets module (count inside) called with public = true: every subnet is a finding on the
# caller's argument.
module "edge_subnets" {
  source = "./modules/subnets"
  public = true # expect
}

# --- file: modules/subnets/main.tf
variable "public" {
  type    = bool
  default = false
}

variable "cidrs" {
  type    = list(string)
  default = ["10.0.1.0/24", "10.0.2.0/24"]
}

resource "aws_subnet" "this" {
  count                   = length(var.cidrs)
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = var.cidrs[count.index]
  map_public_ip_on_launch = var.public
}
