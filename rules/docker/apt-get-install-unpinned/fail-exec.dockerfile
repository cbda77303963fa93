FROM debian:12
# expect
RUN ["apt-get", "install", "-y", "python3"]
