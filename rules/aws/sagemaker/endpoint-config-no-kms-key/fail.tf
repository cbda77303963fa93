# An instance-backed endpoint configuration without a KMS key for its storage volume.
resource "aws_sagemaker_endpoint_configuration" "config" { # expect
  name = "churn"

  production_variants {
    model_name             = "churn"
    variant_name           = "primary"
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}
