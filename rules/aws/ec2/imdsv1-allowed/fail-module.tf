# A module that requires IMDSv2 by default, called with tokens optional: the finding is on the
# caller's argument.
module "web" {
  source      = "./modules/server"
  http_tokens = "optional" # expect
}

# --- file: modules/server/main.tf
variable "http_tokens" {
  type    = string
  default = "required"
}

resource "aws_instance" "this" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.http_tokens
  }
}
