// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// bench-stage: Present mode under load (issue "On stage"). A real AppController with Present mode
// on (the embedded service on the LAN with the guest page and an invite), the presenter view
// (PresenterView.qml) rendering, and N guests (a child process: see GuestDriver) on the reliable
// JSON subprotocol that join the room, read it and send the app's envelope at a human rate
// (1 message per 10 s each, jittered) for --seconds, then a burst of 300 messages in one second.
// Prints the presenter view's frame time, this process's CPU time (the service is embedded: its
// cost is this process's; split into the GUI thread and the service's own thread) and peak RSS,
// and whether every message arrived exactly once.
// Run offscreen: QT_QPA_PLATFORM=offscreen ./bench-stage [--guests N] [--seconds S]
#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "connectioncontroller.h"
#include "guestdriver.h"
#include "isolatedhome.h"
#include "messagemodel.h"
#include "presentmode.h"

#include <service.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 120000;

//! A field of /proc/self/status in MiB (VmRSS, VmHWM).
double statusMiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

//! CPU seconds of this process's threads named \a name (/proc/self/task/<tid>/comm), summed.
double threadCpuSeconds(const QByteArray &name)
{
    double total = 0;
    const long ticks = sysconf(_SC_CLK_TCK);
    for (const QString &tid : QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(u"/proc/self/task/%1/comm"_s.arg(tid));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != name)
            continue;
        QFile stat(u"/proc/self/task/%1/stat"_s.arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12)
            total += double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(ticks);
    }
    return total;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

//! Frame times of one window: the interval between consecutive frameSwapped (what an animation
//! sees: the GUI thread's stalls included) and each frame's own cost, beforeSynchronizing →
//! frameSwapped (sync + render + swap). The signals may come from the render thread: a mutex.
class FrameClock
{
public:
    explicit FrameClock(QQuickWindow *window)
    {
        m_clock.start();
        QObject::connect(
            window, &QQuickWindow::beforeSynchronizing, window,
            [this] {
                QMutexLocker lock(&m_mutex);
                m_frameStart = m_clock.nsecsElapsed();
            },
            Qt::DirectConnection);
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [this] {
                QMutexLocker lock(&m_mutex);
                const qint64 now = m_clock.nsecsElapsed();
                if (!m_running)
                    return;
                if (m_lastSwap >= 0)
                    m_intervals.append({now, now - m_lastSwap});
                if (m_frameStart >= 0)
                    m_costs.append({now, now - m_frameStart});
                m_lastSwap = now;
                m_frameStart = -1;
            },
            Qt::DirectConnection);
    }
    void setRunning(bool running)
    {
        QMutexLocker lock(&m_mutex);
        m_running = running;
        m_lastSwap = -1;
    }
    qint64 now() const { return m_clock.nsecsElapsed(); }
    struct Sample
    {
        qint64 at;
        qint64 ns;
    };
    QList<Sample> intervals() const
    {
        QMutexLocker lock(&m_mutex);
        return m_intervals;
    }
    QList<Sample> costs() const
    {
        QMutexLocker lock(&m_mutex);
        return m_costs;
    }

private:
    mutable QMutex m_mutex;
    QElapsedTimer m_clock;
    bool m_running = false;
    qint64 m_lastSwap = -1;
    qint64 m_frameStart = -1;
    QList<Sample> m_intervals;
    QList<Sample> m_costs;
};

//! "p50 … p95 … p99 … max … (n frames)" of the samples taken in [from, to).
QString percentiles(const QList<FrameClock::Sample> &samples, qint64 from, qint64 to)
{
    QList<qint64> ns;
    for (const FrameClock::Sample &s : samples) {
        if (s.at >= from && s.at < to)
            ns.append(s.ns);
    }
    if (ns.isEmpty())
        return u"no frames"_s;
    std::sort(ns.begin(), ns.end());
    const auto at = [&](double q) {
        return ns.at(std::min<qsizetype>(ns.size() - 1, qsizetype(q * ns.size()))) / 1e6;
    };
    return u"p50 %1 ms, p95 %2 ms, p99 %3 ms, max %4 ms (%5 frames)"_s.arg(at(0.50), 0, 'f', 2)
        .arg(at(0.95), 0, 'f', 2)
        .arg(at(0.99), 0, 'f', 2)
        .arg(ns.last() / 1e6, 0, 'f', 2)
        .arg(ns.size());
}

