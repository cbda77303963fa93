FROM debian:12
# expect
RUN apt-get update && apt-get install -y curl
