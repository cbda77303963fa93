# A rotated key; asymmetric, HMAC, imported-material, custom key store and disabled keys
# (none can rotate, or none is in use); rotation unknown before apply.
variable "rotate" {
  type = bool
}

resource "aws_kms_key" "rotated" {
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_kms_key" "hmac" {
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}

resource "aws_kms_external_key" "imported" {
  description = "key material imported from the on-premises HSM"
}

resource "aws_kms_key" "cloudhsm" {
  custom_key_store_id = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "disabled" {
  is_enabled = false
}

resource "aws_kms_key" "unknown" {
  enable_key_rotation = var.rotate
}
