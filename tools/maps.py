"""OpenStreetMap search and directions URLs; the browser opens them only when the user enabled it."""

from __future__ import annotations

import webbrowser
from urllib.parse import urlencode

from langchain_core.tools import ToolException
from pydantic import BaseModel, Field

from tinyagent.tools.base import make_tool
from tinyagent.tools.paths import Workspace

OSM = "https://www.openstreetmap.org"
#: OSRM engines of openstreetmap.org per mode; transit has no timetable router there.
ENGINES = {"driving": "fossgis_osrm_car", "walking": "fossgis_osrm_foot",
           "cycling": "fossgis_osrm_bike", "transit": "fossgis_osrm_foot"}
MODES = {
    "driving": ("d", "drive", "driving", "car", "auto", "automobile", "taxi"),
    "walking": ("w", "walk", "walking", "foot", "on foot", "pedestrian"),
    "transit": ("r", "t", "transit", "public transit", "public transport", "bus", "train", "subway",
                "metro", "tram", "rail"),
    "cycling": ("b", "c", "bike", "bicycle", "cycle", "cycling", "biking"),
}


def transport_mode(transport: str) -> str:
    """'driving', 'walking', 'cycling' or 'transit' for TinyAgent's 'd'/'w'/'r' or a plain word."""
    word = " ".join(str(transport or "d").lower().replace("_", " ").split())
    for mode, words in MODES.items():
        if word in words:
            return mode
    raise ToolException(
        f"Unknown transport {transport!r}; use 'd' (driving), 'w' (walking), 'r' (transit) or 'bike'.")


def show(ws: Workspace, url: str) -> str:
    if ws.config.open_browser:
        try:
            webbrowser.open(url, new=2)
        except webbrowser.Error:
            pass
    return url


class LocationArgs(BaseModel):
    location: str = Field(description="Place or address to show.")


def maps_open_location(ws: Workspace, location: str) -> str:
    """Show a place on the map.

    Returns the OpenStreetMap search URL for the place.
    """
    if not location.strip():
        raise ToolException("The location is empty; give a place name or address.")
    return show(ws, f"{OSM}/search?{urlencode({'query': location.strip()})}")


class DirectionsArgs(BaseModel):
    start_location: str = Field(default="", description="Where to start; empty for the current location.")
    end_location: str = Field(default="", description="Destination.")
    transport: str = Field(default="d", description="'d' driving, 'w' walking, 'r' transit.")


def maps_show_directions(ws: Workspace, start_location: str = "", end_location: str = "",
                         transport: str = "d") -> str:
    """Show directions between two places on the map.

    Returns an OpenStreetMap directions URL. OpenStreetMap has no timetable routing, so transit
    shows the walking route on the public-transport map layer.
    """
    start, end = start_location.strip(), end_location.strip()
    if not start and not end:
        raise ToolException("Give at least the end_location (and optionally start_location) for directions.")
    mode = transport_mode(transport)
    params = {"engine": ENGINES[mode]}
    if start:
        params["from"] = start
    if end:
        params["to"] = end
    url = f"{OSM}/directions?{urlencode(params)}"
    if mode == "transit":
        url += "#layers=T"
    return show(ws, url)


def tools_for(ws: Workspace) -> list:
    return [make_tool(ws, maps_open_location, LocationArgs), make_tool(ws, maps_show_directions, DirectionsArgs)]
