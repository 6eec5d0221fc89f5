// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file protocolnames.h
//! \brief The names the Web PubSub client protocol fixes on the wire: subprotocols, the `awps_*`
//! and token query keys, and the permission roles (protocol.md §1, §5).
//!
//! One header, shared by the client library, hubbub-service and hubbub-cli (and the app), so that
//! a name is spelt once: a typo in one of seven copies would be a silent protocol mismatch.
//! Private to the tree (not installed): the public API names none of these.
#pragma once

#include <QLatin1StringView>

namespace WebPubSub::ProtocolNames {

// Subprotocols (Sec-WebSocket-Protocol).
inline constexpr QLatin1StringView JsonSubprotocol("json.webpubsub.azure.v1");
inline constexpr QLatin1StringView ReliableJsonSubprotocol("json.reliable.webpubsub.azure.v1");

// Query keys of the client URL.
inline constexpr QLatin1StringView AccessTokenKey("access_token");
//! Present on a reliable reconnect (recovery): the connection to resume.
inline constexpr QLatin1StringView ConnectionIdKey("awps_connection_id");
inline constexpr QLatin1StringView ReconnectionTokenKey("awps_reconnection_token");

// Permission roles of an access token.
inline constexpr QLatin1StringView JoinLeaveGroupRole("webpubsub.joinLeaveGroup");
inline constexpr QLatin1StringView SendToGroupRole("webpubsub.sendToGroup");
//! Prefixes of the wildcard roles (`webpubsub.joinLeaveGroups.<pattern>`).
inline constexpr QLatin1StringView JoinLeaveGroupsWildcardPrefix("webpubsub.joinLeaveGroups.");
inline constexpr QLatin1StringView SendToGroupsWildcardPrefix("webpubsub.sendToGroups.");

} // namespace WebPubSub::ProtocolNames
