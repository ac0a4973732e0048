"""The plan language: its parser and compiler, the GBNF grammar that makes plans parse, and the planner's prompt."""
