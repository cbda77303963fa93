FROM python:3.12-slim
# expect
RUN pip install flask==3.0.3
