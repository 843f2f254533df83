"""Running Guanmo in production: the server, health, request ids, security headers, backups."""
