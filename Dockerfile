# One image recipe for every service: `docker build --build-arg SERVICE=municipality .`
# Build stage installs the workspace once; the runtime stage carries only what runs.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY infra/kafka-local/package.json infra/kafka-local/
COPY libs libs
COPY services services
COPY tests/package.json tests/
# npm install, not npm ci: the lock omits other platforms' optional packages (see scripts/bootstrap.mjs).
RUN npm install --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=deps /app /app
COPY contracts contracts
COPY tsconfig.base.json tsconfig.json ./
USER node
CMD ["sh", "-c", "node -r @swc-node/register services/${SERVICE}/src/main.ts"]
