"""Cross-service tests. Contract tests read code only; end-to-end tests run the five real
processes against the real RabbitMQ and the real MongoDB-wire store (FerretDB locally).
"""
import eventlet

eventlet.monkey_patch()  # the service classes imported here expect a green world
