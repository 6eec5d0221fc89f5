// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// Fuzzes the REST API of hubbub-service (service/restapi, behind QtHttpServer and the connection
// router) with real requests and bodies. Qt 6.4 gives QHttpServerRequest no public constructor,
// so the harness runs an in-process Hubbub::Service on a loopback port and writes each input as
// an HTTP request to it, with a valid bearer token for the request's path (so the fuzzer gets past
// authorization), then waits for the whole response. One WebSocket client stays connected to hub
// `chat`, in group `g1`, so that sends, filters and connection operations have someone to reach.
//
// Input: `METHOD /target?query\n[Header: value\n]…\n<body>`; a first line without a space is a
// GET of that target. Framing headers (Host, Authorization, Content-Length, Transfer-Encoding,
// Connection) are the harness's, so that one input is always exactly one request.
#include "fuzzcheck.h"

#include <accesstoken.h>
#include <service.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

using namespace WebPubSub;

static const QString AccessKey = QStringLiteral("fuzz-access-key-0123456789abcdef0123456789");
static Hubbub::Service *service = nullptr;
static QWebSocket *member = nullptr;

// Runs the event loop until \a done or \a timeoutMs passed.
static bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

static QString tokenFor(const QString &path)
{
    TokenClaims claims;
    QUrl aud = service->endpoint();
    aud.setPath(path);
    claims.audience = aud.toString();
    claims.subject = QStringLiteral("fuzz");
    claims.groups = {QStringLiteral("g1")};
    claims.roles = {QStringLiteral("webpubsub.joinLeaveGroup"), QStringLiteral("webpubsub.sendToGroup")};
    claims.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    return AccessToken::sign(claims, AccessKey.toUtf8());
}

// Keeps one member connected (a fuzzed DELETE may close it) so every input sees the same hub.
static void ensureMember()
{
    if (member && member->state() == QAbstractSocket::ConnectedState)
        return;
    if (member)
        member->deleteLater();
    member = new QWebSocket();
    QUrl url = service->endpoint();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/client/hubs/chat"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("access_token"), tokenFor(url.path()));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Sec-WebSocket-Protocol", "json.webpubsub.azure.v1");
    member->open(request);
    spinUntil([] { return member->state() == QAbstractSocket::ConnectedState; }, 5000);
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    new QCoreApplication(*argc, *argv);
    // One log line per request would cost more than the request.
    QLoggingCategory::setFilterRules(QStringLiteral("hubbub.*.debug=false\nhubbub.*.info=false\n"
                                                    "hubbub.*.warning=false\nqt.*.warning=false"));
    Hubbub::ServiceOptions options;
    options.port = 0;
    options.accessKey = AccessKey;
    service = new Hubbub::Service(options);
    QString error;
    if (!service->start(&error)) {
        std::fprintf(stderr, "cannot start the service: %s\n", qPrintable(error));
        std::abort();
    }
    ensureMember();
    return 0;
}

// Bytes that cannot appear raw in a request target are percent-encoded, so the input reaches the
// router rather than stopping in the HTTP parser every time.
static QByteArray requestTarget(const QByteArray &raw)
{
    QByteArray out = raw.startsWith('/') ? QByteArray() : QByteArrayLiteral("/");
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#')
            out += '%' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        else
            out += c;
    }
    return out;
}

static bool framingHeader(const QByteArray &name)
{
    const QByteArray lower = name.trimmed().toLower();
    return lower == "host" || lower == "authorization" || lower == "content-length" ||
           lower == "transfer-encoding" || lower == "connection" || lower == "upgrade" || lower == "expect";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    ensureMember();
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input.left(input.indexOf('\n')) : input.left(headEnd);
    const QByteArray body =
        headEnd < 0 ? (input.indexOf('\n') < 0 ? QByteArray() : input.mid(input.indexOf('\n') + 1))
                    : input.mid(headEnd + 2);
    QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.takeFirst();
    const qsizetype space = requestLine.indexOf(' ');
    QByteArray method = space < 0 ? QByteArrayLiteral("GET") : requestLine.left(space);
    QByteArray methodToken;
    for (const char c : method) {
        if (c >= 'A' && c <= 'Z' && methodToken.size() < 10)
            methodToken += c;
    }
    if (methodToken.isEmpty())
        methodToken = "GET";
    const QByteArray target = requestTarget(space < 0 ? requestLine : requestLine.mid(space + 1));
    const QString path = QUrl::fromEncoded(target).path();

    QByteArray request = methodToken + ' ' + target + " HTTP/1.1\r\n";
    request += "Host: 127.0.0.1:" + QByteArray::number(service->port()) + "\r\n";
    request += "Authorization: Bearer " + tokenFor(path).toLatin1() + "\r\n";
    bool contentType = false;
    for (QByteArray line : std::as_const(lines)) {
        line.replace('\r', "");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || framingHeader(line.left(colon)))
            continue;
        contentType = contentType || line.left(colon).trimmed().toLower() == "content-type";
        request += line + "\r\n";
    }
    if (!contentType)
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, service->port());
    if (!spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        std::abort();
    socket.write(request);
    QByteArray response;
    // Complete once the head is in and the body has its Content-Length (QHttpServer always sends one).
    auto complete = [&] {
        response += socket.readAll();
        const qsizetype end = response.indexOf("\r\n\r\n");
        if (end < 0)
            return socket.state() != QAbstractSocket::ConnectedState;
        const QByteArray lower = response.left(end).toLower();
        const qsizetype cl = lower.indexOf("content-length:");
        if (cl < 0)
            return true;
        const qsizetype eol = lower.indexOf("\r\n", cl);
        const qsizetype length = lower.mid(cl + 15, eol - cl - 15).trimmed().toLongLong();
        return response.size() - end - 4 >= length || socket.state() != QAbstractSocket::ConnectedState;
    };
    spinUntil(complete, 5000);
    static const bool verbose = qEnvironmentVariableIsSet("HUBBUB_FUZZ_VERBOSE");
    if (verbose)
        std::fprintf(stderr, "%s -> %s\n", (methodToken + ' ' + target).constData(),
                     response.left(response.indexOf("\r\n")).constData());
    if (response.startsWith("HTTP/1.1 5")) {
        // A 5xx answer to a request a client could send is a service bug, whatever the input.
        std::fprintf(stderr, "5xx for request:\n%s\nresponse:\n%s\n", request.constData(),
                     response.constData());
        HUBBUB_FUZZ_CHECK(!response.startsWith("HTTP/1.1 5"));
    }
    socket.abort();
    // Let the service see the socket go and free it before the next input.
    spinUntil([] { return false; }, 0);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
