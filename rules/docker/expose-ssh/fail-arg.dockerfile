FROM debian:12
ARG SSH_PORT=22
# expect
EXPOSE ${SSH_PORT}/tcp
