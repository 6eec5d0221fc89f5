// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "bignumbers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <cmath>

namespace WebPubSub::BigNumbers {

namespace {

// simdjson 3.0 (DOM) refuses an integer outside the 64-bit range with NUMBER_ERROR, yet it is valid
// JSON and what JavaScript writes for 2**64 or 1e21 - a browser or SDK peer's `data` may hold one,
// and Qt's writer emits one for such a double, so our own service would forward frames our own
// client refused. Qt's parser reads those numbers as doubles. The document is re-written with each
// of them as a marker string, and each marker is then replaced by the number in exponent form
// (which simdjson parses as a double), so one parser still reads every frame.
constexpr double kOutside64Bit = 9223372036854775808.0; // 2^63: Qt holds integers below it exactly

QJsonValue markBigNumbers(const QJsonValue &v, const QByteArray &tag, QList<double> &numbers)
{
    switch (v.type()) {
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::abs(d) < kOutside64Bit)
            return v;
        numbers.append(d);
        return QString::fromLatin1(tag + QByteArray::number(numbers.size() - 1));
    }
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue child : v.toArray())
            out.append(markBigNumbers(child, tag, numbers));
        return out;
    }
    case QJsonValue::Object: {
        const QJsonObject in = v.toObject();
        QJsonObject out;
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), markBigNumbers(it.value(), tag, numbers));
        return out;
    }
    default:
        return v;
    }
}

} // namespace

std::optional<QByteArray> asDoubles(QByteArrayView utf8)
{
    static const QByteArray tag = QByteArrayLiteral("hubbub.bignumber.");
    QJsonParseError problem;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &problem);
    if (problem.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    for (const auto key : {QLatin1StringView("ackId"), QLatin1StringView("sequenceId")}) {
        if (std::abs(root.value(key).toDouble()) >= kOutside64Bit)
            return std::nullopt;
    }
    QList<double> numbers;
    const QJsonValue marked = markBigNumbers(root, tag, numbers);
    QByteArray text = QJsonDocument(marked.toObject()).toJson(QJsonDocument::Compact);
    // The sender's own text may hold the tag too (even escaped, which Qt's writer undoes): then
    // the markers are not ours alone and the frame keeps simdjson's error.
    if (text.count(tag) != numbers.size())
        return std::nullopt;
    for (qsizetype i = 0; i < numbers.size(); ++i)
        text.replace('"' + tag + QByteArray::number(i) + '"', QByteArray::number(numbers.at(i), 'e', 16));
    return text;
}

} // namespace WebPubSub::BigNumbers
