FROM debian:12
# expect
ADD https://example.com/tool.tar.gz /tmp/
