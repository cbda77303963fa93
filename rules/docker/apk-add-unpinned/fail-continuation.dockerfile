FROM alpine:3.19
# expect
RUN apk add --no-cache curl=8.5.0-r0 \
    # and the TLS roots
    ca-certificates
