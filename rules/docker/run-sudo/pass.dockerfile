FROM debian:12
RUN apt-get install -y sudo-ldap-docs && echo sudo
RUN ["echo", "no sudo here"]
