// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Looking into a room's MessageModel from a test: the row a message stands in, found by
//! what it says (a test that sent it knows its text, not the id the app gave it).
#pragma once

#include "messagemodel.h"

#include <QString>

namespace HubbubTest {

//! The first row of \a model whose text is \a text; -1 when there is none.
inline int rowWithText(const Hubbub::MessageModel *model, const QString &text)
{
    for (int row = 0; row < model->count(); ++row) {
        if (model->at(row).text == text)
            return row;
    }
    return -1;
}

} // namespace HubbubTest
