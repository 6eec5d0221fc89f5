<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AppOptions</name>
    <message>
        <source>Connect through a negotiate endpoint that returns a Client Access URL (production).</source>
        <translation>Über einen Negotiate-Endpunkt verbinden, der eine Client-Access-URL liefert (Produktivbetrieb).</translation>
    </message>
    <message>
        <source>Connect with a Client Access URL.</source>
        <translation>Mit einer Client-Access-URL verbinden.</translation>
    </message>
    <message>
        <source>Mint tokens locally from a connection string (development; needs --hub).</source>
        <translation>Tokens lokal aus einer Verbindungszeichenfolge erzeugen (Entwicklung; benötigt --hub).</translation>
    </message>
    <message>
        <source>Hub name (default: hubbub).</source>
        <translation>Name des Hubs (Standard: hubbub).</translation>
    </message>
    <message>
        <source>User id and display name (default: $USER).</source>
        <translation>Benutzer-ID und Anzeigename (Standard: $USER).</translation>
    </message>
    <message>
        <source>Profile with its own settings and history (default: default).</source>
        <translation>Profil mit eigenen Einstellungen und eigenem Verlauf (Standard: default).</translation>
    </message>
    <message>
        <source>Use the local service (embedded in this process if none runs).</source>
        <translation>Den lokalen Dienst verwenden (in diesem Prozess eingebettet, falls keiner läuft).</translation>
    </message>
    <message>
        <source>Trust this PEM CA certificate (as well as the system&apos;s) for wss:// and https://; a certificate that does not verify is refused.</source>
        <translation>Diesem PEM-CA-Zertifikat (zusätzlich zu denen des Systems) für wss:// und https:// vertrauen; ein Zertifikat, das sich nicht prüfen lässt, wird abgelehnt.</translation>
    </message>
    <message>
        <source>Hubbub: desktop chat for Azure Web PubSub and compatible services.</source>
        <translation>Hubbub: Desktop-Chat für Azure Web PubSub und kompatible Dienste.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Use only one of --negotiate, --url, --connection-string and --local.</source>
        <translation>Nur eine der Optionen --negotiate, --url, --connection-string und --local verwenden.</translation>
    </message>
    <message>
        <source>Invalid profile name &quot;%1&quot;: use letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;.</source>
        <translation>Ungültiger Profilname „%1“: erlaubt sind Buchstaben, Ziffern, „.“, „_“ und „-“.</translation>
    </message>
    <message>
        <source>--user must not be empty.</source>
        <translation>--user darf nicht leer sein.</translation>
    </message>
    <message>
        <source>--hub must not be empty.</source>
        <translation>--hub darf nicht leer sein.</translation>
    </message>
    <message>
        <source>--negotiate needs an http(s) URL.</source>
        <translation>--negotiate benötigt eine http(s)-URL.</translation>
    </message>
    <message>
        <source>--url needs a ws:// or wss:// Client Access URL.</source>
        <translation>--url benötigt eine Client-Access-URL mit ws:// oder wss://.</translation>
    </message>
    <message>
        <source>--connection-string needs --hub.</source>
        <translation>--connection-string benötigt --hub.</translation>
    </message>
    <message>
        <source>--connection-string needs Endpoint=…;AccessKey=…;</source>
        <translation>--connection-string benötigt Endpoint=…;AccessKey=…;</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Editing message — Enter saves, Esc cancels</source>
        <translation>Nachricht bearbeiten — Eingabe speichert, Esc bricht ab</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the edited message</source>
        <translation>Die bearbeitete Nachricht speichern</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Speichern (Eingabe)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Currently: %1</source>
        <translation>Derzeit: %1</translation>
    </message>
    <message>
        <source>Connect with</source>
        <translation>Verbinden mit</translation>
    </message>
    <message>
        <source>Negotiate URL</source>
        <translation>Negotiate-URL</translation>
    </message>
    <message>
        <source>Client Access URL</source>
        <translation>Client-Access-URL</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>Connection kind</source>
        <translation>Art der Verbindung</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Use local service</source>
        <translation>Lokalen Dienst verwenden</translation>
    </message>
    <message>
        <source>Host on LAN</source>
        <translation>Im LAN bereitstellen</translation>
    </message>
    <message>
        <source>Others on your network can join at %1</source>
        <translation>Andere in deinem Netzwerk können unter %1 beitreten</translation>
    </message>
    <message>
        <source>Invite (they need it to join):</source>
        <translation>Einladung (zum Beitreten nötig):</translation>
    </message>
    <message>
        <source>LAN invite</source>
        <translation>LAN-Einladung</translation>
    </message>
