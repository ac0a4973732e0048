"""``python -m tinyagent.finetune <step> [args]``: generate | chat-rows | retriever | train | export | eval | corpus | ablate | domains."""

from __future__ import annotations

import importlib
import sys
from typing import Sequence

STEPS = {"generate": "tinyagent.finetune.data", "chat-rows": "tinyagent.finetune.chat_rows", "retriever": "tinyagent.finetune.retriever",
         "train": "tinyagent.finetune.train", "export": "tinyagent.finetune.export",
         "eval": "tinyagent.finetune.evaluate", "corpus": "tinyagent.finetune.corpus",
         "ablate": "tinyagent.finetune.ablate",
         "domains": "tinyagent.finetune.domains"}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in STEPS:
        print(f"usage: python -m tinyagent.finetune {{{','.join(STEPS)}}} [args]  (add --help after a step)",
              file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(STEPS[argv[0]])  # imported lazily: train pulls in torch
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