//! Runs the event loop until \a done() or \a ms pass; returns done().
template<typename F> bool waitUntil(F done, int ms)
{
    // processEvents(flags, maxtime) drops WaitForMoreEvents and returns as soon as nothing is
    // pending: a loop around it busy-polled the GUI thread (~77 % of a core went to poll() and
    // glib), which the bench then reported as the app's cost. Block in the event loop instead;
    // a 10 ms tick wakes it so that done() and the deadline are re-checked.
    QElapsedTimer t;
    t.start();
    QTimer tick;
    tick.start(10);
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    return done();
}

int runGuests(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"guest-driver"_s, u"internal"_s},
                       {u"port"_s, u"port"_s, u"port"_s},
                       {u"invite"_s, u"invite"_s, u"invite"_s},
                       {u"hub"_s, u"hub"_s, u"hub"_s},
                       {u"room"_s, u"room"_s, u"room"_s},
                       {u"guests"_s, u"n"_s, u"n"_s},
                       {u"seconds"_s, u"s"_s, u"s"_s},
                       {u"burst"_s, u"n"_s, u"n"_s}});
    parser.process(app);
    GuestDriver::Options o;
    o.port = quint16(parser.value(u"port"_s).toUInt());
    o.invite = parser.value(u"invite"_s);
    o.hub = parser.value(u"hub"_s);
    o.room = parser.value(u"room"_s);
    o.guests = parser.value(u"guests"_s).toInt();
    o.seconds = parser.value(u"seconds"_s).toInt();
    o.burst = parser.value(u"burst"_s).toInt();
    GuestDriver driver(o);
    QObject::connect(&driver, &GuestDriver::done, &app, [](int code) { QCoreApplication::exit(code); });
    driver.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--guest-driver") == 0)
            return runGuests(argc, argv);
    }

    // Fresh profile folders: nothing from a real profile may skew the figures.
    IsolatedHome home;
    if (!home.isValid())
        return 1;
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"Hubbub"_s);
    QGuiApplication::setApplicationName(u"hubbub-bench"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Present mode under load"_s);
    parser.addHelpOption();
    parser.addOptions(
        {{u"guests"_s, u"Simulated guests (default 300)."_s, u"n"_s, u"300"_s},
         {u"seconds"_s, u"Steady phase, 1 message per guest per 10 s (default 30)."_s, u"s"_s, u"30"_s},
         {u"burst"_s, u"Messages in the one-second burst (default 300)."_s, u"n"_s, u"300"_s}});
    parser.process(app);
    const int guests = parser.value(u"guests"_s).toInt();
    const int seconds = parser.value(u"seconds"_s).toInt();
    const int burst = parser.value(u"burst"_s).toInt();
    const QString room = u"lobby"_s;

    Hubbub::AppOptions options;
    options.endpoint = Hubbub::AppOptions::Endpoint::Local;
    options.localServicePort = 0;
    options.discoverLocalService = false;
    options.useKeychain = false;
    options.user = u"speaker"_s;
    options.profile = u"bench-stage"_s;
    Hubbub::AppController controller(options);
    controller.start();
    if (!waitUntil(
            [&] {
                return controller.connection()->state() == Hubbub::ConnectionController::State::Connected;
            },
            kTimeoutMs)) {
        std::fprintf(stderr, "the app did not connect to its embedded service\n");
        return 1;
    }
    controller.joinRoom(room);
    controller.selectRoom(room);
    if (!controller.present()->start()) {
        std::fprintf(stderr, "Present mode did not start\n");
        return 1;
    }
    Hubbub::Service *service = controller.connection()->service();
    const QString invite = service->invite();
    Hubbub::MessageModel *model = controller.directory()->openMessages(room);

    QQmlEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    QQmlComponent component(&engine, QUrl(u"qrc:/qt/qml/Hubbub/Ui/PresenterView.qml"_s));
    std::unique_ptr<QObject> object(
        component.createWithInitialProperties({{u"app"_s, QVariant::fromValue(&controller)}}));
    auto *window = qobject_cast<QQuickWindow *>(object.get());
    if (!window) {
        std::fprintf(stderr, "PresenterView.qml: %s\n", qPrintable(component.errorString()));
        return 1;
    }
    window->resize(1280, 800);
    window->show();
    FrameClock frames(window);
    // Offscreen there is no vsync and Qt Quick renders only when something changed: a 60 Hz
    // update() keeps frames coming, as an animation would, so a stall shows as a long interval.
    QTimer vsync;
    vsync.setTimerType(Qt::PreciseTimer);
    vsync.setInterval(16);
    QObject::connect(&vsync, &QTimer::timeout, window, [window] { window->update(); });
    vsync.start();

    // The guests, in a child process (see GuestDriver).
    QProcess driver;
    driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QByteArray out;
    bool ready = false;
    qint64 burstAt = -1;
    QJsonObject result;
    QString error;
    QObject::connect(&driver, &QProcess::readyReadStandardOutput, [&] {
        out += driver.readAllStandardOutput();
        qsizetype nl;
        while ((nl = out.indexOf('\n')) >= 0) {
            const QByteArray line = out.left(nl);
            out.remove(0, nl + 1);
            if (line.startsWith("ready"))
                ready = true;
            else if (line == "burst")
                burstAt = frames.now();
            else if (line.startsWith("result "))
                result = QJsonDocument::fromJson(line.mid(7)).object();
            else if (line.startsWith("error "))
                error = QString::fromUtf8(line.mid(6));
        }
    });
    QElapsedTimer phase;
    phase.start();
    driver.start(QCoreApplication::applicationFilePath(),
                 {u"--guest-driver"_s, u"--port"_s, QString::number(service->port()), u"--invite"_s, invite,
                  u"--hub"_s, u"hubbub"_s, u"--room"_s, room, u"--guests"_s, QString::number(guests),
                  u"--seconds"_s, QString::number(seconds), u"--burst"_s, QString::number(burst)});
    if (!waitUntil([&] { return ready || !error.isEmpty(); }, kTimeoutMs) || !error.isEmpty()) {
        std::fprintf(stderr, "guests did not join: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 joinMs = phase.elapsed();
    waitUntil([&] { return controller.present()->guestCount() == guests; }, 10000);
    std::printf("machine: %d cores, load average %s at the start; Qt Quick %s, %s\n",
                QThread::idealThreadCount(), qPrintable(loadAverage()), qVersion(),
                qPrintable(QGuiApplication::platformName()));
    std::printf("%d guests negotiated, connected and joined in %lld ms; presenter view shows \"%d joined\"\n",
                guests, static_cast<long long>(joinMs), controller.present()->guestCount());

    const double cpuBefore = cpuSeconds(RUSAGE_SELF);
    const double guiCpuBefore = cpuSeconds(RUSAGE_THREAD); // this is the GUI thread
    const double serviceCpuBefore = threadCpuSeconds("hubbub-service");
    const double rssBefore = statusMiB("VmRSS");
    const int rowsBefore = model->count();
    const qint64 loadFrom = frames.now();
    frames.setRunning(true);
    phase.restart();
    driver.write("go\n");
    if (!waitUntil([&] { return !result.isEmpty() || !error.isEmpty(); }, seconds * 1000 + kTimeoutMs) ||
        !error.isEmpty()) {
        std::fprintf(stderr, "guests failed: %s\n", qPrintable(error));
        return 1;
    }
    QSet<QString> sent;
    for (const QJsonValue &id : result.value(u"ids"_s).toArray())
        sent.insert(id.toString());
    const auto arrived = [&] {
        int n = 0;
        for (int row = rowsBefore; row < model->count(); ++row)
            n += sent.contains(model->at(row).id);
        return n;
    };
    waitUntil([&] { return arrived() >= sent.size(); }, 30000);
    const qint64 loadTo = frames.now();
    const qint64 loadMs = phase.elapsed();
    frames.setRunning(false);
    const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
    const double guiCpu = cpuSeconds(RUSAGE_THREAD) - guiCpuBefore;
    const double serviceCpu = threadCpuSeconds("hubbub-service") - serviceCpuBefore;
    const double hwm = statusMiB("VmHWM");
    const double rssAfter = statusMiB("VmRSS");
    const QString loadAtEnd = loadAverage();

    // Exactly once: every acknowledged id once in the room's model, nothing else from the guests.
    QHash<QString, int> seen;
    for (int row = 0; row < model->count(); ++row)
        ++seen[model->at(row).id];
    int lost = 0;
    int duplicated = 0;
    for (const QString &id : std::as_const(sent)) {
        const int n = seen.value(id);
        lost += n == 0;
        duplicated += n > 1 ? n - 1 : 0;
    }

    driver.closeWriteChannel(); // the guests close and the driver exits
    driver.waitForFinished(30000);
    const double guestCpu = cpuSeconds(RUSAGE_CHILDREN);

    const qint64 burstEnd = burstAt < 0 ? loadTo : burstAt + 2'000'000'000LL;
    std::printf("load: %d s steady (1 message per guest per 10 s, jittered ±20 %%) + a burst of %d messages "
                "(sent in %lld ms); %lld ms from go to the last message in the model\n",
                seconds, burst, static_cast<long long>(result.value(u"burstSendMs"_s).toInteger()),
                static_cast<long long>(loadMs));
    std::printf(
        "messages: %d sent, %d acknowledged, %d refused; %d in the room's model; lost %d, duplicated %d; "
        "guests read %lld message frames\n",
        result.value(u"sent"_s).toInt(), result.value(u"acked"_s).toInt(), result.value(u"refused"_s).toInt(),
        model->count() - rowsBefore, lost, duplicated,
        static_cast<long long>(result.value(u"received"_s).toInteger()));
    std::printf("frame interval (frameSwapped→frameSwapped, 60 Hz update() driver), whole run: %s\n",
                qPrintable(percentiles(frames.intervals(), loadFrom, loadTo)));
    std::printf("frame interval, burst (its first 2 s): %s\n",
                qPrintable(percentiles(frames.intervals(), burstAt < 0 ? loadTo : burstAt, burstEnd)));
    std::printf("frame cost (beforeSynchronizing→frameSwapped), whole run: %s\n",
                qPrintable(percentiles(frames.costs(), loadFrom, loadTo)));
    std::printf("frame cost, burst (its first 2 s): %s\n",
                qPrintable(percentiles(frames.costs(), burstAt < 0 ? loadTo : burstAt, burstEnd)));
    std::printf(
        "app process (UI + embedded service, one process): CPU %.2f s over %.1f s of load (%.0f %% of "
        "one core); RSS %.1f → %.1f MiB, peak (VmHWM) %.1f MiB\n",
        cpu, loadMs / 1000.0, 100.0 * cpu / (loadMs / 1000.0), rssBefore, rssAfter, hwm);
    std::printf("  of which the GUI thread %.2f s (%.0f %%), the embedded service's thread %.2f s (%.0f %%), "
                "other threads %.2f s\n",
                guiCpu, 100.0 * guiCpu / (loadMs / 1000.0), serviceCpu,
                100.0 * serviceCpu / (loadMs / 1000.0), cpu - guiCpu - serviceCpu);
    std::printf("guest process (all %d guests, one thread): CPU %.2f s\n", guests, guestCpu);
    std::printf("load average at the end: %s\n", qPrintable(loadAtEnd));
    return lost == 0 && duplicated == 0 && !sent.isEmpty() ? 0 : 2;
}
