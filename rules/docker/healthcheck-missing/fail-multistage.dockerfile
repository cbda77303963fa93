FROM golang:1.22 AS build
HEALTHCHECK CMD true
RUN go build -o /out/app .
# expect
FROM alpine:3.19
COPY --from=build /out/app /app
