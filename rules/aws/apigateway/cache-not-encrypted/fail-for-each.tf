# Cached paths from a map with for_each; encryption from a variable defaulting to false. Every
# instance is reported on the same line.
variable "encrypt_cache" {
  type    = bool
  default = false
}

locals {
  cached_paths = {
    orders = "orders/GET"
    items  = "items/GET"
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = "api0123456"
  deployment_id         = "abc123"
  stage_name            = "prod"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "cached" {
  for_each = local.cached_paths

  rest_api_id = "api0123456"
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = each.value

  settings {
    caching_enabled      = true
    cache_data_encrypted = var.encrypt_cache # expect
  }
}
