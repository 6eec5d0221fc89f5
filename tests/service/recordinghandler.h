// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A real HTTP event handler for the upstream and hostile service tests: records every
//! request exactly as it arrived (method, raw path, headers), answers the abuse-protection
//! validation as told and every event from a script (204 without one).
#pragma once

#include "servicetestsupport.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QList>
#include <QTcpServer>

#include <functional>

struct RecordedRequest
{
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QByteArray path;                       // as sent, percent-encoded
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool isPost() const { return method == QHttpServerRequest::Method::Post; }
};

class RecordingHandler : public QAbstractHttpServer
{
public:
    //! What the validation request (OPTIONS) gets: 200 with `WebHook-Allowed-Origin: *` by default.
    QHttpServerResponse::StatusCode validationStatus = QHttpServerResponse::StatusCode::Ok;
    //! Whether a GET is answered like a successful validation (the fallback when OPTIONS is 404).
    bool validatesOnGet = false;
    //! The answer to an event (any request that is not a validation); 204 No Content when unset.
    std::function<QHttpServerResponse(const RecordedRequest &)> respond;
    QList<RecordedRequest> requests;
    quint16 port = 0;

    bool start()
    {
        auto *tcp = new QTcpServer(this);
        if (!tcp->listen(QHostAddress::LocalHost, 0))
            return false;
        bind(tcp);
        port = tcp->serverPort();
        return true;
    }
    //! The test service's options (TestSupport::defaultOptions()) with this handler as the upstream
    //! of every hub and event.
    Hubbub::ServiceOptions upstreamOptions() const
    {
        Hubbub::ServiceOptions options = TestSupport::defaultOptions();
        options.upstreamUrlTemplate = QStringLiteral("http://127.0.0.1:%1/events/{hub}/{event}").arg(port);
        return options;
    }
    QList<RecordedRequest> posts() const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : requests) {
            if (r.isPost())
                out.append(r);
        }
        return out;
    }
    QList<RecordedRequest> ofType(const QByteArray &ceType) const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : requests) {
            if (r.headers.value("ce-type") == ceType)
                out.append(r);
        }
        return out;
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        RecordedRequest r;
        r.method = request.method();
        r.path = request.url().path(QUrl::FullyEncoded).toUtf8();
        for (const auto &h : request.headers())
            r.headers.insert(h.first.toLower(), h.second);
        r.body = request.body();
        requests.append(r);
        using S = QHttpServerResponse::StatusCode;
        if (r.method == QHttpServerRequest::Method::Options) {
            QHttpServerResponse answer(validationStatus);
            if (validationStatus == S::Ok)
                answer.setHeader("WebHook-Allowed-Origin", "*");
            answer.write(makeResponder(request, socket));
            return true;
        }
        if (r.method == QHttpServerRequest::Method::Get && validatesOnGet) {
            QHttpServerResponse answer(S::Ok);
            answer.setHeader("WebHook-Allowed-Origin", r.headers.value("webhook-request-origin"));
            answer.write(makeResponder(request, socket));
            return true;
        }
        if (respond)
            respond(r).write(makeResponder(request, socket));
        else
            QHttpServerResponse(S::NoContent).write(makeResponder(request, socket));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}
};
