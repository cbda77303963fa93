FROM debian:12
WORKDIR /app
ENV APP_HOME=/opt/app
WORKDIR $APP_HOME
WORKDIR $HOME/src
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\\app
