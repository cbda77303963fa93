FROM debian:12
RUN --security=sandbox make
RUN --mount=type=cache,target=/root/.cache make
