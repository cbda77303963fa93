# A JSON policy written as a heredoc in a local, used as the queue's own policy argument.
locals {
  jobs_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": "*",
          "Action": "sqs:SendMessage",
          "Resource": "arn:aws:sqs:eu-west-1:123456789012:jobs"
        }
      ]
    }
  EOT
}

resource "aws_sqs_queue" "jobs" {
  name   = "jobs"
  policy = local.jobs_policy # expect
}
