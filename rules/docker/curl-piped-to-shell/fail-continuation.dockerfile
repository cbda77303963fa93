FROM debian:12
# expect
RUN apt-get update \
    # fetch the installer
    && wget -qO- https://example.com/get \
       | sudo sh -s -- --yes
