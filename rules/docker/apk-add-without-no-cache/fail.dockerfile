FROM alpine:3.19
# expect
RUN apk add --update-cache python3
