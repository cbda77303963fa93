FROM debian:12
USER app
# expect
RUN sudo apt-get install -y curl
