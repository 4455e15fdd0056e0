<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppSettings</name>
    <message>
        <source>in the desktop keyring</source>
        <translation>im Desktop-Schlüsselbund</translation>
    </message>
    <message>
        <source>in %1 (no keyring is running)</source>
        <translation>in %1 (kein Schlüsselbund aktiv)</translation>
    </message>
    <message>
        <source>The token is kept in the desktop keyring.</source>
        <translation>Der Token wird im Desktop-Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>No desktop keyring is running, so the token is kept in %1, readable only by you (%2).</source>
        <translation>Es läuft kein Desktop-Schlüsselbund, daher wird der Token in %1 aufbewahrt, nur für Sie lesbar (%2).</translation>
    </message>
    <message>
        <source>The token could not be stored: %1</source>
        <translation>Der Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>no keyring service answered</source>
        <translation>kein Schlüsselbund-Dienst hat geantwortet</translation>
    </message>
    <message>
        <source>the keyring refused access</source>
        <translation>der Schlüsselbund hat den Zugriff verweigert</translation>
    </message>
    <message>
        <source>this desktop has no keyring Notify can use</source>
        <translation>dieser Desktop hat keinen Schlüsselbund, den Notify nutzen kann</translation>
    </message>
    <message>
        <source>No desktop keyring is running, so the token is kept in %1, readable only by you.</source>
        <translation>Es läuft kein Schlüsselbund des Desktops, daher wird der Token in %1 aufbewahrt, nur für Sie lesbar.</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Gestern %1</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>wird verbunden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>wird neu verbunden</translation>
    </message>
    <message>
        <source>connected (polling)</source>
        <translation>verbunden (Abfrage)</translation>
    </message>
    <message>
        <source>sign-in needed</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>offline (error)</source>
        <translation>offline (Fehler)</translation>
    </message>
