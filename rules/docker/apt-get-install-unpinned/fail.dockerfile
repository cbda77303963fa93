FROM debian:12
# expect
RUN apt-get update && apt-get install -y \
    curl=7.88.1-10+deb12u5 \
    git
