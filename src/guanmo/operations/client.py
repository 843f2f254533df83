"""Who the client is when Guanmo stands behind a proxy: one rule for the log-in lockout and logs.

`GUANMO_TRUSTED_PROXIES` lists the proxies' addresses or networks (e.g. "127.0.0.1,10.0.0.0/8").
Only a request that comes from one of them has its X-Forwarded-For header believed, read from
the right, skipping the trusted proxies themselves (the left-most entries are whatever the client
sent and prove nothing). Without the setting the client is the connection's own address.
"""

import ipaddress
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """ "127.0.0.1, 10.0.0.0/8" → networks; raises ValueError naming a bad entry."""
    networks = []
    for entry in (part.strip() for part in text.split(",")):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError as error:
            raise ValueError(f"GUANMO_TRUSTED_PROXIES 中的「{entry}」不是地址或网段") from error
    return tuple(networks)


def _is_trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: HttpRequest) -> str:
    """The client's address: the connection's, or the first untrusted hop a trusted proxy named."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies: Sequence[Network] = settings.GUANMO_TRUSTED_PROXIES
    if not proxies or not _is_trusted(remote, proxies):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _is_trusted(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a garbled header: fall back on the proxy, never on the text
    return remote
