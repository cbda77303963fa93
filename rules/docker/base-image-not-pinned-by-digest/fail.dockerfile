# expect
FROM python:3.12-slim AS build
RUN pip wheel -w /wheels .
FROM build
