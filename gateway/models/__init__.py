"""The gateway's own documents, all in the `gateway` database (mongoengine alias "gateway")."""
from gateway.models.accounts import Account, LoginClaim, Membership
from gateway.models.directory import Building, Community, Grid, Town, Unit
from gateway.models.sessions import Session, SpentToken

ALIAS = "gateway"
ALL = (Town, Community, Building, Unit, Grid, Account, LoginClaim, Membership, Session, SpentToken)


def ensure_indexes():
    """Create every index now, so unique keys arbitrate from the very first write."""
    for model in ALL:
        model.ensure_indexes()
