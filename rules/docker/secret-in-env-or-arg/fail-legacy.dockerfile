FROM alpine:3.19
# expect
ENV API_KEY 7f3a9c2e41b84d6f
