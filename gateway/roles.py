"""Roles a person can hold in one community; one person may hold several."""
RESIDENT = "resident"
OWNER = "owner"
BUILDING_LEADER = "building_leader"
GRID_LEADER = "grid_leader"
VOLUNTEER = "volunteer"
SOCIAL_WORKER = "social_worker"
COMMUNITY_ADMIN = "community_admin"
PM_STAFF = "pm_staff"
OC_MEMBER = "oc_member"
SHOP = "shop"
TOWN_ADMIN = "town_admin"

ALL = (RESIDENT, OWNER, BUILDING_LEADER, GRID_LEADER, VOLUNTEER, SOCIAL_WORKER,
       COMMUNITY_ADMIN, PM_STAFF, OC_MEMBER, SHOP, TOWN_ADMIN)

# Who handles residents' reports: the residents' committee, property management, the owners'
# committee (the three parties) and the town office above them.
STAFF = (SOCIAL_WORKER, COMMUNITY_ADMIN, PM_STAFF, OC_MEMBER, TOWN_ADMIN)
