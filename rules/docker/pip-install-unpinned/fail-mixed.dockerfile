FROM python:3.12-slim
# expect
RUN pip3 install --no-cache-dir requests==2.32.3 && pip3 install --no-cache-dir numpy
