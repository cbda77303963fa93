FROM python:3.12-slim
# expect
RUN pip install --no-cache-dir flask
