# syntax=docker/dockerfile:1
# gansu-bot as a container. The steps are the ones tests/build/production.test.ts runs on every CI run
# (install, `npm run build`, `npm prune --omit=dev`, `node dist/adapters/start.js`); no Docker daemon
# exists on the CI machines, so this image itself is not built there.

# ---- build: every dependency, the compiler, the native module ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary can be fetched.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- run: plain node, production dependencies, the knowledge; no compiler, no tsx, not root ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=9464 \
    DATA_DIR=/data
WORKDIR /app
# package.json also marks the project folder: the bot finds knowledge/ (and an optional .env) beside it.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
# The inbox database lives in a volume the unprivileged `node` user (uid 1000, from the base image) owns.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464
# Alive = /healthz answers; orchestrators that route traffic should also probe /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HTTP_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, not npm: SIGTERM reaches the bot, which finishes replies in flight and exits 0.
CMD ["node", "dist/adapters/start.js"]
