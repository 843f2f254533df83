"""Guanmo's settings: everything that varies between machines comes from the environment.

GUANMO_DATABASE_URL  database URL (default: SQLite file var/guanmo.sqlite3 under the working dir)
GUANMO_SQLITE_BUSY_SECONDS  how long a SQLite writer waits for another's write (default 30)
GUANMO_TEXT_MAX_CHARS        longest free text a form takes, in characters (default 2000)
GUANMO_IMAGE_MAX_PIXELS      largest photo, in pixels, checked before decoding (default 60000000)
GUANMO_DEADLINE_HORIZON_DAYS furthest a deadline may lie ahead, in days (default 1096: 3 years)
GUANMO_DATE_PAST_DAYS        furthest back a recorded date (a visit, a meeting, a tour) may lie,
                             in days (default 366)
GUANMO_TRAVEL_MAX_MINUTES    longest leg a travel-time sheet may give, in minutes (default 1440)
GUANMO_INDICATOR_BEHIND_POINTS  points (个百分点) a target may lie behind its node (序时进度)
                             before the dashboard warns (default 5)
GUANMO_SECRET_KEY    secret key (a fixed development key when unset and GUANMO_DEBUG is on)
GUANMO_DEBUG         "1"/"true" turns on debug mode
GUANMO_ALLOWED_HOSTS comma-separated host names
GUANMO_TODAY         a fixed date (YYYY-MM-DD) to run as of, for the demo city; unset: today
GUANMO_HTTPS         "0" to serve plain HTTP without debug (default: on unless GUANMO_DEBUG):
                     HTTPS redirect, secure cookies, one year of HSTS, and trust in the
                     X-Forwarded-Proto header set by the TLS-terminating proxy in front
GUANMO_CACHE_DIR     a cache directory shared by several server processes (default: per process)
GUANMO_PUBLIC_API_RATE       requests per client address to the public API (default "60/min")
GUANMO_PUBLIC_CACHE_SECONDS  how long a city's public pages and data are cached (default 300)
GUANMO_MAX_REQUEST_MB        largest request body taken, files included (default 200; the proxy's
                             client_max_body_size says the same)
GUANMO_PHOTO_MAX_MB          largest photo file (default 8; 20 of them fit in one request)
GUANMO_SHEET_MAX_UPLOAD_MB   largest spreadsheet file read (default 20)
GUANMO_SHEET_MAX_UNPACKED_MB largest unpacked content of a zipped spreadsheet (default 200)
GUANMO_SHEET_MAX_INFLATE_RATIO  most a zipped part may grow when unpacked (default 100)
GUANMO_SHEET_MAX_ROWS        most rows a sheet may have (default 200000)
GUANMO_SHEET_MAX_COLUMNS     most columns a sheet may have (default 500)
GUANMO_SHEET_MAX_CELL_CHARS  longest text a cell may hold (default 32767, Excel's own limit)
GUANMO_IMPORT_SYNC_MAX_ROWS  most rows a sheet confirmed on a page is loaded in the request;
                             a larger one is loaded in the background (default 2000)
GUANMO_TRUSTED_PROXIES  addresses/networks of the proxies whose X-Forwarded-For is believed
GUANMO_LOG_FILE      a file to write the log to as well as standard output
GUANMO_LOG_LEVEL     INFO (default), WARNING, DEBUG …
"""

import os
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from guanmo.operations.client import parse_networks
from guanmo.operations.secret import DEVELOPMENT_KEY, installation_key

BASE_DIR = Path(__file__).resolve().parent


def _env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_flag("GUANMO_DEBUG")

