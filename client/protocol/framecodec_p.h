// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief What reading and writing frames share (not installed): the wire names of the frame types
//! that map one to one to a Frame::Type.
#pragma once

#include "frame.h"

#include <QLatin1StringView>

namespace WebPubSub::FrameCodecDetail {

struct TypeName
{
    Frame::Type type;
    QLatin1StringView name;
};

// Request and response types whose wire name maps 1:1 to a Frame::Type. `message` and `system`
// are refined by `from` / `event` below.
inline constexpr TypeName kTypeNames[] = {
    {Frame::Type::JoinGroup, QLatin1StringView("joinGroup")},
    {Frame::Type::LeaveGroup, QLatin1StringView("leaveGroup")},
    {Frame::Type::SendToGroup, QLatin1StringView("sendToGroup")},
    {Frame::Type::Event, QLatin1StringView("event")},
    {Frame::Type::SequenceAck, QLatin1StringView("sequenceAck")},
    {Frame::Type::Ping, QLatin1StringView("ping")},
    {Frame::Type::Invoke, QLatin1StringView("invoke")},
    {Frame::Type::CancelInvocation, QLatin1StringView("cancelInvocation")},
    {Frame::Type::Ack, QLatin1StringView("ack")},
    {Frame::Type::Pong, QLatin1StringView("pong")},
    {Frame::Type::InvokeResponse, QLatin1StringView("invokeResponse")},
};

} // namespace WebPubSub::FrameCodecDetail
