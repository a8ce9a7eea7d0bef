"""The class's accounts: NativeAuthenticator, as jupyterhub_config.py uses it
with EIF_HUB_AUTH=native (students sign up at /hub/signup, the teacher approves
them at /hub/authorize), with three changes for a class on one server:

- The password check (bcrypt, about 0.25 s of CPU on an idle core) runs in a
  thread. NativeAuthenticator runs it on the hub's event loop, where 30
  students logging in at once stall every page and API call of the hub, one
  check after another.
- A refused login says why: a wrong name or password; an account waiting for
  the teacher's approval (said only to whoever gives its right password); or
  too many failed tries, with the time left to wait.
- Lockout: after `allowed_failed_logins` wrong passwords in a row for one
  account, its next try waits `seconds_before_next_try` seconds (both
  NativeAuthenticator's settings; jupyterhub_config.py sets them from
  EIF_LOGIN_ATTEMPTS and EIF_LOGIN_WAIT). Each wrong password after that
  waits again; a right one clears the count. A waiting account costs no
  password check, and one account's tries are checked one at a time, so
  parallel guesses cannot slip past the count. A new password set by the
  teacher ends the wait. The count lives in the hub's memory: restarting the
  hub clears it.
"""

from __future__ import annotations

import asyncio
import math
import time

import bcrypt
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import LoginHandler as NativeLoginHandler

INVALID, WAITING, BLOCKED = "invalid", "waiting", "blocked"


class ClassAuthenticator(NativeAuthenticator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._failures: dict[str, tuple[int, float]] = {}  # name: (wrong passwords in a row, when the last was)
        self._locks: dict[str, asyncio.Lock] = {}  # one per existing account that tried

    def wait_left(self, name: str) -> float:
        """Seconds before the account's next try may be checked (0: now)."""
        count, last = self._failures.get(name, (0, 0.0))
        if not self.allowed_failed_logins or count < self.allowed_failed_logins:
            return 0.0
        return max(0.0, last + self.seconds_before_next_try - time.monotonic())

    async def authenticate(self, handler, data):
        name = self.normalize_username(data.get("username", ""))
        password = data.get("password", "")
        refusal = INVALID
        try:
            user = self.get_user(name)
            if user is None:
                return None
            async with self._locks.setdefault(name, asyncio.Lock()):
                if self.wait_left(name) > 0:
                    refusal = BLOCKED
                    return None
                ok = await asyncio.to_thread(bcrypt.checkpw, password.encode(), user.password)
                if ok and user.has_2fa:
                    ok = user.is_valid_token(data.get("2fa"))
                if not ok:
                    count, _ = self._failures.get(name, (0, 0.0))
                    self._failures[name] = (count + 1, time.monotonic())
                    if self.wait_left(name) > 0:
                        refusal = BLOCKED
                    return None
                self._failures.pop(name, None)
                if not user.is_authorized:
                    refusal = WAITING
                    return None
                return name
        finally:
            if handler is not None:
                handler.eif_refusal = (refusal, name)

    def change_password(self, username, new_password):
        """The teacher's new password for a student (/hub/change-password/NAME)
        also ends the account's wait."""
        changed = super().change_password(username, new_password)
        if changed:
            self._failures.pop(self.normalize_username(username), None)
        return changed

    def refusal_message(self, refusal: str, name: str) -> str:
        if refusal == WAITING:
            return f"Your account {name} is waiting for the teacher's approval. Once approved, log in again."
        if refusal == BLOCKED:
            left = self.wait_left(name)
            wait = f"{math.ceil(left / 60)} min" if left >= 60 else f"{math.ceil(left)} s"
            return (
                f"Too many failed logins for {name}: wait {wait} before the next try. "
                "Forgotten password? Ask your teacher to set a new one."
            )
        return "Invalid username or password."

    def get_handlers(self, app):
        return [(path, ClassLoginHandler if h is NativeLoginHandler else h) for path, h in super().get_handlers(app)]


class ClassLoginHandler(NativeLoginHandler):
    """NativeAuthenticator's login page; a refused login answers 403 with the
    authenticator's reason, and checks no password a second time."""

    async def post(self):
        data = {
            arg: self.get_argument(arg, strip=arg == "username")
            for arg in self.request.body_arguments
            if arg != "_xsrf"
        }
        user = await self.login_user(data)
        if user:
            self._jupyterhub_user = user
            self.redirect(self.get_next_url(user))
            return
        refusal, name = getattr(self, "eif_refusal", (INVALID, data.get("username", "")))
        self.set_status(403)
        html = await self._render(login_error=self.authenticator.refusal_message(refusal, name), username=name)
        self.finish(html)
