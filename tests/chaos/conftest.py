"""The chaos suite: the five real processes on a private RabbitMQ node and a private FerretDB
(started here, stopped and restarted by the faults), so the shared broker and store never stop.
Nothing is faked. `make chaos` runs the full plan (bench/chaos.py); `make test` the short one.
"""
