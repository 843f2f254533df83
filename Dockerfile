# Guanmo on Debian's own Python: no downloads beyond Debian's and PyPI's package registries.
FROM debian:bookworm-slim

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        python3 python3-venv python3-pip postgresql-client fonts-noto-cjk \
        libreoffice-writer-nogui \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/guanmo
COPY requirements.txt pyproject.toml README.md ./
RUN python3 -m venv .venv && .venv/bin/pip install --no-cache-dir -r requirements.txt
COPY src ./src
RUN .venv/bin/pip install --no-cache-dir --no-deps . \
    && useradd --system --home-dir /var/lib/guanmo --create-home guanmo \
    && mkdir -p /var/log/guanmo && chown guanmo:guanmo /var/log/guanmo

USER guanmo
WORKDIR /var/lib/guanmo
ENV PATH=/opt/guanmo/.venv/bin:$PATH
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python3 -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["sh", "-c", "guanmo migrate --noinput && exec guanmo serve --bind 0.0.0.0:8000"]
