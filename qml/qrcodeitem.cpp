// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "qrcodeitem.h"

#include <qrcode.h>

#include <QPainter>

#include <algorithm>

namespace Hubbub::Ui {

QrCodeItem::QrCodeItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
    setFillColor(Qt::white);
}

void QrCodeItem::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_image = Hubbub::QrCode::render(text, 1);
    update();
    Q_EMIT textChanged();
}

void QrCodeItem::paint(QPainter *painter)
{
    if (m_image.isNull())
        return;
    // Whole pixels per module, centred: a fractional scale would blur module edges.
    const int side = int(std::min(width(), height()));
    const int module = std::max(1, side / m_image.width());
    const int drawn = module * m_image.width();
    const QRect target((int(width()) - drawn) / 2, (int(height()) - drawn) / 2, drawn, drawn);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(target, m_image);
}

} // namespace Hubbub::Ui
