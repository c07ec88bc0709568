"""Registering, logging in, refreshing tokens and logging out."""
from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint

from gateway import runtime
from gateway.api import BEARER, PREFIX
from gateway.identity import guard, registration, sessions, throttle
from gateway.identity.tokens import REFRESH
from gateway.schemas.accounts import MeSchema
from gateway.schemas.auth import LoginSchema, LogoutSchema, RefreshSchema, RegisterSchema, TokensSchema
from gateway.web import requestid
from gateway.web.problems import Problem

blp = Blueprint("auth", __name__, url_prefix=f"{PREFIX}/auth", description="Accounts and sessions")


@blp.route("/register")
class Register(MethodView):
    @blp.arguments(RegisterSchema)
    @blp.response(201, MeSchema)
    def post(self, data):
        """Register an account with a resident membership of a community"""
        throttle.check_address("register")
        account, membership = registration.register(runtime.current().outbox, data, requestid.current())
        return {"account": account, "memberships": [membership]}, 201, {"Location": f"{PREFIX}/me"}


@blp.route("/login")
class Login(MethodView):
    @blp.arguments(LoginSchema)
    @blp.response(200, TokensSchema)
    def post(self, data):
        """Log in with a phone number or email and a password"""
        throttle.check_address("login")
        throttle.check_login(data["login"])
        try:
            return sessions.login(runtime.current().tokens, data["login"], data["password"],
                                  request.headers.get("User-Agent"))
        except Problem as refused:
            if refused.status == 401:
                throttle.failed_login(data["login"])
            raise


@blp.route("/refresh")
class Refresh(MethodView):
    @blp.arguments(RefreshSchema)
    @blp.response(200, TokensSchema)
    def post(self, data):
        """Exchange a refresh token (once) for a new token pair"""
        return sessions.refresh(runtime.current().tokens, data["refresh_token"])


@blp.route("/logout")
class Logout(MethodView):
    @blp.arguments(LogoutSchema)
    @blp.response(204)
    @blp.doc(security=[{}, *BEARER])
    def post(self, data):
        """End this session (by refresh token, else the access token), or every session"""
        if data.get("refresh_token"):
            claims = runtime.current().tokens.read(data["refresh_token"], REFRESH)
            session = sessions.live_session(claims)
        else:
            session = guard.current_session()
        sessions.revoke(session, everywhere=data["everywhere"])

