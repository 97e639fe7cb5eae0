// The creative fields are told apart by colour on the map: every pair of field colours must stay
// distinguishable for people with protanopia, deuteranopia and tritanopia. Each colour goes through
// the full-severity simulation of Machado, Oliveira & Fernandes (2009, IEEE TVCG 15(6)), applied to
// linear RGB; the pair's distance is then measured in CIELAB (ΔE*ab, D65). The minimum stated here,
// 15, is well above the 2.3 of a just-noticeable difference and keeps small markers apart; the
// shipped palette (Okabe & Ito's) reaches at least 16.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "test_data.h"

using namespace atlas;

namespace {
using Matrix = std::array<std::array<double, 3>, 3>;
using Vec = std::array<double, 3>;

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

Vec lab(const Vec& rgb) {  // linear sRGB -> CIELAB (D65)
    const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

Vec simulate(const Matrix& m, const Color& c) {
    const Vec in{to_linear(c.r), to_linear(c.g), to_linear(c.b)};
    Vec out{};
    for (int r = 0; r < 3; ++r)
        out[r] = std::clamp(m[r][0] * in[0] + m[r][1] * in[1] + m[r][2] * in[2], 0.0, 1.0);
    return lab(out);
}

struct Vision {
    const char* name;
    Matrix m;
};
const Vision kVisions[] = {
    {"typical", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia", {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia", {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia", {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
};
constexpr double kMinDeltaE = 15;
}  // namespace

TEST(ColorVision, EveryPairOfFieldColoursStaysApartForEveryColourVision) {
    const Dataset d = test::shipped_data().dataset;
    ASSERT_GE(d.fields.size(), 8u);
    for (const Vision& v : kVisions)
        for (std::size_t i = 0; i < d.fields.size(); ++i)
            for (std::size_t j = i + 1; j < d.fields.size(); ++j) {
                const Vec a = simulate(v.m, d.fields[i].color), b = simulate(v.m, d.fields[j].color);
                const double de = std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
                EXPECT_GE(de, kMinDeltaE) << v.name << ": " << d.fields[i].id << " and " << d.fields[j].id;
            }
}

TEST(ColorVision, TheSimulationConfusesWhatAProtanopeConfuses) {
    // A red and the dull olive a protanope sees in its place: one colour for them, two for others.
    const Color red{0.84f, 0.19f, 0.15f}, olive{0.396f, 0.354f, 0.136f};
    const Vec a = simulate(kVisions[1].m, red), b = simulate(kVisions[1].m, olive);
    const Vec ta = simulate(kVisions[0].m, red), tb = simulate(kVisions[0].m, olive);
    EXPECT_LT(std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), kMinDeltaE);   // alike for a protanope
    EXPECT_GT(std::hypot(ta[0] - tb[0], ta[1] - tb[1], ta[2] - tb[2]), kMinDeltaE);  // apart for typical vision
}
