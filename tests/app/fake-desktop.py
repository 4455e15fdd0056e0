#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A desktop's D-Bus services for `notify-tray --doctor` checks: a notification
service (org.freedesktop.Notifications) and a StatusNotifierWatcher with a
host registered, on the session bus, until killed. Prints "ready" when both
names are taken."""
import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib


class Notifications(dbus.service.Object):
    @dbus.service.method("org.freedesktop.Notifications", out_signature="ssss")
    def GetServerInformation(self):
        return ("fake-notifications", "notify tests", "1.0", "1.2")

    @dbus.service.method("org.freedesktop.Notifications", out_signature="as")
    def GetCapabilities(self):
        return ["body", "actions"]


class Watcher(dbus.service.Object):
    @dbus.service.method("org.freedesktop.DBus.Properties", in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        if name == "IsStatusNotifierHostRegistered":
            return dbus.Boolean(True)
        if name == "ProtocolVersion":
            return dbus.Int32(0)
        if name == "RegisteredStatusNotifierItems":
            return dbus.Array([], signature="s")
        raise dbus.exceptions.DBusException("no such property " + name)


dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SessionBus()
names = [dbus.service.BusName("org.freedesktop.Notifications", bus),
         dbus.service.BusName("org.kde.StatusNotifierWatcher", bus)]
Notifications(bus, "/org/freedesktop/Notifications")
Watcher(bus, "/StatusNotifierWatcher")
print("ready", flush=True)
GLib.MainLoop().run()
