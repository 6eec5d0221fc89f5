// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// End to end, in one process: two app profiles (alice and bob), each a real AppController with
// Main.qml in its own window, on one in-process service. They go through the chat features of
// issue 10 with keys and clicks on the real UI: a reply (Ctrl+R), an @mention through the
// completion popup, an edit (Up arrow), a reaction (the hover action and the emoji picker), a
// delete for everyone (the hover action and its confirmation), a draft kept across a room switch,
// a search (Ctrl+F, Enter jumps), a picture pasted with Ctrl+V, and a server notice (the Notices
// place, apart from the rooms). Each step is checked in what the OTHER profile sees: its
// model and, where cheap, its window. The controller API is used only for setup.
#include "apptestfixture.h"
#include "isolatedhome.h"
#include "quickitems.h"

#include "appcontroller.h"
#include "appoptions.h"
#include "chatmessage.h"
#include "connectioncontroller.h"
#include "drafts.h"
#include "messagemodel.h"
#include "messagesearch.h"
#include "noticemodel.h"
#include "notices.h"
#include "pictureprovider.h"
#include "pictures.h"
#include "roomlistmodel.h"
#include "searchresultmodel.h"
#include "service.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QQmlApplicationEngine>
#include <QQmlListReference>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 20000;
const QString kRoom = u"lobby"_s;
const QString kOtherRoom = u"random"_s;

using HubbubTest::findItem;

QString roleString(Hubbub::MessageModel *model, const QString &id, int role)
{
    const int row = model->rowOf(id);
    return row < 0 ? u"<absent>"_s : model->data(model->index(row), role).toString();
}

bool roleBool(Hubbub::MessageModel *model, const QString &id, int role)
{
    const int row = model->rowOf(id);
    return row >= 0 && model->data(model->index(row), role).toBool();
}

//! "👍:alice" per emoji, joined by '|'.
QString reactionsOf(Hubbub::MessageModel *model, const QString &id)
{
    const int row = model->rowOf(id);
    if (row < 0)
        return u"<absent>"_s;
    QStringList out;
    const QVariantList list = model->data(model->index(row), Hubbub::MessageModel::ReactionsRole).toList();
    for (const QVariant &v : list) {
        const QVariantMap r = v.toMap();
        out.append(r.value(u"emoji"_s).toString() + u':' + QString::number(r.value(u"count"_s).toInt()));
    }
    return out.join(u'|');
}

//! One profile: its controller and its main window.
struct Profile
{
    std::unique_ptr<Hubbub::AppController> app;
    std::unique_ptr<QQmlApplicationEngine> engine;

    QQuickWindow *window() const
    {
        return engine->rootObjects().isEmpty() ? nullptr
                                               : qobject_cast<QQuickWindow *>(engine->rootObjects().first());
    }
    QObject *composer() const { return window()->findChild<QObject *>(u"composer"_s); }
    QObject *input() const { return composer()->property("input").value<QObject *>(); }
    QString composerText() const { return composer()->property("text").toString(); }
    QObject *list() const { return window()->findChild<QObject *>(u"messageList"_s); }
    Hubbub::MessageModel *model(const QString &room = kRoom) const
    {
        return app->directory()->openMessages(room);
    }
    //! The delegate of message \a id in the window's timeline (scrolled into view).
    QQuickItem *delegateOf(const QString &id) const
    {
        const int row = app->messages()->rowOf(id);
        if (row < 0)
            return nullptr;
        QMetaObject::invokeMethod(list(), "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1 /*Center*/));
        QQuickItem *item = nullptr;
        QMetaObject::invokeMethod(list(), "itemAtIndex", Q_RETURN_ARG(QQuickItem *, item), Q_ARG(int, row));
        return item;
    }
};

} // namespace

class TestChatFeatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aliceSends();
    void bobRepliesWithCtrlR();
    void bobMentionsAliceThroughCompletion();
    void aliceEditsWithUpArrow();
    void aliceReactsFromTheHoverActions();
    void aliceDeletesForEveryone();
    void bobsDraftSurvivesARoomSwitch();
    void aliceSearchesAndJumps();
    void bobPastesAPicture();
    void aServerNoticeIsAPlaceApart();

