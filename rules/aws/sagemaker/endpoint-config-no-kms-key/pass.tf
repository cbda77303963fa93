# A key set (only known at apply time here), and a serverless-only configuration (no volume to encrypt).
data "aws_kms_key" "models" {
  key_id = "alias/models"
}

resource "aws_sagemaker_endpoint_configuration" "config" {
  name        = "churn"
  kms_key_arn = data.aws_kms_key.models.arn

  production_variants {
    model_name             = "churn"
    variant_name           = "primary"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

resource "aws_sagemaker_endpoint_configuration" "serverless" {
  name = "churn-serverless"

  production_variants {
    model_name   = "churn"
    variant_name = "primary"

    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }
}
