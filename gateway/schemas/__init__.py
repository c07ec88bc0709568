"""marshmallow schemas of the HTTP API: strict on the way in (422), explicit on the way out."""
