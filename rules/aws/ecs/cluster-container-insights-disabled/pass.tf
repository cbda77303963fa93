# Insights enabled or enhanced (also through a dynamic block), or only known at apply time.
data "aws_ssm_parameter" "insights" {
  name = "/ecs/container-insights"
}

locals {
  cluster_settings = {
    containerInsights = "enabled"
  }
}

resource "aws_ecs_cluster" "apps" {
  name = "apps"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "web" {
  name = "web"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

resource "aws_ecs_cluster" "dynamic" {
  name = "dynamic"

  dynamic "setting" {
    for_each = local.cluster_settings
    content {
      name  = setting.key
      value = setting.value
    }
  }
}

resource "aws_ecs_cluster" "unknown" {
  name = "unknown"

  setting {
    name  = "containerInsights"
    value = data.aws_ssm_parameter.insights.value
  }
}
