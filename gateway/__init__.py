"""The Linli gateway: identity, the community directory, and the HTTP API in front of the services."""
