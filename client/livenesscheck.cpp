// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "livenesscheck.h"

#include "logging_p.h"
#include "networkchangewatcher.h"

#include <QDateTime>

#include <algorithm>
#include <cstdlib>
#include <limits>

using namespace std::chrono_literals;

namespace WebPubSub {

namespace {
//! How often the clocks are compared while a link is open. A suspended machine's monotonic clock
//! stands still while the wall clock runs on, so the first check after a resume sees the jump.
constexpr qint64 kTickMs = 1000;
//! A wall-clock jump larger than this (against the monotonic clock) is taken as a resume.
constexpr qint64 kJumpMs = 3000;
//! How long a probe waits for any frame before the link counts as dead.
constexpr qint64 kProbeTimeoutMs = 5000;
} // namespace

LivenessCheck::LivenessCheck(std::chrono::milliseconds pingAfter, std::chrono::milliseconds deadAfter,
                             WallClock wallClock, QObject *parent)
    : QObject(parent)
    // A ping must have time to come back before the deadline, or an idle healthy link would die.
    , m_pingAfter(pingAfter > 0ms && deadAfter > 0ms ? std::min(pingAfter, deadAfter / 2)
                                                     : std::max(0ms, pingAfter))
    , m_deadAfter(std::max(0ms, deadAfter))
    , m_wallClock(std::move(wallClock))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LivenessCheck::check);
    m_mono.start();

    // Reachability changes (Wi-Fi switch, a new access point) often leave a TCP connection that
    // looks fine but is dead: probe at once instead of waiting for the deadline. No backend: none.
    if (NetworkChangeWatcher *watcher = NetworkChangeWatcher::instance())
        connect(watcher, &NetworkChangeWatcher::changed, this, &LivenessCheck::probe);
}

qint64 LivenessCheck::wallNow() const
{
    return m_wallClock ? m_wallClock() : QDateTime::currentMSecsSinceEpoch();
}

void LivenessCheck::start()
{
    m_running = true;
    m_frames = 0;
    m_probeFrames.reset();
    m_probeSince.reset();
    m_lastPingMono = -1;
    m_lastFrame.start();
    m_lastCheckMono = m_mono.elapsed();
    m_lastCheckWall = wallNow();
    arm(0);
}

void LivenessCheck::stop()
{
    m_running = false;
    m_probeFrames.reset();
    m_probeSince.reset();
    m_timer.stop();
}

void LivenessCheck::frameReceived()
{
    ++m_frames;
    m_lastFrame.start();
}

void LivenessCheck::probe()
{
    if (!m_running || m_probeSince)
        return;
    qCInfo(lcSocket) << "probing the link";
    m_probeFrames = m_frames;
    m_probeSince = m_mono.elapsed();
    m_lastPingMono = *m_probeSince;
    Q_EMIT pingDue();
    if (m_running)
        arm(0);
}

qint64 LivenessCheck::msSinceLastFrame() const
{
    return m_lastFrame.isValid() ? m_lastFrame.elapsed() : -1;
}

qint64 LivenessCheck::lastFrameWallTime() const
{
    // The real clock, not the injected one: this dates a gap for the caller.
    return m_lastFrame.isValid() ? QDateTime::currentMSecsSinceEpoch() - m_lastFrame.elapsed() : 0;
}

bool LivenessCheck::wallClockJumped()
{
    const qint64 mono = m_mono.elapsed();
    const qint64 wall = wallNow();
    const qint64 skew = (wall - m_lastCheckWall) - (mono - m_lastCheckMono);
    m_lastCheckMono = mono;
    m_lastCheckWall = wall;
    if (std::abs(skew) <= kJumpMs)
        return false;
    qCInfo(lcSocket) << "the wall clock jumped by" << skew
                     << "ms against the monotonic clock (resume from sleep?)";
    return true;
}

void LivenessCheck::check()
{
    if (!m_running)
        return;
    if (wallClockJumped()) {
        probe();
        if (!m_running)
            return;
    }
    const qint64 now = m_mono.elapsed();
    const qint64 silence = m_lastFrame.elapsed();
    qint64 due = kTickMs;

    if (m_probeSince) {
        const qint64 probeTimeout =
            m_deadAfter > 0ms ? std::min<qint64>(kProbeTimeoutMs, m_deadAfter.count()) : kProbeTimeoutMs;
        if (m_frames != *m_probeFrames) {
            m_probeFrames.reset(); // something came back: the link is alive
            m_probeSince.reset();
        } else if (now - *m_probeSince >= probeTimeout) {
            qCWarning(lcSocket) << "no frame within" << probeTimeout << "ms of a probe: the link is dead";
            stop();
            Q_EMIT dead();
            return;
        } else {
            due = std::min<qint64>(due, probeTimeout - (now - *m_probeSince));
        }
    }
    if (m_deadAfter > 0ms) {
        if (silence >= m_deadAfter.count()) {
            qCWarning(lcSocket) << "no frame received for" << silence << "ms: the link is dead";
            stop();
            Q_EMIT dead();
            return;
        }
        due = std::min<qint64>(due, m_deadAfter.count() - silence);
    }
    if (m_pingAfter > 0ms) {
        // Ping once per pingAfter of silence; what was written meanwhile does not matter.
        const qint64 sincePing =
            m_lastPingMono < 0 ? std::numeric_limits<qint64>::max() : now - m_lastPingMono;
        const qint64 quiet = std::min(silence, sincePing);
        if (quiet >= m_pingAfter.count()) {
            m_lastPingMono = now;
            Q_EMIT pingDue();
            if (!m_running)
                return;
            due = std::min<qint64>(due, m_pingAfter.count());
        } else {
            due = std::min<qint64>(due, m_pingAfter.count() - quiet);
        }
    }
    arm(due);
}

void LivenessCheck::arm(qint64 dueInMs)
{
    m_timer.start(int(std::clamp<qint64>(dueInMs, 0, kTickMs)));
}

} // namespace WebPubSub
