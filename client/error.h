// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file error.h
//! \brief A typed error: the service's own name and message, or one of the client's.
//!
//! The service's `error.name` strings are kept verbatim (callers and hubbub-cli print them as
//! sent); code() maps them, in one place, to an enum that code can switch on.
#pragma once

#include "webpubsub_export.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace WebPubSub {

class WEBPUBSUB_EXPORT Error
{
    Q_GADGET
    Q_PROPERTY(Code code READ code CONSTANT)
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString message READ message CONSTANT)
public:
    enum class Code {
        None,
        // From the service (ack / invokeResponse error.name)
        Duplicate,
        Forbidden,
        InternalServerError,
        BadRequest,
        NotFound,
        // From the client
        Timeout,         //!< no answer within the operation's timeout
        NotConnected,    //!< could not be sent: no connection (e.g. the outbox wait ran out)
        Stopped,         //!< the client was stopped before the operation completed
        Cancelled,       //!< cancelled by the caller (invoke)
        InvalidArgument, //!< rejected before sending (empty group, bad data)
        Other,           //!< any other name the service sends
        //! written, but the connection was lost for good before its ack: it may or may not have
        //! taken effect (never resent under the old connection's ackId unless asked to)
        Indeterminate,
        //! the service's TLS certificate did not verify (not trusted, another host, expired): the
        //! connection was refused, never made
        CertificateError,
    };
    Q_ENUM(Code)

    Error() = default;
    //! An error as the service named it; code() is derived from \a name.
    Error(QString name, QString message);
    //! A client-side error; name() is the enum key (`Timeout`, `NotConnected`, …).
    static Error fromCode(Code code, QString message);

    bool isError() const { return m_code != Code::None; }
    Code code() const { return m_code; }
    QString name() const { return m_name; }
    QString message() const { return m_message; }

    static Code codeFromName(const QString &name);
    static QString nameOfCode(Code code);

    friend bool operator==(const Error &a, const Error &b)
    {
        return a.m_code == b.m_code && a.m_name == b.m_name && a.m_message == b.m_message;
    }

private:
    Code m_code = Code::None;
    QString m_name;
    QString m_message;
};

} // namespace WebPubSub

Q_DECLARE_METATYPE(WebPubSub::Error)
