# syntax=docker/dockerfile:1
# Build stage: a wheel of the project and its dependencies, without build tools in the final image.
FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY pyproject.toml README.md ./
COPY remotegpu ./remotegpu
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir .

# Runtime stage: the virtual environment only, run by an unprivileged user.
FROM python:3.11-slim AS runtime
RUN groupadd --system remotegpu && useradd --system --gid remotegpu --home /app remotegpu
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    REMOTEGPU_HOST=0.0.0.0 \
    REMOTEGPU_PORT=8000 \
    REMOTEGPU_ENVIRONMENT=production
WORKDIR /app
USER remotegpu
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
# DATABASE_URL must be given: the embedded server is for development only.
CMD ["sh", "-c", "remotegpu migrate && exec remotegpu serve"]
