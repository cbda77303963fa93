FROM ubuntu:22.04 AS test
RUN echo hello
FROM test AS build
FROM build
FROM scratch
FROM registry.example.com:5000/team/runtime@sha256:9a3cbd0c6a46e1b3f1c4c6e2f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0
