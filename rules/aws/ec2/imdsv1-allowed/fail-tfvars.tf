# A variable without a default, set to optional in terraform.tfvars.
variable "http_tokens" {
  type = string
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.http_tokens # expect
  }
}

# --- file: terraform.tfvars
http_tokens = "optional"
