FROM fedora:40
# expect
RUN set -uex && \
    dnf install -y nginx && \
    dnf makecache
