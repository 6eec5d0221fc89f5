// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file livenesscheck.h
//! \brief Tells a Client when its open link is dead: pings while nothing arrives, a dead-link
//! deadline counted from the last frame *received*, and an immediate probe after a resume from
//! sleep (the wall clock jumped against the monotonic clock) or a network change.
//!
//! Writes play no part: a link that only writes (fire-and-forget typing notifications) still
//! gets its pings and its deadline, because what proves a link alive is what comes back.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace WebPubSub {

class LivenessCheck : public QObject
{
    Q_OBJECT
public:
    //! Milliseconds since the epoch; the liveness check compares it with the monotonic clock.
    using WallClock = std::function<qint64()>;

    //! \a pingAfter: ping when nothing arrived for this long (0: never ping, except probes).
    //! \a deadAfter: the link is dead when nothing arrived for this long (0: never, except probes).
    LivenessCheck(std::chrono::milliseconds pingAfter, std::chrono::milliseconds deadAfter,
                  WallClock wallClock = {}, QObject *parent = nullptr);

    //! A link opened: counts as a frame received, arms the checks.
    void start();
    //! The link is gone (or not ours to watch): no more pings or verdicts until start().
    void stop();
    bool isRunning() const { return m_running; }

    //! Cheap enough for every frame: no timer is restarted here.
    void frameReceived();
    //! Pings now; the link is dead unless a frame arrives within a few seconds.
    void probe();
    bool isProbing() const { return m_probeSince.has_value(); }

    //! Since the last frame received (or the link opened); -1 before any.
    qint64 msSinceLastFrame() const;
    //! Wall-clock time (ms since the epoch) of the last frame received; 0 before any.
    qint64 lastFrameWallTime() const;

Q_SIGNALS:
    //! Write a `ping` now (the owner checks that its phase allows it).
    void pingDue();
    //! Nothing arrived in time: the owner aborts the link.
    void dead();

private:
    void check();
    void arm(qint64 dueInMs);
    bool wallClockJumped();
    qint64 wallNow() const;

    const std::chrono::milliseconds m_pingAfter;
    const std::chrono::milliseconds m_deadAfter;
    WallClock m_wallClock;
    bool m_running = false;
    QTimer m_timer;
    QElapsedTimer m_lastFrame;            //!< restarted per frame received
    QElapsedTimer m_mono;                 //!< the monotonic clock of this check
    qint64 m_lastCheckMono = 0;           //!< m_mono at the last check
    qint64 m_lastCheckWall = 0;           //!< the wall clock at the last check
    qint64 m_lastPingMono = -1;           //!< m_mono when the last ping went out
    quint64 m_frames = 0;                 //!< frames received since start()
    std::optional<quint64> m_probeFrames; //!< m_frames when the probe went out
    std::optional<qint64> m_probeSince;   //!< m_mono when the probe went out
};

} // namespace WebPubSub
