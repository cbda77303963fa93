# Encryption left out (defaults to off) and turned off.
resource "aws_efs_file_system" "shared" { # expect
  performance_mode = "generalPurpose"
}

resource "aws_efs_file_system" "home" {
  encrypted = false # expect
}
