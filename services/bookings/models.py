"""The bookings service's documents, in its own `bookings` database."""
from services.common.people import membership_model

MembershipVersion = membership_model("bookings")
