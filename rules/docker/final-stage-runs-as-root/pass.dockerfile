FROM python:3.12-slim
RUN useradd -m app
USER app
CMD ["python", "app.py"]
