# syntax=docker/dockerfile:1-labs
FROM debian:12
# expect
RUN --security=insecure mount -t tmpfs none /mnt
