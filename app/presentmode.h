// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Present mode ("On stage"): the embedded service goes on the LAN with an invite and the
//! guest page, and the presenter view shows the join URL (and its QR code), who joined and the
//! room; the presenter may remove a guest, lock the room to presenters, announce, clear the screen
//! and end the session (Hubbub::Service's guest controls).
//!
//! Announcements go through Service::announce(), the library call REST `:send` shares: the app
//! runs the service in its own process, so signing an HTTP request to itself would only add a
//! way to fail.
#pragma once

#include "qrcode.h"

#include <QDateTime>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWindow;

namespace Hubbub {

class ConnectionController;
class Service;

class PresentMode : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QString joinUrl READ joinUrl NOTIFY joinUrlChanged)
    Q_PROPERTY(int guestCount READ guestCount NOTIFY guestsChanged)
    Q_PROPERTY(QStringList guests READ guests NOTIFY guestsChanged)
    //! Guests with a live connection; whose connection dropped and may still recover (the
    //! reliable protocol's recovery window); and who left, were removed or did not recover.
    Q_PROPERTY(int connectedCount READ connectedCount NOTIFY guestsChanged)
    Q_PROPERTY(int recoveringCount READ recoveringCount NOTIFY guestsChanged)
    Q_PROPERTY(int goneCount READ goneCount NOTIFY guestsChanged)
    Q_PROPERTY(bool locked READ isLocked WRITE setLocked NOTIFY lockedChanged)
    //! Messages before this moment are off the presenter's screen (clearScreen()); invalid = none.
    Q_PROPERTY(QDateTime clearedAt READ clearedAt NOTIFY clearedAtChanged)
    //! The room guests join: the one the speaker presents (the page's default is "lobby").
    Q_PROPERTY(QString room READ room NOTIFY joinUrlChanged)
    //! The screens the presenter view may open on, "name — width×height", in the order of
    //! Qt.application.screens.
    Q_PROPERTY(QStringList screens READ screens NOTIFY screensChanged)
    //! The screen (an index into screens) the presenter view is full screen on: the presenter's
    //! choice, remembered per profile by the screen's name (pickScreen()).
    Q_PROPERTY(int screenIndex READ screenIndex WRITE setScreenIndex NOTIFY screenIndexChanged)
public:
    //! \a hub: the hub guests join (the app's).
    PresentMode(ConnectionController *connection, const QString &hub, QObject *parent = nullptr);

    bool isActive() const { return !m_service.isNull(); }
    //! The guest page's URL, invite included (and the hub and room when they are not the page's
    //! defaults).
    QString joinUrl() const;
    QString room() const { return m_room; }
    int guestCount() const { return int(guests().size()); }
    QStringList guests() const;
    int connectedCount() const;
    int recoveringCount() const;
    int goneCount() const;
    bool isLocked() const;
    QDateTime clearedAt() const { return m_clearedAt; }
    QStringList screens() const;
    int screenIndex() const { return m_screenIndex; }
    //! Chooses screen \a index and remembers its name for the profile.
    void setScreenIndex(int index);
    //! Before the presenter view opens: the remembered screen if it is there, else the first one
    //! that is not \a mainWindow's (with two, the projector), else \a mainWindow's.
    Q_INVOKABLE void pickScreen(QWindow *mainWindow);
    //! The join URL's QR code, \a moduleSize pixels a module; null when not active.
    QImage qrCode(int moduleSize = 8) const { return QrCode::render(joinUrl(), moduleSize); }

    //! Hosts the embedded service on the LAN with the guest page, guests joining \a room (empty:
    //! the page's default); false (and error()) when this app does not run the service.
    Q_INVOKABLE bool start(const QString &room = {});
    Q_INVOKABLE void removeGuest(const QString &name);
    Q_INVOKABLE void setLocked(bool locked);
    //! A server message to every connection of the hub: the guest pages show it as an announcement.
    Q_INVOKABLE void announce(const QString &text);
    Q_INVOKABLE void clearScreen();
    //! Every guest closed, the invite void; the service stays on the LAN, the guest page goes off.
    Q_INVOKABLE void end();

Q_SIGNALS:
    void activeChanged();
    void joinUrlChanged();
    void guestsChanged();
    void lockedChanged();
    void clearedAtChanged();
    void screensChanged();
    void screenIndexChanged();
    void error(const QString &message);

private:
    void follow(Service *service);

    ConnectionController *m_connection;
    QString m_hub;
    QString m_room;
    QPointer<Service> m_service;
    QDateTime m_clearedAt;
    int m_screenIndex = 0;
};

} // namespace Hubbub
