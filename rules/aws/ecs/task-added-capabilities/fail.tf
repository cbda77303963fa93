resource "aws_ecs_task_definition" "vpn" {
  family = "vpn"
  container_definitions = jsonencode([{
    name  = "vpn"
    image = "example/vpn:1"
    linuxParameters = {
      capabilities = {
        add  = ["NET_BIND_SERVICE", "NET_ADMIN"] # expect
        drop = ["MKNOD"]
      }
    }
  }])
}
