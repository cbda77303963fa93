FROM debian:12
# expect
RUN curl -fsSL https://example.com/install.sh | bash
