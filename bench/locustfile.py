"""Load users for bench/load.py (run by it, on loopback only): judges scoring on their phones,
counties saving and submitting their month while the city office approves, and people browsing.

LOAD_PLAN names the plan bench/load_world.py wrote; LOAD_SCENARIO picks the users (judges, rush,
browse); LOAD_ACKS is where the writes the server acknowledged are kept, to be counted after.
"""

import itertools
import json
import os
import random
import re
import uuid
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.contrib.fasthttp import FastHttpUser

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
SCENARIO = os.environ.get("LOAD_SCENARIO", "judges")
ACKS: dict[str, set] = {"scores": set(), "approved": set()}
# Milliseconds of the work itself, once every user has signed in (the users start a few a
# second, and work done while others still sign in meets neither the run's full number of users
# nor only them), and of signing in (a password with its deliberately slow hash, or a judge's
# link), kept apart.
TIMES: list[float] = []
SIGN_IN_TIMES: list[float] = []
_SIGNING_IN = {"登录", "登录页", "评委链接"}
_signed_in = {"users": 0, "all": False}
_judges = itertools.cycle(PLAN["judges"])
_reports = itertools.cycle(PLAN["reports"])
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


class _Form(HTMLParser):
    """The inputs of the first form posting to `action` on a page: name → value."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside, self.values = action, False, {}
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("action", "") in ("", self.action) and not self.values
        elif self.inside and tag == "textarea" and attributes.get("name"):
            self.textarea = attributes["name"]
            self.values[self.textarea] = ""
        elif (
            self.inside
            and tag == "input"
            and attributes.get("name")
            and attributes.get("type") not in ("submit", "button", "file", "checkbox")
        ):
            self.values[attributes["name"]] = attributes.get("value") or ""

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None


def _csrf(page: str) -> str:
    match = _CSRF.search(page)
    return match.group(1) if match else ""


def _log_in(user: HttpUser, username: str) -> None:
    page = user.client.get("/accounts/login/", name="登录页").text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    user.client.post(
        "/accounts/login/",
        {"username": username, "password": PLAN["password"], "csrfmiddlewaretoken": token},
        name="登录",
    )


class Judge(FastHttpUser):
    """A judge on the tour: opens his link (no password), then scores the sites in turn;
    sometimes his phone sends the same submission twice (a double tap or a resend after a
    dropped connection). Two hundred of them: locust's lighter client, so that the load
    generator takes less of the two cores the server runs on."""

    weight = 1 if SCENARIO == "judges" else 0
    wait_time = between(0.5, 2)

    def on_start(self):
        token = next(_judges)
        self.token = token
        page = self.client.get(f"/observation/j/{token}/", name="评委链接").text
        self.csrf = _csrf(page)
        self.sites = list(PLAN["sites"])
        random.shuffle(self.sites)
        _has_signed_in(self)

    @task
    def score_a_site(self):
        site = self.sites[0]
        self.sites.append(self.sites.pop(0))
        points = {
            str(pk): str(float(top) - random.choice(range(0, 11)) / 2)
            for pk, top in PLAN["criteria"]
        }
        body = {"site": site, "submission": str(uuid.uuid4()), "points": points, "remark": "好"}
        sends = 2 if random.random() < 0.1 else 1
        for _ in range(sends):
            with self.client.post(
                "/observation/judge/scores/",
                json=body,
                headers={"X-CSRFToken": self.csrf},
                name="评委提交评分",
                catch_response=True,
            ) as response:
                if response.status_code == 200 and response.json().get("stored"):
                    ACKS["scores"].add((self.token, site))
                    response.success()
                elif response.status_code == 400:
                    response.success()  # a refusal with its reason (e.g. the site is closed)
                else:
                    response.failure(f"{response.status_code}")


class County(HttpUser):
    """A county office at month's end: saves its grid (the figures it shows, one changed) and
    submits it."""

    weight = 12 if SCENARIO == "rush" else 0
    wait_time = between(1, 3)

    def on_start(self):
        assignment = next(_reports)
        self.report = assignment["report"]
        _log_in(self, assignment["user"])
        _has_signed_in(self)

    @task
    def save_and_submit(self):
        url = f"/reporting/reports/{self.report}/"
        page = self.client.get(url, name="月报表格").text
        form = _Form(url)
        form.feed(page)
        values = dict(form.values)
        projects = [name[2:] for name in values if name.startswith("c-") and values[name]]
        if projects:
            # One project's month grows by a few 万元, and its cumulative with it.
            pid, more = random.choice(projects), random.randint(1, 50)
            for field in (f"c-{pid}", f"k-{pid}"):
                if values.get(field):
                    values[field] = str(float(values[field]) + more)
            values["action"] = "save"
            self.client.post(url, values, name="保存月报")
        submit = _Form(f"{url}submit/")
        submit.feed(self.client.get(url, name="月报表格").text)
        if submit.values:
            self.client.post(f"{url}submit/", submit.values, name="提交月报")


class CityOffice(HttpUser):
    """The city office approving whatever has been submitted."""

    weight = 1 if SCENARIO == "rush" else 0
    wait_time = between(0.5, 1.5)

    def on_start(self):
        _log_in(self, PLAN["city_office"])
        _has_signed_in(self)

    @task
    def approve(self):
        report = random.choice(PLAN["reports"])["report"]
        url = f"/reporting/reports/{report}/"
        page = self.client.get(url, name="审核月报").text
        form = _Form(f"{url}approve/")
        form.feed(page)
        if not form.values:
            return
        answer = self.client.post(f"{url}approve/", form.values, name="审核通过")
        if "审核通过" in answer.text and "已审核通过" in answer.text:
            ACKS["approved"].add(report)


class Browser(HttpUser):
    """Someone reading: the dashboard, warnings, the project list and a page of figures."""

    weight = 20 if SCENARIO == "browse" else 0
    wait_time = between(1, 3)

    def on_start(self):
        _log_in(self, random.choice(PLAN["browsers"]))
        _has_signed_in(self)

    @task(3)
    def dashboard(self):
        self.client.get("/", name="看板")

    @task(2)
    def projects(self):
        self.client.get("/projects/?sort=-completion_rate", name="项目列表")

    @task
    def warnings(self):
        self.client.get("/warnings/", name="预警")

    @task
    def map_points(self):
        self.client.get("/map/", name="地图")


def _has_signed_in(user) -> None:
    """Count a user who has signed in; the work is timed from the last one on."""
    _signed_in["users"] += 1
    if _signed_in["users"] >= user.environment.parsed_options.num_users:
        _signed_in["all"] = True


@events.request.add_listener
def _time_the_work(name, response_time, **_kwargs):
    if name in _SIGNING_IN:
        SIGN_IN_TIMES.append(response_time)
    elif _signed_in["all"]:
        TIMES.append(response_time)


@events.quitting.add_listener
def _keep_acknowledged(environment, **_kwargs):
    out = os.environ.get("LOAD_ACKS")
    if out:
        kept = {
            "scores": sorted(ACKS["scores"]),
            "approved": sorted(ACKS["approved"]),
            "times": TIMES,
            "sign_in_times": SIGN_IN_TIMES,
        }
        Path(out).write_text(json.dumps(kept), encoding="utf-8")
