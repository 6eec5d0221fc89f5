// SPDX-FileCopyrightText: 2026 Hubbub contributors
// SPDX-License-Identifier: MIT
// The main() of a fuzz harness built without libFuzzer (the default gcc tree): runs
// LLVMFuzzerTestOneInput once on every file named on the command line, or in a directory named
// there, so the seed corpus and the regression inputs are exercised by every build.
#include "fuzzcheck.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace fs = std::filesystem;

static bool runFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
    return true;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int files = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        if (!fs::is_directory(arg)) {
            ok = runFile(arg) && ok;
            ++files;
            continue;
        }
        // Sorted, so that a failure names the same file on every run.
        std::vector<fs::path> entries;
        for (const auto &entry : fs::directory_iterator(arg)) {
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                entries.push_back(entry.path());
        }
        std::sort(entries.begin(), entries.end());
        for (const auto &path : entries) {
            ok = runFile(path) && ok;
            ++files;
        }
    }
    std::fprintf(stderr, "replayed %d inputs\n", files);
    return ok && files > 0 ? 0 : 1;
}
