// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "picturecodec.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>

namespace Hubbub {

QImage PictureCodec::read(const QByteArray &bytes, int maxSide, bool pngJpegOnly, QString *format,
                          QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QImage();
    };
    if (bytes.isEmpty())
        return fail(tr("The file is empty."));
    if (bytes.size() > kMaxInputBytes)
        return fail(tr("The picture is too large (more than %1 MB).").arg(kMaxInputBytes / (1024 * 1024)));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    // Never guess from a file name: the content decides.
    reader.setDecideFormatFromContent(true);
    const QByteArray fmt = reader.format().toLower();
    if (fmt.isEmpty() || !reader.canRead())
        return fail(tr("This is not a picture."));
    if (pngJpegOnly && fmt != "png" && fmt != "jpeg" && fmt != "jpg")
        return fail(tr("Only PNG and JPEG pictures are accepted."));
    // The header's size, before a single pixel is decoded: a few KB of PNG can claim gigapixels.
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return fail(tr("This is not a picture."));
    if (size.width() > maxSide || size.height() > maxSide ||
        qint64(size.width()) * size.height() > kMaxInputPixels)
        return fail(tr("The picture is too large (%1×%2 pixels).").arg(size.width()).arg(size.height()));
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return fail(tr("The picture could not be read: %1").arg(reader.errorString()));
    if (format)
        *format = QString::fromLatin1(fmt == "jpg" ? QByteArray("jpeg") : fmt);
    return image;
}

PictureCodec::Encoded PictureCodec::encode(const QByteArray &input)
{
    Encoded out;
    QString format;
    const QImage image = read(input, kMaxInputSide, false, &format, &out.error);
    if (image.isNull())
        return out;
    return encodeImage(image);
}

PictureCodec::Encoded PictureCodec::encodeImage(const QImage &source)
{
    Encoded out;
    if (source.isNull()) {
        out.error = tr("This is not a picture.");
        return out;
    }
    const bool alpha = source.hasAlphaChannel();
    QImage image = source.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    if (std::max(image.width(), image.height()) > kMaxSentSide)
        image = image.scaled(kMaxSentSide, kMaxSentSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // Shrink (and, for JPEG, lower the quality) until the base64 fits; noise defeats compression,
    // so the loop must end by size alone: each round is 3/4 of the previous side.
    int quality = 85;
    for (int round = 0; round < 40; ++round) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, alpha ? "png" : "jpeg");
        if (!alpha)
            writer.setQuality(quality);
        if (!writer.write(image)) {
            out.error = tr("The picture could not be encoded: %1").arg(writer.errorString());
            return out;
        }
        if ((bytes.size() + 2) / 3 * 4 <= kMaxDataBase64) {
            out.bytes = bytes;
            out.mime = alpha ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
            out.size = image.size();
            return out;
        }
        if (!alpha && quality > 60) {
            quality -= 15;
            continue;
        }
        const QSize next = image.size() * 3 / 4;
        if (next.width() < 1 || next.height() < 1)
            break;
        image = image.scaled(next, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    out.error = tr("The picture could not be made small enough to send.");
    return out;
}

QImage PictureCodec::decodeReceived(const QByteArray &bytes, QString *mime, QString *error)
{
    QString format;
    const QImage image = read(bytes, kMaxReceivedSide, true, &format, error);
    if (!image.isNull() && mime)
        *mime = QStringLiteral("image/") + format;
    return image;
}

} // namespace Hubbub
