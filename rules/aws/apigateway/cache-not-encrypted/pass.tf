# Encrypted caches, settings without caching, encryption only known at plan time, and a
# deployment that creates no stage.
variable "encrypt_cache" {
  type = bool
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = "api0123456"
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id           = "api0123456"
  deployment_id         = aws_api_gateway_deployment.orders.id
  stage_name            = "beta"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "api0123456"
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "*/*"

  settings {
    caching_enabled      = true
    cache_data_encrypted = true
  }
}

resource "aws_api_gateway_method_settings" "items" {
  rest_api_id = "api0123456"
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "items/GET"

  settings {
    caching_enabled      = true
    cache_data_encrypted = var.encrypt_cache
  }
}

resource "aws_api_gateway_method_settings" "metrics" {
  rest_api_id = "api0123456"
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "orders/POST"

  settings {
    metrics_enabled = true
  }
}
