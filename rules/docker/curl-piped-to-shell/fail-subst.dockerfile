FROM debian:12
# expect
RUN sh -c "$(curl -fsSL https://example.com/install)"
