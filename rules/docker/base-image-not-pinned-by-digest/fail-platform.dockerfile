ARG VERSION=3.19
# expect
FROM --platform=linux/amd64 alpine:${VERSION}
