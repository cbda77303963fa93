# REST stages without a logging level (the method settings of "beta" set none above OFF: the
# finding points at the stage, as the setting is missing from the stage as a whole), a
# deployment-created stage, and WebSocket stages with logging off.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "prod" { # expect
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "beta" { # expect
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "beta"
}

resource "aws_api_gateway_method_settings" "beta_all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
  }
}

resource "aws_api_gateway_method_settings" "beta_orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.beta.stage_name
  method_path = "orders/GET"

  settings {
    logging_level = "OFF"
  }
}

resource "aws_api_gateway_deployment" "dev" { # expect
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "socket" {
  api_id = aws_apigatewayv2_api.chat.id
  name   = "prod"

  default_route_settings { # expect
    data_trace_enabled = false
  }
}

resource "aws_apigatewayv2_stage" "explicit_off" {
  api_id = "api0123456"
  name   = "test"

  default_route_settings {
    logging_level = "OFF" # expect
  }
}
