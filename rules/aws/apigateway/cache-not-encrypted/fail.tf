# Method settings that turn on caching for a stage without encrypting the cache: one leaves
# cache_data_encrypted out (the finding points at that method settings resource), the other
# sets it to false.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id           = aws_api_gateway_rest_api.orders.id
  deployment_id         = aws_api_gateway_deployment.orders.id
  stage_name            = "beta"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "all" { # expect
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "*/*"

  settings {
    caching_enabled = true
  }
}

resource "aws_api_gateway_method_settings" "items" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "items/GET"

  settings {
    caching_enabled      = true
    cache_data_encrypted = false # expect
  }
}
