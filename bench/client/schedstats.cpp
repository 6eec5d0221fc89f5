// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
#include "schedstats.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray readProc(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The number after `key` and the separator (`:` and spaces) in /proc's "key : value" lines.
qint64 field(const QByteArray &text, const QByteArray &key)
{
    qsizetype at = text.indexOf(key);
    if (at < 0)
        return -1;
    at += key.size();
    while (at < text.size() && (text.at(at) == ' ' || text.at(at) == ':' || text.at(at) == '\t'))
        ++at;
    const qsizetype end = text.indexOf('\n', at);
    return text.mid(at, end < 0 ? -1 : end - at).trimmed().split('.').value(0).toLongLong();
}

// sum_exec_runtime is in milliseconds with six decimals.
qint64 fieldMsAsNs(const QByteArray &text, const QByteArray &key)
{
    qsizetype at = text.indexOf(key);
    if (at < 0)
        return -1;
    at = text.indexOf(':', at);
    const qsizetype end = text.indexOf('\n', at);
    return qint64(text.mid(at + 1, end - at - 1).trimmed().toDouble() * 1e6);
}

} // namespace

SchedStats SchedStats::read(qint64 pid, qint64 tid)
{
    SchedStats s;
    const QString task = u"/proc/%1/task/%2/"_s.arg(pid).arg(tid);
    const QByteArray sched = readProc(task + u"sched"_s);
    if (sched.isEmpty())
        return s;
    s.migrations = field(sched, "se.nr_migrations");
    s.voluntarySwitches = field(sched, "nr_voluntary_switches");
    s.forcedSwitches = field(sched, "nr_involuntary_switches");
    s.runNs = fieldMsAsNs(sched, "se.sum_exec_runtime");
    // Field 39 of stat is the CPU last run on; fields are counted after the parenthesised name.
    const QByteArray stat = readProc(task + u"stat"_s);
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 10 (minflt), 14 (utime) and 15 (stime) are indexes 7, 11 and 12 here.
    if (fields.size() > 36) {
        s.cpu = fields.at(36).toInt();
        const long ticks = ::sysconf(_SC_CLK_TCK);
        s.minorFaults = fields.at(7).toLongLong();
        s.userMs = fields.at(11).toLongLong() * 1000 / ticks;
        s.systemMs = fields.at(12).toLongLong() * 1000 / ticks;
    }
    const QByteArray io = readProc(u"/proc/%1/io"_s.arg(pid));
    s.readCalls = field(io, "syscr");
    s.readBytes = field(io, "rchar");
    return s;
}

SchedStats SchedStats::since(const SchedStats &before) const
{
    if (!valid() || !before.valid())
        return *this;
    SchedStats d = *this;
    d.migrations -= before.migrations;
    d.voluntarySwitches -= before.voluntarySwitches;
    d.forcedSwitches -= before.forcedSwitches;
    d.runNs -= before.runNs;
    d.readCalls -= before.readCalls;
    d.userMs -= before.userMs;
    d.systemMs -= before.systemMs;
    d.minorFaults -= before.minorFaults;
    d.readBytes -= before.readBytes;
    return d;
}
