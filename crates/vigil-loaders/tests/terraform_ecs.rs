//! The Terraform mapping of ECS task definitions: `container_definitions` JSON, in every way it
//! is written, becomes CloudFormation's `ContainerDefinitions`, and the task's own arguments and
//! `volume` blocks their CloudFormation properties.

mod common;

use common::{load_clean as load, *};
use vigil_model::Value;

#[test]
fn jsonencode_containers_get_cloudformation_keys_and_keep_their_lines() {
    let l = load(
        r#"
locals {
  labels = { "com.example.team" = "payments" }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  pid_mode                 = "task"
  ipc_mode                 = "none"
  cpu                      = "256"
  memory                   = "512"
  requires_compatibilities = ["FARGATE"]
  task_role_arn            = aws_iam_role.task.arn
  execution_role_arn       = aws_iam_role.exec.arn
  container_definitions = jsonencode([
    {
      name                   = "web"
      image                  = "nginx:1.27"
      privileged             = true
      readonlyRootFilesystem = false
      user                   = "0"
      dockerLabels           = local.labels
      environment = [
        { name = "db_password", value = "hunter22" }
      ]
      linuxParameters = {
        capabilities = { add = ["SYS_ADMIN"], drop = [] }
      }
      logConfiguration = {
        logDriver = "awslogs"
        options   = { "awslogs-group" = "/app", "mode" = "non-blocking" }
      }
      mountPoints = [{ sourceVolume = "data", containerPath = "/data", readOnly = false }]
    }
  ])
}

resource "aws_iam_role" "task" {
  assume_role_policy = "{}"
}

resource "aws_iam_role" "exec" {
  assume_role_policy = "{}"
}
"#,
    );
    let t = resource(&l, "aws_ecs_task_definition.app");
    assert_eq!(t.kind, "AWS::ECS::TaskDefinition");
    assert_eq!(prop(t, "NetworkMode").as_str(), Some("awsvpc"));
    assert_eq!(prop(t, "PidMode").as_str(), Some("task"));
    assert_eq!(prop(t, "IpcMode").as_str(), Some("none"));
    assert_eq!(prop(t, "Cpu").as_str(), Some("256"));
    assert_eq!(
        prop(t, "RequiresCompatibilities.0").as_str(),
        Some("FARGATE")
    );
    assert_eq!(
        reference(prop(t, "TaskRoleArn")),
        ("aws_iam_role.task", Some("arn"))
    );
    assert_eq!(target(prop(t, "ExecutionRoleArn")), "aws_iam_role.exec");

    let privileged = prop(t, "ContainerDefinitions.0.Privileged");
    assert!(bool_of(privileged));
    assert_eq!(line(privileged), 20);
    assert!(!bool_of(prop(
        t,
        "ContainerDefinitions.0.ReadonlyRootFilesystem"
    )));
    assert_eq!(prop(t, "ContainerDefinitions.0.User").as_str(), Some("0"));
    assert_eq!(line(prop(t, "ContainerDefinitions.0.User")), 22);
    assert!(!has(t, "ContainerDefinitions.0.privileged"));

    // Environment entries are renamed, their names are not.
    let env = prop(t, "ContainerDefinitions.0.Environment.0");
    assert_eq!(
        prop(t, "ContainerDefinitions.0.Environment.0.Name").as_str(),
        Some("db_password")
    );
    assert_eq!(
        prop(t, "ContainerDefinitions.0.Environment.0.Value").as_str(),
        Some("hunter22")
    );
    assert_eq!(line(env), 25);

    assert_eq!(
        prop(
            t,
            "ContainerDefinitions.0.LinuxParameters.Capabilities.Add.0"
        )
        .as_str(),
        Some("SYS_ADMIN")
    );
    // Keys users choose stay as written.
    let labels = prop(t, "ContainerDefinitions.0.DockerLabels")
        .as_map()
        .expect("a map");
    assert_eq!(
        labels.get("com.example.team").and_then(|n| n.as_str()),
        Some("payments")
    );
    let options = prop(t, "ContainerDefinitions.0.LogConfiguration.Options")
        .as_map()
        .expect("a map");
    assert!(options.contains_key("awslogs-group") && options.contains_key("mode"));
    assert!(!options.contains_key("Mode"));
    assert_eq!(
        prop(t, "ContainerDefinitions.0.LogConfiguration.LogDriver").as_str(),
        Some("awslogs")
    );
    assert_eq!(
        prop(t, "ContainerDefinitions.0.MountPoints.0.SourceVolume").as_str(),
        Some("data")
    );
    assert!(!bool_of(prop(
        t,
        "ContainerDefinitions.0.MountPoints.0.ReadOnly"
    )));
}

