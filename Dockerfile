# syntax=docker/dockerfile:1
# GraphiQL's browser files: the pinned npm packages of ide/, fetched by their lock file.
FROM node:20-slim AS ide
WORKDIR /ide
COPY ide/package.json ide/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

# Build stage: the project and its runtime dependencies in a virtual environment. No
# embedded PostgreSQL (the `embedded` extra) and no dev tools: the image uses DATABASE_URL.
FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY remotegpu ./remotegpu
COPY --from=ide /ide/node_modules ./ide/node_modules
# Checks the files against their pinned hashes and copies them into the package (the wheel
# ships them), so GraphiQL works without internet.
RUN python -m remotegpu.graphiql.vendor ide/node_modules \
    && pip install --no-cache-dir .

# Runtime stage: the virtual environment only, run by an unprivileged user.
FROM python:3.11-slim AS runtime
RUN groupadd --system --gid 10001 remotegpu \
    && useradd --system --uid 10001 --gid remotegpu --home /app remotegpu
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    REMOTEGPU_HOST=0.0.0.0 \
    REMOTEGPU_PORT=8000 \
    REMOTEGPU_ENVIRONMENT=production
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('REMOTEGPU_PORT', '8000'); sys.exit(urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=2).status != 200)"]
# DATABASE_URL and REMOTEGPU_JWT_SECRET must be given (docker-compose.yml shows how).
CMD ["sh", "-c", "remotegpu migrate && exec remotegpu serve"]