</context>
<context>
    <name>DeleteConfirmDialog</name>
    <message>
        <source>Delete message?</source>
        <translation>Nachricht löschen?</translation>
    </message>
    <message>
        <source>It will be replaced by “message deleted” for everyone in the room. This cannot be undone.</source>
        <translation>Sie wird für alle im Raum durch „Nachricht gelöscht“ ersetzt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>Für alle löschen</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <source>Connection diagnostics</source>
        <translation>Verbindungsdiagnose</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Drop the connection (Ctrl+Alt+D)</source>
        <translation>Verbindung trennen (Strg+Alt+D)</translation>
    </message>
    <message>
        <source>Close the socket without a goodbye: tests recovery (Ctrl+Alt+D)</source>
        <translation>Den Socket ohne Abmeldung schließen: prüft die Wiederherstellung (Strg+Alt+D)</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Force a new connection (Ctrl+Alt+R)</source>
        <translation>Neue Verbindung erzwingen (Strg+Alt+R)</translation>
    </message>
    <message>
        <source>Give up the session and reconnect from scratch (Ctrl+Alt+R)</source>
        <translation>Die Sitzung aufgeben und ganz neu verbinden (Strg+Alt+R)</translation>
    </message>
    <message>
        <source>Offline for</source>
        <translation>Offline für</translation>
    </message>
    <message>
        <source>Go offline for %1 seconds (Ctrl+Alt+O)</source>
        <translation>%1 Sekunden offline gehen (Strg+Alt+O)</translation>
    </message>
    <message>
        <source>Pretend the network is gone (Ctrl+Alt+O)</source>
        <translation>So tun, als sei das Netzwerk weg (Strg+Alt+O)</translation>
    </message>
    <message>
        <source>Seconds offline</source>
        <translation>Sekunden offline</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Diagnose kopieren</translation>
    </message>
    <message>
        <source>Copy a redacted diagnostics report (Ctrl+Alt+C)</source>
        <translation>Einen bereinigten Diagnosebericht kopieren (Strg+Alt+C)</translation>
    </message>
    <message>
        <source>Copies a redacted text report for a bug (Ctrl+Alt+C)</source>
        <translation>Kopiert einen bereinigten Textbericht für eine Fehlermeldung (Strg+Alt+C)</translation>
    </message>
    <message>
        <source>Last received seq</source>
        <translation>Zuletzt empfangene Seq</translation>
    </message>
    <message>
        <source>Last acked seq</source>
        <translation>Zuletzt bestätigte Seq</translation>
    </message>
    <message>
        <source>Pending acks</source>
        <translation>Offene Bestätigungen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>Wiederherstellungen</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>Neuverbindungen</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Duplicates dropped</source>
        <translation>Verworfene Duplikate</translation>
    </message>
    <message>
        <source>Last close</source>
        <translation>Letzter Close-Code</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Zustandswechsel</translation>
    </message>
    <message>
        <source>Connection state transitions</source>
        <translation>Wechsel des Verbindungszustands</translation>
    </message>
    <message>
        <source>All values</source>
        <translation>Alle Werte</translation>
    </message>
</context>
<context>
    <name>DiagnosticsReport</name>
    <message>
        <source>Hubbub diagnostics (%1)</source>
        <translation>Hubbub-Diagnose (%1)</translation>
    </message>
    <message>
        <source>endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <source>transitions:</source>
        <translation>Zustandswechsel:</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message>
        <source>Any emoji</source>
        <translation>Beliebiges Emoji</translation>
    </message>
    <message>
        <source>Type an emoji to react with</source>
        <translation>Ein Emoji eingeben, um damit zu reagieren</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>React with the typed emoji</source>
        <translation>Mit dem eingegebenen Emoji reagieren</translation>
    </message>
</context>
<context>
    <name>EndpointFactory</name>
    <message>
        <source>Azure Web PubSub at %1</source>
        <translation>Azure Web PubSub unter %1</translation>
    </message>
    <message>
        <source>Service at %1</source>
        <translation>Dienst unter %1</translation>
    </message>
    <message>
        <source>Unknown connection kind &quot;%1&quot;.</source>
        <translation>Unbekannte Verbindungsart „%1“.</translation>
    </message>
    <message>
        <source>Enter an address to connect to.</source>
        <translation>Gib eine Adresse ein, mit der verbunden werden soll.</translation>
    </message>
    <message>
        <source>Invalid connection string: %1</source>
        <translation>Ungültige Verbindungszeichenfolge: %1</translation>
    </message>
    <message>
        <source>A connection string needs a hub name.</source>
        <translation>Eine Verbindungszeichenfolge braucht einen Hub-Namen.</translation>
    </message>
    <message>
        <source>A negotiate URL starts with http:// or https://.</source>
        <translation>Eine Negotiate-URL beginnt mit http:// oder https://.</translation>
    </message>
    <message>
        <source>A Client Access URL starts with ws:// or wss://.</source>
        <translation>Eine Client-Access-URL beginnt mit ws:// oder wss://.</translation>
    </message>
    <message>
        <source>Local service on %1:%2 (this app)</source>
        <translation>Lokaler Dienst auf %1:%2 (diese App)</translation>
    </message>
    <message>
        <source>Local service on %1:%2</source>
        <translation>Lokaler Dienst auf %1:%2</translation>
    </message>
