FROM golang:1.22 AS build
RUN go build ./...
# expect
FROM registry.example.com:5000/team/runtime:latest
COPY --from=build /go/bin/app /app