# Unset, debug mode uses a fixed development key; anything else uses a random key made once for
# this installation (var/secret_key, readable by its owner only), never a key known to the world.
SECRET_KEY = os.environ.get("GUANMO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and _env_flag("GUANMO_PRODUCTION"):
        raise ImproperlyConfigured("生产环境必须设置 GUANMO_SECRET_KEY")
    SECRET_KEY = DEVELOPMENT_KEY if DEBUG else installation_key(Path.cwd() / "var" / "secret_key")

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("GUANMO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "guanmo.accounts",
    "guanmo.regions",
    "guanmo.ledger",
    "guanmo.progress",
    "guanmo.reporting",
    "guanmo.indicators",
    "guanmo.assessment",
    "guanmo.observation",
    "guanmo.supervision",
    "guanmo.attraction",
    "guanmo.commissioners",
    "guanmo.disclosure",
    "guanmo.documents",
    "guanmo.operations",
    "guanmo.demo",
    "axes",
    "django_q",
    # Only for the public API's Swagger page to use its bundled files instead of a CDN.
    "ninja",
]

MIDDLEWARE = [
    "guanmo.operations.middleware.RequestIdMiddleware",
    "guanmo.operations.middleware.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves STATIC_ROOT (after `guanmo collectstatic`) without a separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "guanmo.operations.middleware.SecurityHeadersMiddleware",
    # Every page needs a signed-in user unless its view says otherwise (log-in, public pages).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "guanmo.accounts.middleware.ScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "guanmo.urls"
WSGI_APPLICATION = "guanmo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "guanmo.accounts.context_processors.scope",
            ],
        },
    },
]


# How long a SQLite connection waits for another's write to finish before giving up (seconds).
GUANMO_SQLITE_BUSY_SECONDS = float(os.environ.get("GUANMO_SQLITE_BUSY_SECONDS", "30"))


# How long a server process keeps its database connection between requests (seconds).
_CONNECTION_KEPT_SECONDS = 600


def _database_from_url(url: str | None) -> dict:
    """The default database: the URL's, or the SQLite file var/guanmo.sqlite3 under the
    working directory. SQLite is set up the same way whichever way it is named: WAL (pages
    read while someone writes), every transaction taking the write lock when it begins
    (BEGIN IMMEDIATE: a transaction that reads and then writes never fails half-way with
    "database is locked"), and a busy timeout for writers to queue instead of failing.
    Every database keeps its connection between requests (a new one costs a PostgreSQL server
    process, or SQLite's pragmas and schema read, per request), checked before it is reused
    so that a restarted PostgreSQL costs no request an error."""
    if url:
        database = dj_database_url.parse(url)
    else:
        sqlite_path = Path.cwd() / "var" / "guanmo.sqlite3"
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": sqlite_path}
    database.update(CONN_MAX_AGE=_CONNECTION_KEPT_SECONDS, CONN_HEALTH_CHECKS=True)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(
            {
                # init_command runs on every new connection.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": GUANMO_SQLITE_BUSY_SECONDS,
            }
        )
    return database