</context>
<context>
    <name>Notify::EventFeed</name>
    <message>
        <source>could not catch up from the notifications list (HTTP %1): %2</source>
        <translation>Nachholen aus der Benachrichtigungsliste fehlgeschlagen (HTTP %1): %2</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s) in the list before this start</source>
        <translation>
            <numerusform>%n Benachrichtigung vor diesem Start in der Liste</numerusform>
            <numerusform>%n Benachrichtigungen vor diesem Start in der Liste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>caught up: %n new of %1 in the notifications list</source>
        <translation>
            <numerusform>nachgeholt: %n neue von %1 in der Benachrichtigungsliste</numerusform>
            <numerusform>nachgeholt: %n neue von %1 in der Benachrichtigungsliste</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notify::TokenExchange</name>
    <message>
        <source>The server&apos;s answer has no token.</source>
        <translation>Die Antwort des Servers enthält kein Token.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Versuche. Bitte in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Zu viele Versuche. Bitte in %n Sekunden erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Zu viele Versuche. Bitte später erneut versuchen.</translation>
    </message>
    <message>
        <source>This server does not offer signing in with a password.</source>
        <translation>Dieser Server bietet keine Anmeldung mit Passwort an.</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::AlertCenter</name>
    <message numerus="yes">
        <source>%n notification(s)</source>
        <translation>
            <numerusform>%n Benachrichtigung</numerusform>
            <numerusform>%n Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order update(s)</source>
        <translation>
            <numerusform>%n Bestelländerung</numerusform>
            <numerusform>%n Bestelländerungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) came or went</source>
        <translation>
            <numerusform>%n Kollege kam oder ging</numerusform>
            <numerusform>%n Kollegen kamen oder gingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln ungelesen</numerusform>
            <numerusform>%Ln ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notify: the server refused your token</source>
        <translation>Notify: Der Server hat Ihren Token abgelehnt</translation>
    </message>
    <message>
        <source>No notifications arrive until you enter a new token in the settings.</source>
        <translation>Bis Sie in den Einstellungen einen neuen Token eingeben, kommen keine Benachrichtigungen an.</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Bestellung %1: %2</translation>
    </message>
    <message>
        <source>Message from %1</source>
        <translation>Nachricht von %1</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
    <message>
        <source>Still unclaimed: %1</source>
        <extracomment>An error notification nobody has claimed yet, announced again</extracomment>
        <translation>Noch nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>While Do not disturb was on: %1</source>
        <extracomment>%1 counts what arrived, e.g. &quot;3 notifications, 1 message&quot;</extracomment>
        <translation>Während „Nicht stören“: %1</translation>
    </message>
    <message>
        <source>%1 while quiet</source>
        <extracomment>%1 counts what arrived, e.g. &quot;12 notifications&quot; or &quot;3 notifications, 1 message&quot;</extracomment>
        <translation>%1 während der Ruhezeit</translation>
    </message>
    <message>
        <source>the server refused your token</source>
        <extracomment>After a source&apos;s name, as in &quot;Shop: the server refused your token&quot;</extracomment>
        <translation>der Server hat Ihren Token abgelehnt</translation>
    </message>
    <message>
        <source>No notifications arrive until you sign in again with your password in the settings.</source>
        <translation>Es kommen keine Benachrichtigungen, bis Sie sich in den Einstellungen erneut mit Ihrem Passwort anmelden.</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::AllSourcesModel</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::AllSourcesPage</name>
    <message>
        <source>&amp;Unread only</source>
        <translation>Nur &amp;ungelesene</translation>
    </message>
    <message>
        <source>Search every source (Ctrl+F)</source>
        <translation>Alle Quellen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search every source</source>
        <translation>Alle Quellen durchsuchen</translation>
    </message>
    <message>
        <source>Show the notifications of</source>
        <translation>Benachrichtigungen zeigen von</translation>
    </message>
    <message>
        <source>Notifications of every source</source>
        <translation>Benachrichtigungen aller Quellen</translation>
    </message>
    <message>
        <source>Enter opens a notification in its source; R marks the selected ones read.</source>
        <translation>Eingabe öffnet eine Benachrichtigung in ihrer Quelle; R markiert die ausgewählten als gelesen.</translation>
    </message>
    <message>
        <source>No notifications from any source yet.</source>
        <translation>Noch keine Benachrichtigungen aus irgendeiner Quelle.</translation>
    </message>
    <message>
        <source>No notification matches the filters.</source>
        <translation>Keine Benachrichtigung passt zu den Filtern.</translation>
    </message>
    <message>
        <source>Open in its source</source>
        <translation>In ihrer Quelle öffnen</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::AppController</name>
    <message>
        <source>Demo mode: these settings are used now but not saved.</source>
        <translation>Demo-Modus: Diese Einstellungen gelten jetzt, werden aber nicht gespeichert.</translation>
    </message>
    <message>
        <source>The sources could not be saved: %1</source>
        <translation>Die Quellen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Demo mode: these sources are used now but not saved.</source>
        <translation>Demo-Modus: Diese Quellen gelten jetzt, werden aber nicht gespeichert.</translation>
    </message>
    <message>
        <source>The rules could not be saved: %1</source>
        <translation>Die Regeln konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Demo mode: these rules are used now but not saved.</source>
        <translation>Demo-Modus: Diese Regeln gelten jetzt, werden aber nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::ConnectionBanner</name>
    <message>
        <source>Open &amp;settings</source>
        <translation>&amp;Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Re&amp;try now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Verbindungsproblem</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::ConnectionTest</name>
    <message>
        <source>It works: the server opened the stream.</source>
        <translation>Es funktioniert: Der Server hat den Stream geöffnet.</translation>
    </message>
    <message>
        <source>The server answered, but with %1 instead of an event stream: is the stream path right, or is a login page or proxy in the way?</source>
        <translation>Der Server hat geantwortet, aber mit %1 statt eines Ereignis-Streams: Stimmt der Stream-Pfad, oder steht eine Anmeldeseite oder ein Proxy im Weg?</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>kein Inhaltstyp</translation>
    </message>
    <message>
        <source>The server cannot be reached: there is no host %1.</source>
        <translation>Der Server ist nicht erreichbar: Es gibt keinen Host %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached: nothing answers on %1, port %2.</source>
        <translation>Der Server ist nicht erreichbar: Auf %1, Port %2 antwortet nichts.</translation>
    </message>
    <message>
        <source>The server cannot be reached: no answer in time.</source>
        <translation>Der Server ist nicht erreichbar: Keine Antwort in der vorgesehenen Zeit.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1. A private server needs its CA certificate in the settings.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1. Für einen privaten Server muss dessen CA-Zertifikat in den Einstellungen angegeben werden.</translation>
    </message>
    <message>
        <source>The token was refused: %1. Change &quot;Send the token as&quot;.</source>
        <translation>Der Token wurde abgelehnt: %1. Ändern Sie „Token senden als“.</translation>
    </message>
    <message>
        <source>The server has no event stream at %1 (HTTP 404): check the stream path.</source>
        <translation>Der Server hat keinen Ereignis-Stream unter %1 (HTTP 404): Prüfen Sie den Stream-Pfad.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1%2.</source>
        <translation>Antwort des Servers: HTTP %1%2.</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1.</source>
        <translation>Der Server ist nicht erreichbar: %1.</translation>
    </message>
    <message>
        <source>The token was refused (HTTP %1%2). Check it, or ask for a new one.</source>
        <translation>Der Token wurde abgelehnt (HTTP %1%2). Prüfen Sie ihn oder fordern Sie einen neuen an.</translation>
    </message>
    <message>
        <source>, the server asks for %1</source>
        <translation>, der Server verlangt %1</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::DesktopSession</name>
    <message>
        <source>alerts paused until %1</source>
        <translation>Meldungen pausiert bis %1</translation>
    </message>
    <message>
        <source>alerts on</source>
        <translation>Meldungen eingeschaltet</translation>
    </message>
    <message>
        <source>Could not load older notifications (HTTP %1): %2</source>
        <translation>Ältere Benachrichtigungen konnten nicht geladen werden (HTTP %1): %2</translation>
    </message>
    <message>
        <source>could not load the notifications (HTTP %1): %2</source>
        <translation>Benachrichtigungen konnten nicht geladen werden (HTTP %1): %2</translation>
    </message>
    <message>
        <source>the server could not replay from our last event: reloading everything</source>
        <translation>der Server kann nicht ab unserem letzten Ereignis nachliefern: alles wird neu geladen</translation>
    </message>
    <message>
        <source>an unclaimed notification was escalated, but it is not in the list (%1)</source>
        <translation>eine nicht übernommene Benachrichtigung wurde eskaliert, ist aber nicht in der Liste (%1)</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::InlineNotice</name>
    <message>
        <source>What became of your last action</source>
        <translation>Was aus Ihrer letzten Aktion wurde</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::MainWindow</name>
    <message>
        <source>Notify</source>
        <translation>Notify</translation>
    </message>
    <message>
        <source>Connection log</source>
        <translation>Verbindungsprotokoll</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Reconnect now</source>
        <translation>Jetzt &amp;neu verbinden</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>Be&amp;stellungen</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Nachrichten</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <source>&amp;Details (connection log)</source>
        <translation>De&amp;tails (Verbindungsprotokoll)</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Nächster Tab</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Vorheriger Tab</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Meldungen</translation>
    </message>
    <message>
        <source>&amp;Do not disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <source>For &amp;1 hour</source>
        <translation>Für &amp;1 Stunde</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow 08:00</source>
        <translation>Bis &amp;morgen 08:00</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Notify</source>
        <translation>Ü&amp;ber Notify</translation>
    </message>
    <message>
        <source>About Notify</source>
        <translation>Über Notify</translation>
    </message>
    <message>
        <source>&lt;b&gt;Notify %1&lt;/b&gt;&lt;p&gt;Notifications, order updates, messages and who is online, from your shop&apos;s server, on your desktop.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Notify %1&lt;/b&gt;&lt;p&gt;Benachrichtigungen, Bestelländerungen, Nachrichten und wer online ist – vom Server Ihres Shops direkt auf Ihren Desktop.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Notifications (%1)</source>
        <translation>&amp;Benachrichtigungen (%1)</translation>
    </message>
    <message>
        <source>&amp;Messages (%1)</source>
        <translation>&amp;Nachrichten (%1)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>De&amp;tails</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s) (Ctrl+3)</source>
        <translation>
            <numerusform>%n ungelesene Nachricht (Strg+3)</numerusform>
            <numerusform>%n ungelesene Nachrichten (Strg+3)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Do not disturb (until %1)</source>
        <translation>&amp;Nicht stören (bis %1)</translation>
    </message>
    <message>
        <source>last event %1</source>
        <translation>letztes Ereignis um %1</translation>
    </message>
    <message>
        <source>do not disturb until %1</source>
        <translation>Nicht stören bis %1</translation>
    </message>
    <message>
        <source>The server refused your token%1. Open the settings to enter a new one.</source>
        <translation>Der Server hat Ihren Token abgelehnt%1. Öffnen Sie die Einstellungen, um einen neuen einzugeben.</translation>
    </message>
    <message>
        <source>Not connected: %1. Check the settings.</source>
        <translation>Nicht verbunden: %1. Prüfen Sie die Einstellungen.</translation>
    </message>
    <message>
        <source>Not connected: %1. Trying again by itself.</source>
        <translation>Nicht verbunden: %1. Es wird automatisch erneut versucht.</translation>
    </message>
    <message>
        <source>That notification is no longer in the list.</source>
        <translation>Diese Benachrichtigung ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Orders and their status (Ctrl+2)</source>
        <translation>Bestellungen und ihr Status (Strg+2)</translation>
    </message>
    <message>
        <source>Who is online (Ctrl+4)</source>
        <translation>Wer online ist (Strg+4)</translation>
    </message>
    <message>
        <source>The connection and its log (Ctrl+5)</source>
        <translation>Die Verbindung und ihr Protokoll (Strg+5)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread notification(s) (Ctrl+1)</source>
        <translation>
            <numerusform>%Ln ungelesene Benachrichtigung (Strg+1)</numerusform>
            <numerusform>%Ln ungelesene Benachrichtigungen (Strg+1)</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>warte auf den Server</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln ungelesen</numerusform>
            <numerusform>%Ln ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ unread</source>
        <translation>
            <numerusform>%Ln+ ungelesen</numerusform>
            <numerusform>%Ln+ ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the server… Nothing came for %1 s, not even its heartbeat. Notify reconnects by itself if nothing comes.</source>
        <translation>Warte auf den Server … Seit %1 s kam nichts, nicht einmal sein Lebenszeichen. Notify verbindet sich von selbst neu, wenn weiter nichts kommt.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <extracomment>A source in the Source menu: its number (the shortcut) and what the box shows of it</extracomment>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Which source the window shows (Ctrl+Alt+1, Ctrl+Alt+2, …)</source>
        <translation>Welche Quelle das Fenster zeigt (Strg+Alt+1, Strg+Alt+2, …)</translation>
    </message>
    <message>
        <source>Other sources</source>
        <translation>Andere Quellen</translation>
    </message>
    <message>
        <source>All sources (%1)</source>
        <translation>Alle Quellen (%1)</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>&amp;0 %1</source>
        <translation>&amp;0 %1</translation>
    </message>
    <message>
        <source>%1 of %2 connected</source>
        <translation>%1 von %2 verbunden</translation>
    </message>
    <message>
        <source>The server no longer takes your sign-in%1. Open the settings and sign in with your password.</source>
        <translation>Der Server nimmt Ihre Anmeldung nicht mehr an%1. Öffnen Sie die Einstellungen und melden Sie sich mit Ihrem Passwort an.</translation>
    </message>
    <message>
        <source>S&amp;ources…</source>
        <translation>&amp;Quellen …</translation>
    </message>
    <message>
        <source>&amp;Rules and quiet hours…</source>
        <translation>&amp;Regeln und Ruhezeiten …</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::MessageModel</name>
    <message>
        <source>me</source>
        <translation>ich</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::MessagesPage</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Messages of the conversation</source>
        <translation>Nachrichten der Unterhaltung</translation>
    </message>
    <message>
        <source>Choose a colleague on the left to read and write messages.</source>
        <translation>Wählen Sie links einen Kollegen aus, um Nachrichten zu lesen und zu schreiben.</translation>
    </message>
    <message>
        <source>No messages with %1 yet. Write the first one below.</source>
        <translation>Noch keine Nachrichten mit %1. Schreiben Sie unten die erste.</translation>
    </message>
    <message>
        <source>No colleagues to write to yet.</source>
        <translation>Noch keine Kollegen, denen Sie schreiben können.</translation>
    </message>
    <message>
        <source>Write a message and press Enter</source>
        <translation>Nachricht eingeben und mit der Eingabetaste senden</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Sends the message to the selected colleague when you press Enter</source>
        <translation>Sendet die Nachricht an den ausgewählten Kollegen, wenn Sie die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>Ant&amp;worten:</translation>
    </message>
    <message>
        <source>● %1 (%2)</source>
        <translation>● %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Colleagues you write with, those with unread messages marked</source>
        <translation>Kollegen, mit denen Sie schreiben; solche mit ungelesenen Nachrichten sind hervorgehoben</translation>
    </message>
    <message>
        <source>The messages with the selected colleague, oldest first</source>
        <translation>Die Nachrichten mit dem ausgewählten Kollegen, älteste zuerst</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::NotificationDelegate</name>
    <message>
        <source>Handled by %1</source>
        <translation>Übernommen von %1</translation>
    </message>
    <message>
        <source>Still unclaimed</source>
        <translation>Noch nicht übernommen</translation>
    </message>
    <message>
        <source>Handled by you</source>
        <translation>Von Ihnen übernommen</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::NotificationDetails</name>
    <message>
        <source>Open &amp;link</source>
        <translation>Link ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Notification details</source>
        <translation>Benachrichtigungsdetails</translation>
    </message>
    <message>
        <source>Select a notification to read it here.