private:
    bool startProfile(Profile &p, const QString &user);
    //! Makes \a p's window the active one (shortcuts only go to the active window).
    void activate(Profile &p);
    void focusComposer(Profile &p);
    void type(Profile &p, const QString &text);
    //! Hovers the delegate of \a id in \a p's window and clicks its action button \a button.
    void clickAction(Profile &p, const QString &id, const QString &button);
    void click(Profile &p, QQuickItem *item);

    HubbubTest::AppTestFixture m_hub;
    Profile m_alice;
    Profile m_bob;
    QString m_first;   // alice's first message
    QString m_reply;   // bob's reply to it
    QString m_mention; // bob's message mentioning alice
};

bool TestChatFeatures::startProfile(Profile &p, const QString &user)
{
    p.app = std::make_unique<Hubbub::AppController>(m_hub.options(user, m_hub.freshProfile(user)));
    p.engine = std::make_unique<QQmlApplicationEngine>();
    p.engine->addImportPath(u"qrc:/qt/qml"_s);
    p.engine->setInitialProperties({{u"app"_s, QVariant::fromValue(p.app.get())}});
    // As the app does: pictures come from the profile's own history only.
    p.engine->addImageProvider(u"hubbub"_s, new Hubbub::Ui::PictureProvider(p.app->pictures()));
    p.engine->load(QUrl(u"qrc:/qt/qml/Hubbub/Ui/Main.qml"_s));
    if (!p.window())
        return false;
    p.window()->resize(1100, 760);
    p.window()->setTitle(user);
    if (!QTest::qWaitForWindowExposed(p.window(), 10000))
        return false;
    p.app->start();
    return true;
}

void TestChatFeatures::initTestCase()
{
    QString error;
    QVERIFY2(m_hub.setUp(u"hubbub-e2e-chatfeatures"_s, &error), qPrintable(error));
    QVERIFY(startProfile(m_alice, u"alice"_s));
    QVERIFY(startProfile(m_bob, u"bob"_s));
    QVERIFY(HubbubTest::joinAll({m_alice.app.get(), m_bob.app.get()}, kRoom, kTimeout));
    for (Profile *p : {&m_alice, &m_bob}) {
        p->app->joinRoom(kOtherRoom);
        p->app->selectRoom(kRoom);
        QCOMPARE(p->app->currentRoom(), kRoom);
        m_hub.watch(p->model());
    }
}

void TestChatFeatures::cleanupTestCase()
{
    for (Profile *p : {&m_alice, &m_bob}) {
        p->engine.reset();
        p->app.reset();
    }
    m_hub.stop();
}

void TestChatFeatures::activate(Profile &p)
{
    // Main.qml binds its shortcuts application-wide: with two windows in one process (two processes
    // in real life) each key would be ambiguous, so only the active window's are enabled.
    for (Profile *q : {&m_alice, &m_bob}) {
        const QQmlListReference shortcuts(q->window(), "appShortcuts");
        QVERIFY(shortcuts.isValid());
        for (qsizetype i = 0; i < shortcuts.count(); ++i)
            shortcuts.at(i)->setProperty("enabled", q == &p);
    }
    p.window()->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(p.window(), 10000));
}

void TestChatFeatures::focusComposer(Profile &p)
{
    activate(p);
    QVERIFY(QMetaObject::invokeMethod(p.input(), "forceActiveFocus"));
    QTRY_VERIFY(p.input()->property("activeFocus").toBool());
}

void TestChatFeatures::type(Profile &p, const QString &text)
{
    for (const QChar ch : text)
        QTest::keyClick(p.window(), ch.toLatin1());
}

void TestChatFeatures::click(Profile &p, QQuickItem *item)
{
    QVERIFY(item);
    const QPoint centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseClick(p.window(), Qt::LeftButton, {}, centre);
}

void TestChatFeatures::clickAction(Profile &p, const QString &id, const QString &button)
{
    activate(p);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = p.delegateOf(id)));
    // Hovering the row shows its actions (messageActions is visible only while "engaged"). The
    // row may still move (the list settles), so the pointer follows it until they show.
    QQuickItem *actions = findItem(row, u"messageActions"_s);
    QVERIFY(actions);
    QTest::mouseMove(p.window(), QPoint(1, 1));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QPoint inside = row->mapToScene(QPointF(row->width() / 2, row->height() / 2)).toPoint();
            QTest::mouseMove(p.window(), inside);
            return actions->isVisible();
        },
        10000));
    QQuickItem *b = findItem(row, button);
    QVERIFY2(b, qPrintable(button));
    QTRY_VERIFY(b->isVisible());
    click(p, b);
}