</context>
<context>
    <name>Hubbub::AppController</name>
    <message>
        <source>Could not rejoin %1: %2</source>
        <translation>%1 konnte nicht wieder betreten werden: %2</translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation>%1 konnte nicht betreten werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be used as a room name.</source>
        <translation>„%1“ kann nicht als Raumname verwendet werden.</translation>
    </message>
</context>
<context>
    <name>Hubbub::ConnectionController</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The saved connection&apos;s secret is not available; using the local service.</source>
        <translation>Das Geheimnis der gespeicherten Verbindung ist nicht verfügbar; der lokale Dienst wird verwendet.</translation>
    </message>
    <message>
        <source>looking for the local service</source>
        <translation>suche den lokalen Dienst</translation>
    </message>
    <message>
        <source>Local service on %1:%2 (this app)</source>
        <translation>Lokaler Dienst auf %1:%2 (diese App)</translation>
    </message>
    <message>
        <source>reconnect attempt %1 in %2 s</source>
        <translation>Verbindungsversuch %1 in %2 s</translation>
    </message>
    <message>
        <source>new connection %1 (replaces the lost one)</source>
        <translation>neue Verbindung %1 (ersetzt die verlorene)</translation>
    </message>
    <message>
        <source>connected as %1</source>
        <translation>verbunden als %1</translation>
    </message>
    <message>
        <source>recovered %1: nothing lost</source>
        <translation>%1 wiederhergestellt: nichts verloren</translation>
    </message>
    <message>
        <source>connection %1 lost (close %2%3)</source>
        <translation>Verbindung %1 verloren (%2%3)</translation>
    </message>
    <message>
        <source>gap: %1</source>
        <translation>Lücke: %1</translation>
    </message>
    <message>
        <source>error %1: %2</source>
        <translation>Fehler %1: %2</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connection lost, recovering…</source>
        <translation>Verbindung verloren, wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation>Neuer Verbindungsversuch in %1 s…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Offline, retrying in %1 s…</source>
        <translation>Offline, neuer Versuch in %1 s…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No clipboard available.</source>
        <translation>Keine Zwischenablage verfügbar.</translation>
    </message>
    <message>
        <source>dropping the connection (requested)</source>
        <translation>trenne die Verbindung (angefordert)</translation>
    </message>
    <message>
        <source>going offline for %1 s (requested)</source>
        <translation>gehe für %1 s offline (angefordert)</translation>
    </message>
    <message>
        <source>forcing a new connection (requested)</source>
        <translation>erzwinge eine neue Verbindung (angefordert)</translation>
    </message>
    <message>
        <source>network: %1</source>
        <translation>Netzwerk: %1</translation>
    </message>
    <message>
        <source>Only the service embedded in this app can be hosted on the LAN.</source>
        <translation>Nur der in diese App eingebettete Dienst kann im LAN bereitgestellt werden.</translation>
    </message>
    <message>
        <source>Could not host on the LAN: %1</source>
        <translation>Bereitstellung im LAN nicht möglich: %1</translation>
    </message>
    <message>
        <source>hosting on the LAN at %1</source>
        <translation>im LAN bereitgestellt unter %1</translation>
    </message>
    <message>
        <source>hosting on this computer only</source>
        <translation>nur auf diesem Computer bereitgestellt</translation>
    </message>
    <message>
        <source>LAN service on %1 (this app)</source>
        <translation>LAN-Dienst auf %1 (diese App)</translation>
    </message>
    <message>
        <source>Local service on 127.0.0.1:%1 (this app)</source>
        <translation>Lokaler Dienst auf 127.0.0.1:%1 (diese App)</translation>
    </message>
    <message>
        <source>last gap: %1</source>
        <translation>letzte Lücke: %1</translation>
    </message>
    <message>
        <source>the local service&apos;s host is gone: this app hosts it now on %1:%2</source>
        <translation>der Host des lokalen Dienstes ist weg: diese App stellt ihn jetzt auf %1:%2 bereit</translation>
    </message>
