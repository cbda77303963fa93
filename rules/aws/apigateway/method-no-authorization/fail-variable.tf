# Authorization only in prod; the environment defaults to dev.
variable "env" {
  type    = string
  default = "dev"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_method" "get" { # expect
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = var.env == "prod" ? "AWS_IAM" : "NONE"
}
