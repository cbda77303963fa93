FROM debian:12
# expect
RUN <<EOF
apt-get update
apt-get -q install curl
EOF
