//! The Terraform mappings of the data group (RDS, Redshift, ElastiCache, Neptune, DocumentDB,
//! DynamoDB, DMS, MSK, Amazon MQ, Kinesis): joins, global tables, records left out, and the
//! provider defaults the mapping writes.

mod common;

use common::*;
use vigil_model::Node;

#[test]
fn provider_defaults_that_differ_from_cloudformation_are_written() {
    let l = load(
        r#"
resource "aws_db_instance" "db" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = "events"
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}
resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
}
resource "aws_dms_replication_instance" "migration" {
  replication_instance_id    = "migration"
  replication_instance_class = "dms.t3.medium"
}
resource "aws_mq_broker" "orders" {
  broker_name = "orders"
  engine_type = "ActiveMQ"
}
"#,
    );
    for (address, public, at) in [
        ("aws_db_instance.db", false, 2),
        ("aws_redshift_cluster.warehouse", true, 11),
        ("aws_dms_replication_instance.migration", false, 15),
        ("aws_mq_broker.orders", false, 19),
    ] {
        let p = prop(resource(&l, address), "PubliclyAccessible");
        assert_eq!(bool_of(p), public, "{address}");
        assert_eq!(line(p), at, "{address}: on the resource line");
    }
    // A cluster member sends nothing: CloudFormation's default applies.
    let member = resource(&l, "aws_rds_cluster_instance.member");
    assert!(find(member, "PubliclyAccessible").is_none());
    // Redshift encryption is sent only when true: left out, it stays absent.
    assert!(find(resource(&l, "aws_redshift_cluster.warehouse"), "Encrypted").is_none());
    // Nor are the defaults both sides share written.
    let db = resource(&l, "aws_db_instance.db");
    for absent in [
        "StorageEncrypted",
        "BackupRetentionPeriod",
        "Port",
        "MultiAZ",
    ] {
        assert!(find(db, absent).is_none(), "{absent}");
    }
}

#[test]
fn rds_members_replicas_and_restores_carry_their_source() {
    let l = load(
        r#"
resource "aws_rds_cluster" "events" {
  cluster_identifier = "events"
  engine             = "aurora-mysql"
  engine_version     = 8.0
  restore_to_point_in_time {
    source_cluster_identifier  = "events-old"
    use_latest_restorable_time = true
  }
}
resource "aws_rds_cluster_instance" "member" {
  cluster_identifier = aws_rds_cluster.events.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}
resource "aws_db_instance" "db" {
  engine            = "mariadb"
  engine_version    = 10.6
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}
resource "aws_db_instance" "pitr" {
  instance_class = "db.t4g.micro"
  restore_to_point_in_time {
    source_dbi_resource_id     = "db-ABCDEFGHIJKL"
    use_latest_restorable_time = true
  }
}
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.db.identifier
  instance_class      = "db.t4g.micro"
}
"#,
    );
    let member = resource(&l, "aws_rds_cluster_instance.member");
    assert_eq!(member.kind, "AWS::RDS::DBInstance");
    assert_eq!(
        target(prop(member, "DBClusterIdentifier")),
        "aws_rds_cluster.events"
    );
    let cluster = resource(&l, "aws_rds_cluster.events");
    assert_eq!(prop(cluster, "EngineVersion").as_str(), Some("8"));
    let source = prop(cluster, "SourceDBClusterIdentifier");
    assert_eq!(source.as_str(), Some("events-old"));
    assert_eq!(line(source), 7, "the argument inside the block");
    assert!(bool_of(prop(cluster, "UseLatestRestorableTime")));

    let db = resource(&l, "aws_db_instance.db");
    assert_eq!(prop(db, "EngineVersion").as_str(), Some("10.6"));
    assert_eq!(prop(db, "AllocatedStorage").as_str(), Some("20"));
    assert!(find(db, "DBClusterIdentifier").is_none());
    let pitr = resource(&l, "aws_db_instance.pitr");
    assert_eq!(
        prop(pitr, "SourceDbiResourceId").as_str(),
        Some("db-ABCDEFGHIJKL")
    );
    assert!(find(pitr, "SourceDBInstanceIdentifier").is_none());
    let replica = resource(&l, "aws_db_instance.replica");
    assert_eq!(
        target(prop(replica, "SourceDBInstanceIdentifier")),
        "aws_db_instance.db"
    );
}

