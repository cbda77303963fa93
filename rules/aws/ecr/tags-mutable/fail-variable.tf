# Mutability comes from a validated variable that defaults to MUTABLE.
variable "mutability" {
  type    = string
  default = "MUTABLE"

  validation {
    condition     = contains(["MUTABLE", "IMMUTABLE"], var.mutability)
    error_message = "MUTABLE or IMMUTABLE."
  }
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = var.mutability # expect
}
