# An inactive key, and a status from a variable without default (unknown).
variable "key_status" {
  type = string
}

resource "aws_iam_access_key" "retired" {
  user   = "legacy-ci"
  status = "Inactive"
}

resource "aws_iam_access_key" "unknown" {
  user   = "ci"
  status = var.key_status
}
