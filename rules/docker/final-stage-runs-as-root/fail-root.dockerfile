FROM alpine:3.19
RUN adduser -D app
USER app
RUN apk add --no-cache curl
# expect
USER 0:0
CMD ["sh"]
