"""Meeting links: a Jitsi Meet room (no account needed), or a real Zoom meeting when Zoom is configured."""

from __future__ import annotations

import base64
import json
import re
import secrets
import string
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import StrList, make_tool
from tinyagent.tools.contacts import resolve_email
from tinyagent.tools.dates import describe, parse_when
from tinyagent.tools.paths import Workspace

JITSI_URL = "https://meet.jit.si"
ZOOM_OAUTH_URL = "https://zoom.us/oauth/token"
ZOOM_API_URL = "https://api.zoom.us/v2"


def jitsi_room(topic: str) -> str:
    """A hard-to-guess room name derived from the topic, e.g. 'ProjectReview-qhzkemxtfwbd': twelve random letters
    (56 bits), no digits, so a text carrying the link shows no run of digits a phone takes for a number."""
    words = re.findall(r"[A-Za-z0-9]+", topic)
    stem = "".join(w[:1].upper() + w[1:] for w in words)[:40] or "Meeting"
    return f"{stem}-{''.join(secrets.choice(string.ascii_lowercase) for _ in range(12))}"


def _post_json(url: str, headers: dict, body: dict | None) -> dict:
    data = json.dumps(body).encode() if body is not None else b""
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=20) as resp:
        return json.loads(resp.read().decode("utf-8"))


def zoom_meeting(ws: Workspace, topic: str, start: str, duration: int, invitees: list[str]) -> str:
    """Create a scheduled meeting with Zoom's server-to-server OAuth app; return its join URL."""
    cfg = ws.config
    basic = base64.b64encode(f"{cfg.zoom_client_id}:{cfg.zoom_client_secret}".encode()).decode()
    query = urllib.parse.urlencode({"grant_type": "account_credentials", "account_id": cfg.zoom_account_id})
    try:
        token = _post_json(f"{ZOOM_OAUTH_URL}?{query}", {"Authorization": f"Basic {basic}"}, None)
        body = {"topic": topic, "type": 2, "start_time": start, "duration": duration,
                "settings": {"meeting_invitees": [{"email": e} for e in invitees]}}
        meeting = _post_json(f"{ZOOM_API_URL}/users/me/meetings",
                             {"Authorization": f"Bearer {token['access_token']}"}, body)
        return meeting["join_url"]
    except (urllib.error.URLError, OSError, KeyError, ValueError) as exc:
        raise ToolException(f"Zoom could not create the meeting ({exc}); check the Zoom settings.") from exc


class MeetingArgs(BaseModel):
    topic: str = Field(description="Topic of the meeting.")
    start_time: str = Field(description="When it starts, in the person's own words.",
                            json_schema_extra={"x-role": "when"})
    duration: int = Field(default=60, description="Length in minutes.")
    meeting_invitees: StrList = Field(default=[], description="E-mail addresses or contact names.",
                                      json_schema_extra={"x-role": "people"})


def get_zoom_meeting_link(ws: Workspace, topic: str, start_time: str, duration: int = 60,
                          meeting_invitees: Sequence[str] = ()) -> str:
    """Create an online meeting and return its link.

    Uses Zoom when Zoom credentials are configured, otherwise a Jitsi Meet room (no account needed);
    the link is followed by the service and the time in brackets.
    """
    if not topic.strip():
        raise ToolException("The meeting topic is empty; give the meeting a topic.")
    if not 1 <= int(duration) <= 24 * 60:
        raise ToolException(f"duration {duration} is not a length in minutes between 1 and 1440.")
    start, timed = parse_when(start_time, "start_time")
    when = f"{describe(start, timed)}, {int(duration)} min"  # the link says which service and when
    if ws.config.zoom_configured:
        emails = [resolve_email(ws, who) for who in meeting_invitees if str(who).strip()]
        url = zoom_meeting(ws, topic.strip(), start.strftime("%Y-%m-%dT%H:%M:%S"), int(duration), emails)
        return f"{url} (Zoom meeting '{topic.strip()}', {when})"
    return f"{JITSI_URL}/{jitsi_room(topic)} (Jitsi Meet room '{topic.strip()}', {when}; no account needed)"


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, get_zoom_meeting_link, MeetingArgs)]
