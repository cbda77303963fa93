FROM debian:12
ADD rootfs.tar.xz /
ADD https://example.com/tool.tgz /tmp/
COPY app.jar /app.jar
ARG SRC
ADD ${SRC} /x
