// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "quitsequence.h"

#include "appcontroller.h"
#include "client.h"
#include "historystore.h"
#include "logging.h"
#include "service.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <thread>

namespace Hubbub {

namespace {
// Budgets per step; together well under the 5 s a signalled quit may take.
constexpr int kOutboxWaitMs = 1500;
constexpr int kCloseWaitMs = 1500;
constexpr int kPollMs = 25;
constexpr int kServiceDrainMs = 150;
} // namespace

QuitSequence::QuitSequence(AppController *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{
    m_poll.setInterval(kPollMs);
    m_stepDeadline.setSingleShot(true);
}

QuitSequence::~QuitSequence() = default;

void QuitSequence::start(int exitCode)
{
    if (m_running || m_step == Step::Done)
        return;
    m_running = true;
    m_exitCode = exitCode;
    qCInfo(lcApp) << "quitting";
    if (m_hardDeadline.count() > 0) {
        // A watchdog outside the event loop: a hung step (or a blocked loop) cannot keep the
        // process alive. Detached: a normal exit simply ends it.
        const auto deadline = m_hardDeadline;
        std::thread([deadline, exitCode]() {
            std::this_thread::sleep_for(deadline);
            std::fputs("hubbub: quit took too long, exiting now\n", stderr);
            std::_Exit(exitCode);
        }).detach();
    }
    waitForOutbox();
}

void QuitSequence::waitForOutbox()
{
    m_step = Step::Outbox;
    auto connected = [this]() {
        WebPubSub::Client *client = m_app ? m_app->connection()->client() : nullptr;
        return client && client->state() == WebPubSub::Client::State::Connected;
    };
    // Messages on the wire get their acknowledgement if it comes soon; anything else stays in the
    // history as "sending" and is sent on the next start.
    auto settled = [this, connected]() { return !m_app || !connected() || m_app->outboxIds().isEmpty(); };
    if (settled()) {
        closeClient();
        return;
    }
    m_poll.disconnect(this);
    m_stepDeadline.disconnect(this);
    connect(&m_poll, &QTimer::timeout, this, [this, settled]() {
        if (m_step == Step::Outbox && settled())
            closeClient();
    });
    connect(&m_stepDeadline, &QTimer::timeout, this, [this]() {
        if (m_step == Step::Outbox) {
            qCInfo(lcApp) << "quit: outbox not acknowledged in time; it stays queued for the next start";
            closeClient();
        }
    });
    m_poll.start();
    m_stepDeadline.start(kOutboxWaitMs);
}

void QuitSequence::closeClient()
{
    m_step = Step::Closing;
    m_poll.stop();
    m_stepDeadline.stop();
    m_poll.disconnect(this);
    m_stepDeadline.disconnect(this);
    if (!m_app) {
        finish();
        return;
    }
    // Goodbye in every room (queued on the socket), then a close handshake behind it: once the
    // client reports stopped, the service has read the goodbye.
    m_app->shutdown();
    WebPubSub::Client *client = m_app->connection()->client();
    if (!client || client->state() == WebPubSub::Client::State::Stopped) {
        finish();
        return;
    }
    connect(client, &WebPubSub::Client::stopped, this, [this]() {
        if (m_step == Step::Closing)
            finish();
    });
    connect(&m_stepDeadline, &QTimer::timeout, this, [this]() {
        if (m_step == Step::Closing) {
            qCInfo(lcApp) << "quit: the connection did not close in time";
            finish();
        }
    });
    m_stepDeadline.start(kCloseWaitMs);
    client->stop();
}

void QuitSequence::finish()
{
    if (m_step == Step::Done)
        return;
    m_step = Step::Done;
    m_stepDeadline.stop();
    m_stepDeadline.disconnect(this);
    if (m_app) {
        if (HistoryStore *history = m_app->history())
            history->checkpoint();
    }
    const bool hosting = m_app && m_app->connection()->service();
    // An embedded service has not read what our own client wrote last (the goodbye, the close) when
    // the client reports stopped: it would drop it, and the others would see us linger until their
    // presence timeout. A few turns of the event loop let it read and forward it first.
    QTimer::singleShot(hosting ? kServiceDrainMs : 0, this, [this]() {
        if (m_app) {
            if (Service *service = m_app->connection()->service())
                service->stop(); // its peers get a close frame instead of a dropped connection
        }
        m_running = false;
        qCInfo(lcApp) << "quit: done";
        // One more turn of the event loop writes out what the steps above queued (close frames).
        QTimer::singleShot(50, this, [this]() {
            Q_EMIT finished(m_exitCode);
            if (m_exitApplication)
                QCoreApplication::exit(m_exitCode);
        });
    });
}

} // namespace Hubbub
