# expect
FROM node:20-alpine
COPY . /app
CMD ["node", "/app/index.js"]
