// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "guestcontrols.h"

#include "clientconnection.h"
#include "invitegate.h"
#include "logging_p.h"
#include "service_p.h"

#include <QWebSocketProtocol>

#include <algorithm>

using namespace WebPubSub;

namespace Hubbub {

GuestControls::GuestControls(ServicePrivate *service)
    : d(service)
{}

bool GuestControls::isGuest(const ClientConnection *c)
{
    return c->userId && c->userId->startsWith(InviteGate::GuestPrefix);
}

QStringList GuestControls::connectedGuests() const
{
    QStringList names;
    QSet<QString> folded; // each name once, compared case-insensitively, without a quadratic scan
    for (const QPointer<ClientConnection> &c : d->hubs.allConnections()) {
        if (c && !c->isFinished() && isGuest(c)) {
            const QString name = c->userId->mid(InviteGate::GuestPrefix.size());
            const QString key = name.toCaseFolded();
            if (!folded.contains(key)) {
                folded.insert(key);
                names.append(name);
            }
        }
    }
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return names;
}

void GuestControls::noteAdmitted(const ClientConnection *c)
{
    if (isGuest(c))
        m_seen.insert(c->userId->mid(InviteGate::GuestPrefix.size()).toCaseFolded());
}

GuestControls::Counts GuestControls::counts() const
{
    QSet<QString> attached;
    QSet<QString> waiting;
    for (const QPointer<ClientConnection> &c : d->hubs.allConnections()) {
        if (!c || c->isFinished() || !isGuest(c))
            continue;
        const QString name = c->userId->mid(InviteGate::GuestPrefix.size()).toCaseFolded();
        (c->isAttached() ? attached : waiting).insert(name);
    }
    // A guest with one live and one dropped connection (two tabs) is connected.
    waiting.subtract(attached);
    Counts counts;
    counts.connected = int(attached.size());
    counts.recovering = int(waiting.size());
    for (const QString &name : m_seen)
        counts.gone += !attached.contains(name) && !waiting.contains(name);
    return counts;
}

int GuestControls::remove(const QString &name)
{
    const QString folded = name.trimmed().toCaseFolded();
    if (folded.isEmpty())
        return 0;
    int closed = 0;
    // closeFinally() finishes the connection, which leaves the registry at once: a guarded snapshot.
    for (const QPointer<ClientConnection> &c : d->hubs.allConnections()) {
        if (!c || c->isFinished() || !isGuest(c) ||
            c->userId->mid(InviteGate::GuestPrefix.size()).toCaseFolded() != folded)
            continue;
        c->closeFinally(QWebSocketProtocol::CloseCodePolicyViolated,
                        QStringLiteral("Removed by the presenter"), QStringLiteral("RemovedByPresenter"));
        ++closed;
    }
    d->invites.release(name);
    qCInfo(lcService) << "a guest was removed;" << closed << "connection(s) closed";
    return closed;
}

std::optional<ErrorDetail> GuestControls::sendRefusal(const ClientConnection *c) const
{
    if (!m_locked || !isGuest(c))
        return std::nullopt;
    return ErrorDetail{QStringLiteral("Forbidden"),
                       QStringLiteral("The room is locked: only the presenters may send now.")};
}

void GuestControls::endSession()
{
    int closed = 0;
    for (const QPointer<ClientConnection> &c : d->hubs.allConnections()) {
        if (!c || c->isFinished() || !isGuest(c))
            continue;
        c->closeFinally(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("The session has ended"),
                        QStringLiteral("SessionEnded"));
        ++closed;
    }
    d->invites.renew();
    m_locked = false;
    m_seen.clear();
    qCInfo(lcService) << "guest session ended;" << closed << "connection(s) closed, invite renewed";
}

} // namespace Hubbub
