FROM debian:12
ARG TOOL_URL=https://example.com/tool.tar.gz
# expect
ADD --chown=app \
    ${TOOL_URL} /opt/tool/
