#!/usr/bin/env python3
"""The report in a real browser, driven as a reader would: Debian's headless Chromium through
chromedriver and Selenium (PyPI), with axe-core (bundled by PyPI's axe-selenium-python) for
accessibility. Run by Tests/CLITests/ReportSeleniumTests.swift, which makes the report and checks the
JSON this prints; screenshots go to ARTIFACTS (390 px as an iPhone 12-sized phone, 1280 px desktop).

usage: report_in_browser.py REPORT_DIR ARTIFACTS_DIR [GROUP_REPORT_DIR]
(GROUP_REPORT_DIR: a report whose study map shows groups, with map.html: checked with axe as well)
Prints one JSON object; exit 3 when Selenium or chromedriver is missing (the test then skips).
"""
import json
import os
import shutil
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from axe_selenium_python import Axe
except ImportError as error:
    print(f"missing: {error}", file=sys.stderr)
    sys.exit(3)

report, artifacts = sys.argv[1], sys.argv[2]
group_report = sys.argv[3] if len(sys.argv) > 3 else None
driver_path = shutil.which("chromedriver")
browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
if not driver_path or not browser_path:
    print("missing: chromedriver or chromium", file=sys.stderr)
    sys.exit(3)
os.makedirs(artifacts, exist_ok=True)


def browser(width=1280, height=900, phone=False):
    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
        options.add_argument(flag)
    if phone:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 3.0}})
    else:
        options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


def url(page, fragment="", directory=None):
    return "file://" + os.path.abspath(os.path.join(directory or report, page)) + fragment


def console(driver):
    return [entry["message"] for entry in driver.get_log("browser")]


def visible_rows(driver):
    return [r.find_elements(By.TAG_NAME, "td")[0].text.strip()
            for r in driver.find_elements(By.CSS_SELECTOR, "table.sortable tbody tr") if r.is_displayed()]


result = {"console": [], "axe": {}, "screenshots": []}
driver = browser()
try:
    # Search: typing "repair cafe" into the search field leaves Repair-Café Cracau.
    driver.get(url("index.html"))
    field = driver.find_element(By.CSS_SELECTOR, "form#filters input[name=q]")
    field.send_keys("repair cafe")
    result["search"] = {"rows": visible_rows(driver), "address": driver.execute_script("return location.hash")}
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    # Sorting: a click on the weak-tie share heading, then again (descending); by keyboard (Enter).
    heads = driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th")
    heads[4].click()
    ascending = driver.execute_script(
        "return [...document.querySelectorAll('table.sortable tbody tr')].map(r=>parseFloat(r.getAttribute('data-weak')))")
    heads[4].click()
    descending = driver.execute_script(
        "return [...document.querySelectorAll('table.sortable tbody tr')].map(r=>parseFloat(r.getAttribute('data-weak')))")
    heads[3].send_keys(Keys.ENTER)
    by_ties = [int(r.find_elements(By.TAG_NAME, "td")[3].text) for r in driver.find_elements(By.CSS_SELECTOR, "table.sortable tbody tr")]
    result["sort"] = {"ascending": ascending, "descending": descending, "ties": by_ties,
                      "aria": heads[3].get_attribute("aria-sort")}
    result["console"] += console(driver)
    # The study map: a click on Repair-Café Cracau's node opens its page.
    node = driver.find_element(By.XPATH, "//figure[contains(@class,'map')]//*[local-name()='a'][@*[local-name()='href']='repair-cafe-cracau.html']")
    driver.execute_script("arguments[0].scrollIntoView({block:'center'})", node)
    node.find_element(By.XPATH, "./*[local-name()='text'][1]").click()  # the label, as a reader clicks
    time.sleep(0.3)
    result["node_click"] = driver.current_url.rsplit("/", 1)[-1]
    # On the page, a tie on its ego map opens that tie's evidence card: clicked at the middle of its line
    # (a reader aims at the line; the first tie whose middle is not covered by another element).
    href = None
    for tie in driver.find_elements(By.XPATH, "//figure[contains(@class,'ego')]//*[local-name()='g'][contains(@class,'edge')]//*[local-name()='a']"):
        line = tie.find_element(By.XPATH, "./*[local-name()='path']")
        driver.execute_script("arguments[0].scrollIntoView({block:'center'})", line)
        point = driver.execute_script(
            "const p=arguments[0],l=p.getTotalLength(),m=p.getScreenCTM();"
            "for(const f of [0.5,0.4,0.6,0.3,0.7]){const q=p.getPointAtLength(l*f);"
            "const x=Math.round(q.x*m.a+q.y*m.c+m.e),y=Math.round(q.x*m.b+q.y*m.d+m.f);"
            "if(document.elementFromPoint(x,y)===p)return [x,y];}return null", line)
        if not point:
            continue
        x, y = point
        href = tie.get_attribute("href") or tie.get_attribute("xlink:href")
        action = ActionBuilder(driver)
        action.pointer_action.move_to_location(int(x), int(y))
        action.pointer_action.click()
        action.perform()
        time.sleep(0.3)
        break
    fragment = driver.execute_script("return location.hash")
    target = driver.execute_script("const t=document.querySelector(':target');return t?[t.tagName,t.className,t.textContent.slice(0,400)]:null")
    result["tie_click"] = {"href": href, "fragment": fragment, "target": target}
    result["console"] += console(driver)
    # Accessibility (axe-core, WCAG 2 A and AA) on the overview and an innovation page.
    pages = [(page, report, page) for page in ["index.html", "repair-cafe-cracau.html", "partners.html"]]
    if group_report:
        pages += [("groups/" + page, group_report, page) for page in ["index.html", "map.html"]]
    for name, directory, page in pages:
        driver.get(url(page, directory=directory))
        axe = Axe(driver)
        axe.inject()
        found = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
        result["axe"][name] = [{"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"]),
                                "first": v["nodes"][0]["html"][:200] if v["nodes"] else ""} for v in found["violations"]]
        result["console"] += console(driver)
    for page in ["index.html", "repair-cafe-cracau.html"]:
        driver.get(url(page))
        name = f"{os.path.splitext(page)[0]}-1280.png"
        driver.save_screenshot(os.path.join(artifacts, name))
        result["screenshots"].append(name)
finally:
    driver.quit()

# A phone: 390 px wide, device emulation; no page scrolls sideways.
phone = browser(390, 844, phone=True)
try:
    result["phone"] = {}
    for page in ["index.html", "repair-cafe-cracau.html", "partners.html"]:
        phone.get(url(page))
        width = phone.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]")
        result["phone"][page] = width
        name = f"{os.path.splitext(page)[0]}-390.png"
        phone.save_screenshot(os.path.join(artifacts, name))
        result["screenshots"].append(name)
    result["console"] += console(phone)
finally:
    phone.quit()

print(json.dumps(result))
