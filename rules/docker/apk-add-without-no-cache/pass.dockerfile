FROM alpine:3.19
RUN apk add --no-cache python3
RUN apk add --update python3 && rm -rf /var/cache/apk/*
RUN apk --version
