FROM golang:1.22 AS build
RUN go build -o /out/app .
FROM alpine:3.19 AS final
COPY --from=build /out/app /app
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
COPY --from=0 /out/app /app2
