# Alternative names given in terraform.tfvars, one of them a wildcard: a value from a variable
# points at the attribute that uses it.
variable "alternative_names" {
  type    = list(string)
  default = []
}

resource "aws_acm_certificate" "site" {
  domain_name               = "example.com"
  subject_alternative_names = var.alternative_names # expect
  validation_method         = "DNS"
}
# --- file: terraform.tfvars
alternative_names = ["www.example.com", "*.example.com"]