#[test]
fn redshift_logging_is_joined_from_the_split_resource() {
    let l = load(
        r#"
variable "bucket" {
  type    = string
  default = ""
}
resource "aws_redshift_cluster" "by_id" {
  cluster_identifier = "one"
  logging {
    enable = false
  }
}
resource "aws_redshift_logging" "by_id" {
  cluster_identifier   = aws_redshift_cluster.by_id.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog"]
}
resource "aws_redshift_cluster" "by_name" {
  cluster_identifier = "two"
}
resource "aws_redshift_logging" "by_name" {
  cluster_identifier = "two"
  bucket_name        = "audit"
}
resource "aws_redshift_cluster" "inline" {
  cluster_identifier = "three"
  logging {
    enable      = true
    bucket_name = "audit"
  }
}
resource "aws_redshift_cluster" "off" {
  cluster_identifier = "four"
  logging {
    enable = false
  }
}
resource "aws_redshift_cluster" "none" {
  cluster_identifier = "five"
}
resource "aws_redshift_logging" "none" {
  count              = var.bucket == "" ? 0 : 1
  cluster_identifier = aws_redshift_cluster.none.id
  bucket_name        = var.bucket
}
"#,
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    assert!(
        l.resources
            .iter()
            .all(|r| r.kind == "AWS::Redshift::Cluster"),
        "the split resource has no record of its own"
    );
    let by_id = resource(&l, "aws_redshift_cluster.by_id");
    let logging = prop(by_id, "LoggingProperties");
    assert_eq!(
        line(logging),
        12,
        "the split resource's line, over the block"
    );
    assert_eq!(
        prop(by_id, "LoggingProperties.LogDestinationType").as_str(),
        Some("cloudwatch")
    );
    assert_eq!(
        prop(by_id, "LoggingProperties.LogExports.1").as_str(),
        Some("userlog")
    );
    let by_name = resource(&l, "aws_redshift_cluster.by_name");
    assert_eq!(
        prop(by_name, "LoggingProperties.BucketName").as_str(),
        Some("audit")
    );
    let inline = resource(&l, "aws_redshift_cluster.inline");
    assert_eq!(line(prop(inline, "LoggingProperties")), 26);
    for off in ["aws_redshift_cluster.off", "aws_redshift_cluster.none"] {
        assert!(
            find(resource(&l, off), "LoggingProperties").is_none(),
            "{off}"
        );
    }
}

#[test]
fn redshift_logging_with_an_unknown_count_is_unknown() {
    let l = load(
        r#"
variable "bucket" {
  type = string
}
resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
}
resource "aws_redshift_logging" "warehouse" {
  count              = var.bucket == "" ? 0 : 1
  cluster_identifier = aws_redshift_cluster.warehouse.cluster_identifier
  bucket_name        = var.bucket
}
"#,
    );
    let c = resource(&l, "aws_redshift_cluster.warehouse");
    let logging = prop(c, "LoggingProperties");
    assert!(logging.is_unknown(), "{logging:?}");
    assert_eq!(line(logging), 8);
}

#[test]
fn elasticache_group_members_have_no_record() {
    let l = load(
        r#"
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  at_rest_encryption_enabled = "true"
}
resource "aws_elasticache_cluster" "member" {
  cluster_id           = "sessions-extra"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}
resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  engine          = "memcached"
  num_cache_nodes = 2
}
"#,
    );
    let addresses: Vec<&str> = l.resources.iter().map(|r| r.address.as_str()).collect();
    assert_eq!(
        addresses,
        [
            "aws_elasticache_replication_group.sessions",
            "aws_elasticache_cluster.memcached"
        ]
    );
    let group = resource(&l, "aws_elasticache_replication_group.sessions");
    assert!(
        bool_of(prop(group, "AtRestEncryptionEnabled")),
        "a string bool"
    );
    assert!(
        find(group, "Engine").is_none(),
        "redis by default on both sides"
    );
    assert_eq!(
        resource(&l, "aws_elasticache_cluster.memcached").kind,
        "AWS::ElastiCache::CacheCluster"
    );
}

