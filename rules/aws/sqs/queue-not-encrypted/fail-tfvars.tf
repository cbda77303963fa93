# Encryption turned off through terraform.tfvars.
variable "sse" {
  type = bool
}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = var.sse # expect
}
# --- file: terraform.tfvars
sse = false
