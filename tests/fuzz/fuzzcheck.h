// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
//! \file fuzzcheck.h
//! \brief What every harness in tests/fuzz shares: the libFuzzer entry points and a check that
//! aborts (so libFuzzer saves the input) when a property of the code under test does not hold.
//!
//! Q_ASSERT is compiled out of release builds and QVERIFY needs a test object; a fuzzer needs a
//! crash, whatever the build type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

#define HUBBUB_FUZZ_CHECK(cond)                                                                              \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond);            \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)
