FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3
RUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3
RUN pip --version
