FROM debian:12
RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c i.sum && sh /tmp/i.sh
RUN curl -s https://example.com/data.json | jq .name
