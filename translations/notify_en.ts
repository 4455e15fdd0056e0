<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AppSettings</name>
        <message>
            <source>in the desktop keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in %1 (no keyring is running)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token is kept in the desktop keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No desktop keyring is running, so the token is kept in %1, readable only by you (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token could not be stored: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no keyring service answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the keyring refused access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this desktop has no keyring Notify can use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No desktop keyring is running, so the token is kept in %1, readable only by you.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DisplayText</name>
        <message>
            <source>just now</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n h ago</numerusform>
                <numerusform>%n h ago</numerusform>
            </translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yesterday %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Information</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Success</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Away</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Busy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirmed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Processing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refunded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>connecting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reconnecting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>connected (polling)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sign-in needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offline (error)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::EventFeed</name>
        <message>
            <source>could not catch up from the notifications list (HTTP %1): %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n notification(s) in the list before this start</source>
            <translation>
                <numerusform>%n notification in the list before this start</numerusform>
                <numerusform>%n notifications in the list before this start</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>caught up: %n new of %1 in the notifications list</source>
            <translation>
                <numerusform>caught up: %n new of %1 in the notifications list</numerusform>
                <numerusform>caught up: %n new of %1 in the notifications list</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify::TokenExchange</name>
        <message>
            <source>The server's answer has no token.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong user name or password.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Too many attempts. Try again in %n second(s).</source>
            <translation>
                <numerusform>Too many attempts. Try again in %n second.</numerusform>
                <numerusform>Too many attempts. Try again in %n seconds.</numerusform>
            </translation>
        </message>
        <message>
            <source>Too many attempts. Try again later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server does not offer signing in with a password.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::AlertCenter</name>
        <message numerus="yes">
            <source>%n notification(s)</source>
            <translation>
                <numerusform>%n notification</numerusform>
                <numerusform>%n notifications</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order update(s)</source>
            <translation>
                <numerusform>%n order update</numerusform>
                <numerusform>%n order updates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n message</numerusform>
                <numerusform>%n messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n colleague(s) came or went</source>
            <translation>
                <numerusform>%n colleague came or went</numerusform>
                <numerusform>%n colleagues came or went</numerusform>
            </translation>
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unread</source>
            <translation>
                <numerusform>%Ln unread</numerusform>
                <numerusform>%Ln unread</numerusform>
            </translation>
        </message>
        <message>
            <source>Notify: the server refused your token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notifications arrive until you enter a new token in the settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still unclaimed: %1</source>
            <extracomment>An error notification nobody has claimed yet, announced again</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Claim</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>While Do not disturb was on: %1</source>
            <extracomment>%1 counts what arrived, e.g. "3 notifications, 1 message"</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 while quiet</source>
            <extracomment>%1 counts what arrived, e.g. "12 notifications" or "3 notifications, 1 message"</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server refused your token</source>
            <extracomment>After a source's name, as in "Shop: the server refused your token"</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notifications arrive until you sign in again with your password in the settings.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::AllSourcesModel</name>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::AllSourcesPage</name>
        <message>
            <source>&amp;Unread only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search every source (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search every source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the notifications of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notifications of every source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter opens a notification in its source; R marks the selected ones read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notifications from any source yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notification matches the filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open in its source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::AppController</name>
        <message>
            <source>Demo mode: these settings are used now but not saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sources could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo mode: these sources are used now but not saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The rules could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo mode: these rules are used now but not saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::ConnectionBanner</name>
        <message>
            <source>Open &amp;settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;try now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notice</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::ConnectionTest</name>
        <message>
            <source>It works: the server opened the stream.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server answered, but with %1 instead of an event stream: is the stream path right, or is a login page or proxy in the way?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no content type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server cannot be reached: there is no host %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server cannot be reached: nothing answers on %1, port %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server cannot be reached: no answer in time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The secure connection failed: %1. A private server needs its CA certificate in the settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token was refused: %1. Change "Send the token as".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server has no event stream at %1 (HTTP 404): check the stream path.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server answered HTTP %1%2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server cannot be reached: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The token was refused (HTTP %1%2). Check it, or ask for a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, the server asks for %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::DesktopSession</name>
        <message>
            <source>alerts paused until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>alerts on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load older notifications (HTTP %1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>could not load the notifications (HTTP %1): %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server could not replay from our last event: reloading everything</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an unclaimed notification was escalated, but it is not in the list (%1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::InlineNotice</name>
        <message>
            <source>What became of your last action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the notice</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::MainWindow</name>
        <message>
            <source>Notify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sections</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reconnect now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;People</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Details (connection log)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Do not disturb</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For &amp;1 hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Until &amp;tomorrow 08:00</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Notify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Notify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Notify %1&lt;/b&gt;&lt;p&gt;Notifications, order updates, messages and who is online, from your shop's server, on your desktop.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Notifications (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Messages (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Details</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n unread message(s) (Ctrl+3)</source>
            <translation>
                <numerusform>%n unread message (Ctrl+3)</numerusform>
                <numerusform>%n unread messages (Ctrl+3)</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Do not disturb (until %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last event %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>do not disturb until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server refused your token%1. Open the settings to enter a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected: %1. Check the settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected: %1. Trying again by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That notification is no longer in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders and their status (Ctrl+2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who is online (Ctrl+4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection and its log (Ctrl+5)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln unread notification(s) (Ctrl+1)</source>
            <translation>
                <numerusform>%Ln unread notification (Ctrl+1)</numerusform>
                <numerusform>%Ln unread notifications (Ctrl+1)</numerusform>
            </translation>
        </message>
        <message>
            <source>waiting for the server</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln unread</source>
            <translation>
                <numerusform>%Ln unread</numerusform>
                <numerusform>%Ln unread</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln+ unread</source>
            <translation>
                <numerusform>%Ln+ unread</numerusform>
                <numerusform>%Ln+ unread</numerusform>
            </translation>
        </message>
        <message>
            <source>Waiting for the server… Nothing came for %1 s, not even its heartbeat. Notify reconnects by itself if nothing comes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;%1 %2</source>
            <extracomment>A source in the Source menu: its number (the shortcut) and what the box shows of it</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which source the window shows (Ctrl+Alt+1, Ctrl+Alt+2, …)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All sources (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;0 %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server no longer takes your sign-in%1. Open the settings and sign in with your password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;ources…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rules and quiet hours…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::MessageModel</name>
        <message>
            <source>me</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sending…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::MessagesPage</name>
        <message>
            <source>Conversations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Messages of the conversation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a colleague on the left to read and write messages.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No messages with %1 yet. Write the first one below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No colleagues to write to yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write a message and press Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sends the message to the selected colleague when you press Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reply:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1, %n unread</source>
            <translation>
                <numerusform>%1, %n unread</numerusform>
                <numerusform>%1, %n unread</numerusform>
            </translation>
        </message>
        <message>
            <source>Colleagues you write with, those with unread messages marked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The messages with the selected colleague, oldest first</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::NotificationDelegate</name>
        <message>
            <source>Handled by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still unclaimed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handled by you</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::NotificationDetails</name>
        <message>
            <source>Open &amp;link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notification details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a notification to read it here.
It counts as read after a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level, category and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opens the notification's link in the web browser</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marks the notification read, or unread again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copies title and message to the clipboard</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 (%n times)</source>
            <translation>
                <numerusform>%1 (%n times)</numerusform>
                <numerusform>%1 (%n times)</numerusform>
            </translation>
        </message>
        <message>
            <source>(no message)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;unread</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No longer in the list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Takes the notification on, so that colleagues see you handle it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who handles it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You handle this (since %1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handled by %1 (since %2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still unclaimed: nobody took it on in time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody has claimed this yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>R&amp;elease</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gives the notification back, so that someone else can take it on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cla&amp;im</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::NotificationFilterBar</name>
        <message>
            <source>U&amp;nread only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search notifications (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows only the notifications of one level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All levels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows only the notifications of one category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows only the notifications not read yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marks the notifications shown by the filters as read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Waiting for someone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows only the notifications nobody has claimed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::NotificationModel</name>
        <message>
            <source>%1 ×%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unread</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>, %n times</source>
            <translation>
                <numerusform>, %n times</numerusform>
                <numerusform>, %n times</numerusform>
            </translation>
        </message>
        <message>
            <source>Notification</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handled by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handled by you</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::NotificationsPage</name>
        <message>
            <source>U&amp;nread only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing here matches the filters.
Clear the search or choose "All levels" and "All categories".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notifications yet.
New ones appear here the moment they happen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Load &amp;older notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetches notifications older than those listed from the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No older notifications on the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;unread</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Mark %n shown as read</source>
            <translation>
                <numerusform>Mark %n shown as read</numerusform>
                <numerusform>Mark %n shown as read</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark &amp;all read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Newest first; each row says whether it is unread and its level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark %1 notifications read on the server?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark every notification read on the server?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n of them are in the list here; the others are older, and you have not seen them in Notify.</source>
            <translation>
                <numerusform>%n of them are in the list here; the others are older, and you have not seen them in Notify.</numerusform>
                <numerusform>%n of them are in the list here; the others are older, and you have not seen them in Notify.</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark all read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Load &amp;older notifications (%1 more on the server)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take it on: colleagues see that you handle it (C)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>R&amp;elease claim</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Waiting for someone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows only what nobody has claimed (Ctrl+Shift+W)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cla&amp;im</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::OrderModel</name>
        <message>
            <source>Order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::OrdersPage</name>
        <message>
            <source>Search orders by number or note (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finished orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No open orders.
New orders and their status changes appear here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No open order matches "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows or hides delivered, cancelled and refunded orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select an order to see its status timeline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Done (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every status the selected order went through, oldest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order number, status and when it last changed; select one for its timeline</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::PeoplePage</name>
        <message>
            <source>My &amp;status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>My status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colleagues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody else is known yet.
Colleagues appear here with their status.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What colleagues see of you: online, away, busy or offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who is online, away, busy or offline; online first</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::PresenceModel</name>
        <message>
            <source>%1 — offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — last seen %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source> · handling %n</source>
            <extracomment>Appended to a person in the People list: how many notifications they have claimed</extracomment>
            <translation>
                <numerusform> · handling %n</numerusform>
                <numerusform> · handling %n</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 handles:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify::Tray::RestActions</name>
        <message>
            <source>This server cannot mark notifications unread.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server cannot mark everything read at once: the notifications in the list are marked one by one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server does not take messages.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server does not share who is online.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server cannot mark notifications read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not marked read on the server: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your status was not changed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not marked unread on the server: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The message was not sent: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server refused your token; it goes out once the token is right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1; trying again by itself</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sent yet: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not on the server yet: %1.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n action(s) meant for the previous server were not sent.</source>
            <translation>
                <numerusform>%n action meant for the previous server were not sent.</numerusform>
                <numerusform>%n actions meant for the previous server were not sent.</numerusform>
            </translation>
        </message>
        <message>
            <source>This server does not let people claim notifications.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is already handling this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not claimed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not released: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::RulesDialog</name>
        <message>
            <source>&amp;Quiet hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules and quiet hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text contains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules: the first that matches an event decides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the rule would have matched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fri</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sun</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quiet from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quiet until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still alert from this level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still alert at &amp;level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each event goes down the rules; the first that matches decides. &lt;i&gt;Silent&lt;/i&gt;: listed, no alert. &lt;i&gt;Hide&lt;/i&gt;: not listed. No rule matches: it alerts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your administrator set the rules and the quiet hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your administrator set the rules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your administrator set the quiet hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>In the last day this rule would have decided %1 of %n notification(s)</source>
            <translation>
                <numerusform>In the last day this rule would have decided %1 of %n notification</numerusform>
                <numerusform>In the last day this rule would have decided %1 of %n notifications</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify::Tray::ScrollAnchor</name>
        <message>
            <source>Scrolls to the newest notifications</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>↑ %n new</source>
            <translation>
                <numerusform>↑ %n new</numerusform>
                <numerusform>↑ %n new</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify::Tray::ServerTotals</name>
        <message>
            <source>could not count the notifications (HTTP %1): %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::SettingsDialog</name>
        <message>
            <source>&amp;Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Order updates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colleagues &amp;coming and going</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start Notify when I &amp;log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to Notify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notify settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the name you sign in with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>your personal access token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authorization: Bearer (notify-server)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authorization: Token (Django REST framework)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the address (?token=)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none: the built-in names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From your profile page on the server, or from your administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection test result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PEM certificates (*.pem *.crt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Notify&lt;/b&gt; shows your shop's notifications, order updates, messages and who of your colleagues is online, on your desktop, the moment they happen.&lt;/p&gt;&lt;p&gt;To connect, it needs the address of your server, your user name and your personal &lt;b&gt;access token&lt;/b&gt;. You find the token on your profile page on the server (often &lt;i&gt;Profile › API token&lt;/i&gt;); if there is none, your administrator can make one (Django admin: &lt;i&gt;Auth Token › Tokens&lt;/i&gt;).&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alert me about</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Advanced: private servers and other backends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stream &amp;path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mapping &amp;file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server's address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>your user name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>your token</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still needed: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;est connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sen&amp;d the token as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA ce&amp;rtificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notifications l&amp;ist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set by your administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your administrator starts Notify at everybody's login; unticking this turns it off for you only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>your password on the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>signed in; a password signs in again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your administrator starts Notify at everybody's login; unticking &lt;i&gt;Start Notify when I log in&lt;/i&gt; turns it off for you only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>your password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass&amp;word</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a name without a colon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shown in the window and before each of its alerts ("Shop: Payment failed")</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;hown as</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::SourceSession</name>
        <message>
            <source>connection %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no data for %1 s: waiting for the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next attempt in %1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the mapping file is not used: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>starting fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>resuming after event %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reconnecting now (asked by the user)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shown as a notification: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::SourcesDialog</name>
        <message>
            <source>&amp;Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources, in the order the app shows them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection test result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your administrator set these sources; they cannot be changed here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notify needs at least one source.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every source needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Two sources are named "%1"; each needs a name of its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sign in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify::Tray::TrayController</name>
        <message>
            <source>Latest notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Notify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark all read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnect now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last event at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>do not disturb until %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notifications yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for the server</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln unread</source>
            <translation>
                <numerusform>%Ln unread</numerusform>
                <numerusform>%Ln unread</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln+ unread</source>
            <translation>
                <numerusform>%Ln+ unread</numerusform>
                <numerusform>%Ln+ unread</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark all %1 read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2, %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>The demo server did not start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notify is not set up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notify needs a server and a token to show anything. Quit now? It asks again next time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No system tray here: Notify runs as a normal window; closing it quits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The configuration has a problem and was not used: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to Notify: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
