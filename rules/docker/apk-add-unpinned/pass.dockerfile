FROM alpine:3.19
RUN apk add --no-cache curl=8.5.0-r0 ca-certificates~20240226
RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20231014-r0
RUN apk update
