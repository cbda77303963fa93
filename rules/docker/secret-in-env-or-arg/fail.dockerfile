FROM node:20-alpine
# expect
ENV NODE_ENV=production DB_PASSWORD="s3cr3t-pa55"
