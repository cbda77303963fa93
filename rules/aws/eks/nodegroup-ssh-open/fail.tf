# SSH access to the nodes without source security groups (open to 0.0.0.0/0), also with an empty list.
resource "aws_eks_node_group" "nodes" {
  cluster_name    = "apps"
  node_group_name = "nodes"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0123456789abcdef0"]

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }

  remote_access { # expect
    ec2_ssh_key = "ops"
  }
}

resource "aws_eks_node_group" "empty_list" {
  cluster_name    = "apps"
  node_group_name = "empty-list"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0123456789abcdef0"]

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }

  remote_access { # expect
    ec2_ssh_key               = "ops"
    source_security_group_ids = []
  }
}
