"""Roomcode Blender worker entry point.

Started by the Node pool as
``blender -b --factory-startup -noaudio --python blender-runner/worker.py -- --jobs-fd 3 --results-fd 4``.
Reads versioned JSON jobs (one per line) from the jobs fd and writes one JSON result per job to the
results fd; Blender's own stdout/stderr never carry results.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from roomcode_worker.main import main  # noqa: E402

main(sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else [])
