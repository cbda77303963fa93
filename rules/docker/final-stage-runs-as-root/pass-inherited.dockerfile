FROM node:20-alpine AS base
USER node

FROM base AS final
COPY --chown=node:node . /app
CMD ["node", "/app/index.js"]