DATABASES = {"default": _database_from_url(os.environ.get("GUANMO_DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
# The interface is Chinese whatever the browser asks for (an English-language browser got Django's
# English labels, "Username"/"Password", through LocaleMiddleware).
LANGUAGES = [("zh-hans", "简体中文")]
# Date fields render as YYYY-MM-DD, the only value a browser's date input takes (guanmo/formats).
FORMAT_MODULE_PATH = ["guanmo.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path.cwd() / "var" / "static"
# Uploaded evidence (commissioners' photos): never served as plain files, only through views
# that check the viewer's scope.
MEDIA_ROOT = Path(os.environ.get("GUANMO_MEDIA_ROOT", Path.cwd() / "var" / "media"))
# Where `guanmo backup` writes its archives, and how many the scheduled backup keeps.
GUANMO_BACKUP_DIR = Path(os.environ.get("GUANMO_BACKUP_DIR", Path.cwd() / "var" / "backups"))
GUANMO_BACKUPS_KEPT = int(os.environ.get("GUANMO_BACKUPS_KEPT", "14"))

# Argon2 first: new passwords are hashed with it, older PBKDF2 hashes upgrade at log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Log-in throttling: five failures for one user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
# Behind the TLS proxy every request comes from the proxy's address: the lockout must count the
# real client, named by the proxies trusted here, or five wrong passwords would lock out everyone.
GUANMO_TRUSTED_PROXIES = parse_networks(os.environ.get("GUANMO_TRUSTED_PROXIES", ""))
AXES_CLIENT_IP_CALLABLE = "guanmo.operations.client.client_address"

# A working day's session, gone when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

HTTPS = _env_flag("GUANMO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Trusted only with HTTPS on: then the proxy in front terminates TLS and sets the header;
# served plain, a client could send it to pass for a secure request.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"  # each role on its own work (accounts.scope.Scope.landing)
LOGOUT_REDIRECT_URL = "login"

# Public disclosure: the open-data API's limit per client address (django-ninja's throttle;
# behind the TLS proxy the client is the address the proxy adds to X-Forwarded-For) and how
# long a city's public ledger is cached.
# The cache holds the public data and the API's request counts. Django's default lives in each
# process; with several (gunicorn workers) they must share one: a directory all of them use.
_CACHE_DIR = os.environ.get("GUANMO_CACHE_DIR", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": _CACHE_DIR,
    }
    if _CACHE_DIR
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
GUANMO_PUBLIC_API_RATE = os.environ.get("GUANMO_PUBLIC_API_RATE", "60/min")
GUANMO_PUBLIC_CACHE_SECONDS = int(os.environ.get("GUANMO_PUBLIC_CACHE_SECONDS", "300"))
NINJA_NUM_PROXIES = 1 if HTTPS else 0

# How long the route planner searches (seconds); the target is a good route in 10 s.
GUANMO_ROUTE_SECONDS = float(os.environ.get("GUANMO_ROUTE_SECONDS", "10"))

# Bounds on what people send (guanmo.bounds): free text, photos' size in pixels (checked from the
# header, before decoding), how far ahead a deadline may lie, a travel sheet's longest leg.
GUANMO_TEXT_MAX_CHARS = int(os.environ.get("GUANMO_TEXT_MAX_CHARS", "2000"))
GUANMO_IMAGE_MAX_PIXELS = int(os.environ.get("GUANMO_IMAGE_MAX_PIXELS", "60000000"))
GUANMO_DEADLINE_HORIZON_DAYS = int(os.environ.get("GUANMO_DEADLINE_HORIZON_DAYS", "1096"))
GUANMO_DATE_PAST_DAYS = int(os.environ.get("GUANMO_DATE_PAST_DAYS", "366"))
GUANMO_TRAVEL_MAX_MINUTES = int(os.environ.get("GUANMO_TRAVEL_MAX_MINUTES", "1440"))
GUANMO_INDICATOR_BEHIND_POINTS = Decimal(os.environ.get("GUANMO_INDICATOR_BEHIND_POINTS", "5"))

# The application's "today" (guanmo.clock.today): the real date unless fixed, as `make demo`
# does for a demo city that lives in December 2025.
GUANMO_TODAY = (
    date.fromisoformat(os.environ["GUANMO_TODAY"]) if os.environ.get("GUANMO_TODAY") else None
)

# Spreadsheet bounds (guanmo.sheets.formats), checked before a file is parsed: a zip bomb or a
# million-row sheet is refused at once with a message. The inflate ratio is Apache POI's
# default (ZipSecureFile's minimum inflate ratio 0.01): real sheets unpack 5-30 times.
GUANMO_SHEET_MAX_UPLOAD_MB = int(os.environ.get("GUANMO_SHEET_MAX_UPLOAD_MB", "20"))
# One bound on a request's whole body, files included (guanmo.operations.middleware answers 413
# above it, and deploy/nginx/guanmo.conf's client_max_body_size is the same): a sheet, or a
# visit's photos (up to 20 of GUANMO_PHOTO_MAX_MB each), fit inside it.
GUANMO_MAX_REQUEST_MB = int(os.environ.get("GUANMO_MAX_REQUEST_MB", "200"))
GUANMO_PHOTO_MAX_MB = int(os.environ.get("GUANMO_PHOTO_MAX_MB", "8"))
# The text part of a request (all but its files) is read into memory: Django's own bound on it,
# from the same setting but never more than 10 MB (a county's grid of 500 projects is ~1 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = min(GUANMO_MAX_REQUEST_MB, 10) * 1024 * 1024
# A county's report grid posts four fields a project; Django's default of 1000 fields would
# refuse the save of a county with more than 250 projects.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000
GUANMO_SHEET_MAX_UNPACKED_MB = int(os.environ.get("GUANMO_SHEET_MAX_UNPACKED_MB", "200"))
GUANMO_SHEET_MAX_INFLATE_RATIO = int(os.environ.get("GUANMO_SHEET_MAX_INFLATE_RATIO", "100"))
GUANMO_SHEET_MAX_ROWS = int(os.environ.get("GUANMO_SHEET_MAX_ROWS", "200000"))
GUANMO_SHEET_MAX_COLUMNS = int(os.environ.get("GUANMO_SHEET_MAX_COLUMNS", "500"))
GUANMO_SHEET_MAX_CELL_CHARS = int(os.environ.get("GUANMO_SHEET_MAX_CELL_CHARS", "32767"))
# A sheet confirmed on a page with more rows than this is loaded by the worker, on a progress
# bar (guanmo.sheets.held, operations.jobs); a smaller one at once, inside the request.
GUANMO_IMPORT_SYNC_MAX_ROWS = int(os.environ.get("GUANMO_IMPORT_SYNC_MAX_ROWS", "2000"))
# Logging: plain lines to standard output (the supervisor keeps them) and, if set, to a file;
# every line carries the request id that the 500 page shows, and every 500 its traceback.
_LOG_FILE = os.environ.get("GUANMO_LOG_FILE", "")
_LOG_HANDLERS = ["console", *(["file"] if _LOG_FILE else [])]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            # request_id is put on every record by guanmo.operations (a log record factory)
            "()": "logging.Formatter",
            "fmt": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
            "defaults": {"request_id": "-"},
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
        **(
            {
                "file": {
                    "class": "logging.handlers.WatchedFileHandler",
                    "filename": _LOG_FILE,
                    "formatter": "plain",
                    "encoding": "utf-8",
                }
            }
            if _LOG_FILE
            else {}
        ),
    },
    "root": {"handlers": _LOG_HANDLERS, "level": os.environ.get("GUANMO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request logger writes every 500 with its traceback; 4xx are warnings.
        "django.request": {"handlers": _LOG_HANDLERS, "level": "WARNING", "propagate": False},
        "django.server": {"handlers": _LOG_HANDLERS, "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},  # not a line per request about its own start-up
    },
}

# The worker (`guanmo qcluster`, django-q2): scheduled jobs and heavy work started from pages,
# queued in Guanmo's own database. With GUANMO_JOBS_SYNC (default: on in debug mode, as `make
# demo` runs no worker) a job runs at once in the process that starts it.
GUANMO_JOBS_SYNC = _env_flag("GUANMO_JOBS_SYNC", default=DEBUG)
Q_CLUSTER = {
    "name": "guanmo",
    "orm": "default",
    "workers": int(os.environ.get("GUANMO_WORKER_PROCESSES", "1")),
    "timeout": 1800,  # a job longer than 30 minutes is stopped
    "retry": 1900,
    "max_attempts": 1,  # a failed job is reported, not run again behind the user's back
    "poll": 2,  # seconds between looks at the queue: few writes on SQLite
    "save_limit": 1000,
    "catch_up": False,  # a daily job missed while the server was down runs once, not N times
    "sync": GUANMO_JOBS_SYNC,
    "label": "定时与后台任务",
}