It counts as read after a moment.</source>
        <translation>Wählen Sie eine Benachrichtigung aus, um sie hier zu lesen.
Nach einem Moment gilt sie als gelesen.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Level, category and time</source>
        <translation>Stufe, Kategorie und Zeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Opens the notification&apos;s link in the web browser</source>
        <translation>Öffnet den Link der Benachrichtigung im Webbrowser</translation>
    </message>
    <message>
        <source>Marks the notification read, or unread again</source>
        <translation>Markiert die Benachrichtigung als gelesen oder wieder als ungelesen</translation>
    </message>
    <message>
        <source>Copies title and message to the clipboard</source>
        <translation>Kopiert Titel und Nachricht in die Zwischenablage</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n times)</source>
        <translation>
            <numerusform>%1 (%n-mal)</numerusform>
            <numerusform>%1 (%n-mal)</numerusform>
        </translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(keine Nachricht)</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>No longer in the list.</source>
        <translation>Nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Takes the notification on, so that colleagues see you handle it</source>
        <translation>Übernimmt die Benachrichtigung, damit Kolleginnen und Kollegen sehen, dass Sie sich darum kümmern</translation>
    </message>
    <message>
        <source>Who handles it</source>
        <translation>Wer sich darum kümmert</translation>
    </message>
    <message>
        <source>You handle this (since %1).</source>
        <translation>Sie kümmern sich darum (seit %1).</translation>
    </message>
    <message>
        <source>Handled by %1 (since %2).</source>
        <translation>Übernommen von %1 (seit %2).</translation>
    </message>
    <message>
        <source>Still unclaimed: nobody took it on in time.</source>
        <translation>Noch nicht übernommen: niemand hat sich rechtzeitig darum gekümmert.</translation>
    </message>
    <message>
        <source>Nobody has claimed this yet.</source>
        <translation>Noch niemand hat das übernommen.</translation>
    </message>
    <message>
        <source>R&amp;elease</source>
        <translation>Fr&amp;eigeben</translation>
    </message>
    <message>
        <source>Gives the notification back, so that someone else can take it on</source>
        <translation>Gibt die Benachrichtigung zurück, damit jemand anderes sie übernehmen kann</translation>
    </message>
    <message>
        <source>Cla&amp;im</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::NotificationFilterBar</name>
    <message>
        <source>U&amp;nread only</source>
        <translation>Nur unge&amp;lesene</translation>
    </message>
    <message>
        <source>Search notifications (Ctrl+F)</source>
        <translation>Benachrichtigungen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search notifications</source>
        <translation>Benachrichtigungen durchsuchen</translation>
    </message>
    <message>
        <source>Level filter</source>
        <translation>Stufenfilter</translation>
    </message>
    <message>
        <source>Shows only the notifications of one level</source>
        <translation>Zeigt nur die Benachrichtigungen einer Stufe</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Kategoriefilter</translation>
    </message>
    <message>
        <source>Shows only the notifications of one category</source>
        <translation>Zeigt nur die Benachrichtigungen einer Kategorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Shows only the notifications not read yet</source>
        <translation>Zeigt nur die noch nicht gelesenen Benachrichtigungen</translation>
    </message>
    <message>
        <source>Marks the notifications shown by the filters as read</source>
        <translation>Markiert die von den Filtern angezeigten Benachrichtigungen als gelesen</translation>
    </message>
    <message>
        <source>&amp;Waiting for someone</source>
        <translation>&amp;Wartet auf jemanden</translation>
    </message>
    <message>
        <source>Shows only the notifications nobody has claimed</source>
        <translation>Zeigt nur die Benachrichtigungen, die noch niemand übernommen hat</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::NotificationModel</name>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message numerus="yes">
        <source>, %n times</source>
        <translation>
            <numerusform>, %n-mal</numerusform>
            <numerusform>, %n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Handled by %1</source>
        <translation>Übernommen von %1</translation>
    </message>
    <message>
        <source>Handled by you</source>
        <translation>Von Ihnen übernommen</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::NotificationsPage</name>
    <message>
        <source>U&amp;nread only</source>
        <translation>Nur unge&amp;lesene</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Nothing here matches the filters.
