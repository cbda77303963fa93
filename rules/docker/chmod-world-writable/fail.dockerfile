FROM debian:12
# expect
RUN mkdir -p /srv/data && chmod -R 777 /srv/data