</context>
<context>
    <name>Hubbub::ConnectionReport</name>
    <message>
        <source>connection refused: no service is listening there</source>
        <translation>Verbindung abgelehnt: dort lauscht kein Dienst</translation>
    </message>
    <message>
        <source>closed normally</source>
        <translation>normal geschlossen</translation>
    </message>
    <message>
        <source>going away: the host quit or restarted</source>
        <translation>beendet: der Host wurde geschlossen oder neu gestartet</translation>
    </message>
    <message>
        <source>connection lost without a close (crash or network)</source>
        <translation>Verbindung ohne Abschluss verloren (Absturz oder Netzwerk)</translation>
    </message>
    <message>
        <source>refused by policy (recovery refused)</source>
        <translation>durch Richtlinie abgelehnt (Wiederherstellung verweigert)</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>Nachricht zu groß</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>messages between %1 and %2 may be missing (%3)</source>
        <translation>Nachrichten zwischen %1 und %2 fehlen möglicherweise (%3)</translation>
    </message>
</context>
<context>
    <name>Hubbub::LocalService</name>
    <message>
        <source>Could not start the local service: %1</source>
        <translation>Der lokale Dienst konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>No LAN address found: others cannot reach this computer.</source>
        <translation>Keine LAN-Adresse gefunden: Andere können diesen Computer nicht erreichen.</translation>
    </message>
</context>
<context>
    <name>Hubbub::MessageModel</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Disconnected %1 — some messages may be missing</source>
        <translation>Getrennt %1 – einige Nachrichten fehlen möglicherweise</translation>
    </message>
    <message>
        <source>Disconnected %1 — 1 message filled from peers</source>
        <translation>Getrennt %1 – 1 Nachricht von anderen Teilnehmern ergänzt</translation>
    </message>
    <message>
        <source>Disconnected %1 — %2 messages filled from peers</source>
        <translation>Getrennt %1 – %2 Nachrichten von anderen Teilnehmern ergänzt</translation>
    </message>
</context>
<context>
    <name>Hubbub::MessageMutations</name>
    <message>
        <source>message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
</context>
<context>
    <name>Hubbub::Notices</name>
    <message>
        <source>[binary, %1 bytes]</source>
        <translation>[binär, %1 Bytes]</translation>
    </message>
</context>
<context>
    <name>Hubbub::NotificationPolicy</name>
    <message>
        <source>Server notice</source>
        <translation>Server-Mitteilung</translation>
    </message>
</context>
<context>
    <name>Hubbub::Pictures</name>
    <message>
        <source>Only local files can be sent as pictures.</source>
        <translation>Nur lokale Dateien können als Bilder gesendet werden.</translation>
    </message>
    <message>
        <source>The picture is too large (more than %1 MB).</source>
        <translation>Das Bild ist zu groß (mehr als %1 MB).</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>pasted picture</source>
        <translation>eingefügtes Bild</translation>
    </message>
</context>
<context>
    <name>Hubbub::PresenceTracker</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
</context>
<context>
    <name>Hubbub::PresentMode</name>
    <message>
        <source>Present mode needs the service embedded in this app (use the local service).</source>
        <translation>Der Präsentationsmodus braucht den in diese App eingebetteten Dienst (lokalen Dienst verwenden).</translation>
    </message>
</context>
<context>
    <name>Hubbub::ReplyResolver</name>
    <message>
        <source>message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
</context>
<context>
    <name>Hubbub::RoomDirectory</name>
    <message>
        <source>message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
</context>
<context>
    <name>Hubbub::SecretStore</name>
    <message>
        <source>The system keychain is not available (%1). The secret is kept in memory for this session only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1). Das Geheimnis wird nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
</context>
<context>
    <name>Hubbub::SenderPolicy</name>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
