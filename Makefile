# Guanmo: `make demo` serves the demo city, `make test` runs the whole suite on SQLite and PostgreSQL.
PYTHON ?= python3
VENV := .venv
# bash for `set -o pipefail` (a test run's status through its line marker)
SHELL := /bin/bash
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
GUANMO := $(BIN)/guanmo
DEMO_TODAY := 2025-12-15

.PHONY: demo test test-sqlite test-postgres bench load lint system-packages clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# PostgreSQL's server binaries, Chromium for the browser tests, nginx and systemd to check the
# deployment files, LibreOffice with free CJK fonts for documents as PDF and poppler to check
# their pages (Debian; skipped where present).
system-packages:
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		echo "安装 PostgreSQL 服务器程序……"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	fi
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		echo "安装 Chromium 和中文字体（浏览器测试用）……"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi
	@if ! command -v nginx >/dev/null 2>&1 || ! command -v systemd-analyze >/dev/null 2>&1; then \
		echo "安装 nginx 和 systemd（检查部署文件用）……"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light systemd openssl; \
	fi
	@if ! command -v soffice >/dev/null 2>&1 || ! ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 || ! fc-list | grep -q "AR PL UKai"; then \
		echo "安装 LibreOffice（文字、表格）、poppler 和楷体替代字体（公文 PDF、.xls/.ods 转换及其测试用）……"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-arphic-ukai fonts-arphic-uming fonts-liberation; \
	fi

demo: $(STAMP)
	$(GUANMO) migrate --noinput -v0
	$(GUANMO) demo
	# The demo city lives in December 2025: its deadlines and escalations are as of that day.
	GUANMO_DEBUG=1 GUANMO_TODAY=$(DEMO_TODAY) $(GUANMO) runserver 127.0.0.1:8000

# The two databases at once (one process a core), each output line marked with its database as
# it comes (sed writes whole lines, so the two runs' lines never mix within a line); the target
# fails when either run fails.
test: $(STAMP) system-packages
	$(MAKE) --no-print-directory -j2 test-sqlite test-postgres

test-sqlite: $(STAMP) system-packages
	set -o pipefail; GUANMO_TEST_DATABASE=sqlite $(BIN)/python -m pytest 2>&1 | sed -u 's/^/[SQLite] /'

test-postgres: $(STAMP) system-packages
	set -o pipefail; GUANMO_TEST_DATABASE=postgres $(BIN)/python -m pytest 2>&1 | sed -u 's/^/[PostgreSQL] /'

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Load on a real `guanmo serve`, loopback only, two minutes a scenario (README: Load).
load: $(STAMP) system-packages
	$(BIN)/python bench/load.py --with-import

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) var bench/out
