#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""notify-tray under a StatusNotifierItem panel, checked from the panel's side.

Run under a private D-Bus session (dbus-run-session). This script is the
panel: a fake org.kde.StatusNotifierWatcher with a host, written with
Debian's python3-dbus and python3-gi, independent of the app's QtDBus code.
It starts a virtual X display, a notify-server on a free loopback port and
the real notify-tray (--minimized) against it, then checks, as KDE Plasma or
GNOME's AppIndicator extension would see them: the item registers; its
Title, Id, Category, Status, IconPixmap (every size, the state's tint, the
unread badge), ToolTip and Menu; Status NeedsAttention while an unread, unclaimed error
waits and Active once it is read; the dbusmenu's entries (the tray menu's),
their submenus, check marks and updates; a click on a menu entry; Activate
opening the window; registering again with a watcher that restarts; and Quit.

    sni-check.py NOTIFY_TRAY NOTIFY_SERVER OUT_DIR

Writes what it saw to OUT_DIR/sni-properties.json and the icon as the panel
received it to OUT_DIR/sni-icon-*.png.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
PROPS = "org.freedesktop.DBus.Properties"

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


def pump(seconds, until=lambda: False):
    """Runs the GLib loop (D-Bus calls to the watcher, signals) until @p until or the time is up."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        if until():
            return True
        time.sleep(0.01)
    return until()


class Watcher(dbus.service.Object):
    """The panel's side of the specification: items register here; a host is always there."""

    def __init__(self, bus):
        super().__init__(bus, "/StatusNotifierWatcher")
        self.bus = bus
        self.items = []  # (service as given, sender)
        self.name = None

    def own(self):
        self.name = dbus.service.BusName(WATCHER, self.bus, do_not_queue=True)

    def disown(self):
        self.bus.release_name(WATCHER)
        self.name = None

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        self.items.append((str(service), str(sender)))
        self.StatusNotifierItemRegistered(service)

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, service):
        pass

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        return self.GetAll(interface)[str(name)]

    @dbus.service.method(PROPS, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {
            "RegisteredStatusNotifierItems": dbus.Array([s for s, _ in self.items], signature="s"),
            "IsStatusNotifierHostRegistered": dbus.Boolean(True),
            "ProtocolVersion": dbus.Int32(0),
        }


class Notifications(dbus.service.Object):
    """A notification daemon, so that alerts have somewhere to go (and none is started by activation)."""

    def __init__(self, bus):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.name = dbus.service.BusName("org.freedesktop.Notifications", bus, do_not_queue=True)
        self.summaries = []

    @dbus.service.method("org.freedesktop.Notifications", in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        self.summaries.append(str(summary))
        return dbus.UInt32(len(self.summaries))

    @dbus.service.method("org.freedesktop.Notifications", in_signature="u", out_signature="")
    def CloseNotification(self, notification_id):
        pass

    @dbus.service.method("org.freedesktop.Notifications", in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["actions", "body"]

    @dbus.service.method("org.freedesktop.Notifications", in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("sni-check", "notify", "1", "1.2")


def start_x(out):
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=open(os.path.join(out, "sni-xvfb.log"), "w"),
                            stderr=subprocess.STDOUT)
    os.close(write)
    display = b""
    while not display.endswith(b"\n"):  # Xvfb writes the number, then the newline: closing early kills it
        chunk = os.read(read, 16)
        if not chunk:
            break
        display += chunk
    os.close(read)
    display = display.decode().strip()
    if not display:
        sys.exit("sni-check: Xvfb did not start")
    return xvfb, ":" + display


def start_server(server, scratch, out):
    users = os.path.join(scratch, "users.json")
    with open(users, "w") as f:
        json.dump({"users": [{"name": "alice", "display_name": "Alice", "token": "alice-token", "groups": ["support"]},
                             {"name": "bob", "display_name": "Bob", "token": "bob-token-22", "groups": ["support"]},
                             {"name": "ops", "display_name": "Ops", "token": "ops-token", "admin": True}]}, f)
    proc = subprocess.Popen([server, "--port", "0", "--in-memory", "--users", users, "--heartbeat", "5"],
                            stdout=subprocess.PIPE, stderr=open(os.path.join(out, "sni-server.log"), "w"), text=True)
    line = proc.stdout.readline()  # "notify-server X listening on http://127.0.0.1:PORT/"
    if "listening on " not in line:
        sys.exit("sni-check: notify-server did not start: " + line)
    return proc, line.split("listening on ")[1].strip().rstrip("/")


def request(base, method, path, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as reply:
        text = reply.read()
        return json.loads(text) if text else None


def publish(base, notification_id, title, level, user="alice"):
    request(base, "POST", "/api/v1/events/", "ops-token", {
        "event": "notification", "user": user,
        "data": {"notification_id": notification_id, "title": title, "level": level,
                 "body": "From the StatusNotifierItem check", "category": "payments",
                 "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}})


def pixels(pixmap):
    """(width, height, [(a, r, g, b)…]) of an IconPixmap entry (ARGB32, network byte order)."""
    width, height, data = int(pixmap[0]), int(pixmap[1]), bytes(bytearray(pixmap[2]))
    return width, height, [tuple(data[i:i + 4]) for i in range(0, len(data), 4)]


def near(pixel, rgb, tolerance=40):
    a, r, g, b = pixel
    return a > 200 and all(abs(x - y) <= tolerance for x, y in zip((r, g, b), rgb))


def save_png(pixmap, path):
    width, height, px = pixels(pixmap)
    rgba = b"".join(bytes((r, g, b, a)) for a, r, g, b in px)
    subprocess.run(["convert", "-size", f"{width}x{height}", "-depth", "8", "rgba:-", path], input=rgba, check=True)


def labels(layout):
    """The labels of a GetLayout item's children ("-" for a separator)."""
    out = []
    for child in layout[2]:
        props = child[1]
        out.append("-" if props.get("type") == "separator" else str(props.get("label", "")))
    return out


def child_by_label(layout, label):
    for child in layout[2]:
        if str(child[1].get("label", "")).startswith(label):
            return child
    return None


def window_visible(env):
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "notify-tray"], env=env,
                           capture_output=True, text=True)
    return found.returncode == 0 and found.stdout.strip() != ""


def main():
    tray, server, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        sys.exit("sni-check: run under dbus-run-session (a private session bus)")
    scratch = tempfile.mkdtemp(prefix="notify-sni-")
    children = []
    try:
        dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
        bus = dbus.SessionBus()
        watcher = Watcher(bus)
        watcher.own()
        notifications = Notifications(bus)

        xvfb, display = start_x(out)
        children.append(xvfb)
        server_proc, base = start_server(server, scratch, out)
        children.append(server_proc)

        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=scratch + "/config",
                   XDG_DATA_HOME=scratch + "/data", XDG_CACHE_HOME=scratch + "/cache", LANGUAGE="en", LC_ALL="C.UTF-8",
                   TMPDIR=scratch,  # its single-instance socket: not another test's notify-tray
                   QT_LOGGING_RULES="notify.*.info=false;notify.tray.sni.info=true")
        log = open(os.path.join(out, "sni-notify-tray.log"), "w")
        app = subprocess.Popen([tray, "--server", base, "--token", "alice-token", "--user", "alice",
                                "--history", scratch + "/history.db", "--minimized"],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
        children.append(app)

        if not check(pump(30, lambda: watcher.items), "the item registered with the StatusNotifierWatcher"):
            return
        service, sender = watcher.items[0]
        check(service.startswith(ITEM + "-"), f"it registered under a name of its own ({service})")
        item = bus.get_object(service, "/StatusNotifierItem")
        props = dbus.Interface(item, PROPS)

        statuses = []
        bus.add_signal_receiver(lambda s: statuses.append(str(s)), signal_name="NewStatus", dbus_interface=ITEM,
                                bus_name=sender)
        menu_updates = []
        bus.add_signal_receiver(lambda *a: menu_updates.append(a), signal_name="ItemsPropertiesUpdated",
                                dbus_interface=MENU, bus_name=sender)

        def tooltip():
            return props.Get(ITEM, "ToolTip")

        seen = {}
        pump(20, lambda: "connected" in str(tooltip()[3]))
        first = props.GetAll(ITEM)
        seen["before"] = {k: (str(v) if not isinstance(v, dbus.Array) else len(v)) for k, v in first.items()
                          if k not in ("IconPixmap", "AttentionIconPixmap", "ToolTip")}
        check(first["Id"] == "notify-tray", f"Id is notify-tray ({first['Id']})")
        check(first["Title"] == "Notify", f"Title is Notify ({first['Title']})")
        check(first["Category"] == "Communications", f"Category is Communications ({first['Category']})")
        check(first["Status"] == "Active", f"Status is Active with nothing unread ({first['Status']})")
        check(str(first["Menu"]) == "/MenuBar", f"Menu is /MenuBar ({first['Menu']})")
        check(not first["ItemIsMenu"], "ItemIsMenu is false (a click opens the window)")
        sizes = sorted(int(p[0]) for p in first["IconPixmap"])
        check(sizes == [16, 22, 24, 32, 48, 64], f"IconPixmap has 16 to 64 px ({sizes})")
        check(all(int(p[0]) * int(p[1]) * 4 == len(p[2]) for p in first["IconPixmap"]),
              "every IconPixmap is width x height x 4 bytes")
        tip = first["ToolTip"]
        check(tip[2] == "Notify", f"the tooltip's title is Notify ({tip[2]})")
        check("connected" in tip[3] and "0 unread" in tip[3] and base.split("//")[1] in tip[3],
              f"the tooltip says connected, the server and 0 unread ({tip[3]})")
        icon32 = next(p for p in first["IconPixmap"] if int(p[0]) == 32)
        _, _, px = pixels(icon32)
        blue = sum(near(p, (0x1e, 0x88, 0xe5)) for p in px)
        red = sum(near(p, (0xd3, 0x2f, 0x2f)) for p in px)
        check(blue > 50 and red == 0, f"the icon is the connected (blue) bell without a badge ({blue} blue, {red} red px)")
        save_png(icon32, os.path.join(out, "sni-icon-connected.png"))

        # The dbusmenu: the tray menu's entries.
        menu_obj = bus.get_object(sender, str(first["Menu"]))
        menu = dbus.Interface(menu_obj, MENU)
        menu_props = dbus.Interface(menu_obj, PROPS).GetAll(MENU)
        check(int(menu_props["Version"]) == 3 and menu_props["Status"] == "normal",
              f"the menu speaks dbusmenu version 3 ({dict(menu_props)})")
        revision, layout = menu.GetLayout(0, -1, dbus.Array([], signature="s"))
        top = labels(layout)
        seen["menu"] = top
        expected = ["Open Notify", "Latest notifications", "Mark all read", "_Do not disturb", "Reconnect now", "-",
                    "Settings…", "Quit"]
        check(top == expected, f"the menu has the tray menu's entries ({top})")
        dnd = child_by_label(layout, "_Do not disturb")
        check(dnd is not None and dnd[1].get("children-display") == "submenu", "Do not disturb is a submenu")
        dnd_items = [(str(c[1]["label"]), str(c[1].get("toggle-type")), int(c[1].get("toggle-state", -1)))
                     for c in dnd[2]]
        seen["do_not_disturb"] = dnd_items
        check(dnd_items[0] == ("_Off", "radio", 1) and all(t == "radio" for _, t, _ in dnd_items),
              f"its choices are radio items, Off checked ({dnd_items})")

        # An error notification: the item asks for attention, the badge says 1.
        publish(base, "sni-error-1", "Payment failed for order 1042", "error")
        check(pump(15, lambda: "NeedsAttention" in statuses), f"NewStatus NeedsAttention for an unread error ({statuses})")
        check(pump(5, lambda: notifications.summaries), f"and a desktop alert went out ({notifications.summaries})")
        check(props.Get(ITEM, "Status") == "NeedsAttention", "Status is NeedsAttention")
        check(pump(5, lambda: "1 unread" in str(tooltip()[3])), f"the tooltip says 1 unread ({tooltip()[3]})")
        icon32 = next(p for p in props.Get(ITEM, "IconPixmap") if int(p[0]) == 32)
        _, _, px = pixels(icon32)
        badge = [px[y * 32 + x] for y in range(0, 16) for x in range(16, 32)]
        red = sum(near(p, (0xd3, 0x2f, 0x2f)) for p in badge)
        check(red > 30, f"the icon has the red unread badge at the top right ({red} red px)")
        save_png(icon32, os.path.join(out, "sni-icon-unread.png"))
        attention = props.Get(ITEM, "AttentionIconPixmap")
        check(len(attention) == 6, "AttentionIconPixmap has the same sizes")
        seen["after_error"] = {"Status": str(props.Get(ITEM, "Status")), "ToolTip": [str(tooltip()[2]), str(tooltip()[3])]}

        # "Latest notifications" fills itself when the panel opens it.
        latest = child_by_label(layout, "Latest notifications")
        menu.AboutToShow(latest[0])
        revision, latest_layout = menu.GetLayout(latest[0], -1, dbus.Array([], signature="s"))
        latest_labels = labels(latest_layout)
        seen["latest"] = latest_labels
        check(any("Payment failed for order 1042" in label and label.startswith("●") for label in latest_labels),
              f"Latest notifications lists the error, marked unread ({latest_labels})")

        # A warning alone would not ask for attention.
        publish(base, "sni-warning-1", "Stock low", "warning")
        pump(3, lambda: "2 unread" in str(tooltip()[3]))
        check(props.Get(ITEM, "Status") == "NeedsAttention", "still NeedsAttention with an error and a warning unread")

        # Claimed errors ask nothing more: alice takes hers on, bob takes the support group's.
        request(base, "POST", "/api/v1/notifications/sni-error-1/claim/", "alice-token")
        check(pump(10, lambda: props.Get(ITEM, "Status") == "Active"), "Active once the only error is claimed")
        publish(base, "sni-error-2", "Refund failed for order 1043", "error", "@support")
        check(pump(10, lambda: props.Get(ITEM, "Status") == "NeedsAttention"),
              "NeedsAttention for the support group's unclaimed error")
        request(base, "POST", "/api/v1/notifications/sni-error-2/claim/", "bob-token-22")
        check(pump(10, lambda: props.Get(ITEM, "Status") == "Active"), "Active again once bob has claimed it")
        seen["after_claims"] = str(props.Get(ITEM, "Status"))
        # One more nobody claims, for "Mark all read" below to settle.
        publish(base, "sni-error-3", "Label printer offline", "error")
        check(pump(10, lambda: props.Get(ITEM, "Status") == "NeedsAttention"), "NeedsAttention for a new unclaimed error")

        # Do not disturb from the panel's menu: the check moves (an update the panel hears).
        hour = next(c for c in dnd[2] if str(c[1]["label"]).startswith("For _1"))
        menu.Event(hour[0], "clicked", dbus.String("", variant_level=1), dbus.UInt32(0))
        check(pump(5, lambda: any(int(i[0]) == int(hour[0]) and int(i[1].get("toggle-state", -1)) == 1
                                  for update in menu_updates for i in update[0])),
              f"clicking 'For 1 hour' checks it, announced by ItemsPropertiesUpdated ({menu_updates})")
        revision, layout = menu.GetLayout(0, -1, dbus.Array([], signature="s"))
        check(str(child_by_label(layout, "_Do not disturb")[1]["label"]).startswith("_Do not disturb (until"),
              "the menu now says until when")
        off = child_by_label(child_by_label(layout, "_Do not disturb"), "_Off")
        menu.Event(off[0], "clicked", dbus.String("", variant_level=1), dbus.UInt32(0))
        pump(1)

        # Activate (a click on the icon) opens the window.
        check(not window_visible(env), "the window is hidden at the start (--minimized)")
        dbus.Interface(item, ITEM).Activate(0, 0)
        check(pump(10, lambda: window_visible(env)), "Activate opens the window")
        pump(2)  # painted, for the picture
        subprocess.run(["import", "-display", display, "-window", "root", os.path.join(out, "sni-window.png")])

        # Mark all read from the panel's menu: Active again, and the server knows.
        mark = child_by_label(layout, "Mark all read")
        menu.Event(mark[0], "clicked", dbus.String("", variant_level=1), dbus.UInt32(0))
        check(pump(10, lambda: statuses and statuses[-1] == "Active"), f"NewStatus Active once read ({statuses})")
        def server_unread():
            return request(base, "GET", "/api/v1/notifications/?unread=1", "alice-token")["notifications"]

        check(pump(10, lambda: server_unread() == []), f"the server has nothing unread for alice ({len(server_unread())})")

        # A panel that restarts: a new watcher, and the item registers again.
        watcher.disown()
        pump(1)
        before = len(watcher.items)
        watcher.own()
        check(pump(10, lambda: len(watcher.items) > before), "the item registers again with a restarted watcher")

        # Quit from the panel's menu: the app exits and its item goes.
        menu.Event(child_by_label(layout, "Quit")[0], "clicked", dbus.String("", variant_level=1), dbus.UInt32(0))
        try:
            code = app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            code = None
        check(code == 0, f"Quit from the menu ends notify-tray (exit code {code})")
        check(not bus.name_has_owner(service), "its StatusNotifierItem name is gone")

        with open(os.path.join(out, "sni-properties.json"), "w") as f:
            json.dump(seen, f, indent=2, ensure_ascii=False)
    finally:
        for child in reversed(children):
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"sni-check: {len(failures)} check(s) failed; logs in {out}")
        sys.exit(1)
    print(f"sni-check: every check passed; what the panel saw is in {out}/sni-properties.json")


if __name__ == "__main__":
    main()