void TestChatFeatures::aliceSends()
{
    focusComposer(m_alice);
    type(m_alice, u"lunch at noon?"_s);
    QTest::keyClick(m_alice.window(), Qt::Key_Return);
    QTRY_COMPARE(m_alice.composerText(), QString());
    Hubbub::MessageModel *mine = m_alice.model();
    QVERIFY(mine->count() > 0);
    m_first = mine->at(mine->count() - 1).id;
    QCOMPARE(mine->at(mine->count() - 1).text, u"lunch at noon?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_bob.model()->contains(m_first), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice.app->connection()->outboxCount(), 0, kTimeout);
}

void TestChatFeatures::bobRepliesWithCtrlR()
{
    focusComposer(m_bob);
    // Ctrl+R with no selected row replies to the latest message: alice's.
    QTest::keyClick(m_bob.window(), Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(m_bob.composer()->property("replyToId").toString(), m_first);
    QQuickItem *bar = findItem(m_bob.window()->contentItem(), u"composerReplyBar"_s);
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible());
    focusComposer(m_bob);
    type(m_bob, u"yes, the usual place"_s);
    QTest::keyClick(m_bob.window(), Qt::Key_Return);
    QTRY_COMPARE(m_bob.composerText(), QString());
    QTRY_VERIFY(!bar->isVisible());
    Hubbub::MessageModel *bobs = m_bob.model();
    m_reply = bobs->at(bobs->count() - 1).id;
    QCOMPARE(bobs->at(bobs->count() - 1).replyTo.id, m_first);

    // Alice sees the reply with a quote of her message, in the model and on screen.
    Hubbub::MessageModel *alices = m_alice.model();
    QTRY_VERIFY_WITH_TIMEOUT(alices->contains(m_reply), kTimeout);
    QCOMPARE(roleString(alices, m_reply, Hubbub::MessageModel::ReplyToIdRole), m_first);
    QCOMPARE(roleString(alices, m_reply, Hubbub::MessageModel::TextRole), u"yes, the usual place"_s);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = m_alice.delegateOf(m_reply)));
    QQuickItem *quoteText = nullptr;
    QTRY_VERIFY((quoteText = findItem(row, u"replyQuoteText"_s)));
    QTRY_VERIFY(quoteText->property("text").toString().contains(u"lunch at noon?"_s));
    QQuickItem *quoteSender = findItem(row, u"replyQuoteSender"_s);
    QVERIFY(quoteSender);
    QVERIFY(quoteSender->property("text").toString().contains(u"alice"_s));
}

void TestChatFeatures::bobMentionsAliceThroughCompletion()
{
    focusComposer(m_bob);
    type(m_bob, u"@al"_s);
    QObject *mentionPopup = m_bob.composer()->property("mentionPopup").value<QObject *>();
    QVERIFY(mentionPopup);
    QTRY_VERIFY(mentionPopup->property("visible").toBool());
    // Tab takes the completion: "@alice ".
    QTest::keyClick(m_bob.window(), Qt::Key_Tab);
    QTRY_COMPARE(m_bob.composerText(), u"@alice "_s);
    QTRY_VERIFY(!mentionPopup->property("visible").toBool());
    type(m_bob, u"see above"_s);
    QTest::keyClick(m_bob.window(), Qt::Key_Return);
    QTRY_COMPARE(m_bob.composerText(), QString());
    Hubbub::MessageModel *bobs = m_bob.model();
    m_mention = bobs->at(bobs->count() - 1).id;
    QCOMPARE(bobs->at(bobs->count() - 1).text, u"@alice see above"_s);
    QVERIFY(!roleBool(bobs, m_mention, Hubbub::MessageModel::MentionsMeRole));

    // Alice's row is flagged and carries the mention bar.
    Hubbub::MessageModel *alices = m_alice.model();
    QTRY_VERIFY_WITH_TIMEOUT(alices->contains(m_mention), kTimeout);
    QVERIFY(roleBool(alices, m_mention, Hubbub::MessageModel::MentionsMeRole));
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = m_alice.delegateOf(m_mention)));
    QQuickItem *bar = findItem(row, u"mentionBar"_s);
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible());
}

