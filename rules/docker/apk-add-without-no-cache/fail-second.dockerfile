FROM alpine:3.19
# expect
RUN apk add --no-cache git && \
    apk add curl
