import subprocess
import sys
import time

from harness.measures import PeakMemory, percentile

# A parent whose child takes 150 MB for two seconds, then lets go: the peak is the child's, seen from the parent.
CHILD = "import time; block = bytearray(150 * 2**20); time.sleep(2)"
PARENT = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {CHILD!r}])"


def test_the_peak_memory_of_a_process_tree_counts_a_child_while_it_lives():
    parent = subprocess.Popen([sys.executable, "-c", PARENT])
    try:
        time.sleep(0.3)  # the child has started by now (else it is found at the next look at the tree, 1 s later)
        memory = PeakMemory(parent.pid)
        memory.start()
        parent.wait(timeout=30)
        peak_rss = memory.stop()
    finally:
        parent.kill()
    assert peak_rss > 150 * 2**20
    assert memory.peak_pss_bytes > 150 * 2**20  # the child's own pages, shared with nobody, count in full
    assert peak_rss < 400 * 2**20  # two small Pythons and the block, each counted once


def test_a_percentile_is_the_nearest_rank():
    values = [float(value) for value in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values[:1], 0.95) == 1.0
    assert percentile([], 0.5) is None
