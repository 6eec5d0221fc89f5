// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "chattestdata.h"

#include "chatmessage.h"
#include "drafts.h"
#include "historystore.h"
#include "messagesearch.h"
#include "roomdirectory.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

using namespace Hubbub;
using namespace std::chrono_literals;

namespace {
// Owns a history in a temporary folder and the room directory over it, for as long as the engine.
class Backing : public QObject
{
public:
    explicit Backing(QObject *parent)
        : QObject(parent)
        , history(std::make_unique<HistoryStore>(dir.filePath(QStringLiteral("history.sqlite"))))
    {}
    void openRooms() { rooms = new RoomDirectory(history.get(), 50, 60s, this); }
    ~Backing() override
    {
        // Children (which use the history) go first; a copy, as each deletion changes children().
        const QObjectList kids = children();
        qDeleteAll(kids);
    }

    QTemporaryDir dir;
    std::unique_ptr<HistoryStore> history;
    RoomDirectory *rooms = nullptr;
};
} // namespace

QObject *ChatTestData::messageSearch(const QVariantList &messages)
{
    auto *backing = new Backing(this);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<ChatMessage> rows;
    int n = 0;
    for (const QVariant &v : messages) {
        const QVariantMap m = v.toMap();
        ChatMessage msg;
        msg.room = m.value(QStringLiteral("room"), QStringLiteral("general")).toString();
        msg.id = m.value(QStringLiteral("id"), QStringLiteral("m%1").arg(n++)).toString();
        msg.senderId = m.value(QStringLiteral("sender"), QStringLiteral("alice")).toString();
        msg.senderName = msg.senderId;
        msg.text = m.value(QStringLiteral("text")).toString();
        msg.timestamp = now.addSecs(-60 * m.value(QStringLiteral("minutesAgo"), 0).toInt());
        backing->history->saveRoom({msg.room, 0, false});
        rows.append(msg);
    }
    backing->openRooms();
    auto *search = new MessageSearch(backing->history.get(), backing->rooms, backing);
    new QAbstractItemModelTester(search->results(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 search);
    backing->history->insertMany(rows);
    return search;
}

QObject *ChatTestData::drafts()
{
    auto *backing = new Backing(this);
    backing->openRooms();
    auto *drafts = new Drafts(backing->history.get(), backing->rooms, backing);
    drafts->setDebounce(0ms);
    return drafts;
}
