# The runtime is looked up in a locals map (the Terraform form of a CloudFormation mapping).
locals {
  runtimes = {
    node   = "nodejs16.x"
    python = "python3.12"
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  runtime       = local.runtimes["node"] # expect
  handler       = "index.handler"
  role          = "arn:aws:iam::123456789012:role/worker"
  filename      = "worker.zip"
}
