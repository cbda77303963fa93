# A queue module called with encryption off, for each queue of a for_each: one marker at the
# module argument.
module "queues" {
  source   = "./modules/queue"
  for_each = toset(["jobs", "events"])

  name        = each.key
  sse_enabled = false # expect
}
# --- file: modules/queue/main.tf
variable "name" {
  type = string
}

variable "sse_enabled" {
  type    = bool
  default = true
}

resource "aws_sqs_queue" "this" {
  name                    = var.name
  sqs_managed_sse_enabled = var.sse_enabled
}
