# hoso: one image for the web app, the Celery workers and the migration job (docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OMP_THREAD_LIMIT=1 \
    HOSO_DATA_DIR=/srv/hoso/data

# Runtime tools: the Makefile's APT_PACKAGES without python3-venv and postgresql (those serve the tests).
# tesseract-ocr-vie is the Vietnamese model every scanned page is read with; the build fails without it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-vie poppler-utils qpdf \
        fonts-liberation2 fonts-dejavu-core fonts-freefont-ttf \
    && rm -rf /var/lib/apt/lists/* \
    && tesseract --list-langs | grep -qx vie

# A fixed, unprivileged uid/gid, so volume ownership is predictable across rebuilds.
RUN groupadd --system --gid 10001 hoso \
    && useradd --system --uid 10001 --gid hoso --home-dir /srv/hoso --create-home \
        --shell /usr/sbin/nologin hoso \
    && install -d -o hoso -g hoso /srv/hoso/data

WORKDIR /srv/hoso/app
# Dependencies first (this layer stays cached while only the code changes), then the project itself.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt
COPY . .
RUN pip install --no-deps . && hoso --help > /dev/null

USER hoso
WORKDIR /srv/hoso
EXPOSE 8000
CMD ["hoso", "serve", "--host", "0.0.0.0", "--port", "8000"]
