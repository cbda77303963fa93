# A topic module without a key input: the topic inside the module is reported.
module "alerts" {
  source = "./modules/topic"
  name   = "alerts"
}
# --- file: modules/topic/main.tf
variable "name" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = null
}

resource "aws_sns_topic" "this" { # expect
  name              = var.name
  kms_master_key_id = var.kms_key_id
}