Clear the search or choose &quot;All levels&quot; and &quot;All categories&quot;.</source>
        <translation>Nichts entspricht den Filtern.
Leeren Sie die Suche oder wählen Sie „Alle Stufen“ und „Alle Kategorien“.</translation>
    </message>
    <message>
        <source>No notifications yet.
New ones appear here the moment they happen.</source>
        <translation>Noch keine Benachrichtigungen.
Neue erscheinen hier, sobald sie eintreffen.</translation>
    </message>
    <message>
        <source>Load &amp;older notifications</source>
        <translation>&amp;Ältere Benachrichtigungen laden</translation>
    </message>
    <message>
        <source>Fetches notifications older than those listed from the server</source>
        <translation>Holt Benachrichtigungen vom Server, die älter als die aufgelisteten sind</translation>
    </message>
    <message>
        <source>No older notifications on the server</source>
        <translation>Keine älteren Benachrichtigungen auf dem Server</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Open link</source>
        <translation>Link ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n shown as read</source>
        <translation>
            <numerusform>%n angezeigte als gelesen markieren</numerusform>
            <numerusform>%n angezeigte als gelesen markieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark &amp;all read</source>
        <translation>Alle als gelesen ma&amp;rkieren</translation>
    </message>
    <message>
        <source>Newest first; each row says whether it is unread and its level</source>
        <translation>Neueste zuerst; jede Zeile nennt, ob sie ungelesen ist, und ihre Stufe</translation>
    </message>
    <message>
        <source>Mark %1 notifications read on the server?</source>
        <translation>%1 Benachrichtigungen auf dem Server als gelesen markieren?</translation>
    </message>
    <message>
        <source>Mark every notification read on the server?</source>
        <translation>Alle Benachrichtigungen auf dem Server als gelesen markieren?</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are in the list here; the others are older, and you have not seen them in Notify.</source>
        <translation>
            <numerusform>%n davon ist hier in der Liste; die anderen sind älter, und Sie haben sie in Notify nicht gesehen.</numerusform>
            <numerusform>%n davon sind hier in der Liste; die anderen sind älter, und Sie haben sie in Notify nicht gesehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Load &amp;older notifications (%1 more on the server)</source>
        <translation>&amp;Ältere Benachrichtigungen laden (%1 weitere auf dem Server)</translation>
    </message>
    <message>
        <source>Take it on: colleagues see that you handle it (C)</source>
        <translation>Übernehmen: Kolleginnen und Kollegen sehen, dass Sie sich darum kümmern (C)</translation>
    </message>
    <message>
        <source>R&amp;elease claim</source>
        <translation>Übernahme fr&amp;eigeben</translation>
    </message>
    <message>
        <source>&amp;Waiting for someone</source>
        <translation>&amp;Wartet auf jemanden</translation>
    </message>
    <message>
        <source>Shows only what nobody has claimed (Ctrl+Shift+W)</source>
        <translation>Zeigt nur, was noch niemand übernommen hat (Strg+Umschalt+W)</translation>
    </message>
    <message>
        <source>Cla&amp;im</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::OrderModel</name>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::OrdersPage</name>
    <message>
        <source>Search orders by number or note (Ctrl+F)</source>
        <translation>Bestellungen nach Nummer oder Notiz durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Bestellungen durchsuchen</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Offene Bestellungen</translation>
    </message>
    <message>
        <source>Finished orders</source>
        <translation>Abgeschlossene Bestellungen</translation>
    </message>
    <message>
        <source>No open orders.
