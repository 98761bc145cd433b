"""The outlet registry (`data/outlets.csv`): one outlet under one name, whatever form names it.

"tass.com", "/TASS/", "TASS news agency" and "ITAR-TASS" are the same outlet; the registry
gives its canonical name, an id, its country and whether it is state-controlled media (with
the basis for that written in the file). Outlets the registry lacks keep the name given.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .config import load_settings


@dataclass(frozen=True)
class Outlet:
    """One registered outlet."""

    outlet_id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country_code: str | None
    is_state_media: bool


def outlet_key(name: str) -> str:
    """A name as the registry compares it: case, accents, slashes, 'the' and 'news agency' aside."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9/&+]+", " ", text).strip(" /")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\s+(?:news\s+agency|agency|newswire|wire\s+service)$", "", text)
    return re.sub(r"\s+", " ", text).strip()


def hostname(url: str | None) -> str | None:
    """The host of a URL without 'www.', 'm.' or 'amp.' (None when it has none)."""
    if not url:
        return None
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host.lower())


@dataclass(frozen=True)
class Registry:
    outlets: tuple[Outlet, ...]
    by_key: dict[str, Outlet]
    by_domain: dict[str, Outlet]

    def named(self, name: str | None) -> Outlet | None:
        """The outlet a name or alias stands for, or None."""
        return self.by_key.get(outlet_key(name)) if name else None

    def find_in(self, text: str | None) -> Outlet | None:
        """The outlet a free-text description names ("Reuters (wire copy on wtvbam.com)"):
        the whole text, then its part before a bracket or comma, then the longest registered
        name or alias standing in it as words."""
        if not text:
            return None
        for candidate in (text, re.split(r"[(\[,;]", text)[0]):
            hit = self.named(candidate)
            if hit:
                return hit
        key = f" {outlet_key(text)} "
        best = None
        for k, outlet in self.by_key.items():
            if len(k) >= 2 and f" {k} " in key and (best is None or len(k) > len(best[0])):
                best = (k, outlet)
        return best[1] if best else None

    def for_url(self, url: str | None) -> Outlet | None:
        """The outlet whose domain the URL is on (sub-domains included)."""
        host = hostname(url)
        while host and "." in host:
            if host in self.by_domain:
                return self.by_domain[host]
            host = host.split(".", 1)[1]
        return None


def load_registry(path: Path) -> Registry:
    outlets = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            outlets.append(
                Outlet(
                    outlet_id=row["outlet_id"].strip(),
                    name=row["name"].strip(),
                    aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                    domains=tuple(d.strip().lower() for d in row["domains"].split("|") if d.strip()),
                    country_code=row["country_code"].strip() or None,
                    is_state_media=row["is_state_media"].strip().lower() == "true",
                )
            )
    by_key: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for outlet in outlets:
        for name in (outlet.name, *outlet.aliases):
            by_key.setdefault(outlet_key(name), outlet)
        for domain in outlet.domains:
            by_domain.setdefault(domain, outlet)
    return Registry(tuple(outlets), by_key, by_domain)


@functools.lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> Registry:
    return load_registry(Path(path))


def registry() -> Registry:
    """The registry of the configured outlets file (re-read when the file changes)."""
    path = load_settings().outlets_file
    return _cached(str(path), Path(path).stat().st_mtime)
