// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "presentmode.h"

#include "connectioncontroller.h"

#include <service.h>

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QUrlQuery>
#include <QWindow>

#include <algorithm>

namespace Hubbub {

namespace {
// The hub the guest page joins when its URL names none (service/joinpage/join.html).
const QString PageDefaultHub = QStringLiteral("hubbub");
const QString PageDefaultRoom = QStringLiteral("lobby");
const QString ScreenKey = QStringLiteral("present/screen");
} // namespace

PresentMode::PresentMode(ConnectionController *connection, const QString &hub, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_hub(hub.isEmpty() ? PageDefaultHub : hub)
    , m_room(PageDefaultRoom)
{
    // qGuiApp is a static_cast: under a QCoreApplication (tests, tools) it would be undefined.
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(gui, &QGuiApplication::screenAdded, this, &PresentMode::screensChanged);
        connect(gui, &QGuiApplication::screenRemoved, this, &PresentMode::screensChanged);
    }
}

QStringList PresentMode::screens() const
{
    QStringList labels;
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (const QScreen *screen : screens)
        labels.append(QStringLiteral("%1 — %2×%3")
                          .arg(screen->name())
                          .arg(screen->size().width())
                          .arg(screen->size().height()));
    return labels;
}

void PresentMode::setScreenIndex(int index)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (index < 0 || index >= screens.size())
        return;
    QSettings(m_connection->settingsPath(), QSettings::IniFormat)
        .setValue(ScreenKey, screens.at(index)->name());
    if (index == m_screenIndex)
        return;
    m_screenIndex = index;
    Q_EMIT screenIndexChanged();
}

void PresentMode::pickScreen(QWindow *mainWindow)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (screens.isEmpty())
        return;
    const QString remembered =
        QSettings(m_connection->settingsPath(), QSettings::IniFormat).value(ScreenKey).toString();
    QScreen *main = mainWindow ? mainWindow->screen() : nullptr;
    qsizetype index = -1;
    for (qsizetype i = 0; i < screens.size() && index < 0; ++i) {
        if (!remembered.isEmpty() && screens.at(i)->name() == remembered)
            index = i;
    }
    for (qsizetype i = 0; i < screens.size() && index < 0; ++i) {
        if (screens.at(i) != main)
            index = i;
    }
    if (index < 0)
        index = std::max<qsizetype>(0, screens.indexOf(main));
    if (int(index) != m_screenIndex) {
        m_screenIndex = int(index);
        Q_EMIT screenIndexChanged();
    }
}

QString PresentMode::joinUrl() const
{
    if (!m_service)
        return {};
    QUrl url = m_service->joinUrl();
    if (url.isEmpty())
        return {};
    // Without these the page puts guests in "lobby" of "hubbub", and a speaker presenting another
    // room would never see them.
    QUrlQuery query(url);
    if (m_hub != PageDefaultHub)
        query.addQueryItem(QStringLiteral("hub"), m_hub);
    if (m_room != PageDefaultRoom)
        query.addQueryItem(QStringLiteral("room"), m_room);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QStringList PresentMode::guests() const
{
    return m_service ? m_service->connectedGuests() : QStringList();
}

int PresentMode::connectedCount() const
{
    return m_service ? m_service->connectedGuestCount() : 0;
}

int PresentMode::recoveringCount() const
{
    return m_service ? m_service->recoveringGuestCount() : 0;
}

int PresentMode::goneCount() const
{
    return m_service ? m_service->goneGuestCount() : 0;
}

bool PresentMode::isLocked() const
{
    return m_service && m_service->guestsLocked();
}

bool PresentMode::start(const QString &room)
{
    Service *service = m_connection->service();
    if (!service) {
        Q_EMIT error(tr("Present mode needs the service embedded in this app (use the local service)."));
        return false;
    }
    if (!m_connection->hostingOnLan()) {
        m_connection->setHostOnLan(true);
        if (!m_connection->hostingOnLan())
            return false; // setHostOnLan() told the user why
    }
    service->setJoinPage(true);
    const QString presented = room.isEmpty() ? PageDefaultRoom : room;
    const bool roomChanged = presented != m_room;
    m_room = presented;
    follow(service);
    if (roomChanged)
        Q_EMIT joinUrlChanged();
    return true;
}

void PresentMode::follow(Service *service)
{
    if (m_service == service)
        return;
    if (m_service)
        m_service->disconnect(this);
    m_service = service;
    connect(service, &Service::guestsChanged, this, &PresentMode::guestsChanged);
    connect(service, &Service::guestsLockedChanged, this, &PresentMode::lockedChanged);
    connect(service, &Service::inviteChanged, this, &PresentMode::joinUrlChanged);
    connect(service, &Service::runningChanged, this, &PresentMode::joinUrlChanged);
    connect(service, &QObject::destroyed, this, [this] {
        Q_EMIT activeChanged();
        Q_EMIT joinUrlChanged();
        Q_EMIT guestsChanged();
    });
    Q_EMIT activeChanged();
    Q_EMIT joinUrlChanged();
    Q_EMIT guestsChanged();
    Q_EMIT lockedChanged();
}

void PresentMode::removeGuest(const QString &name)
{
    if (m_service)
        m_service->removeGuest(name);
}

void PresentMode::setLocked(bool locked)
{
    if (m_service)
        m_service->setGuestsLocked(locked);
}

void PresentMode::announce(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_service && !trimmed.isEmpty())
        m_service->announce(m_hub, trimmed);
}

void PresentMode::clearScreen()
{
    m_clearedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT clearedAtChanged();
}

void PresentMode::end()
{
    if (!m_service)
        return;
    Service *service = m_service;
    service->endGuestSession();
    service->setJoinPage(false);
    service->disconnect(this);
    m_service = nullptr;
    Q_EMIT activeChanged();
    Q_EMIT joinUrlChanged();
    Q_EMIT guestsChanged();
    Q_EMIT lockedChanged();
}

} // namespace Hubbub
