FROM debian:12
RUN apt-get update && apt-get install -y curl
RUN apt-get -qq install curl && apt-get install --yes git && apt-get install -qy jq
RUN apt-get --quiet --quiet install sl && apt-get -q -q install jq
