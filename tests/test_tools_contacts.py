"""Contacts: vCard parsing, exact/nickname/prefix matching, ambiguity and unknown-name errors."""

from __future__ import annotations

import pytest
from langchain_core.tools import ToolException

from tinyagent.tools.contacts import find_contact, resolve_phone
from tinyagent.tools.paths import Workspace


@pytest.mark.parametrize("query, email", [
    ("Sarah Lee", "sarah.lee@example.com"),
    ("sarah lee", "sarah.lee@example.com"),
    ("Marcus", "marcus.chen@example.com"),          # unique first name
    ("Tom", "tom.becker@example.com"),
    ("Tommy", "tom.becker@example.com"),            # nickname
    ("Sarah L", "sarah.lee@example.com"),           # word prefixes
    ("someone@example.org", "someone@example.org"),  # an address stays an address
    ("Tom B <tom.b@example.org>", "tom.b@example.org"),
])
def test_get_email_address_matches(make_tools, query, email):
    assert make_tools()["get_email_address"].invoke({"name": query}) == email


def test_get_phone_number_prefers_mobile(make_tools):
    tools = make_tools()
    assert tools["get_phone_number"].invoke({"name": "Sarah Chen"}) == "+1-555-0102"
    assert tools["get_phone_number"].invoke({"name": "jose alvarez"}) == "+34 600 000 111"  # accents


def test_ambiguous_name_names_the_candidates(make_tools):
    with pytest.raises(ToolException) as err:
        make_tools()["get_email_address"].invoke({"name": "Sarah"})
    assert "ambiguous" in str(err.value) and "Sarah Lee" in str(err.value) and "Sarah Chen" in str(err.value)
    with pytest.raises(ToolException, match="Marcus Chen.*Sarah Chen|Sarah Chen.*Marcus Chen"):
        make_tools()["get_phone_number"].invoke({"name": "Chen"})


def test_unknown_name_is_a_clear_error(make_tools):
    with pytest.raises(ToolException) as err:
        make_tools()["get_phone_number"].invoke({"name": "Sahra Leigh"})
    text = str(err.value)
    assert "No contact named 'Sahra Leigh'" in text and "Sarah Lee" in text
    with pytest.raises(ToolException, match="No contact named 'Zed'"):
        make_tools()["get_email_address"].invoke({"name": "Zed"})


@pytest.mark.parametrize("query, suggestion", [
    ("Sara Lee", "Sarah Lee"), ("Marcus Chenn", "Marcus Chen"), ("Tomy", "Tom Becker")])
def test_near_miss_is_an_error_naming_the_candidate_never_that_person(make_tools, query, suggestion):
    with pytest.raises(ToolException) as err:
        make_tools()["get_email_address"].invoke({"name": query})
    assert f"No contact named '{query}'" in str(err.value) and suggestion in str(err.value)


def test_unknown_first_name_does_not_resolve_to_a_similar_one(tools_workspace):
    path = tools_workspace / "contacts.vcf"
    path.write_text(path.read_text() + "BEGIN:VCARD\nVERSION:3.0\nFN:Nina Kowalski\n"
                    "EMAIL:nina@example.com\nEND:VCARD\n", encoding="utf-8")
    with pytest.raises(ToolException, match="No contact named 'Anna'"):
        find_contact(Workspace(tools_workspace), "Anna")


def test_missing_field_and_missing_file(tools_workspace, make_tools):
    with pytest.raises(ToolException, match="Tom Becker has no phone number"):
        make_tools()["get_phone_number"].invoke({"name": "Tom Becker"})
    with pytest.raises(ToolException, match="no e-mail address"):
        make_tools()["get_email_address"].invoke({"name": "José Álvarez"})
    (tools_workspace / "contacts.vcf").unlink()
    with pytest.raises(ToolException, match="no contacts.vcf"):
        make_tools()["get_email_address"].invoke({"name": "Sarah Lee"})


def test_contacts_reload_after_change(tools_workspace):
    ws = Workspace(tools_workspace)
    assert find_contact(ws, "Marcus").name == "Marcus Chen"
    path = tools_workspace / "contacts.vcf"
    path.write_text(path.read_text() + "BEGIN:VCARD\nVERSION:3.0\nFN:Marcus Wolf\nTEL:+1 555 0177\n"
                    "END:VCARD\n", encoding="utf-8")
    with pytest.raises(ToolException, match="ambiguous"):
        find_contact(ws, "Marcus")
    assert resolve_phone(ws, "Marcus Wolf") == "+1 555 0177"
    assert resolve_phone(ws, "+49 30 1234567") == "+49 30 1234567"


def test_empty_name_is_refused(make_tools):
    with pytest.raises(ToolException, match="empty"):
        make_tools()["get_email_address"].invoke({"name": "  "})


def test_a_possessive_typed_without_its_apostrophe_is_the_person(make_tools):
    """"whats toms phone number" plans name="toms": that is Tom, the one contact named so; "chens" fits
    two people and stays an error."""
    tools = make_tools()
    assert tools["get_email_address"].invoke({"name": "toms"}) == "tom.becker@example.com"
    assert tools["get_email_address"].invoke({"name": "Sarah Lees"}) == "sarah.lee@example.com"
    with pytest.raises(ToolException, match="No contact named 'chens'"):
        tools["get_phone_number"].invoke({"name": "chens"})
