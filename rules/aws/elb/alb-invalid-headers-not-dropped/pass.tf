# An ALB that drops invalid headers, a Network Load Balancer (not checked), and an ALB whose
# setting is known only at apply time.
resource "aws_lb" "alb" {
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  drop_invalid_header_fields = true
}

resource "aws_lb" "nlb" {
  load_balancer_type = "network"
  subnets            = ["subnet-0123456789abcdef0"]
}

data "aws_ssm_parameter" "drop_headers" {
  name = "/platform/alb-drop-invalid-headers"
}

resource "aws_lb" "from_parameter" {
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  drop_invalid_header_fields = data.aws_ssm_parameter.drop_headers.value == "true"
}