void TestChatFeatures::aliceEditsWithUpArrow()
{
    focusComposer(m_alice);
    QCOMPARE(m_alice.composerText(), QString());
    // Up in the empty composer takes alice's last message into it.
    QTest::keyClick(m_alice.window(), Qt::Key_Up);
    QTRY_COMPARE(m_alice.composer()->property("editingMessageId").toString(), m_first);
    QTRY_COMPARE(m_alice.composerText(), u"lunch at noon?"_s);
    QTest::keyClick(m_alice.window(), Qt::Key_A, Qt::ControlModifier);
    type(m_alice, u"lunch at one?"_s);
    QTest::keyClick(m_alice.window(), Qt::Key_Return);
    QTRY_COMPARE(m_alice.composer()->property("editingMessageId").toString(), QString());

    // Bob sees the new text marked edited, in the model and on screen.
    Hubbub::MessageModel *bobs = m_bob.model();
    QTRY_COMPARE_WITH_TIMEOUT(roleString(bobs, m_first, Hubbub::MessageModel::TextRole), u"lunch at one?"_s,
                              kTimeout);
    QVERIFY(roleBool(bobs, m_first, Hubbub::MessageModel::EditedRole));
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = m_bob.delegateOf(m_first)));
    QQuickItem *mark = findItem(row, u"editedMark"_s);
    QVERIFY(mark);
    QTRY_VERIFY(mark->isVisible());
    QCOMPARE(mark->property("text").toString(), u"(edited)"_s);
    QQuickItem *body = findItem(row, u"bodyText"_s);
    QVERIFY(body);
    QTRY_COMPARE(body->property("text").toString(), u"lunch at one?"_s);
    // Bob's reply quote follows the edit.
    QTRY_VERIFY((row = m_alice.delegateOf(m_reply)));
    QQuickItem *quoteText = findItem(row, u"replyQuoteText"_s);
    QVERIFY(quoteText);
    QTRY_VERIFY(quoteText->property("text").toString().contains(u"lunch at one?"_s));
}

void TestChatFeatures::aliceReactsFromTheHoverActions()
{
    // Alice reacts to bob's reply: React on hover opens the picker, a click on an emoji sets it.
    clickAction(m_alice, m_reply, u"reactButton"_s);
    QQuickItem *bar = findItem(m_alice.delegateOf(m_reply), u"reactionBar"_s);
    QVERIFY(bar);
    auto *picker = bar->property("picker").value<QObject *>();
    QVERIFY(picker);
    QTRY_VERIFY(picker->property("opened").toBool());
    QQuickItem *choice = nullptr;
    QTRY_VERIFY(
        (choice = findItem(qvariant_cast<QQuickItem *>(picker->property("contentItem")), u"emojiChoice"_s)));
    QTRY_VERIFY(choice->isVisible());
    const QString emoji = choice->property("modelData").toString();
    QVERIFY(!emoji.isEmpty());
    // Let the popup's enter transition end, so the click lands on the button.
    QTest::qWait(300);
    click(m_alice, choice);
    QTRY_VERIFY(!picker->property("visible").toBool());

    Hubbub::MessageModel *bobs = m_bob.model();
    QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(bobs, m_reply), emoji + u":1"_s, kTimeout);
    QCOMPARE(reactionsOf(m_alice.model(), m_reply), emoji + u":1"_s);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = m_bob.delegateOf(m_reply)));
    QQuickItem *chip = nullptr;
    QTRY_VERIFY((chip = findItem(row, u"reactionChipLabel"_s)));
    QTRY_VERIFY(chip->property("text").toString().contains(u'1'));
    QVERIFY(chip->property("text").toString().contains(emoji));
}

