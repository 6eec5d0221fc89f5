// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \brief Turns a picture the user chose into bytes that fit one group message, and checks the
//! bytes of a received one, without trusting either: bounded input, the dimensions read from the
//! header before anything is decoded (decompression bombs), Qt's image allocation limit, and only
//! PNG and JPEG.
//!
//! A sent picture is scaled down and re-encoded (JPEG, or PNG when it has transparency) until its
//! base64 fits kMaxDataBase64, which leaves the `image` envelope and the sendToGroup frame well
//! under the service's 1 MB frame limit (docs/message-envelope.md).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

namespace Hubbub {

class PictureCodec
{
    Q_DECLARE_TR_FUNCTIONS(PictureCodec)
public:
    //! The largest file or clipboard image accepted for sending.
    static constexpr qint64 kMaxInputBytes = 50 * 1024 * 1024;
    //! The largest picture (either side, and in pixels) decoded at all, sent or received.
    static constexpr int kMaxInputSide = 16384;
    static constexpr qint64 kMaxInputPixels =
        32LL * 1024 * 1024; // 128 MB as ARGB32: QImageReader's own allocation limit
    //! The longest side of a sent picture; received ones may be at most kMaxReceivedSide.
    static constexpr int kMaxSentSide = 2048;
    static constexpr int kMaxReceivedSide = 4096;
    //! The base64 of a sent picture at most (800 KiB): with the rest of the envelope and the
    //! protocol frame around it, under 1 MiB with room to spare.
    static constexpr int kMaxDataBase64 = 800 * 1024;

    struct Encoded
    {
        QString error; //!< empty when ok; else a sentence for the user
        QByteArray bytes;
        QString mime; //!< "image/jpeg" | "image/png"
        QSize size;
        bool ok() const { return error.isEmpty(); }
    };

    //! Encodes the picture in \a input (file contents: any format Qt reads) for sending.
    static Encoded encode(const QByteArray &input);
    //! Encodes an already decoded image (the clipboard's) for sending.
    static Encoded encodeImage(const QImage &image);
    //! Decodes received bytes: a PNG or JPEG of at most kMaxReceivedSide per side; null (and \a
    //! error) otherwise. \a mime receives the format found in the bytes (never the sender's claim).
    static QImage decodeReceived(const QByteArray &bytes, QString *mime = nullptr, QString *error = nullptr);

private:
    static QImage read(const QByteArray &bytes, int maxSide, bool pngJpegOnly, QString *format,
                       QString *error);
};

} // namespace Hubbub
