"""``python -m finetune <step> [args]``: generate | retriever | train | export | eval."""

from __future__ import annotations

import importlib
import sys
from typing import Sequence

STEPS = {"generate": "finetune.data", "retriever": "finetune.retriever", "train": "finetune.train",
         "export": "finetune.export", "eval": "finetune.evaluate"}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in STEPS:
        print(f"usage: python -m finetune {{{','.join(STEPS)}}} [args]  (add --help after a step)",
              file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(STEPS[argv[0]])  # imported lazily: train pulls in torch
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
