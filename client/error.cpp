// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "error.h"

#include <QMetaEnum>

#include <utility>

namespace WebPubSub {

Error::Error(QString name, QString message)
    : m_code(codeFromName(name))
    , m_name(std::move(name))
    , m_message(std::move(message))
{}

Error Error::fromCode(Code code, QString message)
{
    Error e;
    e.m_code = code;
    e.m_name = code == Code::None ? QString() : nameOfCode(code);
    e.m_message = std::move(message);
    return e;
}

Error::Code Error::codeFromName(const QString &name)
{
    // The service's names are compared verbatim (they are case-sensitive on the wire); anything we
    // do not know is Other, so a future name still counts as an error.
    static constexpr std::pair<QStringView, Code> serviceNames[] = {
        {u"Duplicate", Code::Duplicate},
        {u"Forbidden", Code::Forbidden},
        {u"InternalServerError", Code::InternalServerError},
        {u"BadRequest", Code::BadRequest},
        {u"NotFound", Code::NotFound},
        {u"Timeout", Code::Timeout},
    };
    for (const auto &[serviceName, code] : serviceNames) {
        if (name == serviceName)
            return code;
    }
    return Code::Other;
}

QString Error::nameOfCode(Code code)
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(static_cast<int>(code)));
}

} // namespace WebPubSub
