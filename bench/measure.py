"""Run a command and print its wall time and peak resident memory as JSON.

Usage: measure.py CMD [ARGS...]. Peak memory is the child's ru_maxrss (KiB on Linux), read from
getrusage(RUSAGE_CHILDREN) after it exits: the same measure for Node and Python alike.
"""
import json, resource, subprocess, sys, time

t0 = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t0
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": wall, "peak_mib": peak_kib / 1024, "status": proc.returncode,
                  "stderr": proc.stderr.decode(errors="replace")[-2000:]}))