#[test]
fn a_table_with_replica_blocks_is_a_global_table() {
    let l = load(
        r#"
variable "regions" {
  type    = list(string)
  default = ["us-east-1", "ap-southeast-2"]
}
resource "aws_dynamodb_table" "customers" {
  name     = "customers"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/k"
  }
  point_in_time_recovery {
    enabled = true
  }
  replica {
    region_name            = "eu-central-1"
    point_in_time_recovery = true
  }
  dynamic "replica" {
    for_each = var.regions
    content {
      region_name = replica.value
    }
  }
}
resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"
  server_side_encryption {
    enabled = true
  }
}
"#,
    );
    let orders = resource(&l, "aws_dynamodb_table.orders");
    assert_eq!(orders.kind, "AWS::DynamoDB::Table");
    let sse_type = prop(orders, "SSESpecification.SSEType");
    assert_eq!(sse_type.as_str(), Some("KMS"));
    assert_eq!(line(sse_type), 35, "the enabled line");

    let g = resource(&l, "aws_dynamodb_table.customers");
    assert_eq!(g.kind, "AWS::DynamoDB::GlobalTable");
    assert_eq!(prop(g, "Replicas").as_list().map(<[Node]>::len), Some(4));
    // The table's own region first, with the table's settings.
    let home = prop(g, "Replicas.0");
    assert_eq!(line(home), 6);
    assert!(prop(g, "Replicas.0.Region").is_unknown());
    assert!(bool_of(prop(
        g,
        "Replicas.0.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"
    )));
    assert_eq!(
        line(prop(g, "Replicas.0.PointInTimeRecoverySpecification")),
        17
    );
    assert!(find(g, "Replicas.0.SSESpecification.KMSMasterKeyId").is_some());
    assert!(find(g, "SSESpecification.KMSMasterKeyId").is_none());
    assert!(bool_of(prop(g, "SSESpecification.SSEEnabled")));
    assert!(find(g, "PointInTimeRecoverySpecification").is_none());
    // Then the replica blocks, in source order.
    assert_eq!(line(prop(g, "Replicas.1")), 20);
    assert_eq!(prop(g, "Replicas.1.Region").as_str(), Some("eu-central-1"));
    let pitr = prop(
        g,
        "Replicas.1.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
    );
    assert_eq!(line(pitr), 22);
    // After a literal block, the blocks of a dynamic block keep their `content` line (the
    // evaluator gives them that line; only a list that starts with a dynamic block has its).
    for i in [2, 3] {
        assert_eq!(line(prop(g, &format!("Replicas.{i}"))), 26, "replica {i}");
        assert!(find(g, &format!("Replicas.{i}.PointInTimeRecoverySpecification")).is_none());
    }
    assert_eq!(
        prop(g, "Replicas.3.Region").as_str(),
        Some("ap-southeast-2")
    );
}

#[test]
fn replicas_made_by_a_dynamic_block_point_at_its_line() {
    let l = load(
        r#"
variable "regions" {
  type    = list(string)
  default = ["us-east-1", "ap-southeast-2"]
}
resource "aws_dynamodb_table" "customers" {
  name     = "customers"
  hash_key = "id"
  dynamic "replica" {
    for_each = var.regions
    content {
      region_name = replica.value
    }
  }
  replica {
    region_name = "eu-central-1"
  }
}
"#,
    );
    let g = resource(&l, "aws_dynamodb_table.customers");
    let lines: Vec<u32> = (0..4)
        .map(|i| line(prop(g, &format!("Replicas.{i}"))))
        .collect();
    assert_eq!(lines, [6, 9, 9, 15]);
    assert_eq!(
        line(prop(g, "Replicas.2.Region")),
        12,
        "arguments keep their lines"
    );
}

