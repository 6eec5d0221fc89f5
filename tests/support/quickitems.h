// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Finding a QML item by objectName in tests that drive the real window.
#pragma once

#include <QQuickItem>
#include <QString>

namespace HubbubTest {

//! Repeater-, delegate- and popup-made items have no QObject parent, so QObject::findChild misses
//! them: this walks the item tree under \a root instead.
inline QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

} // namespace HubbubTest