</context>
<context>
    <name>Hubbub::Ui::UiHelper</name>
    <message>
        <source>No close yet</source>
        <translation>Noch nicht geschlossen</translation>
    </message>
    <message>
        <source>Normal close: the connection was ended on purpose</source>
        <translation>Normaler Abschluss: die Verbindung wurde absichtlich beendet</translation>
    </message>
    <message>
        <source>Going away: the service or the app shut down</source>
        <translation>Beendet: der Dienst oder die App wurde heruntergefahren</translation>
    </message>
    <message>
        <source>Protocol error: a frame broke the WebSocket rules</source>
        <translation>Protokollfehler: ein Frame hat gegen die WebSocket-Regeln verstoßen</translation>
    </message>
    <message>
        <source>Unsupported data: a frame type was refused</source>
        <translation>Nicht unterstützte Daten: ein Frame-Typ wurde abgelehnt</translation>
    </message>
    <message>
        <source>Closed without a status code</source>
        <translation>Ohne Statuscode geschlossen</translation>
    </message>
    <message>
        <source>Dropped: the connection ended without a close frame (network loss)</source>
        <translation>Abgebrochen: die Verbindung endete ohne Close-Frame (Netzwerkverlust)</translation>
    </message>
    <message>
        <source>Invalid data: a message was not valid UTF-8 or JSON</source>
        <translation>Ungültige Daten: eine Nachricht war kein gültiges UTF-8 oder JSON</translation>
    </message>
    <message>
        <source>Policy violation: the service refused (e.g. recovery no longer possible, bad token)</source>
        <translation>Richtlinienverstoß: der Dienst hat abgelehnt (z. B. Wiederherstellung nicht mehr möglich, ungültiges Token)</translation>
    </message>
    <message>
        <source>Message too big for the service</source>
        <translation>Nachricht zu groß für den Dienst</translation>
    </message>
    <message>
        <source>The client needed an extension the service did not offer</source>
        <translation>Der Client benötigte eine Erweiterung, die der Dienst nicht anbietet</translation>
    </message>
    <message>
        <source>Service error: the service hit an unexpected condition</source>
        <translation>Dienstfehler: beim Dienst ist ein unerwarteter Zustand aufgetreten</translation>
    </message>
    <message>
        <source>Service restarting: reconnect shortly</source>
        <translation>Dienst startet neu: gleich wieder verbinden</translation>
    </message>
    <message>
        <source>Try again later: the service is overloaded</source>
        <translation>Später erneut versuchen: der Dienst ist überlastet</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLS-Handshake fehlgeschlagen</translation>
    </message>
    <message>
        <source>Application-defined close (%1)</source>
        <translation>Von der Anwendung definierter Abbruch (%1)</translation>
    </message>
    <message>
        <source>Library or framework close (%1)</source>
        <translation>Abbruch durch Bibliothek oder Framework (%1)</translation>
    </message>
    <message>
        <source>Unknown close code %1</source>
        <translation>Unbekannter Close-Code %1</translation>
    </message>
