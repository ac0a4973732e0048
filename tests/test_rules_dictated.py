"""A message dictated with an "and" inside it ("I booked the table and sent the invite") is one message: written whole,
and its words ask for no event or look-up of their own (nodes/rules/messages.py, extra_steps.py, lookups.py)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled


def test_a_reply_dictated_with_and_is_written_whole_and_its_invite_is_no_event(specs):
    out = _ruled(specs, "reply to priya: sounds great, I already booked the table and sent the invite to everyone",
                 '1. reply_to_email(context="Sounds great")\n2. get_email_address(name="everyone")\n'
                 '3. create_calendar_event(title="Invite", start_date="everyone", invitees=["$2"])\n4. join()')
    assert 'context="Sounds great, I already booked the table and sent the invite to everyone"' in out
    assert "create_calendar_event" not in out and "get_email_address" not in out


@pytest.mark.parametrize("query, cut, whole", [
    ("text Marcus that I have added the notes and created the doc", "I have added the notes",
     "I have added the notes and created the doc"),
    ("text Nina that I'm running late and I'll be there by ten", "I'm running late",
     "I'm running late and I'll be there by ten"),
])
def test_a_text_goes_on_past_and_where_the_message_does(specs, query, cut, whole):
    name = query.split()[1]
    out = _ruled(specs, query, f'1. get_phone_number(name="{name}")\n2. send_sms(recipients=["$1"], message="{cut}")\n'
                                '3. join()')
    assert f'message="{whole}"' in out


@pytest.mark.parametrize("query, cut", [
    ("text Nina that I'm running late and ask her to save me a seat", "I'm running late"),
    ("tell Tom the meeting moved and then remind me to call him", "The meeting moved"),
])
def test_a_text_stops_at_an_and_that_asks_something_else(specs, query, cut):
    name = query.split()[1]
    out = _ruled(specs, query, f'1. get_phone_number(name="{name}")\n2. send_sms(recipients=["$1"], message="{cut}")\n'
                                '3. join()')
    assert f'message="{cut}"' in out


def test_a_note_no_one_named_is_not_opened(specs):
    out = _ruled(specs, "text Marcus that I have added the notes and created the doc",
                 '1. get_phone_number(name="Marcus")\n2. send_sms(recipients=["$1"], message="I have added the notes")\n'
                 '3. open_note(name="David")\n4. join()')
    assert "open_note" not in out


def test_a_note_the_request_names_is_still_opened(specs):
    out = _ruled(specs, "what's on my shopping list? text it to Nina",
                 '1. open_note(name="Shopping list")\n2. get_phone_number(name="Nina")\n'
                 '3. send_sms(recipients=["$2"], message="$1")\n4. join()')
    assert 'open_note(name="Shopping list")' in out


def test_reply_to_him_answers_the_person_the_conversation_named(specs):
    context = ("User: what did marcus email me about?\nResult: get_email_address(name='marcus') -> marcus.chen@example.com\n"
               "Assistant: The email address of marcus is marcus.chen@example.com.")
    out = _ruled(specs, "reply to him saying thanks, I'll read it tonight",
                 '1. reply_to_email(context="Thanks")\n2. join()', context=context)
    assert "message_id=\"marcus's email\"" in out


def test_remind_me_about_that_after_an_append_is_about_what_was_added(specs):
    context = ("User: add 'call the plumber' to my ideas note\nResult: append_note_content(name='Ideas', "
               "content='Call the plumber') -> Appended to note 'Ideas' in Notes/Ideas.md.\n"
               "Assistant: Appended to note 'Ideas' in Notes/Ideas.md. The text: \"Call the plumber\"")
    out = _ruled(specs, "actually remind me about that tomorrow at 9 instead",
                 '1. create_reminder(name="Remind about that tomorrow at 9")\n2. join()', context=context)
    assert out.startswith('1. create_reminder(name="Call the plumber", due_date="tomorrow at 9")')


def test_invite_someone_makes_no_text_they_never_asked_for(specs):
    out = _ruled(specs, "invite elena to a branding chat on friday at 4pm",
                 '1. get_email_address(name="elena")\n2. send_sms(recipients=["$1"], message="I couldn\'t find a branding chat '
                 'on Friday at 4pm.")\n3. create_calendar_event(title="Branding", start_date="friday at 4pm")\n4. join()')
    assert "send_sms" not in out and 'invitees=["$1"]' in out
