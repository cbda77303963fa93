FROM debian:12
WORKDIR /srv
# expect
WORKDIR app
