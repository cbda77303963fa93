FROM debian:12
ARG RUN_AS=root
# expect
USER ${RUN_AS}
