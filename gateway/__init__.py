"""The Linli gateway: identity, the community directory, and the HTTP API in front of the services."""
import warnings

# nameko's standalone RPC proxy imports eventlet, which warns on import; the gateway never
# runs eventlet (no monkey patching), so the warning would only break the JSON log stream.
warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
