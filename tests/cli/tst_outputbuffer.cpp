// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// OutputBuffer against a pipe whose reader is slow: with a non-blocking descriptor (EAGAIN, partial
// writes) nothing is lost or reordered, the rest goes out when the pipe drains, and more than the
// limit pending makes append() wait for the reader instead of growing.
#include "outputbuffer.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using Hubbub::Cli::OutputBuffer;

namespace {

QByteArray numberedLines(int from, int count, int width)
{
    QByteArray out;
    for (int i = from; i < from + count; ++i)
        out += QByteArray::number(i).rightJustified(width, '0') + '\n';
    return out;
}

// Reads everything available from a non-blocking descriptor.
QByteArray drain(int fd)
{
    QByteArray out;
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n <= 0)
            return out;
        out.append(chunk, n);
    }
}

} // namespace

class TestOutputBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void flushedWhenTheLoopWaits();
    void partialWritesResumeWhenThePipeDrains();
    void overTheLimitWaitsForTheReader();

private:
    int m_read = -1;
    int m_write = -1;
};

void TestOutputBuffer::init()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    m_read = fds[0];
    m_write = fds[1];
    QVERIFY(::fcntl(m_read, F_SETFL, ::fcntl(m_read, F_GETFL) | O_NONBLOCK) == 0);
    QVERIFY(::fcntl(m_write, F_SETFL, ::fcntl(m_write, F_GETFL) | O_NONBLOCK) == 0);
}

void TestOutputBuffer::cleanup()
{
    ::close(m_read);
    ::close(m_write);
}

void TestOutputBuffer::flushedWhenTheLoopWaits()
{
    OutputBuffer output(m_write);
    output.append("one\n");
    output.append("two\n");
    QCOMPARE(drain(m_read), QByteArray()); // buffered: the burst is not over
    QCOMPARE(output.pendingBytes(), 8);
    // The event loop going back to waiting (QTest::qWait does not wait that way) writes the burst
    // out, in one piece.
    QEventLoop loop;
    QTimer::singleShot(0, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(drain(m_read), QByteArray("one\ntwo\n"));
    QCOMPARE(output.pendingBytes(), 0);
}

void TestOutputBuffer::partialWritesResumeWhenThePipeDrains()
{
    OutputBuffer output(m_write);
    const QByteArray expected = numberedLines(0, 100000, 9); // 1 MB, far more than a pipe holds
    output.append(expected);
    output.flush();
    QVERIFY(output.pendingBytes() > 0); // EAGAIN: the pipe is full, the rest is kept
    QVERIFY(output.pendingBytes() < expected.size());
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += drain(m_read)).size() >= expected.size(), 30000);
    QCOMPARE(got.size(), expected.size());
    QVERIFY(got == expected);
    QCOMPARE(output.pendingBytes(), 0);
    QVERIFY(!output.failed());
}

void TestOutputBuffer::overTheLimitWaitsForTheReader()
{
    // A reader thread that reads slowly; the writer appends more than the limit without returning
    // to the event loop (as a burst of events would). append() must then wait for the reader.
    const QByteArray expected = numberedLines(0, 700000, 9); // 7 MB > limit()
    QVERIFY(expected.size() > OutputBuffer::limit());
    QByteArray got;
    std::thread reader([&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (std::chrono::steady_clock::now() < deadline) {
            const QByteArray chunk = drain(m_read);
            got += chunk;
            if (got.size() >= expected.size())
                break;
            if (chunk.isEmpty())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    {
        OutputBuffer output(m_write);
        qsizetype maxPending = 0;
        for (qsizetype at = 0; at < expected.size(); at += 100000) {
            output.append(QByteArrayView(expected).sliced(at, qMin<qsizetype>(100000, expected.size() - at)));
            maxPending = qMax(maxPending, output.pendingBytes());
        }
        QVERIFY(maxPending <= OutputBuffer::limit());
        // The destructor writes the rest (as at exit), waiting for the reader.
    }
    reader.join();
    QCOMPARE(got.size(), expected.size());
    QVERIFY(got == expected);
}

QTEST_GUILESS_MAIN(TestOutputBuffer)
#include "tst_outputbuffer.moc"
