// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "eventwriter.h"

#include "datamessage.h"
#include "jsonlinebuilder.h"
#include "outputbuffer.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Hubbub::Cli {

EventWriter::EventWriter(QIODevice *device)
    : m_device(device)
{
    if (!m_device)
        m_output = std::make_unique<OutputBuffer>(1);
}

EventWriter::~EventWriter() = default;

QByteArray &EventWriter::target()
{
    return m_output ? m_output->buffer() : m_scratch;
}

void EventWriter::lineDone(qsizetype lineStart)
{
    if (m_output) {
        m_output->appended();
        return;
    }
    m_device->write(m_scratch.constData() + lineStart, m_scratch.size() - lineStart);
    m_scratch.resize(0);
}

void EventWriter::write(const QString &name, const QJsonObject &fields)
{
    QByteArray &out = target();
    const qsizetype start = out.size();
    // "event" first, so that a human reading the stream (and a script using a prefix match) sees
    // what the line is first; the other fields in the object's (sorted) order.
    JsonLineBuilder line(out);
    line.key("event"_L1).string(name);
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it.key() == u"event")
            continue;
        line.raw(",");
        JsonLineBuilder::appendString(out, it.key());
        line.raw(":").value(it.value());
    }
    line.finishLine();
    lineDone(start);
}

void EventWriter::writeGroupMessage(const WebPubSub::GroupMessage &message)
{
    QByteArray &out = target();
    const qsizetype start = out.size();
    JsonLineBuilder line(out);
    line.key("event"_L1).raw("\"group-message\"");
    line.key("group"_L1).string(message.group);
    line.key("fromUserId"_L1);
    if (message.fromUserId)
        line.string(*message.fromUserId);
    else
        line.null();
    appendPayload(line, message.payload);
    line.key("sequenceId"_L1);
    if (message.sequenceId)
        line.integer(qint64(*message.sequenceId));
    else
        line.null();
    line.finishLine();
    lineDone(start);
}

void EventWriter::appendPayload(JsonLineBuilder &line, const WebPubSub::Payload &payload)
{
    using WebPubSub::DataType;
    switch (payload.dataType()) {
    case DataType::Text:
        line.key("dataType"_L1).raw("\"text\"").key("data"_L1).utf8String(payload.bytes());
        return;
    case DataType::Json:
        line.key("dataType"_L1).raw("\"json\"").key("data"_L1).value(payload.json());
        return;
    case DataType::Binary:
    case DataType::Protobuf:
        // Base64 is plain ASCII: nothing to escape.
        line.key("dataType"_L1).string(WebPubSub::dataTypeName(payload.dataType()));
        line.key("data"_L1).raw("\"").raw(payload.bytes().toBase64()).raw("\"");
        return;
    }
}

void EventWriter::flush()
{
    if (m_output)
        m_output->flushBlocking();
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
