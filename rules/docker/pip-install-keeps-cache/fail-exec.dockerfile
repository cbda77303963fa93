FROM python:3.12-slim
# expect
RUN ["python3", "-m", "pip", "install", "requests==2.32.3"]
