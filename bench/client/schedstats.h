// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file schedstats.h
//! \brief What the scheduler did to one thread during a benchmark run, read from /proc: the CPU it
//! was last on, how often it moved between CPUs, its context switches, its CPU time and how many
//! read-type system calls its process made. The throughput benchmark prints these for the stand-in
//! sender and for the receiver under test, so that a slow run can be told from a slow client.
#pragma once

#include <QtGlobal>

struct SchedStats
{
    int cpu = -1;                  //!< the CPU the thread last ran on
    qint64 migrations = -1;        //!< moves between CPUs
    qint64 voluntarySwitches = -1; //!< waits (for the socket, mostly)
    qint64 forcedSwitches = -1;    //!< preemptions
    qint64 runNs = -1;             //!< CPU time of this thread
    qint64 userMs = -1;            //!< of which in user space (clock-tick resolution)
    qint64 systemMs = -1;          //!< and in the kernel
    qint64 minorFaults = -1;       //!< pages first touched (fresh memory from the kernel)
    qint64 readCalls = -1;         //!< read-type system calls of the whole process
    qint64 readBytes = -1;         //!< bytes those returned

    bool valid() const { return migrations >= 0; }
    //! Reads thread \a tid of process \a pid (the main thread when \a tid is \a pid).
    static SchedStats read(qint64 pid, qint64 tid);
    //! The counters' growth from \a before to this (cpu is this one's).
    SchedStats since(const SchedStats &before) const;
};
