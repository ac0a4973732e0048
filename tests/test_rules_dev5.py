"""What the fifth development set (finetune/eval/dev5.jsonl) met on its first run, put right where a rule is exact:
a sum and a document question in one request, ... (nodes/rules/unstated.py, ...)."""

from __future__ import annotations

import pytest

from tests.fakes import ruled as _ruled


def test_a_sum_and_a_document_question_keep_both_steps(specs):
    """"What's 1,250 minus 10%, and what does the handbook say about approving travel?": the code the percent rule
    mends and the search the document rule mends are asked for, not made up."""
    plan = '1. run_python(code="print(1250 - 10)")\n2. search_documents(query="authorization")\n3. join()'
    out = _ruled(specs, "What's 1,250 minus 10%, and what does the handbook say about approving travel?", plan)
    assert out == ('1. run_python(code="print(round(1250 * 0.9, 2))")\n'
                   '2. search_documents(query="handbook authorization approving travel")\n3. join()<END_OF_PLAN>')