New orders and their status changes appear here.</source>
        <translation>Keine offenen Bestellungen.
Neue Bestellungen und ihre Statusänderungen erscheinen hier.</translation>
    </message>
    <message>
        <source>No open order matches &quot;%1&quot;.</source>
        <translation>Keine offene Bestellung passt zu „%1“.</translation>
    </message>
    <message>
        <source>Shows or hides delivered, cancelled and refunded orders</source>
        <translation>Zeigt oder verbirgt zugestellte, stornierte und erstattete Bestellungen</translation>
    </message>
    <message>
        <source>Status timeline</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>Select an order to see its status timeline.</source>
        <translation>Wählen Sie eine Bestellung aus, um ihren Statusverlauf zu sehen.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>&amp;Done (%1)</source>
        <translation>Abgeschl&amp;ossen (%1)</translation>
    </message>
    <message>
        <source>Every status the selected order went through, oldest first</source>
        <translation>Alle Status, die die ausgewählte Bestellung durchlaufen hat, ältester zuerst</translation>
    </message>
    <message>
        <source>Order number, status and when it last changed; select one for its timeline</source>
        <translation>Bestellnummer, Status und letzte Änderung; wählen Sie eine aus, um ihren Verlauf zu sehen</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::PeoplePage</name>
    <message>
        <source>My &amp;status:</source>
        <translation>Mein Stat&amp;us:</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>Mein Status</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Kollegen</translation>
    </message>
    <message>
        <source>Nobody else is known yet.
