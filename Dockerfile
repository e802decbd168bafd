# syntax=docker/dockerfile:1
# ticket-graph: `docker build -t ticket-graph .` then
# `docker run -p 4000:4000 -e KAPTURE_API_KEY=... -e KAPTURE_BASE_URL=... ticket-graph`.
# With no provider configured it refuses to start (NODE_ENV=production); `-e SANDBOX=true` serves
# the built-in simulators instead, for a try-out.
ARG NODE_VERSION=22

# Compiles TypeScript to dist/ with the dev dependencies.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# The production dependencies alone, with no install scripts (none is needed to run dist/).
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The image's unprivileged user; nothing here writes to disk.
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 and handles SIGTERM: it drains for up to SHUTDOWN_TIMEOUT_MS, then exits.
CMD ["node", "dist/main.js"]
