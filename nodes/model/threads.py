"""Threads for llama.cpp that follow how busy the machine is, so planning degrades gently under load.

llama.cpp's worker threads wait for each other at every layer; when another program holds one of
the cores, a thread that is not scheduled stalls all the others, and a 2-thread plan on 2 busy cores
took 12x its idle time where 1 thread took 1.3x (BENCHMARKS.md). A sampler thread reads the
machine's and this process's CPU time from /proc twice a second; before each completion the model
gets as many threads as there are cores the other programs leave free (at least 1, at most the
setting). Where /proc is missing the setting is used as it is.
"""

from __future__ import annotations

import os
import threading
import time

_INTERVAL_S = 0.5


def _machine_busy() -> float | None:
    """Busy CPU seconds of the whole machine so far (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as fh:
            fields = fh.readline().split()[1:]
    except OSError:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in (fields + ["0"] * 8)[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_busy() -> float:
    t = os.times()
    return t.user + t.system


class LoadWatch:
    """Cores the other programs keep busy, smoothed over the last seconds."""

    def __init__(self):
        self.others = 0.0
        self._last: tuple[float, float, float] | None = None
        self._started = False
        self._lock = threading.Lock()

    def _sample(self) -> None:
        machine = _machine_busy()
        if machine is None:
            return
        now, own = time.monotonic(), _own_busy()
        if self._last is not None:
            t0, m0, o0 = self._last
            span = now - t0
            if span > 0:
                others = max(0.0, ((machine - m0) - (own - o0)) / span)
                self.others = 0.5 * self.others + 0.5 * others
        self._last = (now, machine, own)

    def _run(self) -> None:
        while True:
            self._sample()
            time.sleep(_INTERVAL_S)

    def start(self) -> None:
        with self._lock:
            if not self._started and _machine_busy() is not None:
                self._sample()
                threading.Thread(target=self._run, name="tinyagent-loadwatch", daemon=True).start()
                self._started = True

    def threads(self, wanted: int) -> int:
        """Threads for the next completion: the cores the others leave free, 1 to ``wanted``."""
        self.start()
        cores = os.cpu_count() or 1
        free = cores - int(self.others + 0.5)
        return max(1, min(wanted, free))


WATCH = LoadWatch()


def fit_threads(llama, wanted: int) -> int:
    """Set a ``llama_cpp.Llama``'s generation and batch threads for the next completion."""
    import llama_cpp

    n = WATCH.threads(wanted)
    if getattr(llama, "_tinyagent_threads", None) != n:
        llama_cpp.llama_set_n_threads(llama._ctx.ctx, n, n)
        llama._tinyagent_threads = n
    return n