</context>
<context>
    <name>ImageThumbnail</name>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Picture unavailable</source>
        <translation>Bild nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Hubbub — #%1</source>
        <translation>Hubbub — #%1</translation>
    </message>
    <message>
        <source>Hubbub</source>
        <translation>Hubbub</translation>
    </message>
    <message>
        <source>Switch room</source>
        <translation>Raum wechseln</translation>
    </message>
    <message>
        <source>Next room with unread messages</source>
        <translation>Nächster Raum mit ungelesenen Nachrichten</translation>
    </message>
    <message>
        <source>Focus the message field</source>
        <translation>Zum Nachrichtenfeld springen</translation>
    </message>
    <message>
        <source>Enter · Shift+Enter</source>
        <translation>Eingabetaste · Umschalt+Eingabetaste</translation>
    </message>
    <message>
        <source>Send · new line (in the message field)</source>
        <translation>Senden · neue Zeile (im Nachrichtenfeld)</translation>
    </message>
    <message>
        <source>Focus the message list (then ↑/↓ to move)</source>
        <translation>Zur Nachrichtenliste springen (dann mit ↑/↓ bewegen)</translation>
    </message>
    <message>
        <source>Copy the selected message&apos;s text</source>
        <translation>Text der ausgewählten Nachricht kopieren</translation>
    </message>
    <message>
        <source>Retry all failed messages</source>
        <translation>Alle fehlgeschlagenen Nachrichten erneut senden</translation>
    </message>
    <message>
        <source>Show or hide the member list</source>
        <translation>Mitgliederliste ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Light or dark theme</source>
        <translation>Helles oder dunkles Design</translation>
    </message>
    <message>
        <source>Connect to a service…</source>
        <translation>Mit einem Dienst verbinden…</translation>
    </message>
    <message>
        <source>Connection diagnostics</source>
        <translation>Verbindungsdiagnose</translation>
    </message>
    <message>
        <source>Diagnostics: drop the connection</source>
        <translation>Diagnose: Verbindung trennen</translation>
    </message>
    <message>
        <source>Diagnostics: go offline for the set seconds</source>
        <translation>Diagnose: für die eingestellten Sekunden offline gehen</translation>
    </message>
    <message>
        <source>Diagnostics: force a new connection</source>
        <translation>Diagnose: neue Verbindung erzwingen</translation>
    </message>
    <message>
        <source>Diagnostics: copy the report</source>
        <translation>Diagnose: Bericht kopieren</translation>
    </message>
    <message>
        <source>Ctrl+/ · F1</source>
        <translation>Strg+/ · F1</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Diese Liste der Tastenkürzel</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <source>%1 members</source>
        <translation>%1 Mitglieder</translation>
    </message>
    <message>
        <source>%1 online</source>
        <translation>%1 online</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connect to a service (Ctrl+O)</source>
        <translation>Mit einem Dienst verbinden (Strg+O)</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Connection diagnostics (Ctrl+Shift+D)</source>
        <translation>Verbindungsdiagnose (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/ or F1)</source>
        <translation>Tastenkürzel (Strg+/ oder F1)</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Switch room…</source>
        <translation>Raum wechseln…</translation>
    </message>
    <message>
        <source>Next unread room</source>
        <translation>Nächster ungelesener Raum</translation>
    </message>
    <message>
        <source>Dark theme</source>
        <translation>Dunkles Design</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>Mitgliederliste</translation>
    </message>
    <message>
        <source>Typing indicators</source>
        <translation>Schreibanzeigen</translation>
    </message>
    <message>
        <source>Host on LAN</source>
        <translation>Im LAN bereitstellen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Hosting on %1</source>
        <translation>Bereitgestellt unter %1</translation>
    </message>
    <message>
        <source>Join or create a room on the left to start chatting.</source>
        <translation>Betritt links einen Raum oder erstelle einen, um loszuchatten.</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Join a room to write</source>
        <translation>Betritt einen Raum, um zu schreiben</translation>
    </message>
    <message>
        <source>Not connected — messages you send now are queued and go out when the connection is back</source>
        <translation>Nicht verbunden – Nachrichten, die du jetzt sendest, werden gesammelt und verschickt, sobald die Verbindung wieder steht</translation>
    </message>
    <message>
        <source>Sending %1 queued message(s)…</source>
        <translation>%1 wartende Nachricht(en) werden gesendet…</translation>
    </message>
    <message>
        <source>Present: the room on a big screen, with a code to join</source>
        <translation>Präsentieren: der Raum auf einer großen Leinwand, mit einem Code zum Beitreten</translation>
    </message>
    <message>
        <source>Present…</source>
        <translation>Präsentieren…</translation>
    </message>
    <message>
        <source>Reply to the selected message (or the newest)</source>
        <translation>Auf die ausgewählte (oder neueste) Nachricht antworten</translation>
    </message>
    <message>
        <source>@ · ↑/↓ · Enter/Tab · Esc</source>
        <translation>@ · ↑/↓ · Eingabe/Tab · Esc</translation>
    </message>
    <message>
        <source>Mention a member: complete, choose, insert, dismiss (in the message field)</source>
        <translation>Mitglied erwähnen: vervollständigen, auswählen, einfügen, verwerfen (im Nachrichtenfeld)</translation>
    </message>
    <message>
        <source>Notify me of mentions in muted rooms</source>
        <translation>Bei Erwähnungen in stummgeschalteten Räumen benachrichtigen</translation>
    </message>
    <message>
        <source>Search messages in all rooms</source>
        <translation>Nachrichten in allen Räumen suchen</translation>
    </message>
    <message>
        <source>Search messages…</source>
        <translation>Nachrichten suchen…</translation>
    </message>
</context>
<context>
    <name>MemberList</name>
    <message>
        <source>Members · %1 online</source>
        <translation>Mitglieder · %1 online</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>away</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>typing</source>
        <translation>schreibt</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