Colleagues appear here with their status.</source>
        <translation>Noch sind keine anderen Personen bekannt.
Kollegen erscheinen hier mit ihrem Status.</translation>
    </message>
    <message>
        <source>What colleagues see of you: online, away, busy or offline</source>
        <translation>Was Kollegen von Ihnen sehen: online, abwesend, beschäftigt oder offline</translation>
    </message>
    <message>
        <source>Who is online, away, busy or offline; online first</source>
        <translation>Wer online, abwesend, beschäftigt oder offline ist; online zuerst</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::PresenceModel</name>
    <message>
        <source>%1 — offline</source>
        <translation>%1 — offline</translation>
    </message>
    <message>
        <source>%1 — last seen %2</source>
        <translation>%1 — zuletzt online %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source> · handling %n</source>
        <extracomment>Appended to a person in the People list: how many notifications they have claimed</extracomment>
        <translation>
            <numerusform> · kümmert sich um %n</numerusform>
            <numerusform> · kümmert sich um %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 handles:</source>
        <translation>%1 kümmert sich um:</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notify::Tray::RestActions</name>
    <message>
        <source>This server cannot mark notifications unread.</source>
        <translation>Dieser Server kann Benachrichtigungen nicht als ungelesen markieren.</translation>
    </message>
    <message>
        <source>This server cannot mark everything read at once: the notifications in the list are marked one by one.</source>
        <translation>Dieser Server kann nicht alles auf einmal als gelesen markieren: Die Benachrichtigungen in der Liste werden einzeln markiert.</translation>
    </message>
    <message>
        <source>This server does not take messages.</source>
        <translation>Dieser Server nimmt keine Nachrichten an.</translation>
    </message>
    <message>
        <source>This server does not share who is online.</source>
        <translation>Dieser Server teilt nicht mit, wer online ist.</translation>
    </message>
    <message>
        <source>This server cannot mark notifications read.</source>
        <translation>Dieser Server kann Benachrichtigungen nicht als gelesen markieren.</translation>
    </message>
    <message>
        <source>Not marked read on the server: %1</source>
        <translation>Auf dem Server nicht als gelesen markiert: %1</translation>
    </message>
    <message>
        <source>Your status was not changed: %1</source>
        <translation>Ihr Status wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Not marked unread on the server: %1</source>
        <translation>Auf dem Server nicht als ungelesen markiert: %1</translation>
    </message>
    <message>
        <source>The message was not sent: %1</source>
        <translation>Die Nachricht wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>the server refused your token; it goes out once the token is right</source>
        <translation>der Server hat Ihren Token abgelehnt; es geht hinaus, sobald der Token stimmt</translation>
    </message>
    <message>
        <source>%1; trying again by itself</source>
        <translation>%1; wird automatisch erneut versucht</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Not sent yet: %1.</source>
        <translation>Noch nicht gesendet: %1.</translation>
    </message>
    <message>
        <source>Not on the server yet: %1.</source>
        <translation>Noch nicht auf dem Server: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) meant for the previous server were not sent.</source>
        <translation>
            <numerusform>%n Aktion für den vorigen Server wurde nicht gesendet.</numerusform>
            <numerusform>%n Aktionen für den vorigen Server wurden nicht gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>This server does not let people claim notifications.</source>
        <translation>Dieser Server kennt keine Übernahme von Benachrichtigungen.</translation>
    </message>
    <message>
        <source>%1 is already handling this.</source>
        <translation>%1 kümmert sich bereits darum.</translation>
    </message>
    <message>
        <source>Not claimed: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Not released: %1</source>
        <translation>Nicht freigegeben: %1</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::RulesDialog</name>
    <message>
        <source>&amp;Quiet hours</source>
        <translation>&amp;Ruhezeiten</translation>
    </message>
    <message>
        <source>Rules and quiet hours</source>
        <translation>Regeln und Ruhezeiten</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Text contains</source>
        <translation>Text enthält</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Rules: the first that matches an event decides</source>
        <translation>Regeln: die erste, die zu einem Ereignis passt, entscheidet</translation>
    </message>
    <message>
        <source>What the rule would have matched</source>
        <translation>Was die Regel getroffen hätte</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Quiet from</source>
        <translation>Ruhe ab</translation>
    </message>
    <message>
        <source>Quiet until</source>
        <translation>Ruhe bis</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Still alert from this level</source>
        <translation>Ab dieser Stufe trotzdem melden</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Still alert at &amp;level</source>
        <translation>Trotzdem melden ab &amp;Stufe</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Each event goes down the rules; the first that matches decides. &lt;i&gt;Silent&lt;/i&gt;: listed, no alert. &lt;i&gt;Hide&lt;/i&gt;: not listed. No rule matches: it alerts.</source>
        <translation>Jedes Ereignis geht die Regeln von oben durch; die erste, die passt, entscheidet. &lt;i&gt;Still&lt;/i&gt;: gelistet, keine Meldung. &lt;i&gt;Ausblenden&lt;/i&gt;: nicht gelistet. Passt keine Regel, wird gemeldet.</translation>
    </message>
    <message>
        <source>Your administrator set the rules and the quiet hours.</source>
        <translation>Ihre Administration hat die Regeln und die Ruhezeiten festgelegt.</translation>
    </message>
    <message>
        <source>Your administrator set the rules.</source>
        <translation>Ihre Administration hat die Regeln festgelegt.</translation>
    </message>
    <message>
        <source>Your administrator set the quiet hours.</source>
        <translation>Ihre Administration hat die Ruhezeiten festgelegt.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Still</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>In the last day this rule would have decided %1 of %n notification(s)</source>
        <translation>
            <numerusform>Am letzten Tag hätte diese Regel über %1 von %n Benachrichtigung entschieden</numerusform>
            <numerusform>Am letzten Tag hätte diese Regel über %1 von %n Benachrichtigungen entschieden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notify::Tray::ScrollAnchor</name>
    <message>
        <source>Scrolls to the newest notifications</source>
        <translation>Blättert zu den neuesten Benachrichtigungen</translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new</source>
        <translation>
            <numerusform>↑ %n neue</numerusform>
            <numerusform>↑ %n neue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notify::Tray::ServerTotals</name>
    <message>
        <source>could not count the notifications (HTTP %1): %2</source>
        <translation>die Benachrichtigungen konnten nicht gezählt werden (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::SettingsDialog</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Order updates</source>
        <translation>Bestell&amp;änderungen</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>Nach&amp;richten</translation>
    </message>
    <message>
        <source>Colleagues &amp;coming and going</source>
        <translation>&amp;Kommen und Gehen von Kollegen</translation>
    </message>
    <message>
        <source>Start Notify when I &amp;log in</source>
        <translation>Notify beim An&amp;melden starten</translation>
    </message>
    <message>
        <source>Welcome to Notify</source>
        <translation>Willkommen bei Notify</translation>
    </message>
    <message>
        <source>Notify settings</source>
        <translation>Notify-Einstellungen</translation>
    </message>
    <message>
        <source>the name you sign in with</source>
        <translation>der Name, mit dem Sie sich anmelden</translation>
    </message>
    <message>
        <source>your personal access token</source>
        <translation>Ihr persönlicher Zugriffstoken</translation>
    </message>
    <message>
        <source>Authorization: Bearer (notify-server)</source>
        <translation>Authorization: Bearer (notify-server)</translation>
    </message>
    <message>
        <source>Authorization: Token (Django REST framework)</source>
        <translation>Authorization: Token (Django REST framework)</translation>
    </message>
    <message>
        <source>In the address (?token=)</source>
        <translation>In der Adresse (?token=)</translation>
    </message>
    <message>
        <source>none: the built-in names</source>
        <translation>keine: die eingebauten Namen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>From your profile page on the server, or from your administrator</source>
        <translation>Von Ihrer Profilseite auf dem Server oder von Ihrem Administrator</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM-Zertifikate (*.pem *.crt)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Notify&lt;/b&gt; shows your shop&apos;s notifications, order updates, messages and who of your colleagues is online, on your desktop, the moment they happen.&lt;/p&gt;&lt;p&gt;To connect, it needs the address of your server, your user name and your personal &lt;b&gt;access token&lt;/b&gt;. You find the token on your profile page on the server (often &lt;i&gt;Profile › API token&lt;/i&gt;); if there is none, your administrator can make one (Django admin: &lt;i&gt;Auth Token › Tokens&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Notify&lt;/b&gt; zeigt die Benachrichtigungen, Bestelländerungen und Nachrichten Ihres Shops sowie, welche Ihrer Kollegen online sind, auf Ihrem Desktop – in dem Moment, in dem sie geschehen.&lt;/p&gt;&lt;p&gt;Für die Verbindung benötigt Notify die Adresse Ihres Servers, Ihren Benutzernamen und Ihren persönlichen &lt;b&gt;Zugriffstoken&lt;/b&gt;. Den Token finden Sie auf Ihrer Profilseite auf dem Server (oft unter &lt;i&gt;Profile › API token&lt;/i&gt;); gibt es dort keinen, kann Ihr Administrator einen erstellen (Django-Admin: &lt;i&gt;Auth Token › Tokens&lt;/i&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Ben&amp;utzername</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>Alert me about</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <source>&amp;Advanced: private servers and other backends</source>
        <translation>&amp;Erweitert: private Server und andere Backends</translation>
    </message>
    <message>
        <source>Stream &amp;path</source>
        <translation>Stream-&amp;Pfad</translation>
    </message>
    <message>
        <source>Mapping &amp;file</source>
        <translation>&amp;Zuordnungsdatei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>the server&apos;s address</source>
        <translation>die Adresse des Servers</translation>
    </message>
    <message>
        <source>your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
    <message>
        <source>your token</source>
        <translation>Ihr Token</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>Noch erforderlich: %1.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>T&amp;est connection</source>
        <translation>Verbindun&amp;g testen</translation>
    </message>
    <message>
        <source>Sen&amp;d the token as</source>
        <translation>Token senden &amp;als</translation>
    </message>
    <message>
        <source>CA ce&amp;rtificate</source>
        <translation>CA-Zertif&amp;ikat</translation>
    </message>
    <message>
        <source>Notifications l&amp;ist</source>
        <translation>Benachrichtigungs&amp;liste</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Von Ihrer Administration festgelegt</translation>
    </message>
    <message>
        <source>Your administrator starts Notify at everybody&apos;s login; unticking this turns it off for you only.</source>
        <translation>Ihre Administration startet Notify bei jeder Anmeldung; ohne Haken ist es nur für Sie aus.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>your password on the server</source>
        <translation>Ihr Passwort auf dem Server</translation>
    </message>
    <message>
        <source>signed in; a password signs in again</source>
        <translation>angemeldet; ein Passwort meldet erneut an</translation>
    </message>
    <message>
        <source>Your administrator starts Notify at everybody&apos;s login; unticking &lt;i&gt;Start Notify when I log in&lt;/i&gt; turns it off for you only.</source>
        <translation>Ihre Administration startet Notify bei jeder Anmeldung; ohne Haken bei &lt;i&gt;Notify beim Anmelden starten&lt;/i&gt; ist es nur für Sie aus.</translation>
    </message>
    <message>
        <source>your password</source>
        <translation>Ihr Passwort</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>a name without a colon</source>
        <translation>einen Namen ohne Doppelpunkt</translation>
    </message>
    <message>
        <source>Source name</source>
        <translation>Name der Quelle</translation>
    </message>
    <message>
        <source>Shown in the window and before each of its alerts (&quot;Shop: Payment failed&quot;)</source>
        <translation>Im Fenster und vor jeder ihrer Meldungen (&quot;Shop: Zahlung fehlgeschlagen&quot;)</translation>
    </message>
    <message>
        <source>S&amp;hown as</source>
        <translation>&amp;Quellenname</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::SourceSession</name>
    <message>
        <source>connection %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>no data for %1 s: waiting for the server</source>
        <translation>seit %1 s keine Daten: warte auf den Server</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>next attempt in %1 s</source>
        <translation>nächster Versuch in %1 s</translation>
    </message>
    <message>
        <source>the mapping file is not used: %1</source>
        <translation>die Zuordnungsdatei wird nicht verwendet: %1</translation>
    </message>
    <message>
        <source>starting fresh</source>
        <translation>Neubeginn ohne vorherigen Stand</translation>
    </message>
    <message>
        <source>resuming after event %1</source>
        <translation>Fortsetzung nach Ereignis %1</translation>
    </message>
    <message>
        <source>reconnecting now (asked by the user)</source>
        <translation>jetzt neu verbinden (vom Benutzer angefordert)</translation>
    </message>
    <message>
        <source>shown as a notification: %1</source>
        <translation>als Benachrichtigung angezeigt: %1</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::SourcesDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Sources, in the order the app shows them</source>
        <translation>Quellen, in der Reihenfolge, in der die App sie zeigt</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Quelle hinzufügen</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Your administrator set these sources; they cannot be changed here.</source>
        <translation>Ihre Administration hat diese Quellen festgelegt; sie lassen sich hier nicht ändern.</translation>
    </message>
    <message>
        <source>Notify needs at least one source.</source>
        <translation>Notify braucht mindestens eine Quelle.</translation>
    </message>
    <message>
        <source>Every source needs a name.</source>
        <translation>Jede Quelle braucht einen Namen.</translation>
    </message>
    <message>
        <source>Two sources are named &quot;%1&quot;; each needs a name of its own.</source>
        <translation>Zwei Quellen heißen &quot;%1&quot;; jede braucht einen eigenen Namen.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
</context>
<context>
    <name>Notify::Tray::TrayController</name>
    <message>
        <source>Latest notifications</source>
        <translation>Neueste Benachrichtigungen</translation>
    </message>
    <message>
        <source>Open Notify</source>
        <translation>Notify öffnen</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>last event at %1</source>
        <translation>letztes Ereignis um %1</translation>
    </message>
    <message>
        <source>do not disturb until %1</source>
        <translation>Nicht stören bis %1</translation>
    </message>
    <message>
        <source>No notifications yet</source>
        <translation>Noch keine Benachrichtigungen</translation>
    </message>
    <message>
        <source>waiting for the server</source>
        <translation>warte auf den Server</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln ungelesen</numerusform>
            <numerusform>%Ln ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ unread</source>
        <translation>
            <numerusform>%Ln+ ungelesen</numerusform>
            <numerusform>%Ln+ ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark all %1 read</source>
        <translation>Alle %1 als gelesen markieren</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The demo server did not start: %1</source>
        <translation>Der Demo-Server ließ sich nicht starten: %1</translation>
    </message>
    <message>
        <source>Notify is not set up</source>
        <translation>Notify ist nicht eingerichtet</translation>
    </message>
    <message>
        <source>Notify needs a server and a token to show anything. Quit now? It asks again next time.</source>
        <translation>Notify benötigt einen Server und einen Token, um etwas anzuzeigen. Jetzt beenden? Beim nächsten Start wird erneut gefragt.</translation>
    </message>
    <message>
        <source>No system tray here: Notify runs as a normal window; closing it quits.</source>
        <translation>Kein Infobereich (System-Tray) vorhanden: Notify läuft als normales Fenster; Schließen beendet das Programm.</translation>
    </message>
    <message>
        <source>The configuration has a problem and was not used: %1</source>
        <translation>Die Konfiguration hat einen Fehler und wurde nicht verwendet: %1</translation>
    </message>
    <message>
        <source>Welcome to Notify: %1</source>
        <translation>Willkommen bei Notify: %1</translation>
    </message>
</context>
</TS>
