// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// bench-app: what the desktop app costs. Time to the first frame of Main.qml over a real
// AppController, resident memory with 100,000 messages in the current room's view, appending
// 10,000 messages (one batch, and one by one) with the view attached, and scrolling through.
// Run offscreen: QT_QPA_PLATFORM=offscreen ./bench-app
#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "isolatedhome.h"
#include "messagemodel.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

//! Resident set size in MiB, from /proc/self/status.
double rssMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

//! Waits for the next frame of \a window (at most 5 s); returns false on timeout.
bool waitForFrame(QQuickWindow *window)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    bool swapped = false;
    auto c = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&]() {
        swapped = true;
        loop.quit();
    });
    window->update();
    timeout.start(5000);
    loop.exec();
    QObject::disconnect(c);
    return swapped;
}

QList<Hubbub::ChatMessage> generate(int first, int count, const QString &room)
{
    static const QStringList senders = {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s};
    QList<Hubbub::ChatMessage> rows;
    rows.reserve(count);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-200000);
    for (int i = first; i < first + count; ++i) {
        Hubbub::ChatMessage m;
        m.id = u"bench-%1"_s.arg(i);
        m.room = room;
        m.senderId = m.senderName = senders.at((i / 3) % senders.size());
        m.text = u"Message number %1: the quick brown fox jumps over the lazy dog, again and again."_s.arg(i);
        m.timestamp = start.addSecs(i);
        m.own = m.senderId == u"alice";
        m.status = m.own ? Hubbub::DeliveryStatus::Sent : Hubbub::DeliveryStatus::Received;
        rows.append(m);
    }
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    // Fresh profile folders: nothing from a real profile may skew the figures.
    IsolatedHome home;
    if (!home.isValid())
        return 1;

    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"Hubbub"_s);
    QGuiApplication::setApplicationName(u"hubbub-bench"_s);
    const double rssAtStart = rssMiB();

    Hubbub::AppOptions options;
    options.endpoint = Hubbub::AppOptions::Endpoint::Local;
    options.localServicePort = 0;
    options.discoverLocalService = false;
    options.useKeychain = false;
    options.user = u"alice"_s;
    options.profile = u"bench"_s;
    // Not started: these figures are the UI's and the models', not the network's.
    Hubbub::AppController controller(options);

    QElapsedTimer timer;
    timer.start();
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    engine.setInitialProperties({{u"app"_s, QVariant::fromValue(&controller)}});
    engine.load(QUrl(u"qrc:/qt/qml/Hubbub/Ui/Main.qml"_s));
    const qint64 loadMs = timer.elapsed();
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window || !waitForFrame(window))
        return 1;
    const qint64 firstFrameMs = timer.elapsed();
    const double rssUi = rssMiB();
    std::printf("first frame: load() %lld ms, first frameSwapped %lld ms after load() began "
                "(%lld ms after main() began)\n",
                static_cast<long long>(loadMs), static_cast<long long>(firstFrameMs),
                static_cast<long long>(sinceStart.elapsed()));
    std::printf("memory: %.1f MiB at QGuiApplication, %.1f MiB with the window shown\n", rssAtStart, rssUi);

    const QString room = u"bench"_s;
    controller.joinRoom(room);
    Hubbub::MessageModel *model = controller.directory()->openMessages(room);
    auto *list = window->findChild<QQuickItem *>(u"messageList"_s);
    if (!model || !list || controller.messages() != model)
        return 1;

    constexpr int kBig = 100000;
    const QList<Hubbub::ChatMessage> big = generate(0, kBig, room);
    timer.restart();
    model->appendMessages(big);
    const qint64 appendBigMs = timer.elapsed();
    waitForFrame(window);
    const qint64 appendBigFrameMs = timer.elapsed();
    const double rssBig = rssMiB();
    std::printf(
        "100,000 messages: appended in one batch in %lld ms, on screen after %lld ms; "
        "ListView count %d, delegates alive %lld\n",
        static_cast<long long>(appendBigMs), static_cast<long long>(appendBigFrameMs),
        list->property("count").toInt(),
        static_cast<long long>(list->property("contentItem").value<QQuickItem *>()->childItems().size()));
    std::printf("memory: %.1f MiB with 100,000 messages in view (+%.1f MiB over the empty window)\n", rssBig,
                rssBig - rssUi);

    constexpr int kMore = 10000;
    const QList<Hubbub::ChatMessage> batch = generate(kBig, kMore, room);
    timer.restart();
    model->appendMessages(batch);
    waitForFrame(window);
    const qint64 batchMs = timer.elapsed();

    const QList<Hubbub::ChatMessage> single = generate(kBig + kMore, kMore, room);
    timer.restart();
    for (const Hubbub::ChatMessage &m : single)
        model->appendMessage(m);
    const qint64 singleModelMs = timer.elapsed();
    waitForFrame(window);
    const qint64 singleMs = timer.elapsed();
    std::printf("append 10,000 with the view following: one batch %lld ms (to the next frame); one at a time "
                "%lld ms in the model, %lld ms to the next frame\n",
                static_cast<long long>(batchMs), static_cast<long long>(singleModelMs),
                static_cast<long long>(singleMs));

    // Scroll from the newest message upwards, a screen at a time, one frame per step.
    QList<qint64> steps;
    const qreal page = list->height();
    QElapsedTimer step;
    qreal y = list->property("contentY").toReal();
    for (int i = 0; i < 300; ++i) {
        y -= page;
        step.start();
        list->setProperty("contentY", y);
        waitForFrame(window);
        steps.append(step.nsecsElapsed() / 1000);
    }
    std::sort(steps.begin(), steps.end());
    qint64 sum = 0;
    for (qint64 s : std::as_const(steps))
        sum += s;
    std::printf("scrolling: 300 page-sized steps, per step (set contentY → frame swapped) mean %.2f ms, "
                "median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                double(sum) / steps.size() / 1000.0, steps.at(steps.size() / 2) / 1000.0,
                steps.at(steps.size() * 95 / 100) / 1000.0, steps.last() / 1000.0);
    // Jumps far into the history (positionViewAtIndex), as Ctrl+Home or a search hit would.
    steps.clear();
    for (int i = 0; i < 50; ++i) {
        const int row = (i * 7919) % model->count();
        step.start();
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 0));
        waitForFrame(window);
        steps.append(step.nsecsElapsed() / 1000);
    }
    std::sort(steps.begin(), steps.end());
    std::printf("random jumps: 50 positionViewAtIndex, median %.2f ms, max %.2f ms\n",
                steps.at(steps.size() / 2) / 1000.0, steps.last() / 1000.0);
    std::printf("memory: %.1f MiB at the end (%d messages)\n", rssMiB(), model->count());
    return 0;
}
