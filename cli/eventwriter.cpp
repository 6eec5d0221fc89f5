// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "eventwriter.h"

#include <QIODevice>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Hubbub::Cli {

EventWriter::EventWriter(QIODevice *device)
    : m_device(device)
{}

void EventWriter::write(const QString &name, const QJsonObject &fields)
{
    // QJsonObject sorts its keys; splice "event" in front so that a human reading the stream (and a
    // script using a prefix match) sees what the line is first.
    QByteArray line = QByteArrayLiteral("{\"event\":") +
                      QJsonDocument(QJsonObject{{u"event"_s, name}}).toJson(QJsonDocument::Compact).mid(9);
    line.chop(1); // the closing brace
    if (!fields.isEmpty()) {
        QJsonObject rest = fields;
        rest.remove(u"event"_s);
        const QByteArray body = QJsonDocument(rest).toJson(QJsonDocument::Compact);
        if (body.size() > 2)
            line += ',' + body.mid(1, body.size() - 2);
    }
    line += "}\n";
    if (m_device) {
        m_device->write(line);
    } else {
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
    }
}

QJsonObject EventWriter::errorObject(const WebPubSub::Error &error)
{
    return errorObject(error.name(), error.message());
}

QJsonObject EventWriter::errorObject(const QString &name, const QString &message)
{
    return {{u"name"_s, name}, {u"message"_s, message}};
}

void EventWriter::addPayload(QJsonObject &fields, const WebPubSub::Payload &payload)
{
    fields.insert(u"dataType"_s, WebPubSub::dataTypeName(payload.dataType()));
    fields.insert(u"data"_s, payload.toWire());
}

QJsonValue EventWriter::stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace Hubbub::Cli
