FROM debian:12
# expect
EXPOSE 3000 80 443 22
