FROM golang:1.22 AS build
USER 1000
RUN go build -o /out/app .

# The builder's USER does not carry over to an image built FROM another base.
# expect
FROM alpine:3.19
COPY --from=build /out/app /app
CMD ["/app"]
