"""Errors the notifications service's RPC methods raise."""
from services.common.errors import InvalidInput, NotFound


class ItemNotFound(NotFound):
    def __init__(self, item_id):
        super().__init__(f"no inbox item {item_id}", item_id=item_id)


class BadCursor(InvalidInput):
    def __init__(self):
        super().__init__({"before": ["not a cursor this service gave out"]})


class AnnouncementNotFound(NotFound):
    def __init__(self, announcement_id):
        super().__init__(f"no announcement {announcement_id}", announcement_id=announcement_id)


class BadTemplate(InvalidInput):
    def __init__(self, field, reason):
        super().__init__({field: [reason]})
