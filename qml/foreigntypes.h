// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Makes the app-core types known to QML (typed properties, qmllint, tooling) without
//! touching the AppCore library: QML_FOREIGN wrappers, all uncreatable since C++ owns them.
#pragma once

#include "appcontroller.h"
#include "chatactions.h"
#include "connectioncontroller.h"
#include "drafts.h"
#include "membermodel.h"
#include "mentions.h"
#include "messagemodel.h"
#include "messagesearch.h"
#include "noticemodel.h"
#include "notices.h"
#include "pictures.h"
#include "presentmode.h"
#include "replyresolver.h"
#include "roomfiltermodel.h"
#include "roomlistmodel.h"
#include "searchresultmodel.h"
#include "transitionlogmodel.h"

// QML_FOREIGN needs the full qqml.h on 6.4 (qqmlregistration.h alone lacks QmlResolved).
#include <QtQml/qqml.h>

namespace Hubbub::Ui {

struct ForeignAppController
{
    Q_GADGET
    QML_FOREIGN(Hubbub::AppController)
    QML_NAMED_ELEMENT(AppController)
    QML_UNCREATABLE("Created by main()")
};

struct ForeignChatActions
{
    Q_GADGET
    QML_FOREIGN(Hubbub::ChatActions)
    QML_NAMED_ELEMENT(ChatActions)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignConnectionController
{
    Q_GADGET
    QML_FOREIGN(Hubbub::ConnectionController)
    QML_NAMED_ELEMENT(ConnectionController)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignPresentMode
{
    Q_GADGET
    QML_FOREIGN(Hubbub::PresentMode)
    QML_NAMED_ELEMENT(PresentMode)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignReplyResolver
{
    Q_GADGET
    QML_FOREIGN(Hubbub::ReplyResolver)
    QML_NAMED_ELEMENT(ReplyResolver)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignMentions
{
    Q_GADGET
    QML_FOREIGN(Hubbub::Mentions)
    QML_NAMED_ELEMENT(Mentions)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignRoomListModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::RoomListModel)
    QML_NAMED_ELEMENT(RoomListModel)
    QML_UNCREATABLE("Owned by AppController")
};

//! Created in QML: the room switcher's filtered view of a RoomListModel.
struct ForeignRoomFilterModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::RoomFilterModel)
    QML_NAMED_ELEMENT(RoomFilterModel)
};

struct ForeignMessageModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::MessageModel)
    QML_NAMED_ELEMENT(MessageModel)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignMemberModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::MemberModel)
    QML_NAMED_ELEMENT(MemberModel)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignTransitionLogModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::TransitionLogModel)
    QML_NAMED_ELEMENT(TransitionLogModel)
    QML_UNCREATABLE("Owned by ConnectionController")
};

//! Message search (Ctrl+F): the query, its results and the jump to a result.
struct ForeignMessageSearch
{
    Q_GADGET
    QML_FOREIGN(Hubbub::MessageSearch)
    QML_NAMED_ELEMENT(MessageSearch)
    QML_UNCREATABLE("Owned by AppController")
};
struct ForeignSearchResultModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::SearchResultModel)
    QML_NAMED_ELEMENT(SearchResultModel)
    QML_UNCREATABLE("Owned by MessageSearch")
};
//! The composer's unsent text per room.
struct ForeignDrafts
{
    Q_GADGET
    QML_FOREIGN(Hubbub::Drafts)
    QML_NAMED_ELEMENT(Drafts)
    QML_UNCREATABLE("Owned by AppController")
};
struct ForeignNotices
{
    Q_GADGET
    QML_FOREIGN(Hubbub::Notices)
    QML_NAMED_ELEMENT(Notices)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignPictures
{
    Q_GADGET
    QML_FOREIGN(Hubbub::Pictures)
    QML_NAMED_ELEMENT(Pictures)
    QML_UNCREATABLE("Owned by AppController")
};

struct ForeignNoticeModel
{
    Q_GADGET
    QML_FOREIGN(Hubbub::NoticeModel)
    QML_NAMED_ELEMENT(NoticeModel)
    QML_UNCREATABLE("Owned by Notices")
};

} // namespace Hubbub::Ui
