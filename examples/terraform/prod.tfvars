environment = "prod"
admin_cidrs = ["10.20.0.0/16", "0.0.0.0/0"]
