// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief A QR code of a text (the presenter's join URL) as an image, encoded by libqrencode.
#pragma once

#include <QImage>
#include <QString>

namespace Hubbub {

class QrCode
{
public:
    //! \a text as a black-on-white QR code (error correction M) with the 4-module quiet zone
    //! scanners need, each module \a moduleSize pixels; a null image when it cannot be encoded.
    static QImage render(const QString &text, int moduleSize = 8);
};

} // namespace Hubbub
