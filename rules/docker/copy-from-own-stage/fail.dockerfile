FROM golang:1.22 AS build
RUN go build -o /out/app .
FROM alpine:3.19 AS dep
# expect
COPY --from=dep /out/app /app
