// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "qmltestsetup.h"

#include "chattestdata.h"
#include "testdata.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickImageProvider>
#include <QStandardPaths>

namespace {
// Stands in for the app's PictureProvider: image://hubbub/<room>/<id> is a 400×200 picture for
// any id but "missing".
class TestPictureProvider : public QQuickImageProvider
{
public:
    TestPictureProvider()
        : QQuickImageProvider(QQuickImageProvider::Image)
    {}
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override
    {
        if (id.endsWith(QLatin1String("/missing")))
            return {};
        QImage image(400, 200, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        if (size)
            *size = image.size();
        return requestedSize.isValid() ? image.scaled(requestedSize, Qt::KeepAspectRatio) : image;
    }
};
} // namespace

void QmlTestSetup::applicationAvailable()
{
    QStandardPaths::setTestModeEnabled(true);
}

void QmlTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    // Qt 6.4 has no loadFromModule: the module's files live under qrc:/qt/qml.
    engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine->rootContext()->setContextProperty(QStringLiteral("testData"), new TestData(engine));
    engine->rootContext()->setContextProperty(QStringLiteral("chatTestData"), new ChatTestData(engine));
    engine->addImageProvider(QStringLiteral("hubbub"), new TestPictureProvider);
    addContextProperties(engine);
}

void QmlTestSetup::addContextProperties(QQmlEngine *)
{}
