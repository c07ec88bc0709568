"""Each service's own MongoDB database, connected once per nameko container."""
import mongoengine
from nameko.extensions import SharedExtension

from services.common import config


def connect(alias, uri=None, database=None):
    """Register the mongoengine connection `alias` on the service's own database."""
    mongoengine.connect(
        db=database or config.database_name(alias),
        host=uri or config.mongodb_uri(),
        alias=alias,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=5000,
    )
    return mongoengine.get_db(alias)


class Store(SharedExtension):
    """The container's connection: alias and database are the service's name."""

    _db = None

    @property
    def db(self):
        """Connect on first use: sibling extensions may need it during their own setup."""
        if self._db is None:
            self._db = connect(self.container.service_name)
        return self._db

    def setup(self):
        self.db

    def stop(self):
        mongoengine.disconnect(self.container.service_name)

    kill = stop
