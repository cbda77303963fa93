# A local module creates the repositories; the caller asks for mutable tags.
module "repos" {
  source     = "./modules/repos"
  names      = ["api", "web"]
  mutability = "MUTABLE" # expect
}
# --- file: modules/repos/main.tf
variable "names" {
  type    = list(string)
  default = []
}

variable "mutability" {
  type    = string
  default = "IMMUTABLE"
}

resource "aws_ecr_repository" "this" {
  for_each             = toset(var.names)
  name                 = each.key
  image_tag_mutability = var.mutability
}
