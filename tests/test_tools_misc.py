"""SMS outbox, OpenStreetMap URLs, meeting links (Jitsi; Zoom against a local fake API)."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from langchain_core.tools import ToolException

import tinyagent.tools.meetings as meetings


def test_sms_is_queued_honestly(tools_workspace, make_tools):
    out = make_tools()["send_sms"].invoke({"recipients": ["Sarah Lee", "+49 30 1234567"], "message": "Running late"})
    assert "queued" in out and "no SMS carrier" in out
    (line,) = (tools_workspace / "SMS" / "outbox.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert record["to"] == ["+1-555-0101", "+49 30 1234567"] and record["message"] == "Running late"
    assert record["status"] == "queued"


@pytest.mark.parametrize("args, message", [
    ({"recipients": ["Tom Becker"], "message": "hi"}, "no phone number"),
    ({"recipients": [], "message": "hi"}, "at least one recipient"),
    ({"recipients": ["+1 555 0101"], "message": " "}, "empty"),
])
def test_sms_errors(make_tools, args, message):
    with pytest.raises(ToolException, match=message):
        make_tools()["send_sms"].invoke(args)


def test_maps_open_location(make_tools):
    url = make_tools()["maps_open_location"].invoke({"location": "Brandenburger Tor, Berlin"})
    assert url == "https://www.openstreetmap.org/search?query=Brandenburger+Tor%2C+Berlin"


@pytest.mark.parametrize("transport, engine", [
    ("d", "fossgis_osrm_car"), ("driving", "fossgis_osrm_car"), ("car", "fossgis_osrm_car"),
    ("w", "fossgis_osrm_foot"), ("Walking", "fossgis_osrm_foot"),
    ("bike", "fossgis_osrm_bike"), ("cycling", "fossgis_osrm_bike"),
    ("r", "fossgis_osrm_foot"), ("public transport", "fossgis_osrm_foot"),
])
def test_maps_directions_modes(make_tools, transport, engine):
    url = make_tools()["maps_show_directions"].invoke(
        {"start_location": "Alexanderplatz", "end_location": "Potsdamer Platz", "transport": transport})
    parsed = urlparse(url)
    assert parsed.netloc == "www.openstreetmap.org" and parsed.path == "/directions"
    assert parse_qs(parsed.query) == {"engine": [engine], "from": ["Alexanderplatz"], "to": ["Potsdamer Platz"]}
    assert (parsed.fragment == "layers=T") == (transport in ("r", "public transport"))


def test_maps_directions_errors_and_current_location(make_tools):
    tool = make_tools()["maps_show_directions"]
    assert "from=" not in tool.invoke({"end_location": "Hamburg"})
    with pytest.raises(ToolException, match="Unknown transport 'hovercraft'"):
        tool.invoke({"end_location": "Hamburg", "transport": "hovercraft"})
    with pytest.raises(ToolException, match="end_location"):
        tool.invoke({})
    with pytest.raises(ToolException, match="empty"):
        make_tools()["maps_open_location"].invoke({"location": ""})


def test_browser_opens_only_when_enabled(make_tools, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url) or True)
    make_tools()["maps_open_location"].invoke({"location": "Paris"})
    assert opened == []
    url = make_tools(open_browser=True)["maps_open_location"].invoke({"location": "Paris"})
    assert opened == [url]


def test_meeting_link_is_a_jitsi_room_without_zoom(make_tools):
    tool = make_tools()["get_zoom_meeting_link"]
    a = tool.invoke({"topic": "Project review", "start_time": "2026-11-27 15:00:00"})
    b = tool.invoke({"topic": "Project review", "start_time": "2026-11-27 15:00:00"})
    assert a.startswith("https://meet.jit.si/ProjectReview-") and a != b
    # the room's random part is letters: a text carrying the link has no digits a phone reads as a number
    assert re.fullmatch(r"https://meet\.jit\.si/ProjectReview-[a-z]{12}", a.split(" ")[0])
    assert a.endswith(" (Jitsi Meet room 'Project review', Friday 27 November 2026, 15:00, 60 min; no account needed)")
    assert "zoom" not in a.lower()
    with pytest.raises(ToolException, match="YYYY-MM-DD"):
        tool.invoke({"topic": "x", "start_time": "later"})
    with pytest.raises(ToolException, match="duration"):
        tool.invoke({"topic": "x", "start_time": "2026-11-27 15:00:00", "duration": 0})


def test_zoom_meeting_when_configured(make_tools, monkeypatch):
    seen = []

    class FakeZoom(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append((self.path, self.headers.get("Authorization"), body))
            if self.path.startswith("/oauth/token"):
                reply = {"access_token": "tok123"}
            else:
                reply = {"join_url": "https://zoom.example/j/123456789"}
            data = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), FakeZoom)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setattr(meetings, "ZOOM_OAUTH_URL", f"{base}/oauth/token")
    monkeypatch.setattr(meetings, "ZOOM_API_URL", f"{base}/v2")
    for var in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(var, "127.0.0.1,localhost")
    try:
        url = make_tools(zoom_account_id="acc", zoom_client_id="id", zoom_client_secret="secret")[
            "get_zoom_meeting_link"].invoke({"topic": "Sync", "start_time": "2026-11-27 15:00:00",
                                             "duration": 30, "meeting_invitees": ["Sarah Lee"]})
    finally:
        server.shutdown()
    # the link, then the service and the time it is at (issue 32: the email that carries it says so)
    assert url == "https://zoom.example/j/123456789 (Zoom meeting 'Sync', Friday 27 November 2026, 15:00, 30 min)"
    (token_path, basic, _), (meeting_path, bearer, body) = seen
    assert "account_id=acc" in token_path and basic.startswith("Basic ")
    assert meeting_path == "/v2/users/me/meetings" and bearer == "Bearer tok123"
    sent = json.loads(body)
    assert sent["topic"] == "Sync" and sent["duration"] == 30 and sent["start_time"] == "2026-11-27T15:00:00"
    assert sent["settings"]["meeting_invitees"] == [{"email": "sarah.lee@example.com"}]


def test_an_email_that_calls_a_jitsi_link_zoom_names_jitsi(tools_workspace, make_tools):
    import mailbox

    tools = make_tools()
    link = tools["get_zoom_meeting_link"].invoke({"topic": "Sync", "start_time": "2026-11-27 15:00:00"})
    tools["compose_new_email"].invoke({"recipients": ["sarah.lee@example.com"],
                                       "context": f"Join the Zoom meeting on Sync: {link}"})
    box = mailbox.Maildir(tools_workspace / "Mail" / "drafts", create=False)
    (msg,) = [box.get_message(k) for k in box.keys()]
    body = msg.get_payload(decode=True).decode() if not msg.is_multipart() else msg.get_payload(0).get_payload(decode=True).decode()
    assert body.startswith("Join the Jitsi meeting on Sync: https://meet.jit.si/Sync-")
    assert "Friday 27 November 2026, 15:00" in body and "Zoom" not in body
