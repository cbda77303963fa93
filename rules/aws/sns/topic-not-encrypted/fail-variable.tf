# The key is only set when encrypt is true; it defaults to false, so the argument is null.
variable "encrypt" {
  type    = bool
  default = false
}

resource "aws_sns_topic" "alerts" { # expect
  name              = "alerts"
  kms_master_key_id = var.encrypt ? "alias/alerts" : null
}