</context>
<context>
    <name>MentionPopup</name>
    <message>
        <source>Members matching the mention</source>
        <translation>Zur Erwähnung passende Mitglieder</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed to send</source>
        <translation>Senden fehlgeschlagen</translation>
    </message>
    <message>
        <source>(claimed) · relayed by %1</source>
        <translation>(angegeben) · weitergeleitet von %1</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
    <message>
        <source>Waiting for the connection</source>
        <translation>Wartet auf die Verbindung</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Queued: sent when the connection is back</source>
        <translation>Wartet: wird gesendet, sobald die Verbindung wieder steht</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered to the service</source>
        <translation>An den Dienst zugestellt</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Open link %1</source>
        <translation>Link %1 öffnen</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Retry sending this message</source>
        <translation>Diese Nachricht erneut senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete this unsent message</source>
        <translation>Diese nicht gesendete Nachricht löschen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy message text</source>
        <translation>Nachrichtentext kopieren</translation>
    </message>
    <message>
        <source>Copy text (Ctrl+Shift+C)</source>
        <translation>Text kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply to this message</source>
        <translation>Auf diese Nachricht antworten</translation>
    </message>
    <message>
        <source>Reply (Ctrl+R)</source>
        <translation>Antworten (Strg+R)</translation>
    </message>
    <message>
        <source>message deleted</source>
        <translation>Nachricht gelöscht</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <source>Add a reaction to this message</source>
        <translation>Eine Reaktion zu dieser Nachricht hinzufügen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit this message</source>
        <translation>Diese Nachricht bearbeiten</translation>
    </message>
    <message>
        <source>Edit (Up arrow in an empty composer edits your last message)</source>
        <translation>Bearbeiten (Pfeil nach oben im leeren Eingabefeld bearbeitet deine letzte Nachricht)</translation>
    </message>
    <message>
        <source>Delete this message for everyone</source>
        <translation>Diese Nachricht für alle löschen</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Jump to latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <source>Jump to latest</source>
        <translation>Zur neuesten</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag hallo!</translation>
    </message>
</context>
<context>
    <name>NoticesView</name>
    <message>
        <source>Notices</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <source>Notices from the server</source>
        <translation>Mitteilungen vom Server</translation>
    </message>
    <message>
        <source>Server notice: %1</source>
        <translation>Server-Mitteilung: %1</translation>
    </message>
    <message>
        <source>Server notice</source>
        <translation>Server-Mitteilung</translation>
    </message>
    <message>
        <source>No notices yet. Announcements and messages from the service&apos;s app server appear here.</source>
        <translation>Noch keine Mitteilungen. Ankündigungen und Nachrichten vom App-Server des Dienstes erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>PictureAttach</name>
    <message>
        <source>Picture…</source>
        <translation>Bild…</translation>
    </message>
    <message>
        <source>Send a picture (or paste or drop one)</source>
        <translation>Ein Bild senden (oder eines einfügen oder hineinziehen)</translation>
    </message>
    <message>
        <source>Send a picture</source>
        <translation>Ein Bild senden</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
</context>
<context>
    <name>PictureCodec</name>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The picture is too large (more than %1 MB).</source>
        <translation>Das Bild ist zu groß (mehr als %1 MB).</translation>
    </message>
    <message>
        <source>This is not a picture.</source>
        <translation>Das ist kein Bild.</translation>
    </message>
    <message>
        <source>Only PNG and JPEG pictures are accepted.</source>
        <translation>Nur PNG- und JPEG-Bilder werden angenommen.</translation>
    </message>
    <message>
        <source>The picture is too large (%1×%2 pixels).</source>
        <translation>Das Bild ist zu groß (%1×%2 Pixel).</translation>
    </message>
    <message>
        <source>The picture could not be read: %1</source>
        <translation>Das Bild konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The picture could not be encoded: %1</source>
        <translation>Das Bild konnte nicht kodiert werden: %1</translation>
    </message>
    <message>
        <source>The picture could not be made small enough to send.</source>
        <translation>Das Bild konnte nicht klein genug zum Senden gemacht werden.</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Hubbub — Presenting</source>
        <translation>Hubbub — Präsentation</translation>
    </message>
    <message>
        <source>QR code of the join link</source>
        <translation>QR-Code des Beitrittslinks</translation>
    </message>
    <message numerus="yes">
        <source>%n joined</source>
        <translation>
            <numerusform>%n beigetreten</numerusform>
            <numerusform>%n beigetreten</numerusform>
        </translation>
    </message>
    <message>
        <source>Only presenters may write now</source>
        <translation>Nur Vortragende dürfen jetzt schreiben</translation>
    </message>
    <message>
        <source>Lock room</source>
        <translation>Raum sperren</translation>
    </message>
    <message>
        <source>Announcement to everyone</source>
        <translation>Durchsage an alle</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Durchsage</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Durchsagen</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Guest to remove</source>
        <translation>Zu entfernender Gast</translation>
    </message>
    <message>
        <source>Remove guest</source>
        <translation>Gast entfernen</translation>
    </message>
    <message>
        <source>Clear screen</source>
        <translation>Bildschirm leeren</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>%1 connected · %2 recovering · %3 gone</source>
        <extracomment>Guests by connection state, next to &quot;N joined&quot; on the presenter&apos;s screen.</extracomment>
        <translation>%1 verbunden · %2 stellen wieder her · %3 weg</translation>
    </message>
    <message>
        <source>%1 connected, %2 recovering, %3 gone</source>
        <translation>%1 verbunden, %2 stellen die Verbindung wieder her, %3 weg</translation>
    </message>
    <message>
        <source>Screen to present on</source>
        <translation>Bildschirm für die Präsentation</translation>
    </message>
