"""Browser tests: a real headless Chromium, driven by Selenium, walks Oversight as a person does.

Run by scripts/browser-tests (which builds Oversight, prepares the demo and starts the server).
Each step saves a screenshot under the results folder; axe-core checks every main page and the
run fails on any serious or critical accessibility violation.
"""
import base64
import hashlib
import hmac
import json
import os
import re
import struct
import sys
import time
from urllib.parse import parse_qs, urlparse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["OVERSIGHT_URL"].rstrip("/")
RESULTS = os.environ.get("OVERSIGHT_RESULTS", "results/browser")
USERS = os.environ["OVERSIGHT_DEMO_USERS"]
ERROR_FILE = os.environ["OVERSIGHT_ERROR_FILE"]

os.makedirs(RESULTS, exist_ok=True)
passwords = {}
with open(USERS) as f:
    for line in f:
        name, role, password = line.rstrip("\n").split("\t")
        passwords[role] = (name, password)

options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600", "--disable-gpu"]:
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
driver.set_page_load_timeout(60)
# A condition may look at an element of the page being replaced (after a form is posted): such an
# element is stale, and the condition is simply tried again.
wait = WebDriverWait(driver, 60, ignored_exceptions=[StaleElementReferenceException])

failures = []
axe_report = {}
step_number = 0


# The window's width: 1280 px, or 400 px for the narrow walk (a phone held upright).
current_width = 1280


def set_width(width):
    global current_width
    current_width = width
    driver.set_window_size(width, 900)