#[test]
fn a_replica_resource_makes_its_table_global() {
    let l = load(
        r#"
provider "aws" {
  alias  = "us"
  region = "us-east-1"
}
variable "regions" {
  type = list(string)
}
resource "aws_dynamodb_table" "accounts" {
  name     = "accounts"
  hash_key = "id"
  point_in_time_recovery {
    enabled = false
  }
}
resource "aws_dynamodb_table_replica" "us" {
  provider               = aws.us
  global_table_arn       = aws_dynamodb_table.accounts.arn
  point_in_time_recovery = true
}
resource "aws_dynamodb_table" "unknown" {
  name     = "unknown"
  hash_key = "id"
  dynamic "replica" {
    for_each = var.regions
    content {
      region_name = replica.value
    }
  }
}
"#,
    );
    let kinds: Vec<&str> = l.resources.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::GlobalTable"],
        "the replica resource has no record of its own"
    );
    let g = resource(&l, "aws_dynamodb_table.accounts");
    assert_eq!(prop(g, "Replicas").as_list().map(<[Node]>::len), Some(2));
    assert!(!bool_of(prop(
        g,
        "Replicas.0.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled"
    )));
    let joined = prop(g, "Replicas.1");
    assert_eq!(line(joined), 16, "the replica resource's line");
    let pitr = prop(
        g,
        "Replicas.1.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
    );
    assert!(bool_of(pitr));
    assert_eq!(line(pitr), 19);
    // A dynamic block over a value known only after apply: the replicas are unknown.
    let u = resource(&l, "aws_dynamodb_table.unknown");
    assert!(prop(u, "Replicas").is_unknown());
}

#[test]
fn msk_and_kinesis_settings_keep_their_lines() {
    let l = load(
        r#"
resource "aws_msk_cluster" "events" {
  cluster_name = "events"
  broker_node_group_info {
    instance_type = "kafka.m7g.large"
    connectivity_info {
      public_access {
        type = "DISABLED"
      }
    }
  }
  encryption_info {
    encryption_in_transit {
      in_cluster = false
    }
  }
  logging_info {
    broker_logs {
      s3 {
        enabled = true
        bucket  = "logs"
      }
    }
  }
}
resource "aws_kinesis_stream" "clicks" {
  name       = "clicks"
  kms_key_id = "alias/aws/kinesis"
}
resource "aws_kinesis_stream" "plain" {
  name = "plain"
}
"#,
    );
    let msk = resource(&l, "aws_msk_cluster.events");
    let access = prop(
        msk,
        "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
    );
    assert_eq!(access.as_str(), Some("DISABLED"));
    assert_eq!(line(prop(msk, "BrokerNodeGroupInfo.ConnectivityInfo")), 6);
    assert_eq!(
        line(prop(msk, "EncryptionInfo.EncryptionInTransit.InCluster")),
        14
    );
    assert!(find(msk, "EncryptionInfo.EncryptionInTransit.ClientBroker").is_none());
    assert_eq!(line(prop(msk, "LoggingInfo.BrokerLogs.S3")), 19);
    assert!(find(msk, "LoggingInfo.BrokerLogs.CloudWatchLogs").is_none());

    let clicks = resource(&l, "aws_kinesis_stream.clicks");
    assert_eq!(
        line(prop(clicks, "StreamEncryption")),
        26,
        "the resource line"
    );
    assert!(find(clicks, "StreamEncryption.EncryptionType").is_none());
    assert_eq!(line(prop(clicks, "StreamEncryption.KeyId")), 28);
    let plain = resource(&l, "aws_kinesis_stream.plain");
    assert!(find(plain, "StreamEncryption").is_none());
}