void TestChatFeatures::aliceDeletesForEveryone()
{
    // A message of alice's to delete.
    focusComposer(m_alice);
    type(m_alice, u"oops, wrong room"_s);
    QTest::keyClick(m_alice.window(), Qt::Key_Return);
    QTRY_COMPARE(m_alice.composerText(), QString());
    Hubbub::MessageModel *alices = m_alice.model();
    const QString doomed = alices->at(alices->count() - 1).id;
    Hubbub::MessageModel *bobs = m_bob.model();
    QTRY_VERIFY_WITH_TIMEOUT(bobs->contains(doomed), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice.app->connection()->outboxCount(), 0, kTimeout);

    clickAction(m_alice, doomed, u"deleteForEveryoneButton"_s);
    QObject *dialog = m_alice.window()->findChild<QObject *>(u"deleteConfirmDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->property("opened").toBool());
    QQuickItem *ok = findItem(m_alice.window()->contentItem(), u"confirmDeleteButton"_s);
    if (!ok)
        ok = findItem(qvariant_cast<QQuickItem *>(dialog->property("footer")), u"confirmDeleteButton"_s);
    QVERIFY(ok);
    click(m_alice, ok);

    // Bob sees the tombstone.
    QTRY_VERIFY_WITH_TIMEOUT(roleBool(bobs, doomed, Hubbub::MessageModel::DeletedRole), kTimeout);
    QCOMPARE(roleString(bobs, doomed, Hubbub::MessageModel::TextRole), QString());
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = m_bob.delegateOf(doomed)));
    QQuickItem *body = findItem(row, u"bodyText"_s);
    QVERIFY(body);
    QTRY_COMPARE(body->property("text").toString(), u"message deleted"_s);
}

void TestChatFeatures::bobsDraftSurvivesARoomSwitch()
{
    focusComposer(m_bob);
    type(m_bob, u"half a thought"_s);
    QCOMPARE(m_bob.composerText(), u"half a thought"_s);
    // Ctrl+K, the room's name, Enter: to the other room, where the composer is empty.
    QTest::keyClick(m_bob.window(), Qt::Key_K, Qt::ControlModifier);
    QQuickItem *filter = nullptr;
    QTRY_VERIFY((filter = findItem(m_bob.window()->contentItem(), u"switcherFilter"_s)));
    QTRY_VERIFY(filter->hasActiveFocus());
    type(m_bob, kOtherRoom);
    QTest::keyClick(m_bob.window(), Qt::Key_Return);
    QTRY_COMPARE(m_bob.app->currentRoom(), kOtherRoom);
    QTRY_COMPARE(m_bob.composerText(), QString());
    // And back: the draft is there again.
    m_bob.app->selectRoom(kRoom);
    QTRY_COMPARE(m_bob.composerText(), u"half a thought"_s);
    QCOMPARE(m_bob.app->drafts()->text(kRoom), u"half a thought"_s);
    QVERIFY(!m_bob.app->drafts()->hasDraft(kOtherRoom));
}

void TestChatFeatures::aliceSearchesAndJumps()
{
    // From the other room, alice searches for bob's reply; Enter takes her to it in #lobby.
    m_alice.app->selectRoom(kOtherRoom);
    QTRY_COMPARE(m_alice.app->currentRoom(), kOtherRoom);
    activate(m_alice);
    QTest::keyClick(m_alice.window(), Qt::Key_F, Qt::ControlModifier);
    QObject *popup = m_alice.window()->findChild<QObject *>(u"searchPopup"_s);
    QVERIFY(popup);
    QTRY_VERIFY(popup->property("opened").toBool());
    QQuickItem *field = nullptr;
    QTRY_VERIFY((field = findItem(m_alice.window()->contentItem(), u"searchField"_s)));
    QTRY_VERIFY(field->hasActiveFocus());
    type(m_alice, u"usual"_s);
    Hubbub::SearchResultModel *results = m_alice.app->search()->results();
    QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), 1, kTimeout);
    QTest::keyClick(m_alice.window(), Qt::Key_Return);

    QTRY_COMPARE(m_alice.app->currentRoom(), kRoom);
    QTRY_VERIFY(!popup->property("visible").toBool());
    const int row = m_alice.app->messages()->rowOf(m_reply);
    QVERIFY(row >= 0);
    QTRY_COMPARE(m_alice.list()->property("currentIndex").toInt(), row);
    QQuickItem *flash = findItem(m_alice.window()->contentItem(), u"jumpHighlight"_s);
    QVERIFY(flash);
    QQuickItem *rowItem = m_alice.delegateOf(m_reply);
    QTRY_COMPARE(flash->parentItem(), rowItem);
}

