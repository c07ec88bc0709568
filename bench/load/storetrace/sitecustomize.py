"""Loaded by every Python process of a traced run (this folder is put on PYTHONPATH): counts store calls.

Each process sums, per command, collection and filter shape, how many calls and how many
milliseconds, and rewrites `$LINLI_STORE_TRACE/<service>-<pid>.json` every few seconds.
The listener is registered only once the program itself imports pymongo, so a nameko
service has monkey-patched for eventlet before pymongo loads.
"""
import os

if os.environ.get("LINLI_STORE_TRACE"):
    import linli_store_trace

    linli_store_trace.install_when_imported(os.environ["LINLI_STORE_TRACE"])
