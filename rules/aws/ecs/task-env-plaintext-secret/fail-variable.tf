# A sensitive variable with a default, through a local environment list shared by counted tasks.
variable "stripe_api_key" {
  type      = string
  sensitive = true
  default   = "sk_live_0123456789abcdefghij"
}

locals {
  environment = [
    { name = "REGION", value = "eu-west-1" },
    { name = "STRIPE_API_KEY", value = var.stripe_api_key }, # expect
  ]
}

resource "aws_ecs_task_definition" "billing" {
  count  = 2
  family = "billing-${count.index}"
  container_definitions = jsonencode([{
    name        = "billing"
    image       = "example/billing:1"
    environment = local.environment
  }])
}