void TestChatFeatures::bobPastesAPicture()
{
    // Bob copies a picture and pastes it into the composer: alice sees it as a thumbnail, served
    // from her own history, and it opens full size on a click.
    QImage image(640, 400, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.fillRect(image.rect(), QColor(0x3b, 0x82, 0xf6));
    painter.fillRect(QRect(80, 60, 300, 200), QColor(0xf5, 0x9e, 0x0b));
    painter.end();
    QGuiApplication::clipboard()->setImage(image);
    QTRY_VERIFY(!QGuiApplication::clipboard()->image().isNull());

    QTRY_COMPARE(m_bob.app->currentRoom(), kRoom);
    activate(m_bob);
    focusComposer(m_bob);
    const QString draft = m_bob.composerText(); // his unsent words from the draft step
    const int before = m_bob.model()->rowCount();
    QTest::keySequence(m_bob.window(), QKeySequence::Paste);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob.model()->rowCount(), before + 1, kTimeout);
    const QString id = m_bob.model()->at(m_bob.model()->rowCount() - 1).id;
    QVERIFY(!roleString(m_bob.model(), id, Hubbub::MessageModel::PictureSourceRole).isEmpty());
    QCOMPARE(m_bob.composerText(), draft); // the picture went; no text pasted, the draft untouched

    QTRY_VERIFY_WITH_TIMEOUT(m_alice.model()->contains(id), kTimeout);
    QVERIFY(roleString(m_alice.model(), id, Hubbub::MessageModel::PictureSourceRole)
                .startsWith(u"image://hubbub/"_s));
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = m_alice.delegateOf(id)));
    QQuickItem *thumb = nullptr;
    QTRY_VERIFY((thumb = findItem(row, u"pictureThumbnail"_s)));
    QTRY_VERIFY(thumb->isVisible());
    QTRY_COMPARE(thumb->property("status").toInt(), 1 /*Image.Ready*/);
    QVERIFY(thumb->width() > 0 && thumb->height() > 0);
    activate(m_alice);
    click(m_alice, findItem(row, u"pictureOpenArea"_s));
    QObject *popup = nullptr;
    QTRY_VERIFY((popup = row->findChild<QObject *>(u"picturePopup"_s)));
    QTRY_VERIFY(popup->property("opened").toBool());
    QTest::keyClick(m_alice.window(), Qt::Key_Escape);
    QTRY_VERIFY(!popup->property("visible").toBool());
}

void TestChatFeatures::aServerNoticeIsAPlaceApart()
{
    // The app server announces something (a server message, as REST sendToAll sends it): both
    // profiles get it in Notices, with an unread badge, and no room gets a message from it.
    const int alicesRows = m_alice.model()->rowCount();
    m_hub.service()->announce(HubbubTest::AppTestFixture::hub, u"Doors close at six <b>sharp</b>"_s);
    for (Profile *p : {&m_alice, &m_bob}) {
        QTRY_COMPARE_WITH_TIMEOUT(p->app->notices()->unreadCount(), 1, kTimeout);
        QQuickItem *badge = findItem(p->window()->contentItem(), u"noticesBadge"_s);
        QVERIFY(badge);
        QTRY_VERIFY(badge->isVisible());
    }
    QCOMPARE(m_alice.model()->rowCount(), alicesRows);

    activate(m_alice);
    click(m_alice, findItem(m_alice.window()->contentItem(), u"noticesEntry"_s));
    QTRY_VERIFY(m_alice.app->notices()->isOpen());
    QTRY_COMPARE(m_alice.app->notices()->unreadCount(), 0);
    QQuickItem *text = nullptr;
    QTRY_VERIFY((text = findItem(m_alice.window()->contentItem(), u"noticeText"_s)));
    QTRY_VERIFY(text->isVisible());
    QCOMPARE(text->property("text").toString(), u"Doors close at six <b>sharp</b>"_s); // as text, literally
    QCOMPARE(m_bob.app->notices()->unreadCount(), 1); // bob has not looked yet
}

int main(int argc, char *argv[])
{
    return execInIsolatedHome<TestChatFeatures, QGuiApplication>(argc, argv, u"Hubbub"_s,
                                                                 u"hubbub-e2e-chatfeatures"_s);
}

#include "tst_chatfeatures.moc"
