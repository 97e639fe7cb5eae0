#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "core/decimal.h"

using atlas::read_plain_decimal;

namespace {
// The fast path agrees with the C library bit for bit, and ends where it ends; or it leaves the
// number to the C library.
void same_as_strtod(const std::string& text, bool expect_fast) {
    double fast = 0;
    const char* end = nullptr;
    const bool took = read_plain_decimal(text.c_str(), fast, end);
    EXPECT_EQ(took, expect_fast) << text;
    if (!took) return;
    char* c_end = nullptr;
    const double c = std::strtod(text.c_str(), &c_end);
    EXPECT_EQ(std::memcmp(&fast, &c, sizeof c), 0) << text << ": " << fast << " vs " << c;
    EXPECT_EQ(end, c_end) << text;
}
}  // namespace

TEST(Decimal, PlainDecimalsAreReadExactlyAsStrtodReadsThem) {
    for (const char* t : {"0", "-0", "19.989", "-98.2", "2015", "0.001", "1e3", "1E-3", "-1.5e+2", "123456789012345",
                          "9007199254740992", "0.1", "0.3", "5.", ".5", "-.25", "1e22", "1e-22", "3.14159265358979",
                          "12abc", "7,8", "2.5e1x"})
        same_as_strtod(t, true);
    // Random coordinates and years as the data files write them.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> coordinate(-180, 180);
    for (int i = 0; i < 20000; ++i) {
        char text[64];
        std::snprintf(text, sizeof text, "%.*f", int(rng() % 9), coordinate(rng));
        same_as_strtod(text, true);
    }
}

TEST(Decimal, WhatItCannotReadExactlyIsLeftToStrtod) {
    for (const char* t : {" 5", "inf", "-inf", "nan", "0x1p3", "0X10", "", "-", ".", "+.", "e5", "1e23", "1e-23",
                          "9007199254740993", "12345678901234567890123", "1.7976931348623157e308", "4.9e-324", "1e", "1e+",
                          "100000000000000000000", "1.000000000000000000000"})
        same_as_strtod(t, false);
}
