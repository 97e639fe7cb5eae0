// Equal Earth against reference values from d3-geo's geoEqualEarthRaw (an independent implementation).
#include <gtest/gtest.h>

#include <cmath>

#include "core/projection.h"

using atlas::equal_earth::forward;
using atlas::equal_earth::inverse;

TEST(EqualEarth, ForwardMatchesReferenceImplementation) {
    struct Case { double lon, lat, x, y; };
    const Case cases[] = {
        {0, 0, 0, 0},
        {180, 0, 2.7066299837, 0},
        {0, 90, 0, 1.3173627592},
        {-99.1277, 19.4285, -1.4498505067, 0.3896109924},  // Mexico City
        {139.69, 35.69, 1.9094344535, 0.6978537656},       // Tokyo
        {-58.38, -34.6, -0.8027175367, -0.6780504049},     // Buenos Aires
    };
    for (const auto& c : cases) {
        const auto p = forward(c.lon, c.lat);
        EXPECT_NEAR(p.x, c.x, 1e-9) << c.lon << "," << c.lat;
        EXPECT_NEAR(p.y, c.y, 1e-9) << c.lon << "," << c.lat;
    }
}

TEST(EqualEarth, InverseUndoesForwardEverywhere) {
    for (double lat = -89; lat <= 89; lat += 7.3)
        for (double lon = -179; lon <= 179; lon += 11.7) {
            double lon2 = 0, lat2 = 0;
            ASSERT_TRUE(inverse(forward(lon, lat), lon2, lat2));
            EXPECT_NEAR(lon2, lon, 1e-8);
            EXPECT_NEAR(lat2, lat, 1e-8);
        }
}

TEST(EqualEarth, InverseRejectsPointsOffTheMap) {
    double lon = 0, lat = 0;
    EXPECT_FALSE(inverse({3.0, 0}, lon, lat));            // east of the 180th meridian
    EXPECT_FALSE(inverse({0, 1.4}, lon, lat));            // above the pole line
    EXPECT_FALSE(inverse({2.6, 1.2}, lon, lat));          // outside the rounded corner
    EXPECT_FALSE(inverse({NAN, 0}, lon, lat));
}

TEST(EqualEarth, IsSymmetric) {
    const auto a = forward(-75, 40), b = forward(75, -40);
    EXPECT_DOUBLE_EQ(a.x, -b.x);
    EXPECT_DOUBLE_EQ(a.y, -b.y);
}