def step(name):
    global step_number
    step_number += 1
    path = os.path.join(RESULTS, f"{step_number:03d}-{name}.png")
    height = driver.execute_script("return Math.min(document.body.scrollHeight, 6000)")
    driver.set_window_size(current_width, max(900, height))
    driver.save_screenshot(path)
    print(f"step {step_number}: {name} -> {path}")


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def axe_check(name):
    axe = Axe(driver)
    axe.inject()
    result = axe.run()
    bad = [v for v in result["violations"] if v.get("impact") in ("serious", "critical")]
    axe_report[name] = {"url": driver.current_url, "violations": [{"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"])} for v in result["violations"]]}
    for v in bad:
        failures.append(f"axe on {name}: {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        print("AXE:", name, v["impact"], v["id"], v["help"])
    print(f"axe {name}: {len(result['violations'])} violations, {len(bad)} serious or critical")


# Authenticator keys of the users who set one up during this walk, and the last 30-second step
# whose code each used (a code works once, so the next sign-in takes a later step's code).
authenticator_keys = {}
last_steps = {}


def totp(key, step):
    """RFC 6238: HMAC-SHA1 of the step, dynamically truncated to six digits."""
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


def next_code(role):
    """A code for a step not used before: this step's, or the next one's (the server accepts one
    step either side), waiting for the clock when both were used."""
    while True:
        now = int(time.time()) // 30
        step_to_use = max(now, last_steps.get(role, -1) + 1)
        if step_to_use <= now + 1:
            last_steps[role] = step_to_use
            return totp(authenticator_keys[role], step_to_use)
        time.sleep(1)


def second_factor(role, first_time_checks=False):
    """The second step of signing in, for roles that see children's records: at the first sign-in
    the set-up page (its key read from the page, as a person types it into an app) and the
    recovery codes; after that the code page."""
    wait.until(lambda d: "/sign-in/" in d.current_url or d.find_elements(By.CSS_SELECTOR, ".ov-header__sign-out"))
    if "/sign-in/set-up-authenticator" in driver.current_url:
        key = driver.find_element(By.ID, "authenticator-key").text.replace(" ", "")
        authenticator_keys[role] = key
        if first_time_checks:
            step("set-up-authenticator")
            axe_check("set-up-authenticator")
        driver.find_element(By.ID, "code").send_keys(next_code(role))
        click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        codes = driver.find_elements(By.CSS_SELECTOR, "#recovery-codes li")
        check(len(codes) == 10, f"{role}: {len(codes)} recovery codes shown, not 10")
        if first_time_checks:
            step("recovery-codes")
            axe_check("recovery-codes")
        click_through(driver.find_element(By.LINK_TEXT, "Continue"))
    elif "/sign-in/code" in driver.current_url:
        check(role in authenticator_keys, f"{role} was asked for a code before setting up an app")
        if first_time_checks:
            step("second-factor")
            axe_check("second-factor")
        driver.find_element(By.ID, "code").send_keys(next_code(role))
        click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


FOCUS_SCRIPT = """
const yellow = 'rgb(255, 221, 0)';
const controls = Array.from(document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary')).filter(e => e.offsetParent !== null);
const hidden = [];
for (const e of controls) {
  e.focus();
  if (document.activeElement !== e) continue;
  const s = getComputedStyle(e);
  const shows = s.backgroundColor === yellow || s.boxShadow.includes(yellow)
    || (s.outlineColor === yellow && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2);
  if (!shows) hidden.push((e.tagName + ' ' + (e.innerText || e.value || e.name || e.id || '')).trim().slice(0, 60));
}
document.activeElement.blur();
return [controls.length, hidden];
"""


def check_focus_visible(name):
    """WCAG 2.4.7: every control on the page, focused, shows the focus colour (its computed
    background, box shadow or outline)."""
    count, hidden = driver.execute_script(FOCUS_SCRIPT)
    check(not hidden, f"focus not visible on {name}: {hidden[:5]}")
    print(f"focus {name}: {count} controls, {len(hidden)} without a visible focus")


OVERFLOW_SCRIPT = """
const width = document.documentElement.clientWidth;
const wide = Array.from(document.querySelectorAll('body *')).filter(e => {
  // Inside a table's own scrolling frame is fine; the frame itself must fit.
  if (e.parentElement && e.parentElement.closest('.ov-table-wrapper')) return false;
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.right > width + 1;
}).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : ''));
return [document.documentElement.scrollWidth, width, wide];
"""


def check_no_sideways_scroll(name):
    """At 400 px nothing but a table (which scrolls in its own frame) is wider than the window."""
    scroll, width, wide = driver.execute_script(OVERFLOW_SCRIPT)
    check(scroll <= width + 1 and not wide, f"{name}: the page is {scroll} px wide in a {width} px window ({wide})")


def page_is_served(name):
    title = driver.title
    check("Page not found" not in title and "Sorry" not in title and "not allowed" not in title.lower(), f"{name}: {title} at {driver.current_url}")


def open_page(path):
    """Opens `path` as an address typed in; a page of children's records first asks whether to
    open it (it was not reached from a page of the site), and is opened from there, in the site."""
    driver.get(BASE + path)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    if driver.find_element(By.CSS_SELECTOR, "main h1").text == "Open this record?":
        click_through(driver.find_element(By.LINK_TEXT, "Open the record"))
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))


def tour(role, pages):
    """Each of a role's main pages at 1280 px and at 400 px: served, axe, keyboard focus visible
    on every control, and at 400 px no sideways scrolling."""
    for width in (1280, 400):
        set_width(width)
        for label, path in pages:
            open_page(path)
            name = f"{role} {label} at {width} px"
            page_is_served(name)
            step(f"{role}-{label}-{width}")
            axe_check(name)
            check_focus_visible(name)
            if width == 400:
                check_no_sideways_scroll(name)
    set_width(1280)


def first_link(path, pattern):
    """The first link on `path` whose address matches `pattern` (a regular expression)."""
    driver.get(BASE + path)
    for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]"):
        href = a.get_attribute("href") or ""
        found = re.search(pattern, href)
        if found:
            return found.group(0)
    return None


def sign_in(role, first_time_checks=False):
    name, password = passwords[role]
    driver.get(BASE + "/sign-in")
    driver.find_element(By.ID, "username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    if role not in ("board-member", "partner-auditor"):
        second_factor(role, first_time_checks)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".ov-header__sign-out")))


