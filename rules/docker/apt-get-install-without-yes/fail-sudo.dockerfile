FROM debian:12
# expect
RUN ["sudo", "apt-get", "-q", "install", "apt-utils"]
