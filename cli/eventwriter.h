// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file eventwriter.h
//! \brief Writes hubbub-cli's events: one compact JSON object per line, flushed at once, so that a
//! script reading the pipe sees each event as it happens.
#pragma once

#include "error.h"
#include "payload.h"

#include <QJsonObject>
#include <QString>

class QIODevice;

namespace Hubbub::Cli {

class EventWriter
{
public:
    //! Writes to \a device (already open), or to standard output when null.
    explicit EventWriter(QIODevice *device = nullptr);

    //! Writes `{"event":<name>, …fields}` and flushes.
    void write(const QString &name, const QJsonObject &fields = {});

    //! `{"name": …, "message": …}`
    static QJsonObject errorObject(const WebPubSub::Error &error);
    static QJsonObject errorObject(const QString &name, const QString &message);
    //! Adds `dataType` and `data` (base64 for binary, the JSON value for json, a string for text).
    static void addPayload(QJsonObject &fields, const WebPubSub::Payload &payload);
    //! A string, or null when empty.
    static QJsonValue stringOrNull(const QString &text);

private:
    QIODevice *m_device = nullptr;
};

} // namespace Hubbub::Cli