def click_through(element):
    """Clicks a link or button and waits until the page it was on has gone, so that the checks
    after it read the page it leads to."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def gone(_):
        # Chromium reports an element of a page that has gone as stale or, at times, as a node
        # that "does not belong to the document": either way the new page has come.
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True

    wait.until(gone)


def sign_out():
    driver.find_element(By.CSS_SELECTOR, ".ov-header__sign-out button").click()
    wait.until(EC.presence_of_element_located((By.ID, "username")))


try:
    # Sign in.
    driver.get(BASE + "/sign-in")
    step("sign-in")
    axe_check("sign-in")
    check_focus_visible("sign-in")
    sign_in("performance-analyst", first_time_checks=True)

    # The eight ambitions.
    ambitions = driver.find_elements(By.CSS_SELECTOR, "main details.ov-ambition h3[id^=ambition-]")
    check(len(ambitions) == 8, f"the overview shows {len(ambitions)} ambitions, not 8")
    step("overview")
    axe_check("overview")
    check_focus_visible("overview")

    # An ambition.
    click_through(driver.find_element(By.CSS_SELECTOR, "main details.ov-ambition a[href^='/ambitions/2']"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    check("Right help" in driver.find_element(By.CSS_SELECTOR, "main").text and "/ambitions/2" in driver.current_url, "the ambition page is not ambition 2")
    step("ambition")
    axe_check("ambition")
    check_focus_visible("ambition")

    # Open a KPI: the re-referrals measure, from its tile on the overview.
    driver.get(BASE + "/")
    link = driver.find_element(By.CSS_SELECTOR, "a[href^='/measures/rereferrals_12m_pct']")
    click_through(link)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    check("/measures/rereferrals_12m_pct" in driver.current_url, "the KPI tile did not open its measure")
    step("measure")
    axe_check("measure")
    check_focus_visible("measure")

    # Drill into its children: the numerator list links each child.
    children = driver.find_elements(By.CSS_SELECTOR, "main a[href^='/children/']")
    check(len(children) > 0, "the measure page lists no children")
    first_child = children[0].text
    click_through(children[0])
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    check(first_child in driver.find_element(By.CSS_SELECTOR, "main h1").text, "the child page is not the child clicked")
    step("child")
    axe_check("child")

    # Data: upload a file with an error and see it reported.
    driver.get(BASE + "/data")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    step("data")
    axe_check("data")
    check_focus_visible("data")
    driver.get(BASE + "/data/upload")
    step("upload")
    axe_check("upload")
    check_focus_visible("upload")
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(ERROR_FILE)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    deadline = time.time() + 120
    while time.time() < deadline and "/data/imports/" not in driver.current_url:
        time.sleep(1)
        if "/data/jobs/" in driver.current_url:
            driver.refresh()
    check("/data/imports/" in driver.current_url, f"the upload did not reach its import page (at {driver.current_url})")
    body = driver.find_element(By.TAG_NAME, "main").text
    check(os.path.basename(ERROR_FILE) in body, "the import page does not name the uploaded file")
    check("Error" in body, "the import page shows no error for a file with an error")
    summary = driver.find_elements(By.CSS_SELECTOR, ".ov-error-summary")
    check(len(summary) == 1, "the import page has no error summary")
    step("import-with-error")
    axe_check("import")

    # The period travels: the overview set to 12 months to a month's end, a status count, a KPI,
    # all its records, and back to the overview, the period kept at every step; at both widths.
    def period_journey(width):
        set_width(width)
        driver.get(BASE + "/")
        driver.find_element(By.CSS_SELECTOR, "#period-choice summary").click()
        period_select = driver.find_element(By.ID, "period")
        option = period_select.find_elements(By.TAG_NAME, "option")[1]
        chosen_label = option.text
        option.click()
        click_through(driver.find_element(By.CSS_SELECTOR, ".ov-period-form button"))
        period = parse_qs(urlparse(driver.current_url).query).get("period", [""])[0]
        # A reporting year chosen as "2024" travels in links as its dates.
        if re.fullmatch(r"\d{4}", period):
            period = f"{int(period) - 1}-04-01..{period}-03-31"
        check(period != "", f"choosing '{chosen_label}' did not put the period in the address ({driver.current_url})")
        counts = driver.find_elements(By.CSS_SELECTOR, ".ov-status-counts a")
        check(len(counts) > 0, "the overview's status counts are not links")
        if counts:
            click_through(counts[0])
            check("period=" in driver.current_url, f"the status count lost the period ({driver.current_url})")
            step(f"overview-one-status-{width}")
            click_through(driver.find_element(By.CSS_SELECTOR, "main .ov-tile a[href^='/measures/']"))
            check(f"period={period}" in driver.current_url, f"the KPI lost the period ({driver.current_url})")
            all_tab = driver.find_elements(By.ID, "tab-all")
            if all_tab:
                click_through(all_tab[0])
                check("records=all" in driver.current_url, "the All tab did not open every record")
                step(f"measure-all-records-{width}")
            click_through(driver.find_element(By.CSS_SELECTOR, ".ov-nav a[href^='/?']"))
            check(f"period={period}" in driver.current_url, f"back on the overview the period is lost ({driver.current_url})")
        set_width(1280)

    for width in (1280, 400):
        period_journey(width)
    child_path = first_link("/measures/rereferrals_12m_pct", r"/children/[^?#]+")
    tour("performance-analyst", [
        ("overview", "/"), ("off-track", "/?status=red"), ("ambition", "/ambitions/2"), ("measures", "/measures"),
        ("measure", "/measures/rereferrals_12m_pct"), ("measure-all", "/measures/rereferrals_12m_pct?records=all"),
        ("child", child_path or "/"), ("data", "/data"), ("upload", "/data/upload"), ("entries", "/plan/entries"),
        ("plan", "/plan"), ("reports", "/reports"),
    ])

    # A measure page as a board member: no children.
    sign_out()
    sign_in("board-member")
    driver.get(BASE + "/measures/rereferrals_12m_pct")
    check(len(driver.find_elements(By.CSS_SELECTOR, "a[href^='/children/']")) == 0, "a board member sees child links")
    step("measure-board-member")
    driver.get(BASE + "/measures")
    axe_check("measures")
    tour("board-member", [
        ("overview", "/"), ("measure", "/measures/rereferrals_12m_pct"), ("ambition-actions", "/ambitions/2?tab=actions"),
        ("commentary", "/ambitions/2?tab=commentary"), ("reports", "/reports"),
    ])

    # Administrator pages.
    sign_out()
    sign_in("administrator")
    driver.get(BASE + "/activity")
    check("viewed child" in driver.find_element(By.TAG_NAME, "main").text, "the activity log does not show the child view")
    step("activity-log")
    axe_check("activity")
    driver.get(BASE + "/users")
    step("users")
    axe_check("users")
    check_focus_visible("users")
    driver.get(BASE + "/no/such/page")
    step("not-found")
    axe_check("not-found")
    tour("administrator", [
        ("overview", "/"), ("users", "/users"), ("activity", "/activity"), ("organisation", "/organisation"),
        ("feedback", "/feedback"), ("feedback-record", "/feedback/forms/family-help"), ("feedback-responses", "/feedback/responses/all"),
    ])

    # Families' feedback: a link made on the Feedback page, answered by the family without an
    # account (the page names no child), then refused the second time.
    driver.get(BASE + "/feedback")
    click_through(driver.find_element(By.XPATH, "//main//button[normalize-space()='Create a link']"))
    family_link = driver.find_element(By.ID, "new-link").text.strip()
    check("/feedback/" in family_link, f"no family link on the page ({family_link!r})")
    step("feedback-link-made")
    sign_out()
    driver.get(family_link)
    page_is_served("the family's feedback form")
    check(not driver.find_elements(By.CSS_SELECTOR, "a[href^='/children/']"), "the family's form links to a child")
    check(not driver.find_elements(By.CSS_SELECTOR, ".ov-header__sign-out"), "the family's form shows a signed-in header")
    step("feedback-family-form")
    axe_check("the family's feedback form")
    check_focus_visible("the family's feedback form")
    seen = set()
    for radio in driver.find_elements(By.CSS_SELECTOR, "main input[type=radio]"):
        name = radio.get_attribute("name")
        if name not in seen:
            seen.add(name)
            driver.execute_script("arguments[0].click()", radio)
    click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    check(driver.find_element(By.CSS_SELECTOR, "main h1").text == "Thank you", "the family's answers were not thanked")
    step("feedback-family-thanks")
    axe_check("the family's thanks")
    driver.get(family_link)
    check("expired or has already been used" in driver.find_element(By.CSS_SELECTOR, "main h1").text, "a used link was offered again")
    step("feedback-family-used")
    axe_check("a used family link")
    sign_in("administrator")

    # Quality assurance: an auditor completes and submits an audit; a moderator moderates one.
    sign_out()
    sign_in("auditor")
    driver.get(BASE + "/audits")
    step("my-audits")
    axe_check("my-audits")
    audit_anchors = [a for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/audits/']")
                     if re.search(r"/audits/[0-9a-f]{8}-", a.get_attribute("href") or "")]
    audit_links = [a.get_attribute("href") for a in audit_anchors]
    check(len(audit_links) > 0, "the auditor has no audits assigned")
    if audit_links:
        # Opened by a click in the site, as a person does: a page of a child's records opened
        # from outside the site (an address typed in) first asks whether to open it.
        click_through(audit_anchors[0])
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main form")))
        axe_check("audit-form")
        # Submitting with answers missing gives an error summary that links to the questions.
        # The form of the page posted from is there until the answer comes.
        click_through(driver.find_element(By.CSS_SELECTOR, "main form button[value=submit]"))
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main form")))
        summary = driver.find_elements(By.CSS_SELECTOR, ".ov-error-summary a[href^='#q-']")
        check(len(summary) > 0, "submitting an incomplete audit shows no error summary linking to the questions")
        step("audit-missing-answers")
        # Answer every question: the first option of each choice, words in every text box.
        seen = set()
        for radio in driver.find_elements(By.CSS_SELECTOR, "main form input[type=radio]"):
            name = radio.get_attribute("name")
            if name not in seen:
                seen.add(name)
                driver.execute_script("arguments[0].checked = true;", radio)
        for box in driver.find_elements(By.CSS_SELECTOR, "main form textarea"):
            box.clear()
            box.send_keys("Evidenced in the case record (browser test).")
        click_through(driver.find_element(By.CSS_SELECTOR, "main form button[value=submit]"))
        wait.until(lambda d: "/audits" in d.current_url and "There is a problem" not in d.find_element(By.TAG_NAME, "main").text)
        check(driver.current_url.rstrip("/").endswith("/audits?notice=submitted") or "notice=submitted" in driver.current_url,
              f"the complete audit was not submitted (at {driver.current_url})")
        step("audit-submitted")
    tour("auditor", [("my-audits", "/audits"), ("learning", "/audits/learning")])
    sign_out()
    sign_in("moderator")
    driver.get(BASE + "/audits/moderation")
    step("moderation-queue")
    axe_check("moderation-queue")
    moderate_links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href$='/moderate']")]
    check(len(moderate_links) > 0, "the moderation queue is empty")
    if moderate_links:
        before = len(moderate_links)
        driver.get(moderate_links[0])
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "main form")))
        axe_check("moderation-form")
        check_focus_visible("moderation-form")
        radio = driver.find_elements(By.CSS_SELECTOR, "main form input[type=radio][name=grade]")[1]
        driver.execute_script("arguments[0].checked = true;", radio)
        driver.find_element(By.CSS_SELECTOR, "main form textarea").send_keys("Agreed after reading the case record (browser test).")
        click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        wait.until(EC.url_contains("/audits/moderation"))
        after = len(driver.find_elements(By.CSS_SELECTOR, "main a[href$='/moderate']"))
        check(after == before - 1, f"the moderated audit is still in the queue ({before} before, {after} after)")
        step("moderated")
    driver.get(BASE + "/audits/learning")
    step("learning")
    axe_check("learning")
    check_focus_visible("learning")
    tour("moderator", [("moderation", "/audits/moderation"), ("learning", "/audits/learning"), ("audit-alerts", "/audits/alerts")])

    # A manager updates an action's progress and moves its due date, each through a check page.
    sign_out()
    sign_in("manager")
    def action_journey(width):
        """Returns the action's path."""
        set_width(width)
        driver.get(BASE + "/ambitions/1?tab=actions")
        updates = driver.find_elements(By.CSS_SELECTOR, "main .ov-summary-card a[href$='/update']")
        check(len(updates) > 0, "the Actions tab offers the manager no update")
        action_path = "/"
        if updates:
            click_through(updates[0])
            driver.find_element(By.ID, "text").send_keys("Front door review booked (browser test).")
            driver.execute_script("arguments[0].checked = true;", driver.find_element(By.CSS_SELECTOR, "input[name=status][value=on_track]"))
            click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            check("Check your update" in driver.find_element(By.CSS_SELECTOR, "main h1").text, "the update has no check page")
            step(f"action-update-check-{width}")
            axe_check(f"action update check at {width} px")
            click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            check("The update is saved" in driver.find_element(By.TAG_NAME, "main").text, "the checked update was not saved")
            action_path = urlparse(driver.current_url).path
            click_through(driver.find_element(By.CSS_SELECTOR, "main a[href$='/change/due']"))
            for part, value in (("day", "31"), ("month", "3"), ("year", "2027")):
                box = driver.find_element(By.ID, f"due-{part}")
                box.clear()
                box.send_keys(value)
            click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            check("31 March 2027" in driver.find_element(By.TAG_NAME, "main").text, "the check page does not show the new due date")
            click_through(driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
            main = driver.find_element(By.TAG_NAME, "main").text
            check("The due date is changed" in main and "31 March 2027" in main, "the new due date was not saved")
            step(f"action-after-changes-{width}")
        set_width(1280)
        return action_path

    for width in (1280, 400):
        action_path = action_journey(width)
    tour("manager", [
        ("overview", "/"), ("ambition-actions", "/ambitions/1?tab=actions"), ("action", action_path),
        ("update-form", action_path + "/update"), ("due-date-form", action_path + "/change/due"),
        ("owner-form", action_path + "/change/owner"), ("add-action", "/plan/ambitions/1/actions"), ("rounds", "/audits/rounds"),
    ])

    # A team manager's day: the daily list for their team, the week's report for it, then the
    # team's performance clinic, where an action is agreed that goes into the plan.
    team = "Child protection team 1"
    open_page("/lists")
    check(driver.find_element(By.CSS_SELECTOR, "main h1").text == "Lists", "the Lists page did not open from the site")
    driver.execute_script("document.getElementById('for').value = arguments[0];", "team:" + team)
    click_through(driver.find_element(By.CSS_SELECTOR, "main form[action='/lists'] button"))
    heading = driver.find_element(By.CSS_SELECTOR, "main h2").text
    check(heading.startswith("Daily list: " + team), f"the daily list for the team is headed {heading!r}")
    sections = driver.find_elements(By.CSS_SELECTOR, "main .ov-report h2")
    check(len(sections) >= 8, f"the daily list has {len(sections)} sections")
    check(len(driver.find_elements(By.CSS_SELECTOR, "main .ov-report a[href^='/children/']")) > 0, "the team's daily list names no child")
    step("daily-list-team")
    click_through(driver.find_element(By.ID, "tab-weekly"))
    check(driver.find_element(By.CSS_SELECTOR, "main h2").text.startswith("Weekly report: " + team), "the weekly tab lost the team")
    step("weekly-report-team")
    open_page("/clinics")
    driver.execute_script("document.getElementById('for').value = arguments[0];", "team:" + team)
    click_through(driver.find_element(By.CSS_SELECTOR, "main form[action='/clinics'] button"))
    main = driver.find_element(By.TAG_NAME, "main").text
    check(("Performance clinic: " + team) in main, "the clinic is not the team's")
    check("Review every child protection plan open more than nine months" in main, "the clinic does not show the actions agreed at the demo's earlier clinics")
    step("clinic")
    clinic_path = urlparse(driver.current_url).path + "?" + urlparse(driver.current_url).query
    driver.find_element(By.ID, "text").send_keys("Check every open assessment past 35 working days each Monday (browser test).")
    driver.find_element(By.ID, "owner").send_keys("Team manager")
    for part, value in (("day", "30"), ("month", "6"), ("year", "2027")):
        driver.find_element(By.ID, f"due-{part}").send_keys(value)
    click_through(driver.find_element(By.CSS_SELECTOR, "main form[action='/clinics/actions'] button"))
    main = driver.find_element(By.TAG_NAME, "main").text
    check("The agreed action is in the plan" in main and "(browser test)" in main, "the action agreed at the clinic was not saved or not shown")
    step("clinic-action-agreed")
    tour("manager-front-line", [
        ("daily-list", "/lists?for=team:" + team.replace(" ", "%20")), ("weekly-report", "/lists?list=weekly"),
        ("monthly-pack", "/lists?list=monthly&for=service:Children%20in%20care%20and%20care%20leavers"), ("teams", "/teams"), ("clinics", "/clinics"),
        ("clinic", clinic_path), ("overview-for-team", "/?for=team:" + team.replace(" ", "%20")),
        ("ambition-for-team", "/ambitions/2?for=team:" + team.replace(" ", "%20")), ("audit-alerts", "/audits/alerts"),
    ])

    # A strategic lead writes the commentary the board pack prints.
    sign_out()
    sign_in("strategic-lead")
    driver.get(BASE + "/ambitions/2?tab=commentary")
    driver.find_element(By.ID, "text").clear()
    driver.find_element(By.ID, "text").send_keys("Re-referrals fell after the front door review (browser test).")
    click_through(driver.find_element(By.CSS_SELECTOR, "main form[action$='/commentary'] button[type=submit]"))
    main = driver.find_element(By.TAG_NAME, "main").text
    check("The commentary is saved" in main and "(browser test)" in main, "the lead's commentary was not saved")
    tour("strategic-lead", [("overview", "/"), ("commentary", "/ambitions/2?tab=commentary"), ("plan", "/plan")])

    # A partner auditor answers and submits their agency's section of a multi-agency audit.
    sign_out()
    sign_in("partner-auditor")
    driver.get(BASE + "/audits")
    partner_audits = [a for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/audits/']")
                      if re.search(r"/audits/[0-9a-f]{8}-", a.get_attribute("href") or "")]
    check(len(partner_audits) > 0, "the partner auditor has no audit")
    partner_path = "/audits"
    if partner_audits:
        partner_path = urlparse(partner_audits[0].get_attribute("href")).path
        click_through(partner_audits[0])
        submit = driver.find_elements(By.CSS_SELECTOR, "main form button[value=submit]")
        if submit:
            check("Submit my section" in submit[0].text, "the partner auditor is not offered their section's submit")
            seen = set()
            for radio in driver.find_elements(By.CSS_SELECTOR, "main form input[type=radio]"):
                if radio.get_attribute("name") not in seen:
                    seen.add(radio.get_attribute("name"))
                    driver.execute_script("arguments[0].checked = true;", radio)
            click_through(submit[0])
            check("Your section was submitted" in driver.find_element(By.TAG_NAME, "main").text, "the partner's section was not submitted")
            step("partner-section-submitted")
        else:
            # Opened by a click in the site (an address typed in first asks whether to open a child's record).
            check("You submitted your section" in driver.find_element(By.TAG_NAME, "main").text,
                  "the partner auditor can neither submit their section nor sees it submitted")
    tour("partner-auditor", [("my-audits", "/audits"), ("audit", partner_path)])

    # The analyst again: the second sign-in asks for a code from the app set up at the first.
    driver.get(BASE + "/")
    sign_out()
    sign_in("performance-analyst", first_time_checks=True)
    check(driver.current_url.rstrip("/") == BASE, f"after the code the analyst is at {driver.current_url}, not the overview")

    # Sign out.
    driver.get(BASE + "/")
    sign_out()
    step("signed-out")
    driver.get(BASE + "/")
    check("/sign-in" in driver.current_url, "after signing out the overview is still shown")
finally:
    with open(os.path.join(RESULTS, "axe.json"), "w") as f:
        json.dump(axe_report, f, indent=2)
    driver.quit()

if failures:
    print(f"\n{len(failures)} browser test failures:")
    for f in failures:
        print(" -", f)
    sys.exit(1)
print(f"\nbrowser tests passed: {step_number} steps, axe on {len(axe_report)} pages, no serious or critical violations")
