FROM debian:12
# expect
RUN chmod a+rwx /entrypoint.sh