</context>
<context>
    <name>ReactionBar</name>
    <message>
        <source>%1, %2 reactions including yours: %3. Remove yours</source>
        <translation>%1, %2 Reaktionen einschließlich deiner: %3. Deine entfernen</translation>
    </message>
    <message>
        <source>%1, %2 reactions: %3. Add yours</source>
        <translation>%1, %2 Reaktionen: %3. Deine hinzufügen</translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>%1 hat mit %2 reagiert</translation>
    </message>
    <message>
        <source>Add reaction</source>
        <translation>Reaktion hinzufügen</translation>
    </message>
</context>
<context>
    <name>ReplyBar</name>
    <message>
        <source>Replying to %1:</source>
        <translation>Antwort an %1:</translation>
    </message>
    <message>
        <source>Cancel the reply (Esc)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>ReplyQuote</name>
    <message>
        <source>Reply to %1:</source>
        <translation>Antwort auf %1:</translation>
    </message>
    <message>
        <source>Reply to a message not in your history, claimed from %1:</source>
        <translation>Antwort auf eine Nachricht, die nicht in deinem Verlauf ist, laut Angabe von %1:</translation>
    </message>
    <message>
        <source>Activate to show the original message</source>
        <translation>Aktivieren, um die ursprüngliche Nachricht zu zeigen</translation>
    </message>
    <message>
        <source>Replying to a message not in your history —</source>
        <translation>Antwort auf eine Nachricht, die nicht in deinem Verlauf ist —</translation>
    </message>
    <message>
        <source>%1 (claimed)</source>
        <translation>%1 (angegeben)</translation>
    </message>
</context>
<context>
    <name>RoomList</name>
    <message>
        <source>Hubbub</source>
        <translation>Hubbub</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s) in all rooms</source>
        <translation>
            <numerusform>%n ungelesene Nachricht in allen Räumen</numerusform>
            <numerusform>%n ungelesene Nachrichten in allen Räumen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Stummschaltung aufheben</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Raum betreten oder erstellen…</translation>
    </message>
    <message>
        <source>Room to join or create</source>
        <translation>Raum zum Betreten oder Erstellen</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>Entwurf: %1</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Mitteilungen</translation>
    </message>
    <message numerus="yes">
        <source>Notices, %n unread</source>
        <translation>
            <numerusform>Mitteilungen, %n ungelesen</numerusform>
            <numerusform>Mitteilungen, %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomSwitcher</name>
    <message>
        <source>Jump to room…</source>
        <translation>Zu Raum springen…</translation>
    </message>
    <message>
        <source>Room name filter</source>
        <translation>Filter für Raumnamen</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Passende Räume</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search messages…</source>
        <translation>Nachrichten suchen…</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten suchen</translation>
    </message>
    <message>
        <source>Words are searched literally; Up and Down pick a result, Enter opens it</source>
        <translation>Wörter werden wörtlich gesucht; Pfeil hoch und runter wählen ein Ergebnis, Eingabe öffnet es</translation>
    </message>
    <message>
        <source>Search is not available: the history database has no full-text index.</source>
        <translation>Die Suche ist nicht verfügbar: Die Verlaufsdatenbank hat keinen Volltextindex.</translation>
    </message>
    <message>
        <source>Type to search all rooms</source>
        <translation>Tippen, um alle Räume zu durchsuchen</translation>
    </message>
    <message>
        <source>No messages found</source>
        <translation>Keine Nachrichten gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>%1 in #%2, %3: %4</source>
        <translation>%1 in #%2, %3: %4</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>1 message waiting to be sent</source>
        <translation>1 Nachricht wartet auf den Versand</translation>
    </message>
    <message>
        <source>%1 messages waiting to be sent</source>
        <translation>%1 Nachrichten warten auf den Versand</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Retry the connection now</source>
        <translation>Jetzt erneut verbinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connection lost, recovering…</source>
        <translation>Verbindung verloren, wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s…</source>
        <translation>Neuer Verbindungsversuch in %1 s…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Offline: messages will be sent when the connection is back</source>
        <translation>Offline: Nachrichten werden gesendet, sobald die Verbindung wieder steht</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>SystemNotifier</name>
    <message>
        <source>Hubbub</source>
        <translation>Hubbub</translation>
    </message>
</context>
<context>
    <name>UnreadBadge</name>
    <message>
        <source>99+</source>
        <translation>99+</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
</context>
</TS>
