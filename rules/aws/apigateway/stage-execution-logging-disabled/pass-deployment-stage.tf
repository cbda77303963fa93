# A stage created by a deployment's stage_name, with execution logging turned on by method
# settings naming that stage: joined onto the deployment's StageDescription.MethodSettings.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}

resource "aws_api_gateway_method_settings" "dev_all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_deployment.dev.stage_name
  method_path = "*/*"

  settings {
    logging_level = "INFO"
  }
}
