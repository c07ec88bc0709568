"""The volunteers service's documents, in its own `volunteers` database."""
from services.common.people import membership_model

MembershipVersion = membership_model("volunteers")
