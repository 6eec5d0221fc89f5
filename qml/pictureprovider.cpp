// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "pictureprovider.h"

#include "pictures.h"
#include "picturestore.h"

namespace Hubbub::Ui {

PictureProvider::PictureProvider(Hubbub::Pictures *pictures)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_pictures(pictures)
{}

QImage PictureProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QString room, messageId;
    if (!m_pictures || !PictureStore::parseSource(id, &room, &messageId))
        return {};
    QImage image = m_pictures->image(room, messageId);
    if (size)
        *size = image.size();
    if (!image.isNull() && requestedSize.isValid() && !requestedSize.isEmpty() &&
        (image.width() > requestedSize.width() || image.height() > requestedSize.height()))
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace Hubbub::Ui
