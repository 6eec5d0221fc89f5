// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Serves picture messages to QML as `image://hubbub/<room>/<id>` from the local history
//! (Pictures::image()), never from a URL: the only way a picture reaches the screen.
//!
//! Registered by the app on its engine (`engine.addImageProvider("hubbub", …)`). Images load
//! synchronously on the GUI thread (ImageThumbnail sets `asynchronous: false`): the history's
//! database connection belongs to that thread.
#pragma once

#include <QPointer>
#include <QQuickImageProvider>

namespace Hubbub {
class Pictures;
}

namespace Hubbub::Ui {

class PictureProvider : public QQuickImageProvider
{
public:
    explicit PictureProvider(Hubbub::Pictures *pictures);
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    QPointer<Hubbub::Pictures> m_pictures;
};

} // namespace Hubbub::Ui
