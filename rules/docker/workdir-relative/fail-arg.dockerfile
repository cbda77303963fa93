FROM debian:12
ARG DIR=build
# expect
WORKDIR ${DIR}/out
