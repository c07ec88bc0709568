"""Entrypoints of volunteer profiles, skill verification and teams."""
from datetime import datetime, timezone

from nameko.rpc import rpc

from services.common.dependencies import EventOutbox
from services.common.errors import load
from services.volunteers import dumps, events
from services.volunteers.dependencies import RotaStore, insert
from services.volunteers.exceptions import Conflict
from services.volunteers.models import SkillVerification, Team, Volunteer
from services.volunteers.schemas import RegisterSchema, TeamSchema, VerifySchema


class Profiles:
    """Mixed into VolunteersService; its dependencies are the service's."""

    rota = RotaStore()
    outbox = EventOutbox()

    @rpc
    def register_volunteer(self, payload):
        """A member becomes a volunteer; skills needing verification wait for staff."""
        profile = load(RegisterSchema(), payload)
        skills = {name: {"verified": False} for name in profile.pop("skills")}
        volunteer = Volunteer(id=f"{profile['community_id']}:{profile['account_id']}", skills=skills,
                              registered_at=datetime.now(timezone.utc), **profile)
        event = self.outbox.event("volunteer_registered", events.data(
            "volunteer_registered", community_id=volunteer.community_id, volunteer_id=volunteer.account_id,
            display_name=volunteer.display_name, skills=sorted(skills)), subject=volunteer.account_id)
        if not self.rota.mark_once(volunteer, self.outbox, event):
            raise Conflict("already registered as a volunteer here", reason="already_registered")
        return dumps.volunteer(volunteer)

    @rpc
    def verify_skill(self, payload):
        """Staff confirm a skill (a licence, a certificate): from now on it counts."""
        request = load(VerifySchema(), payload)
        volunteer = self.rota.volunteer(request["community_id"], request["account_id"])
        check = SkillVerification(id=f"{volunteer.id}:{request['skill']}", at=datetime.now(timezone.utc),
                                  **request)
        event = self.outbox.event("skill_verified", events.data(
            "skill_verified", community_id=volunteer.community_id, volunteer_id=volunteer.account_id,
            skill=request["skill"], verified_by=request["verified_by"]), subject=volunteer.account_id)
        self.rota.mark_once(check, self.outbox, event)  # a second verification changes nothing
        volunteer.skills[request["skill"]] = {"verified": True}
        return dumps.volunteer(volunteer)

    @rpc
    def update_volunteer(self, payload):
        """The volunteer changes their profile; verified skills stay verified, new ones wait for staff."""
        profile = load(RegisterSchema(), payload)
        volunteer = self.rota.volunteer(profile["community_id"], profile["account_id"])
        checked = {name for name, s in volunteer.skills.items() if s.get("verified")}
        skills = profile.pop("skills")
        for name, value in profile.items():
            setattr(volunteer, name, value)
        volunteer.skills = {name: {"verified": False} for name in skills if name not in checked}
        volunteer.save()
        volunteer.skills.update({name: {"verified": True} for name in checked & set(skills)})
        return dumps.volunteer(volunteer)

    @rpc
    def get_volunteer(self, community_id, account_id):
        return dumps.volunteer(self.rota.volunteer(community_id, account_id))

    @rpc
    def list_volunteers(self, community_id):
        return [dumps.volunteer(v) for v in self.rota.volunteers(community_id)]

    @rpc
    def create_team(self, payload):
        team = Team(**load(TeamSchema(), payload))
        insert(team)
        return {"id": str(team.id), **load(TeamSchema(), payload)}

    @rpc
    def list_teams(self, community_id):
        return [{"id": str(t.id), "community_id": t.community_id, "name": t.name, "kind": t.kind,
                 "member_ids": list(t.member_ids)} for t in self.rota.teams(community_id)]
