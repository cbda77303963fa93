FROM debian:12
RUN apt-get update && apt-get install -y curl
RUN apt-get -qq install curl && apt-get install --yes git && apt-get install -qy jq
