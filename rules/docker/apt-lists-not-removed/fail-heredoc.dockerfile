FROM debian:12
# expect
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
