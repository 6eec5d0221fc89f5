// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "diagnosticsreport.h"

#include "client.h"
#include "connectionreport.h"
#include "enumnames.h"

#include <QNetworkInformation>
#include <QRegularExpression>

namespace Hubbub {

QString DiagnosticsReport::reachabilityName()
{
    using R = QNetworkInformation::Reachability;
    static const EnumName<R> names[] = {
        {R::Online, "online"}, {R::Site, "site"}, {R::Local, "local"}, {R::Disconnected, "disconnected"}};
    const QNetworkInformation *info = QNetworkInformation::instance();
    return info ? enumName(names, info->reachability(), "unknown") : QStringLiteral("unknown");
}

QVariantMap DiagnosticsReport::collect(const Inputs &in)
{
    QVariantMap map;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    map.insert(QStringLiteral("state"), in.state);
    map.insert(QStringLiteral("networkReachability"), reachabilityName());
    // One rule, so a message never counts twice: outboxSize is the app's own chat messages not yet
    // acknowledged (what the banner shows; Outbox). While one is being sent, or waits in the client
    // for a connection, the client's queue holds it TOO: that queue (which also holds presence and
    // joins) is shown apart as clientQueue, never added to outboxSize.
    map.insert(QStringLiteral("outboxSize"), in.outboxCount);
    map.insert(QStringLiteral("lastCloseCode"), in.report->lastCloseCode());
    map.insert(QStringLiteral("lastCloseReasonText"), in.report->lastCloseReasonText());
    map.insert(QStringLiteral("lastGap"), in.report->lastGapText());
    if (!in.client) {
        map.insert(QStringLiteral("hub"), in.hub);
        map.insert(QStringLiteral("userId"), in.userId);
        return map;
    }
    const WebPubSub::Diagnostics d = in.client->diagnostics();
    map.insert(QStringLiteral("stateSeconds"), d.stateSince.isValid() ? d.stateSince.secsTo(now) : 0);
    map.insert(QStringLiteral("connectionId"), in.client->connectionId());
    map.insert(QStringLiteral("userId"), in.client->userId().isEmpty() ? in.userId : in.client->userId());
    map.insert(QStringLiteral("hub"), d.hub.isEmpty() ? in.hub : d.hub);
    map.insert(QStringLiteral("subprotocol"), d.subprotocol);
    map.insert(QStringLiteral("endpointHost"), d.endpointHost);
    map.insert(QStringLiteral("lastReceivedSequenceId"), d.lastReceivedSequenceId);
    map.insert(QStringLiteral("lastAckedSequenceId"), d.lastAckedSequenceId);
    map.insert(QStringLiteral("duplicatesDropped"), d.duplicatesDropped);
    map.insert(QStringLiteral("pendingOperations"), d.pendingOperations);
    map.insert(QStringLiteral("clientQueue"), d.outboxSize);
    map.insert(QStringLiteral("recoveries"), d.recoveries);
    map.insert(QStringLiteral("reconnects"), d.reconnects);
    map.insert(QStringLiteral("lastCloseCode"), d.lastCloseCode);
    map.insert(QStringLiteral("lastCloseReason"), d.lastCloseReason);
    map.insert(QStringLiteral("roundTripMs"), d.roundTripMs);
    const QDateTime last = d.lastFrameReceivedAt.isValid() ? d.lastFrameReceivedAt : in.lastMessageAt;
    map.insert(QStringLiteral("lastMessageAgeSeconds"), last.isValid() ? last.secsTo(now) : -1);
    map.insert(QStringLiteral("tokenExpiresAt"),
               d.tokenExpiresAt.isValid() ? d.tokenExpiresAt.toUTC().toString(Qt::ISODate) : QString());
    return map;
}

QString DiagnosticsReport::text(const QVariantMap &map, const QString &endpointDescription,
                                const QString &transitions)
{
    QString text =
        tr("Hubbub diagnostics (%1)").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)) + u'\n';
    text += tr("endpoint: %1").arg(endpointDescription) + u'\n';
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        text += it.key() + QStringLiteral(": ") + it.value().toString() + u'\n';
    text += tr("transitions:") + u'\n' + transitions;
    // Defence in depth: nothing above carries a token, but a close reason or error message might.
    static const QRegularExpression tokenRe(QStringLiteral("((?:access_token|awps_reconnection_token|token|"
                                                           "AccessKey)[=:]\\s*)[^&;\\s]+"),
                                            QRegularExpression::CaseInsensitiveOption);
    text.replace(tokenRe, QStringLiteral("\\1REDACTED"));
    return text;
}

} // namespace Hubbub