#[test]
fn heredoc_file_and_templatefile_documents_are_parsed() {
    let l = load(
        r#"
resource "aws_ecs_task_definition" "heredoc" {
  family                = "heredoc"
  container_definitions = <<-EOF
    [
      {
        "name": "web",
        "image": "nginx",
        "Privileged": true,
        "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] } },
        "secrets": [{ "name": "TOKEN", "valueFrom": "arn:aws:ssm:eu-west-1:111122223333:parameter/t" }]
      }
    ]
  EOF
}

resource "aws_ecs_task_definition" "file" {
  family                = "file"
  container_definitions = file("${path.module}/containers/worker.json")
}

resource "aws_ecs_task_definition" "template" {
  family = "template"
  container_definitions = templatefile("${path.module}/containers/api.json.tpl", {
    user = "root"
  })
}
# --- file: containers/worker.json
[{"name": "worker", "image": "busybox", "readonlyRootFilesystem": true, "user": "1000:1000"}]
# --- file: containers/api.json.tpl
[{"name": "api", "image": "api", "user": "${user}"}]
"#,
    );
    let h = resource(&l, "aws_ecs_task_definition.heredoc");
    let privileged = prop(h, "ContainerDefinitions.0.Privileged");
    assert!(
        bool_of(privileged),
        "keys match case-insensitively, as the provider's decoder does"
    );
    assert_eq!(
        line(privileged),
        4,
        "a heredoc's values point at the argument"
    );
    assert_eq!(
        prop(
            h,
            "ContainerDefinitions.0.LinuxParameters.Capabilities.Add.0"
        )
        .as_str(),
        Some("NET_ADMIN")
    );
    assert_eq!(
        prop(h, "ContainerDefinitions.0.Secrets.0.ValueFrom").as_str(),
        Some("arn:aws:ssm:eu-west-1:111122223333:parameter/t")
    );

    let f = resource(&l, "aws_ecs_task_definition.file");
    let ro = prop(f, "ContainerDefinitions.0.ReadonlyRootFilesystem");
    assert!(bool_of(ro));
    assert_eq!(line(ro), 19, "a file's values point at the file() argument");
    assert_eq!(
        prop(f, "ContainerDefinitions.0.User").as_str(),
        Some("1000:1000")
    );

    let t = resource(&l, "aws_ecs_task_definition.template");
    assert_eq!(
        prop(t, "ContainerDefinitions.0.User").as_str(),
        Some("root")
    );
}

#[test]
fn unknown_documents_and_parts_stay_unknown() {
    let l = load(
        r#"
variable "containers" {
  type = string
}

data "aws_ssm_parameter" "image" {
  name = "/app/image"
}

resource "aws_ecs_task_definition" "opaque" {
  family                = "opaque"
  container_definitions = var.containers
}

resource "aws_ecs_task_definition" "partly" {
  family = "partly"
  container_definitions = jsonencode([{
    name       = "web"
    image      = data.aws_ssm_parameter.image.value
    privileged = false
  }])
}
"#,
    );
    let o = resource(&l, "aws_ecs_task_definition.opaque");
    assert!(matches!(
        prop(o, "ContainerDefinitions").value,
        Value::Unknown(_)
    ));
    let p = resource(&l, "aws_ecs_task_definition.partly");
    assert!(matches!(
        prop(p, "ContainerDefinitions.0.Image").value,
        Value::Unknown(_)
    ));
    assert!(!bool_of(prop(p, "ContainerDefinitions.0.Privileged")));
}

#[test]
fn volumes_map_host_paths_and_efs_transit_encryption() {
    let l = load(
        r#"
resource "aws_ecs_task_definition" "v" {
  family                = "v"
  container_definitions = jsonencode([{ name = "a", image = "a" }])

  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }

  volume {
    name = "shared"

    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "DISABLED"

      authorization_config {
        access_point_id = "fsap-1"
        iam             = "DISABLED"
      }
    }
  }

  volume {
    name = "scratch"
  }

  placement_constraints {
    type       = "memberOf"
    expression = "attribute:ecs.availability-zone in [eu-west-1a]"
  }
}
"#,
    );
    let t = resource(&l, "aws_ecs_task_definition.v");
    assert_eq!(prop(t, "Volumes.0.Name").as_str(), Some("docker"));
    let src = prop(t, "Volumes.0.Host.SourcePath");
    assert_eq!(src.as_str(), Some("/var/run/docker.sock"));
    assert_eq!(line(src), 8);
    let efs = prop(t, "Volumes.1.EFSVolumeConfiguration");
    assert_eq!(line(efs), 14);
    assert_eq!(
        prop(t, "Volumes.1.EFSVolumeConfiguration.FilesystemId").as_str(),
        Some("fs-12345678")
    );
    assert_eq!(
        prop(t, "Volumes.1.EFSVolumeConfiguration.TransitEncryption").as_str(),
        Some("DISABLED")
    );
    assert_eq!(
        prop(
            t,
            "Volumes.1.EFSVolumeConfiguration.AuthorizationConfig.IAM"
        )
        .as_str(),
        Some("DISABLED")
    );
    assert!(!has(t, "Volumes.1.Host"));
    assert!(!has(t, "Volumes.2.Host"));
    assert!(!has(t, "Volumes.2.EFSVolumeConfiguration"));
    assert_eq!(
        prop(t, "PlacementConstraints.0.Type").as_str(),
        Some("memberOf")
    );
    assert!(!has(t, "NetworkMode"), "not written, not invented");
}

#[test]
fn values_without_a_position_take_their_parents() {
    let l = load(
        r#"
variable "debug" {
  type    = bool
  default = true
}

locals {
  base = {
    image      = "example/worker:3"
    privileged = var.debug
    user       = "root"
  }
}

resource "aws_ecs_task_definition" "a" {
  family                = "a"
  container_definitions = jsonencode([local.base])
}
"#,
    );
    let a = resource(&l, "aws_ecs_task_definition.a");
    assert_eq!(line(prop(a, "ContainerDefinitions.0.User")), 11);
    assert_eq!(
        line(prop(a, "ContainerDefinitions.0.Privileged")),
        8,
        "a variable default read through a local points at the local's object"
    );
}
