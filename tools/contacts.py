"""Contacts from the workspace's contacts.vcf (vCard), with fuzzy name matching."""

from __future__ import annotations

import difflib
import re
import threading
import unicodedata
from dataclasses import dataclass
from email.utils import parseaddr

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import make_tool
from tinyagent.tools.paths import Workspace

CONTACTS_FILE = "contacts.vcf"
EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
PHONE_RE = re.compile(r"^\+?[\d\s().\-/]{3,}$")


@dataclass(frozen=True)
class Contact:
    name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w@.+]+", " ", text).split())


def _preferred(prop_list, prefer: tuple[str, ...]) -> list[str]:
    """Property values, the ones whose TYPE is in ``prefer`` first."""
    def rank(prop):
        types = {t.lower() for v in prop.params.get("TYPE", []) for t in v.split(",")}
        return 0 if types & set(prefer) else 1
    return [str(p.value).strip() for p in sorted(prop_list, key=rank) if str(p.value).strip()]


_cache: dict[str, tuple[tuple[int, int], list[Contact]]] = {}
_cache_lock = threading.Lock()


def load_contacts(ws: Workspace) -> list[Contact]:
    """All contacts of the workspace (parsed once per change of the file)."""
    import vobject

    path = ws.root / CONTACTS_FILE
    if not path.exists():
        raise ToolException(f"There is no {CONTACTS_FILE} in the workspace, so no contacts are known.")
    st = path.stat()
    stamp = (st.st_mtime_ns, st.st_size)
    with _cache_lock:
        cached = _cache.get(str(path))
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            cards = list(vobject.readComponents(path.read_text(encoding="utf-8", errors="replace")))
        except Exception as exc:  # vobject raises many kinds of parse errors
            raise ToolException(f"{CONTACTS_FILE} could not be read as vCard: {exc}") from exc
        contacts = []
        for card in cards:
            c = card.contents
            name = str(c["fn"][0].value).strip() if "fn" in c else ""
            if not name and "n" in c:
                n = c["n"][0].value
                name = " ".join(p for p in (n.prefix, n.given, n.additional, n.family) if p).strip()
            if not name:
                continue
            nicks = tuple(str(p.value).strip() for p in c.get("nickname", []) if str(p.value).strip())
            contacts.append(Contact(
                name=name,
                emails=tuple(_preferred(c.get("email", []), ("pref", "internet"))),
                phones=tuple(_preferred(c.get("tel", []), ("cell", "mobile", "pref", "iphone"))),
                nicknames=nicks))
        _cache[str(path)] = (stamp, contacts)
        return contacts


def _names(contact: Contact) -> list[str]:
    return [_norm(contact.name)] + [_norm(n) for n in contact.nicknames]


def _listing(contacts: list[Contact], limit: int = 6) -> str:
    names = [c.name for c in contacts[:limit]]
    more = f" and {len(contacts) - limit} more" if len(contacts) > limit else ""
    return ", ".join(names) + more


def find_contact(ws: Workspace, query: str) -> Contact:
    """The one contact ``query`` names exactly, by nickname or by a unique word prefix; else an error
    naming the candidates (never the nearest other person)."""
    contacts = load_contacts(ws)
    q = _norm(query)
    if not q:
        raise ToolException("The contact name is empty; give a person's name, e.g. 'Sarah Lee'.")
    if not contacts:
        raise ToolException(f"{CONTACTS_FILE} holds no contacts, so '{query}' cannot be found.")

    exact = [c for c in contacts if q in _names(c)]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise ToolException(f"'{query}' is ambiguous: {_listing(exact)} share that name.")
    # "Mrs Elena Rossi", "Dr. Okafor": a courtesy title before the name is no part of it
    titled = re.match(r"(?:mr|mrs|ms|mx|miss|dr|prof|mister|missus)\.?\s+(?=\S)", q)
    if titled:
        try:
            return find_contact(ws, q[titled.end():])
        except ToolException as exc:
            raise ToolException(str(exc).replace(f"'{q[titled.end():]}'", f"'{query}'")) from None

    tokens = q.split()
    def abbreviates(t: str, w: str) -> bool:  # "S" or "S." for Sarah, "Chris" for Christopher; not "Sara"
        t = t.rstrip(".")
        return t == w or (len(t) == 1 and w.startswith(t)) or (len(t) >= 3 and w.startswith(t) and len(w) - len(t) >= 3)

    prefix = [c for c in contacts
              if any(all(any(abbreviates(t, w) for w in n.split()) for t in tokens) for n in _names(c))]
    if len(prefix) == 1:
        return prefix[0]
    if len(prefix) > 1:
        raise ToolException(
            f"'{query}' is ambiguous: it matches {_listing(prefix)}. Use the full name.")

    # A possessive typed without its apostrophe ("omars phone number"): the name without the "s", when
    # that is exactly one contact's name or one word of it
    if q.endswith("s") and len(q) > 3:
        bare = q[:-1]
        owners = [c for c in contacts if bare in _names(c) or any(bare in n.split() for n in _names(c))]
        if len(owners) == 1:
            return owners[0]
    # Never the nearest other name: a near miss ("Anna" for "Nina") is an error that names it.
    close = difflib.get_close_matches(q, [n for c in contacts for n in _names(c)], n=3, cutoff=0.6)
    near = [c for c in contacts if set(_names(c)) & set(close)]
    hint = (f" Did you mean {_listing(near)}? Use that exact name if so." if near
            else f" Contacts include: {_listing(contacts)}.")
    raise ToolException(f"No contact named '{query}' in {CONTACTS_FILE}.{hint}")


def resolve_address(ws: Workspace, who: str) -> tuple[str, str]:
    """(display name, address) for a recipient written as an address, 'Name <address>' or a name."""
    who = (who or "").strip()
    name, addr = parseaddr(who)
    if addr and EMAIL_RE.match(addr):
        return name, addr
    contact = find_contact(ws, who)
    if not contact.emails:
        raise ToolException(f"{contact.name} has no e-mail address in {CONTACTS_FILE}.")
    return contact.name, contact.emails[0]


def resolve_email(ws: Workspace, who: str) -> str:
    """An e-mail address for a recipient written as an address, 'Name <address>' or a contact name."""
    return resolve_address(ws, who)[1]


def resolve_phone(ws: Workspace, who: str) -> str:
    """A phone number for a recipient written as a number or a contact name."""
    who = (who or "").strip()
    if PHONE_RE.match(who) and sum(ch.isdigit() for ch in who) >= 3:
        return who
    contact = find_contact(ws, who)
    if not contact.phones:
        raise ToolException(f"{contact.name} has no phone number in {CONTACTS_FILE}.")
    return contact.phones[0]


class NameArgs(BaseModel):
    name: str = Field(description="Name of the person, e.g. 'Sarah Lee'.", json_schema_extra={"x-role": "person"})


def get_phone_number(ws: Workspace, name: str) -> str:
    """Get the phone number of a contact by name.

    Returns the number as a string; an unknown or ambiguous name is an error naming the candidates.
    """
    return resolve_phone(ws, name)


def get_email_address(ws: Workspace, name: str) -> str:
    """Get the email address of a contact by name.

    Returns the address as a string; an unknown or ambiguous name is an error naming the candidates.
    """
    return resolve_email(ws, name)


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, get_phone_number, NameArgs), make_tool(ws, get_email_address, NameArgs)]
