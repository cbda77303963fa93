FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 git=1:2.39.2-1.1
RUN apt-get install -y ./local-tool_1.0_amd64.deb
RUN apt-get update
