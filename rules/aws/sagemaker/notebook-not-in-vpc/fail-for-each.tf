# Notebooks from for_each over a map of team -> subnet; the research team has a null subnet, which
# leaves subnet_id unset for that instance only.
variable "teams" {
  type = map(string)
  default = {
    analytics = "subnet-0a1b2c3d"
    research  = null
  }
}

resource "aws_sagemaker_notebook_instance" "notebook" { # expect
  for_each      = var.teams
  name          = "notebook-${each.key}"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  subnet_id     = each.value
}
