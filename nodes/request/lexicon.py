"""The English words the request readers and the plan rules look for, each list named, with what it is for."""

from __future__ import annotations

#: Words too common to tell a request from an example or a made-up value (plan values against the request).
COMMON_WORDS = frozenset("the and for you your with that this are was can from but not all any our out has "
                         "have its his her him she they them what when who how why will would could should "
                         "about into please pls just also then now one two get let".split())
