#!/usr/bin/python3
# test-e2e.py: drives the real Tally binary through its accessibility tree,
# as a screen reader or a user's script would, and checks what it shows.
#
# The script starts itself again under dbus-run-session, so the app and the
# AT-SPI registry get a private session bus; the app registers there, and
# the inner run finds its widgets by role and name, types into the search
# entry, clicks buttons and reads what the window says.  The inner run writes
# TAP to a file that the outer run prints, because the bus's daemons write to
# the standard output they inherit.  Skips when pyatspi is not installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP python3-pyatspi is not installed")
    sys.exit(0)

TIMEOUT = 20.0
checks = []


def wait_for(what, predicate, timeout=TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = predicate()
        except Exception:  # the tree changes under us while GTK rebuilds it
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def find_app(name):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == name:
            return app
    return None


# The council table has thousands of cells, and every look at one is a D-Bus
# round trip: searches for controls do not go into it.
SKIPPED_ROLES = ("table", "tree table")


# GTK 4.8 does not report the "showing" state, so pages that are not shown
# are in the tree too: names are chosen to be unique across them.
def find(root, role, name=None):
    """The first descendant with this role (and name), breadth first."""
    queue = [root]
    while queue:
        node = queue.pop(0)
        try:
            node_role = node.getRoleName()
            if node_role == role and (name is None or node.name == name):
                return node
            if node_role not in SKIPPED_ROLES:
                queue.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue
    return None


def labels(root, into_tables=False):
    queue, texts = [root], []
    while queue:
        node = queue.pop(0)
        try:
            role = node.getRoleName()
            if role == "label":
                texts.append(node.name)
            if role in SKIPPED_ROLES and not into_tables:
                continue
            queue.extend(node.getChildAtIndex(i) for i in range(node.childCount))
        except Exception:
            continue
    return texts


def click(node):
    """Clicks a button through its action.  (GTK 4.8 gives only buttons
    actions, so check boxes are driven by the widget tests instead.)"""
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    raise AssertionError(f"{node} has no click action")


def subtitle_is(app, text):
    return lambda: text in labels(app)


def check(description, function):
    try:
        function()
        checks.append((True, description, None))
    except Exception as error:  # report, and go on to the next check
        checks.append((False, description, error))


def hold_display():
    """Opens a connection to the X display and keeps it for the whole run.

    An X server resets when its last client leaves, and refuses clients
    while it does (Xvfb without -noreset: about one connection in five made
    just after a client leaves fails).  This test runs alone, right after
    every other widget test has left, so the app met a resetting server now
    and then ("cannot open display").  A client of our own that stays
    connected keeps the server from resetting under the app and the
    accessibility bus."""
    if not os.environ.get("DISPLAY"):
        return None
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return None
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    end = time.time() + 10
    while time.time() < end:
        connection = xlib.XOpenDisplay(None)
        if connection:
            return (xlib, connection)
        time.sleep(0.1)
    return None


def run_outer(tally):
    """Runs the checks on a private session bus and prints their TAP."""
    dbus_run_session = shutil.which("dbus-run-session")
    if dbus_run_session is None:
        print("1..0 # SKIP dbus-run-session is not installed")
        return 0

    display = hold_display()  # noqa: F841 (kept open until the run ends)
    with tempfile.TemporaryDirectory() as directory:
        tap = os.path.join(directory, "e2e.tap")
        inner = subprocess.run([dbus_run_session, "--", sys.executable, __file__, "--inner", tally, tap],
                               stdout=sys.stderr, timeout=150)
        with open(tap) as output:
            print(output.read(), end="")
    return inner.returncode


def main():
    if sys.argv[1] != "--inner":
        return run_outer(sys.argv[1])

    tally, tap = sys.argv[2], sys.argv[3]
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    app_process = subprocess.Popen([tally], env=env)

    try:
        app = wait_for("Tally on the accessibility bus", lambda: find_app("tally"))
        wait_for("the council list", subtitle_is(app, "150 councils · 3 May 2018"))
        checks.append((True, "the window lists the 150 councils of 3 May 2018", None))

        def search():
            entry = find(app, "entry", "Search councils by name")
            entry.queryEditableText().setTextContents("Richmond")
            wait_for("the filter panel's region choices", lambda: find(app, "check box", "London"))
            wait_for("one council", subtitle_is(app, "1 of 150 councils · 3 May 2018"))
            # A council's cell reads its name, then its code on a line of its own.
            wait_for("Richmond in the list",
                     lambda: any(label.startswith("Richmond upon Thames\n")
                                 for label in labels(find(app, "tree table"), into_tables=True)))

        def clear():
            entry = find(app, "entry", "Search councils by name")
            entry.queryEditableText().setTextContents("")
            click(find(app, "push button", "Clear the Filter"))
            wait_for("all councils again", subtitle_is(app, "150 councils · 3 May 2018"))

        check("searching for Richmond leaves Richmond upon Thames", search)
        check("clearing the filter restores all 150", clear)
    except Exception as error:
        checks.append((False, "Tally starts and shows its councils", error))
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)

    with open(tap, "w") as output:
        print(f"1..{len(checks)}", file=output)
        for number, (passed, description, error) in enumerate(checks, 1):
            print(f"{'ok' if passed else 'not ok'} {number} - {description}", file=output)
            if error is not None:
                print(f"# {error}", file=output)

    return 0 if all(passed for passed, _, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
