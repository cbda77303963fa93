"""Words both corpus generators draw from (gen_cfn_corpus.py, gen_tf_corpus.py), so the two
corpora describe the same kind of estate. Changing a list changes both corpora."""

TEAMS = ["payments", "checkout", "search", "identity", "platform", "data", "ml", "growth",
         "billing", "catalog", "mobile", "ledger", "risk", "support", "infra", "media",
         "notify", "orders", "pricing", "shipping"]
APPS = ["api", "web", "worker", "ingest", "etl", "gateway", "auth", "reports", "events",
        "scheduler", "export", "sync", "indexer", "thumbnails", "webhooks", "admin", "cache",
        "feeds", "audit", "stream"]
INSTANCE_TYPES = ["t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge",
                  "c5.large", "c5.xlarge", "r5.large", "m6i.large", "c6i.xlarge"]
DB_CLASSES = ["db.t3.micro", "db.t3.medium", "db.r5.large", "db.r5.xlarge", "db.m5.large", "db.r6g.large"]
RUNTIMES = ["python3.11", "python3.12", "python3.10", "nodejs18.x", "nodejs20.x"]
PORTS = [(80, "HTTP"), (443, "HTTPS"), (8080, "app"), (8443, "app TLS"), (5432, "Postgres"),
         (3306, "MySQL"), (6379, "Redis"), (9200, "Elasticsearch"), (2049, "NFS"), (25, "SMTP"),
         (53, "DNS"), (123, "NTP"), (9090, "Prometheus"), (3000, "Grafana"), (5000, "registry"),
         (27017, "MongoDB"), (11211, "Memcached"), (9092, "Kafka"), (8125, "StatsD")]
WORDS = ["order", "invoice", "customer", "session", "event", "payment", "item", "account", "token",
         "report", "batch", "upload", "image", "profile", "message", "device", "audit", "price"]
