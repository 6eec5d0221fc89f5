// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A loopback TCP listener that counts connections: the URL a hostile name points at. A
//! label that rendered `<img src="http://127.0.0.1:PORT/x">` as rich text would connect here.
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

class FetchTrap : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int port READ port CONSTANT)
    Q_PROPERTY(int hits READ hits NOTIFY hitsChanged)
public:
    explicit FetchTrap(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_hits;
                socket->deleteLater();
                Q_EMIT hitsChanged();
            }
        });
    }
    int port() const { return m_server.serverPort(); }
    int hits() const { return m_hits; }
    //! `<img src="http://127.0.0.1:PORT/<path>">`: markup that would fetch from this trap.
    Q_INVOKABLE QString imageMarkup(const QString &path) const
    {
        return QStringLiteral("<img src=\"http://127.0.0.1:%1/%2\">").arg(port()).arg(path);
    }

Q_SIGNALS:
    void hitsChanged();

private:
    QTcpServer m_server;
    int m_hits = 0;
};
