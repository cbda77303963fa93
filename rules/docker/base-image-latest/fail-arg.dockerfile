ARG BASE_TAG=latest
# expect
FROM node:${BASE_TAG}
