# A local role module that attaches an extra managed policy given by its caller.
module "ops_role" {
  source           = "./modules/role"
  name             = "ops"
  extra_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # expect
}

module "app_role" {
  source = "./modules/role"
  name   = "app"
}
# --- file: modules/role/main.tf
variable "name" {
  type = string
}

variable "extra_policy_arn" {
  type    = string
  default = null
}

resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "read" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "extra" {
  count      = var.extra_policy_arn == null ? 0 : 1
  role       = aws_iam_role.this.name
  policy_arn = var.extra_policy_arn
}
