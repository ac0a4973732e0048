"""llama.cpp gets the cores the other programs leave free: at least 1, at most the setting."""

import os
import time

from tinyagent.nodes.model.threads import LoadWatch


def test_threads_follow_what_the_others_leave_free(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    watch = LoadWatch()
    watch._started = True  # no sampler thread: the load is set by hand
    for others, wanted, expected in [(0.0, 4, 4), (0.0, 2, 2), (1.2, 4, 3), (2.6, 4, 1), (4.0, 4, 1), (9.0, 8, 1)]:
        watch.others = others
        assert watch.threads(wanted) == expected, (others, wanted)


def test_the_sampler_sees_another_process_burn_a_core():
    import multiprocessing

    watch = LoadWatch()
    if not os.path.exists("/proc/stat"):
        return
    stop = multiprocessing.Event()
    spin = multiprocessing.Process(target=_spin, args=(stop,), daemon=True)
    spin.start()
    try:
        watch._sample()
        for _ in range(8):
            time.sleep(0.25)
            watch._sample()
        assert watch.others > 0.5  # the spinning child, not this (sleeping) process
    finally:
        stop.set()
        spin.join()


def _spin(stop):
    while not stop.is_set():
        pass
