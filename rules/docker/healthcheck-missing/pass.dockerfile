FROM node:20-alpine
COPY . /app
HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/ || exit 1
CMD ["node", "/app/index.js"]
