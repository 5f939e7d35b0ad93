"""The test servers' helpers: a stopped server leaves no process behind."""

import subprocess
import sys

import psutil

from tests.servers import stop

# A helper that takes a second to exit on SIGTERM, and a leader that starts it and exits at once.
HELPER = """
import signal, sys, time
signal.signal(signal.SIGTERM, lambda *_: (time.sleep(1), sys.exit(0)))
print(flush=True)
time.sleep(60)
"""
LEADER = f"""
import subprocess, sys, time
helper = subprocess.Popen([sys.executable, "-c", {HELPER!r}], stdout=subprocess.PIPE, text=True)
helper.stdout.readline()
print(helper.pid, flush=True)
time.sleep(60)
"""


def test_stop_returns_once_every_process_of_the_session_has_exited():
    proc = subprocess.Popen([sys.executable, "-c", LEADER], stdout=subprocess.PIPE, text=True, start_new_session=True)
    helper = int(proc.stdout.readline())
    stop(proc)
    assert proc.returncode is not None
    assert not psutil.pid_exists(helper) or psutil.Process(helper).status() == psutil.STATUS_ZOMBIE
