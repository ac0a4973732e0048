"""Notes: Markdown files in folders; appends from parallel tasks lose nothing; names cannot escape."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from langchain_core.tools import ToolException


def test_create_open_append(tools_workspace, make_tools):
    tools = make_tools()
    out = tools["create_note"].invoke({"name": "Shopping list", "content": "- milk"})
    assert "Notes/Shopping list.md" in out
    path = tools_workspace / "Notes" / "Shopping list.md"
    assert path.read_text() == "# Shopping list\n\n- milk\n"
    tools["append_note_content"].invoke({"name": "shopping list", "content": "- eggs"})
    assert path.read_text() == "# Shopping list\n\n- milk\n- eggs\n"
    assert tools["open_note"].invoke({"name": "Shopping List"}) == path.read_text()


def test_a_line_added_to_a_list_is_the_lists_next_item(tools_workspace, make_tools):
    """The trial's "append to my ideas note - a podcast about old maps" went in without the list's "- "."""
    tools = make_tools()
    tools["create_note"].invoke({"name": "Ideas", "content": "- Automate the status e-mail\n- Try the hill trail"})
    out = tools["append_note_content"].invoke({"name": "ideas", "content": "A podcast about old maps"})
    path = tools_workspace / "Notes" / "Ideas.md"
    assert path.read_text().splitlines()[-1] == "- A podcast about old maps"
    assert out.endswith('The text: "A podcast about old maps"')
    tools["create_note"].invoke({"name": "Steps", "content": "1. Call the bank\n2. Pay the rent"})
    tools["append_note_content"].invoke({"name": "steps", "content": "Book the van"})
    assert (tools_workspace / "Notes" / "Steps.md").read_text().splitlines()[-1] == "3. Book the van"


def test_folders_are_created_and_searched(tools_workspace, make_tools):
    tools = make_tools()
    out = tools["create_note"].invoke({"name": "Plan", "content": "Ship it.", "folder": "Work/2026"})
    assert "Notes/Work/2026/Plan.md" in out
    assert (tools_workspace / "Notes/Work/2026/Plan.md").is_file()
    assert "Ship it." in tools["open_note"].invoke({"name": "Plan"})           # found in any folder
    assert "Ship it." in tools["open_note"].invoke({"name": "Plan", "folder": "Work/2026"})
    tools["append_note_content"].invoke({"name": "Plan", "content": "Then rest."})  # default folder: anywhere
    assert (tools_workspace / "Notes/Work/2026/Plan.md").read_text().endswith("Ship it.\nThen rest.\n")
    with pytest.raises(ToolException, match="No note named 'Plan' in folder 'Home'|no folder 'Home'"):
        tools["open_note"].invoke({"name": "Plan", "folder": "Home"})


def test_create_never_overwrites(tools_workspace, make_tools):
    tools = make_tools()
    tools["create_note"].invoke({"name": "Ideas", "content": "first"})
    out = tools["create_note"].invoke({"name": "Ideas", "content": "second"})
    assert "Ideas (2).md" in out
    assert "first" in (tools_workspace / "Notes/Ideas.md").read_text()
    assert "second" in (tools_workspace / "Notes/Ideas (2).md").read_text()
    assert "already exists" in tools["create_note"].invoke({"name": "Ideas", "content": "first"})


def test_missing_and_ambiguous_notes(tools_workspace, make_tools):
    tools = make_tools()
    tools["create_note"].invoke({"name": "Groceries", "content": "x"})
    with pytest.raises(ToolException, match="Did you mean 'Groceries'.*create_note"):
        tools["append_note_content"].invoke({"name": "Grocerys", "content": "y"})
    tools["create_note"].invoke({"name": "Todo", "folder": "A"})
    tools["create_note"].invoke({"name": "Todo", "folder": "B"})
    with pytest.raises(ToolException, match="Several notes.*Notes/A/Todo.md.*Notes/B/Todo.md"):
        tools["open_note"].invoke({"name": "todo"})
    with pytest.raises(ToolException, match="content to append is empty"):
        tools["append_note_content"].invoke({"name": "Groceries", "content": "  "})


def test_parallel_appends_lose_nothing(tools_workspace, make_tools):
    tools = make_tools()
    tools["create_note"].invoke({"name": "Log", "content": "start"})
    append = tools["append_note_content"]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: append.invoke({"name": "Log", "content": f"line {i}"}), range(100)))
    lines = (tools_workspace / "Notes/Log.md").read_text().splitlines()
    assert lines[:3] == ["# Log", "", "start"]
    assert sorted(lines[3:]) == sorted(f"line {i}" for i in range(100))
    assert not [p for p in (tools_workspace / "Notes").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("args", [
    {"name": "../../escape", "content": "x"},
    {"name": "x", "content": "x", "folder": "../.."},
    {"name": "x", "content": "x", "folder": "/tmp"},
    {"name": "/etc/passwd", "content": "x"},
])
def test_note_paths_cannot_escape(tools_workspace, make_tools, args):
    with pytest.raises(ToolException, match="outside the allowed folders"):
        make_tools()["create_note"].invoke(args)
    assert not (tools_workspace.parent / "escape.md").exists()


def test_open_note_refuses_symlink_escape(tools_workspace, make_tools, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("top secret")
    (tools_workspace / "Notes" / "link.md").symlink_to(secret)
    with pytest.raises(ToolException, match="outside the allowed folders"):
        make_tools()["open_note"].invoke({"name": "link"})
    with pytest.raises(ToolException, match="outside the allowed folders"):
        make_tools()["open_note"].invoke({"name": "../../secret"})


def test_a_note_named_as_people_say_it(tmp_path):
    from tinyagent.tools import default_tools, init_workspace

    root = init_workspace(tmp_path / "ws", sample=True)
    append = {t.name: t for t in default_tools(root)}["append_note_content"]
    out = append.invoke({"name": "my meeting notes", "content": "Yuki will own the firmware 2.1 release"})
    assert out == ("Appended to note 'Meeting notes' in Notes/Work/Meeting notes.md. "
                   "The text: \"Yuki will own the firmware 2.1 release\"")  # (what it wrote, quoted)
    assert (root / "Notes" / "Work" / "Meeting notes.md").read_text().endswith(
        "- Action: book a review meeting for Friday\n- Yuki will own the firmware 2.1 release\n")  # (the list's next item)
    append.invoke({"name": "the shopping list note", "content": "eggs"})
    append.invoke({"name": "weekly sync", "content": "demo on Friday"})  # the note's heading
    assert (root / "Notes" / "Shopping list.md").read_text().endswith("- batteries (AA)\n- eggs\n")
    assert (root / "Notes" / "Work" / "Meeting notes.md").read_text().endswith("demo on Friday\n")
    (root / "Notes" / "Meeting agenda.md").write_text("# Meeting agenda\n")
    with pytest.raises(ToolException, match="Several notes fit 'meeting'"):
        append.invoke({"name": "meeting", "content": "x"})


def test_an_instruction_copied_in_front_of_a_notes_text_is_left_out(tools_workspace, make_tools):
    """"add a note to my Meeting notes saying that we need to book a bus" planned content="Say we need to
    book a bus ...": the note gets the sentence, not the instruction; a to-do that starts with "say" stays."""
    tools = make_tools()
    tools["create_note"].invoke({"name": "Trip", "content": "Say we need to book a bus for the hike"})
    tools["append_note_content"].invoke({"name": "Trip", "content": "that the guide confirmed on monday"})
    tools["append_note_content"].invoke({"name": "Trip", "content": "Say hi to grandma"})
    text = (tools_workspace / "Notes" / "Trip.md").read_text()
    assert "We need to book a bus for the hike" in text and "Say we need" not in text
    assert "The guide confirmed on monday" in text and "Say hi to grandma" in text


def test_a_missing_note_says_which_notes_there_are_and_how_to_start_it(tools_workspace, make_tools):
    tools = make_tools()
    tools["create_note"].invoke({"name": "Shopping list", "content": "eggs"})
    with pytest.raises(ToolException, match=r"No note named 'gym log'\. Notes include: Shopping list\. To start it, ask "
                                            r"to create a new note named 'gym log'"):
        tools["append_note_content"].invoke({"name": "gym log", "content": "20 min rowing"})
