// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file eventwriter.h
//! \brief Writes hubbub-cli's events: one compact JSON object per line. Each line is built once,
//! straight into the output buffer (JsonLineBuilder); on standard output the lines of a burst are
//! written together when the program goes back to waiting (OutputBuffer), as spec/cli.md allows.
#pragma once

#include "error.h"
#include "payload.h"

#include <QJsonObject>
#include <QString>

#include <memory>

class QIODevice;

namespace WebPubSub {
struct GroupMessage;
}

namespace Hubbub::Cli {

class JsonLineBuilder;
class OutputBuffer;

class EventWriter
{
public:
    //! Writes to \a device (already open) line by line, or to a buffered standard output when null.
    explicit EventWriter(QIODevice *device = nullptr);
    ~EventWriter();

    //! Writes `{"event":<name>, …fields}` (a field named `event` is ignored).
    void write(const QString &name, const QJsonObject &fields = {});
    //! The `group-message` event, the hot path: built without any intermediate QJsonObject.
    void writeGroupMessage(const WebPubSub::GroupMessage &message);
    //! Writes out what is buffered, waiting for the reader if it must (before the program exits).
    void flush();

    //! `{"name": …, "message": …}`
    static QJsonObject errorObject(const WebPubSub::Error &error);
    static QJsonObject errorObject(const QString &name, const QString &message);
    //! Adds `dataType` and `data` (base64 for binary, the JSON value for json, a string for text).
    static void addPayload(QJsonObject &fields, const WebPubSub::Payload &payload);
    //! A string, or null when empty.
    static QJsonValue stringOrNull(const QString &text);

private:
    // Where a line is built: the output buffer itself, or a scratch line for a device.
    QByteArray &target();
    void lineDone(qsizetype lineStart);
    static void appendPayload(JsonLineBuilder &line, const WebPubSub::Payload &payload);

    QIODevice *m_device = nullptr;
    std::unique_ptr<OutputBuffer> m_output;
    QByteArray m_scratch;
};

} // namespace Hubbub::Cli
