FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3 'requests>=2.32,<3'
RUN pip install --no-cache-dir -r requirements.txt
RUN pip install --no-cache-dir .
RUN pip install --no-cache-dir git+https://github.com/example/lib@v1.2.3
